package org.dbb.console.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class MonitoringCsvTest {

    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    @Test
    void headerNamesEveryColumnOfTheTableInOrder() {
        assertThat(MonitoringCsv.header()).isEqualTo("id,run_id,environment,stage,activity,item,attempt,status,"
                + "job_instance_id,started_at,ended_at,duration_ms,rows_read,rows_written,error_code,error_message,"
                + "operator\r\n");
    }

    @Test
    void aRecordQuotesOnlyFieldsWithCommasQuotesOrLineBreaksAndLeavesAbsentValuesEmpty() {
        MonitoringRow row = new MonitoringRow(OptionalLong.of(7), "run-1", "PROD", "Integration", "Copy, then load",
                Optional.empty(), 2, MonitoringStatus.FAILED, Optional.of("job-9"), T0,
                Optional.of(T0.plusMillis(4_200)), OptionalLong.of(10), OptionalLong.empty(), Optional.of("E42"),
                Optional.of("said \"busy\"\r\nretry"), "ops");

        assertThat(MonitoringCsv.record(row)).isEqualTo("7,run-1,PROD,Integration,\"Copy, then load\",,2,Failed,"
                + "job-9,2026-03-01T06:00:00Z,2026-03-01T06:00:04.200Z,4200,10,,E42,\"said \"\"busy\"\"\r\nretry\","
                + "ops\r\n");
    }

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(MonitoringCsv.quote("Sales ÅÄÖ 日本")).isEqualTo("Sales ÅÄÖ 日本");
        assertThat(MonitoringCsv.quote("")).isEmpty();
        assertThat(MonitoringCsv.quote("a\rb")).isEqualTo("\"a\rb\"");
    }
}
