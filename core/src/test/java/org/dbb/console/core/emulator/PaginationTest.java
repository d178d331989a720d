package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;

class PaginationTest {

    @TempDir
    Path temp;

    private EmulatorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void smallPagesCarryAContinuationUriUntilTheLastPage() {
        harness = EmulatorHarness.start(temp, Scenario.neutral(), b -> b.pageSize(2));

        List<String> names = new ArrayList<>();
        String next = "/v1/workspaces";
        int pages = 0;
        JsonNode last = null;
        while (next != null) {
            last = harness.get(next).json();
            last.path("value").forEach(w -> names.add(w.path("displayName").asText()));
            next = last.hasNonNull("continuationUri") ? last.path("continuationUri").asText() : null;
            pages++;
        }

        assertThat(names).containsExactly("DBB Sandbox", "DBB-DEV", "DBB-TEST", "DBB-PROD");
        assertThat(pages).isEqualTo(2);
        assertThat(last.has("continuationToken")).isFalse();
        assertThat(last.has("continuationUri")).isFalse();
    }

    @Test
    void continuationTokenOnTheSameRequestGivesTheNextPageKeepingTheFilter() {
        harness = EmulatorHarness.start(temp, Scenario.neutral(), b -> b.pageSize(4));
        String path = "/v1/workspaces/" + harness.sandbox() + "/items?type=SemanticModel";

        JsonNode first = harness.get(path).json();
        JsonNode second = harness.get(path + "&continuationToken=" + first.path("continuationToken").asText()).json();

        assertThat(first.path("value")).hasSize(4);
        assertThat(first.path("continuationUri").asText()).startsWith(harness.emulator.baseUrl())
                .contains("type=SemanticModel").contains("continuationToken=");
        assertThat(second.path("value")).hasSize(2);
        assertThat(second.has("continuationToken")).isFalse();
        List<String> all = new ArrayList<>(first.path("value").findValuesAsText("displayName"));
        all.addAll(second.path("value").findValuesAsText("displayName"));
        assertThat(all).containsExactlyInAnyOrder("Sales", "Finance", "Inventory", "Customer360", "Operations",
                "HR");
    }

    @Test
    void anUnknownContinuationTokenIsRefused() {
        harness = EmulatorHarness.start(temp, Scenario.neutral(), b -> b.pageSize(2));

        EmulatorHarness.Reply reply = harness.get("/v1/workspaces?continuationToken=not-a-token");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("InvalidContinuationToken");
    }
}
