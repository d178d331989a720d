package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;

class PolicyFileEditorTest {

    private static final String PIPELINE = "{\r\n  \"properties\": {\r\n    \"activities\": [\r\n"
            + "      {\"name\": \"A\", \"type\": \"Copy\", \"policy\": {\"timeout\": \"0.01:00:00\","
            + " \"retry\": 3, \"retryIntervalInSeconds\": 30}},\r\n"
            + "      {\"name\": \"B\", \"type\": \"Lookup\", \"policy\": {\"retry\": 1}}\r\n    ]\r\n  }\r\n}\r\n";

    @TempDir
    Path temp;

    private final PolicyFileEditor editor = new PolicyFileEditor(
            new RetryPolicyEditor(new PipelineReader(), new AtomicFileWriter()), new AtomicFileWriter());

    private Path file(String text, boolean bom) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("p.DataPipeline"));
        Path file = dir.resolve("pipeline-content.json");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = bom ? concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body) : body;
        Files.write(file, bytes);
        return file;
    }

    @Test
    void changesOfSeveralActivitiesLandInOneWriteKeepingByteOrderMarkAndLineEndings() throws Exception {
        Path file = file(PIPELINE, true);
        byte[] before = Files.readAllBytes(file);

        PolicyFileEdit edit = editor.preview(file, List.of(
                new ActivityPolicyChange("A", RetryPolicyUpdate.none().withRetry(5)),
                new ActivityPolicyChange("B", RetryPolicyUpdate.none().withRetryIntervalInSeconds(60))));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        editor.apply(edit);

        String expected = PIPELINE.replace("\"retry\": 3,", "\"retry\": 5,")
                .replace("\"policy\": {\"retry\": 1}", "\"policy\": {\"retry\": 1, \"retryIntervalInSeconds\": 60}");
        assertThat(Files.readAllBytes(file)).isEqualTo(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readAllBytes(AtomicFileWriter.backupOf(file))).isEqualTo(before);
        assertThat(edit.changedEdits()).extracting(RetryPolicyEdit::activityName).containsExactly("A", "B");
    }

    @Test
    void anyInvalidValueStopsTheWholeFileAndNamesEveryProblem() throws Exception {
        Path file = file(PIPELINE, false);

        assertThatThrownBy(() -> editor.preview(file, List.of(
                new ActivityPolicyChange("A", RetryPolicyUpdate.none().withRetry("1001")),
                new ActivityPolicyChange("B", RetryPolicyUpdate.none().withTimeout("8.00:00:00")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.message()).containsExactly(
                                "activity \"A\": retry 1001 is outside the allowed range 0 to 1000; enter a whole"
                                        + " number of retries from 0 to 1000 (0 means a single attempt)",
                                "activity \"B\": timeout 8.00:00:00 (8 days) is outside the allowed range: longer"
                                        + " than the maximum 7.00:00:00 (7 days); enter a timeout from 0.00:00:01"
                                        + " to 7.00:00:00, e.g. 0.12:00:00 for 12 hours"));
        assertThat(Files.readString(file)).isEqualTo(PIPELINE);
    }

    @Test
    void aFileEditedElsewhereAfterThePreviewIsLeftAlone() throws Exception {
        Path file = file(PIPELINE, false);
        PolicyFileEdit edit = editor.preview(file, List.of(
                new ActivityPolicyChange("A", RetryPolicyUpdate.none().withRetry(5))));
        String elsewhere = PIPELINE.replace("\"retry\": 1}", "\"retry\": 2}");
        Files.writeString(file, elsewhere);

        assertThatThrownBy(() -> editor.apply(edit)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the file changed on disk after the retry policies were loaded");
        assertThat(Files.readString(file)).isEqualTo(elsewhere);
        assertThat(Files.exists(AtomicFileWriter.backupOf(file))).isFalse();
    }

    @Test
    void theScheduleSpellsOutEveryAttemptAndTheWorstCase() {
        RetrySchedule schedule = new RetrySchedule(3, Duration.ofSeconds(30), Duration.ofHours(2));

        assertThat(schedule.worstCaseText()).isEqualTo("worst case 4 × 2 h timeout + 3 × 30 s = 8 h 01 min 30 s");
        assertThat(schedule.attemptLines()).first().isEqualTo("attempt 1 at t0 (runs up to 2 h)");
        assertThat(new RetrySchedule(20, Duration.ofSeconds(60), Duration.ofMinutes(5)).attemptLines())
                .hasSize(6).contains("… 16 more attempts, each 1 min after the previous one fails …")
                .last().asString().startsWith("attempt 21: 1 min after attempt 20 fails");
        assertThat(RetrySchedule.compact(Duration.ofDays(1).plusMinutes(5))).isEqualTo("1 d 00 h 05 min");
        assertThat(RetrySchedule.compact(Duration.ZERO)).isEqualTo("0 s");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
