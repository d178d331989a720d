package org.dbb.console.core.fabric.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.testing.CapturingLogger;
import org.dbb.console.core.fabric.testing.FakeTokens;
import org.dbb.console.core.fabric.testing.TransportFixture;

class RedactingLoggingTest {

    private static final String PLANTED = "planted-T0KEN-9f8e7d";
    private static final String FRESH = "planted-FRESH-1a2b3c";
    private static final String SIG = "planted-SIG-5566";

    private final TransportFixture fixture = new TransportFixture(new FakeTokens(PLANTED, FRESH));
    private final CapturingLogger log = new CapturingLogger();
    private final ApiTransport transport = fixture.builder().httpLogger(log).build();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPlantedTokenAppearsNowhereInTheLogsOrMessages() {
        ApiCall call = ApiCall.get(Service.FABRIC, "/v1/workspaces");
        fixture.enqueue(401, "{\"errorCode\":\"TokenExpired\",\"message\":\"expired\"}");
        fixture.enqueue(200, "{}", "x-ms-request-id", "req-42",
                "Location", fixture.base() + "/v1/next?sig=" + SIG);
        fixture.enqueue(400, "{\"errorCode\":\"Boom\",\"message\":\"failed for Bearer " + PLANTED + " and sig=" + SIG
                + "\"}");

        transport.execute(ApiRequest.to(call, transport.url(Service.FABRIC, "v1", "workspaces")
                .addQueryParameter("sig", SIG).addQueryParameter("code", SIG).build()));
        Throwable failure = catchThrowable(() -> transport.execute(ApiRequest.to(call,
                transport.url(Service.FABRIC, "v1", "workspaces").build())));

        String logged = log.all();
        assertThat(logged).contains("GET /v1/workspaces?sig=••••••&code=•••••• -> 401",
                "-> 200", "request id req-42", "Authorization: ••••••");
        assertThat(logged).doesNotContain(PLANTED, FRESH, SIG);
        assertThat(failure).isInstanceOf(FabricApiException.class);
        assertThat(failure.getMessage()).doesNotContain(PLANTED, SIG).contains("Boom");
    }

    @Test
    void aFailedExchangeIsLoggedWithoutItsToken() {
        fixture.server.enqueue(new MockResponse()
                .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        ApiTransport once = fixture.builder().httpLogger(log).retryBudget(RetryBudget.none()).build();
        assertThatThrownBy(() -> once.execute(ApiRequest.to(ApiCall.get(Service.FABRIC, "/v1/workspaces"),
                once.url(Service.FABRIC, "v1", "workspaces").build()))).isInstanceOf(FabricApiException.class);

        assertThat(log.all()).contains("GET /v1/workspaces failed after").doesNotContain(PLANTED);
    }
}
