package org.dbb.console.core.workspace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.json.SingleChange;

class RetryPolicyEditorTest {

    @TempDir
    Path dir;

    private final PipelineReader reader = new PipelineReader();
    private final RetryPolicyEditor editor = new RetryPolicyEditor(reader, new AtomicFileWriter());

    /** A writable copy of a fixture in the test's temporary folder (the fixtures themselves are read-only). */
    private Path copyOf(String fixture) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("pipeline.DataPipeline"));
        Path copy = folder.resolve("pipeline-content.json");
        Files.write(copy, Files.readAllBytes(Fixtures.file(fixture)));
        return copy;
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            pipelines/01_fabric-cicd_RunHelloWorld.DataPipeline/pipeline-content.json,                     Run Hello World,         0
            pipelines/02_fabric-toolbox_LoadFCA_E2E.DataPipeline/pipeline-content.json,                    Load Meters,             1
            pipelines/03_fabric-toolbox_Load_FUAM_Data_E2E.DataPipeline/pipeline-content.json,             Generate_Calendar_Table, 0
            pipelines/04_fabric-toolbox_Load_Capacity_Refreshables_E2E.DataPipeline/pipeline-content.json, Copy files,              0
            """)
    void changingOneRetryInARealPipelineChangesExactlyThatToken(String fixture, String activity, String before)
            throws IOException {
        Path file = copyOf(fixture);
        byte[] original = Files.readAllBytes(file);

        RetryPolicyEdit edit = editor.apply(file, activity, RetryPolicyUpdate.none().withRetry(7));

        String written = text(file);
        SingleChange change = SingleChange.between(new String(original, StandardCharsets.UTF_8), written);
        assertThat(change.removed()).isEqualTo(before);
        assertThat(change.added()).isEqualTo("7");
        assertThat(written.substring(change.offset() - 9, change.offset())).isEqualTo("\"retry\": ");
        assertThat(edit.changedPaths()).containsExactly(edit.activityPath().member("policy").member("retry"));
        assertThat(Files.readAllBytes(AtomicFileWriter.backupOf(file))).isEqualTo(original);
        assertThat(reader.read(file, "p").findByName(activity).get(0).policy().orElseThrow().retry()).contains(7);
    }

    @Test
    void missingPolicyMembersAreAddedInFabricsOrderWithTheSurroundingIndentation() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FUAM);
        String original = text(file);

        editor.apply(file, "Load_Activities",
                RetryPolicyUpdate.dbbDefaults().withTimeout(Duration.ofHours(2)));

        String written = text(file);
        assertThat(SingleChange.between(original, written).removed()).isEmpty();
        assertThat(written).contains(String.join("\n",
                "                \"policy\": {",
                "                    \"timeout\": \"0.02:00:00\",",
                "                    \"retry\": 3,",
                "                    \"retryIntervalInSeconds\": 30,",
                "                    \"secureInput\": false",
                "                },"));
    }

    @Test
    void anActivityNestedInAnIfConditionIsFoundAndChanged() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FUAM);

        RetryPolicyEdit edit = editor.apply(file, "Load_Domains", RetryPolicyUpdate.none().withRetry(2));

        assertThat(edit.activityPath()).hasToString("$.properties.activities[12].typeProperties.ifTrueActivities[0]");
        assertThat(text(file)).contains(String.join("\n",
                "                            \"policy\": {",
                "                                \"retry\": 2,",
                "                                \"secureInput\": false",
                "                            },"));
    }

    @Test
    void aWholePolicyIsAddedBeforeTypePropertiesWhenTheActivityHasNone() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FUAM);
        String original = text(file);

        editor.apply(file, "If has domains", RetryPolicyUpdate.none().withRetry(3));

        String written = text(file);
        assertThat(SingleChange.between(original, written).removed()).isEmpty();
        assertThat(written).contains(String.join("\n",
                "                ],",
                "                \"policy\": {",
                "                    \"retry\": 3",
                "                },",
                "                \"typeProperties\": {",
                "                    \"expression\": {"));
    }

    @Test
    void theByteOrderMarkIsKeptAndAPolicyIsAddedToTheTestDataPipeline() throws IOException {
        Path file = copyOf(Fixtures.INVOKE_TEST_DATA);
        byte[] original = Files.readAllBytes(file);
        assertThat(original[0]).isEqualTo((byte) 0xEF);

        editor.apply(file, Fixtures.INVOKE_PIPELINE_ROOT, "Wait5Seconds", RetryPolicyUpdate.dbbDefaults());

        byte[] written = Files.readAllBytes(file);
        assertThat(written[0]).isEqualTo((byte) 0xEF);
        assertThat(written[1]).isEqualTo((byte) 0xBB);
        assertThat(written[2]).isEqualTo((byte) 0xBF);
        String text = new String(written, StandardCharsets.UTF_8);
        SingleChange change = SingleChange.between(new String(original, StandardCharsets.UTF_8), text);
        assertThat(change.removed()).isEmpty();
        assertThat(text).contains(String.join("\n",
                "                  \"dependsOn\": [],",
                "                  \"policy\": {",
                "                    \"retry\": 3,",
                "                    \"retryIntervalInSeconds\": 30",
                "                  },",
                "                  \"userProperties\": [],"));
        ActivityPolicy policy = reader.read(file, "p", Fixtures.INVOKE_PIPELINE_ROOT).activities().get(0)
                .policy().orElseThrow();
        assertThat(policy.retryWording()).isEqualTo("3 retries \u00b7 up to 4 attempts");
        assertThat(policy.effectiveRetryIntervalInSeconds()).isEqualTo(30);
    }

    @Test
    void windowsLineEndingsAreKeptWhenAMemberIsAdded() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);
        Files.writeString(file, text(file).replace("\n", "\r\n"));
        String original = text(file);

        editor.apply(file, "Load Quotas", RetryPolicyUpdate.none().withRetry(3));

        String written = text(file);
        assertThat(written.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(written.split("\r\n", -1)).hasSize(original.split("\r\n", -1).length + 1);
        assertThat(written).contains("\"policy\": {\r\n                    \"retry\": 3,\r\n"
                + "                    \"secureInput\": false\r\n                },");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            retry,    -1,          'retry -1 is outside the allowed range 0 to 1000; enter a whole number of retries from 0 to 1000'
            retry,    1001,        'retry 1001 is outside the allowed range 0 to 1000'
            retry,    three,       'retry "three" is not a whole number; enter a whole number of retries from 0 to 1000'
            retry,    2.5,         'retry "2.5" is not a whole number'
            interval, 0,           'retry interval 0 s is outside the allowed range 1 to 86400 seconds; enter a whole number of seconds from 1 to 86400'
            interval, 86401,       'retry interval 86401 s is outside the allowed range 1 to 86400 seconds'
            interval, 30s,         'retry interval "30s" is not a whole number'
            timeout,  7.00:00:01,  'timeout 7.00:00:01 (7 days 1 second) is outside the allowed range: longer than the maximum 7.00:00:00 (7 days); enter a timeout from 0.00:00:01 to 7.00:00:00'
            timeout,  0.00:00:00,  'timeout 0.00:00:00 is zero, which Fabric does not allow; enter a timeout from 0.00:00:01 to 7.00:00:00'
            timeout,  12h,         'the timeout "12h" is not in the form D.HH:MM:SS (days optional); write it e.g. 0.12:00:00 for 12 hours or 1.00:00:00 for one day (allowed range: 0.00:00:01 to 7.00:00:00)'
            timeout,  0.24:00:00,  'has 24 hours; hours go from 0 to 23, so write 1.00:00:00 instead'
            """)
    void valuesOutsideFabricsLimitsAreRefusedNamingActivityValueAndRangeAndNothingIsWritten(String field,
            String value, String expected) throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);
        byte[] original = Files.readAllBytes(file);
        RetryPolicyUpdate update = switch (field) {
            case "retry" -> RetryPolicyUpdate.none().withRetry(value);
            case "interval" -> RetryPolicyUpdate.none().withRetryIntervalInSeconds(value);
            default -> RetryPolicyUpdate.none().withTimeout(value);
        };

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> editor.apply(file, "Load Meters", update));

        Problem problem = thrown.problems().get(0);
        assertThat(problem.message()).startsWith("activity \"Load Meters\": ").contains(expected);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).isPositive();
        assertThat(problem.jsonPath().orElseThrow()).startsWith("$.properties.activities[3].policy.");
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(AtomicFileWriter.backupOf(file)).doesNotExist();
    }

    @Test
    void everyBadValueIsReportedAtOnce() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> editor.apply(file, "Load Meters", RetryPolicyUpdate.none().withRetry(-1)
                        .withRetryIntervalInSeconds(0).withTimeout("8.00:00:00")));

        assertThat(thrown.problems()).extracting(p -> p.jsonPath().orElseThrow()).containsExactly(
                "$.properties.activities[3].policy.timeout",
                "$.properties.activities[3].policy.retry",
                "$.properties.activities[3].policy.retryIntervalInSeconds");
    }

    @Test
    void theLimitsThemselvesAreAccepted() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);

        editor.apply(file, "Load Meters", RetryPolicyUpdate.none().withRetry(1000)
                .withRetryIntervalInSeconds(86400).withTimeout("7.00:00:00"));
        editor.apply(file, "FCA Version", RetryPolicyUpdate.none().withRetry(0)
                .withRetryIntervalInSeconds(1).withTimeout("00:00:01"));

        Pipeline pipeline = reader.read(file, "p");
        ActivityPolicy meters = pipeline.topLevel("Load Meters").orElseThrow().policy().orElseThrow();
        assertThat(meters.retry()).contains(1000);
        assertThat(meters.retryIntervalInSeconds()).contains(86400);
        assertThat(meters.timeoutText()).contains("7.00:00:00");
        ActivityPolicy version = pipeline.topLevel("FCA Version").orElseThrow().policy().orElseThrow();
        assertThat(version.timeoutText()).contains("0.00:00:01");
        assertThat(version.retry()).contains(0);
    }

    @Test
    void valuesEqualToTheCurrentOnesLeaveTheFileAlone() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);
        byte[] original = Files.readAllBytes(file);

        RetryPolicyEdit edit = editor.apply(file, "Focus Data", RetryPolicyUpdate.none().withRetry(1)
                .withRetryIntervalInSeconds(30).withTimeout("01:00:00"));

        assertThat(edit.changed()).isFalse();
        assertThat(edit.editedText()).isEqualTo(edit.originalText());
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(AtomicFileWriter.backupOf(file)).doesNotExist();
    }

    @Test
    void aPreviewShowsTheChangeWithoutWriting() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);
        byte[] original = Files.readAllBytes(file);

        RetryPolicyEdit edit = editor.preview(file, "Focus Data", RetryPolicyUpdate.none().withTimeout("0.03:00:00"));

        assertThat(edit.changed()).isTrue();
        assertThat(SingleChange.between(edit.originalText(), edit.editedText()))
                .satisfies(c -> assertThat(c.removed() + "->" + c.added()).isEqualTo("1->03"));
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void anUnknownActivityIsReportedWithTheNamesThatExist() throws IOException {
        Path file = copyOf(Fixtures.HELLO_WORLD);

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> editor.apply(file, "Run Helo World", RetryPolicyUpdate.dbbDefaults()));

        assertThat(thrown.problems().get(0).message())
                .isEqualTo("no activity is named \"Run Helo World\" in this pipeline; pick one of \"Run Hello World\"");
    }

    @Test
    void anAmbiguousNameListsTheJsonPathsOfEveryMatch() throws IOException {
        Path file = dir.resolve("pipeline-content.json");
        Files.writeString(file, """
                {"properties": {"activities": [
                  {"name": "Step", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 1}},
                  {"name": "Loop", "type": "ForEach", "typeProperties": {"items": "@range(0,2)", "activities": [
                    {"name": "Step", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 1}}]}}
                ]}}""");

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> editor.apply(file, "Step", RetryPolicyUpdate.dbbDefaults()));

        assertThat(thrown.problems().get(0).message()).contains("2 activities are named \"Step\" (at "
                + "$.properties.activities[0], $.properties.activities[1].typeProperties.activities[0])")
                .contains("rename");
    }

    @Test
    void aReadOnlyFileIsLeftUntouched() throws IOException {
        Path file = copyOf(Fixtures.LOAD_FCA);
        byte[] original = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> editor.apply(file, "Load Meters", RetryPolicyUpdate.dbbDefaults()));

        assertThat(thrown.problems().get(0).message()).contains("read-only").contains("make the file writable");
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(AtomicFileWriter.backupOf(file)).doesNotExist();
    }

    @Test
    void aMalformedFileIsReportedWithLineAndColumnAndLeftUntouched() throws IOException {
        Path file = dir.resolve("pipeline-content.json");
        String broken = "{\n  \"properties\": {\n    \"activities\": [\n      {\"name\": \"A\",}\n    ]\n  }\n}\n";
        Files.writeString(file, broken);

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> editor.apply(file, "A", RetryPolicyUpdate.dbbDefaults()));

        assertThat(thrown.problems().get(0).line()).isEqualTo(4);
        assertThat(thrown.problems().get(0).column()).isEqualTo(20);
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void thePolicyPathOfTheNestedCopyActivityIsWhereItsRetryLives() throws IOException {
        Path file = copyOf(Fixtures.REFRESHABLES);

        RetryPolicyEdit edit = editor.preview(file, "Copy files", RetryPolicyUpdate.none().withRetry(3));

        assertThat(edit.changedPaths()).containsExactly(
                ConcretePath.parse("$.properties.activities[5].typeProperties.activities[1].policy.retry"));
    }
}
