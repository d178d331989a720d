package org.dbb.console.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.testing.TransportFixture;

class FabricLookupsTest {

    private final TransportFixture fixture = new TransportFixture();
    private final FabricClient fabric = new FabricClient(fixture.transport());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void listWorkspacesFollowsContinuationUriVerbatim() {
        fixture.enqueue(200, "{\"value\":[{\"id\":\"w1\",\"displayName\":\"DBB Dev\",\"type\":\"Workspace\","
                + "\"capacityId\":\"c1\"}],\"continuationToken\":\"tok%2B1\",\"continuationUri\":\""
                + fixture.base() + "/v1/workspaces?continuationToken=tok%2B1\"}");
        fixture.enqueue(200, "{\"value\":[{\"id\":\"w2\",\"displayName\":\"Mine\",\"type\":\"Personal\"}]}");

        List<Workspace> workspaces = fabric.listWorkspaces();

        assertThat(workspaces).extracting(Workspace::id).containsExactly("w1", "w2");
        assertThat(workspaces.get(0).type()).isEqualTo(WorkspaceType.WORKSPACE);
        assertThat(workspaces.get(0).capacityId()).contains("c1");
        assertThat(workspaces.get(1).description()).isEmpty();
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces");
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces?continuationToken=tok%2B1");
    }

    @Test
    void listItemsByTypeFollowsContinuationTokenKeepingTheFilter() {
        fixture.enqueue(200, "{\"value\":[{\"id\":\"n1\",\"displayName\":\"Load\",\"type\":\"Notebook\","
                + "\"workspaceId\":\"w1\"}],\"continuationToken\":\"abc==\"}");
        fixture.enqueue(200, "{\"value\":[{\"id\":\"n2\",\"displayName\":\"Check\",\"type\":\"Notebook\","
                + "\"folderId\":\"f1\",\"someNewField\":{\"x\":1}}]}");

        List<Item> items = fabric.listItems("w1", "Notebook");

        assertThat(items).extracting(Item::id).containsExactly("n1", "n2");
        assertThat(items.get(1).workspaceId()).isEqualTo("w1");
        assertThat(items.get(1).folderId()).contains("f1");
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items?type=Notebook");
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items?type=Notebook&continuationToken=abc%3D%3D");
    }

    @Test
    void getsOneWorkspaceAndOneItem() {
        fixture.enqueue(200, "{\"id\":\"w1\",\"displayName\":\"DBB Prod\",\"type\":\"SomethingNew\","
                + "\"capacityRegion\":\"West Europe\"}");
        fixture.enqueue(200, "{\"id\":\"p1\",\"displayName\":\"orchestration_pipeline_DBB\","
                + "\"type\":\"DataPipeline\",\"workspaceId\":\"w1\",\"description\":\"master\"}");

        Workspace workspace = fabric.getWorkspace("w1");
        Item item = fabric.getItem("w1", "p1");

        assertThat(workspace.type()).isEqualTo(WorkspaceType.UNKNOWN);
        assertThat(workspace.capacityRegion()).contains("West Europe");
        assertThat(item).isEqualTo(new Item("p1", "orchestration_pipeline_DBB", Optional.of("master"),
                "DataPipeline", "w1", Optional.empty()));
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1");
        assertThat(fixture.take().getPath()).isEqualTo("/v1/workspaces/w1/items/p1");
    }

    @Test
    void listsConnectionsWithUnknownEnumValuesMappedToUnknown() {
        fixture.enqueue(200, "{\"value\":[{\"id\":\"c1\",\"displayName\":\"dwh\",\"connectivityType\":"
                + "\"ShareableCloud\",\"connectionDetails\":{\"type\":\"SQL\",\"path\":\"srv;db\"},"
                + "\"privacyLevel\":\"Organizational\",\"credentialDetails\":{\"credentialType\":\"OAuth2\"}},"
                + "{\"id\":\"c2\",\"displayName\":\"gw\",\"connectivityType\":\"QuantumTunnel\",\"gatewayId\":\"g1\","
                + "\"privacyLevel\":\"Secret\"}]}");

        List<Connection> connections = fabric.listConnections();

        assertThat(connections.get(0)).isEqualTo(new Connection("c1", "dwh", ConnectivityType.SHAREABLE_CLOUD,
                Optional.empty(), Optional.of("SQL"), Optional.of("srv;db"), PrivacyLevel.ORGANIZATIONAL,
                Optional.of("OAuth2")));
        assertThat(connections.get(1).connectivityType()).isEqualTo(ConnectivityType.UNKNOWN);
        assertThat(connections.get(1).privacyLevel()).isEqualTo(PrivacyLevel.UNKNOWN);
        assertThat(connections.get(1).gatewayId()).contains("g1");
        assertThat(fixture.take().getPath()).isEqualTo("/v1/connections");
    }

    @Test
    void neverFollowsAContinuationUriToAnotherHost() {
        fixture.enqueue(200, "{\"value\":[],\"continuationUri\":\"https://elsewhere.example/v1/workspaces?x=1\"}");

        assertThatThrownBy(fabric::listWorkspaces)
                .isInstanceOfSatisfying(FabricApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("UntrustedContinuationUri"))
                .hasMessageContaining("host elsewhere.example");
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fallsBackToTheTokenWhenTheContinuationUriPointsElsewhere() {
        fixture.enqueue(200, "{\"value\":[{\"id\":\"w1\",\"displayName\":\"a\"}],\"continuationToken\":\"t2\","
                + "\"continuationUri\":\"https://elsewhere.example/v1/workspaces?continuationToken=t2\"}");
        fixture.enqueue(200, "{\"value\":[{\"id\":\"w2\",\"displayName\":\"b\"}]}");

        assertThat(fabric.listWorkspaces()).extracting(Workspace::id).containsExactly("w1", "w2");
        fixture.take();
        RecordedRequest second = fixture.take();
        assertThat(second.getPath()).isEqualTo("/v1/workspaces?continuationToken=t2");
    }

    @Test
    void stopsWhenTheServiceRepeatsAContinuation() {
        fixture.enqueue(200, "{\"value\":[],\"continuationToken\":\"same\"}");
        fixture.enqueue(200, "{\"value\":[],\"continuationToken\":\"same\"}");

        assertThatThrownBy(fabric::listWorkspaces)
                .isInstanceOfSatisfying(FabricApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("PaginationLoop"));
    }

    @Test
    void aResponseWithoutTheIdsTheConsoleNeedsIsAClearError() {
        fixture.enqueue(200, "{\"value\":[{\"displayName\":\"no id\"}]}");

        assertThatThrownBy(() -> fabric.listItems("w1"))
                .isInstanceOf(FabricApiException.class)
                .hasMessageContaining("GET /v1/workspaces/{workspaceId}/items failed: UnreadableResponse")
                .hasMessageContaining("no item id");
    }

    @Test
    void aBodyThatIsNotJsonIsAClearError() {
        fixture.enqueue(200, "<html>proxy login</html>", "RequestId", "r-9");

        assertThatThrownBy(() -> fabric.getWorkspace("w1"))
                .isInstanceOf(FabricApiException.class)
                .hasMessageContaining("GET /v1/workspaces/{workspaceId} failed: 200 UnreadableResponse: "
                        + "the response body is not JSON")
                .hasMessageEndingWith("(request id r-9)");
    }
}
