package org.dbb.console.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;

class LaunchAuditTest {

    private static final Instant AT = Instant.parse("2026-11-27T06:05:31Z");

    private static RunPlan plan(Optional<RerunRequest> rerun) {
        Map<String, JsonNode> parameters = Map.of("retention_days", IntNode.valueOf(45), "api_key",
                TextNode.valueOf("s3cret"));
        RunRequest request = new RunRequest("PROD", parameters, true, Optional.of(List.of("Sales", "HR")),
                OptionalInt.of(2), RefreshMode.POWER_BI_API, "jdoe", rerun);
        return new RunPlan(request, "PROD", "ws-1", "DBB-PROD", new ItemRef("DataPipeline",
                "orchestration_pipeline_DBB", "ws-1", "p-1"), parameters, Map.of(), List.of(), 1.0, List.of(),
                Set.of("api_key"));
    }

    @Test
    void aLaunchNamesWhoWhereTheRunAndTheChoicesWithSecureValuesMasked() {
        AuditEntry entry = LaunchAudit.entry(plan(Optional.empty()), "run-7", AT, Optional.of("month-end reload"));

        assertThat(entry.action()).isEqualTo(AuditAction.LAUNCH);
        assertThat(entry.actor()).isEqualTo("jdoe");
        assertThat(entry.environment()).isEqualTo("PROD");
        assertThat(entry.subject()).isEqualTo("run run-7");
        assertThat(entry.runId()).contains("run-7");
        assertThat(entry.reason()).contains("month-end reload");
        assertThat(entry.after()).contains("parameters {api_key=••••••, retention_days=45}, maintenance,"
                + " models Sales, HR, concurrency 2");
        assertThat(entry.after().orElseThrow()).doesNotContain("s3cret");
    }

    @Test
    void aReRunNamesItsOriginalAndWhatItRepeatsAndABlankReasonIsNone() {
        AuditEntry entry = LaunchAudit.entry(plan(Optional.of(new RerunRequest("run-6", RerunMode.FROM_STAGE,
                Optional.of("Transformation")))), "run-8", AT, Optional.of("  "));

        assertThat(entry.action()).isEqualTo(AuditAction.RERUN);
        assertThat(entry.subject()).isEqualTo("run run-6: from stage Transformation on");
        assertThat(entry.runId()).contains("run-8");
        assertThat(entry.reason()).isEmpty();
    }
}
