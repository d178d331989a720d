package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;

class CommandLineRunnerTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs one command with services of its own, closed after it so no database is left open in the folder. */
    private int run(String... args) {
        try (ConsoleServices services = new ConsoleServices(new DataDirectories(temp.resolve("data")))) {
            return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sampleExportWritesTheWorkspace() {
        Path dir = temp.resolve("ws");
        assertThat(run("sample", "export", dir.toString())).isZero();
        assertThat(dir.resolve("dbb-console.yml")).isRegularFile();
        assertThat(dir.resolve("fabric/parameter.yml")).isRegularFile();
        assertThat(out()).contains("Sample workspace written to");
    }

    @Test
    void sampleExportIntoANonEmptyFolderFailsWithoutTouchingIt() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThat(run("sample", "export", dir.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(err()).contains("busy").contains("error:");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("keep.txt"));
        }
    }

    @Test
    void retrySetChangesOnlyThePolicyValuesAndKeepsABackup() throws Exception {
        Path ws = temp.resolve("ws");
        assertThat(run("sample", "export", ws.toString())).isZero();
        Path file = ws.resolve("fabric/orchestration_pipeline_DBB.DataPipeline/pipeline-content.json");
        String before = Files.readString(file);
        out.reset();

        int exit = run("retry", "set", "--workspace", ws.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "Run transformation pipeline", "--retry", "5", "--interval", "60");

        assertThat(exit).isZero();
        String after = Files.readString(file);
        java.util.List<String> beforeLines = before.lines().toList();
        java.util.List<String> afterLines = after.lines().toList();
        assertThat(afterLines).hasSameSizeAs(beforeLines);
        long changedLines = java.util.stream.IntStream.range(0, beforeLines.size())
                .filter(i -> !beforeLines.get(i).equals(afterLines.get(i))).count();
        assertThat(changedLines).isEqualTo(2);
        assertThat(after).contains("\"retry\": 5,").contains("\"retryIntervalInSeconds\": 60,");
        assertThat(file.resolveSibling("pipeline-content.json.bak")).hasContent(before);
        assertThat(out()).contains("5 retries · up to 6 attempts").contains("+          \"retry\": 5,");
    }

    @Test
    void retrySetRefusesValuesOutsideFabricLimitsWithoutWriting() throws Exception {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        Path file = ws.resolve("fabric/orchestration_pipeline_DBB.DataPipeline/pipeline-content.json");
        String before = Files.readString(file);

        assertThat(run("retry", "set", "-w", ws.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "Run transformation pipeline", "--retry", "1001")).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("retry", "set", "-w", ws.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "Run transformation pipeline", "--timeout", "8.00:00:00"))
                .isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("retry", "set", "-w", ws.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "Run transformation pipeline", "--interval", "1.5"))
                .isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("retry", "set", "-w", ws.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "No such activity", "--retry", "1")).isEqualTo(CommandLineRunner.BAD_USAGE);

        assertThat(err()).contains("0 to 1000").contains("7 days").contains("No such activity");
        assertThat(file).hasContent(before);
        assertThat(file.resolveSibling("pipeline-content.json.bak")).doesNotExist();
    }

    @Test
    void paramsSetChangesOneValueAndAnEnvironmentColumnKeepingEverythingElse() throws Exception {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        Path file = ws.resolve("fabric/parameter.yml");
        String before = Files.readString(file);

        assertThat(run("params", "set", file.toString(), "--param", "key_value_replace", "--index", "2",
                "--env", "TEST", "--value", "3")).isZero();
        String afterSet = Files.readString(file);
        assertThat(diffLines(before, afterSet)).singleElement().asString().contains("\"TEST\": 3");

        assertThat(run("params", "set", file.toString(), "--add-env", "UAT", "--copy-from", "TEST")).isZero();
        assertThat(run("params", "set", file.toString(), "--remove-env", "UAT")).isZero();
        assertThat(Files.readString(file)).isEqualTo(afterSet);
    }

    @Test
    void paramsSetRefusesAValueOfAnotherTypeWithoutWriting() throws Exception {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        Path file = ws.resolve("fabric/parameter.yml");
        String before = Files.readString(file);

        assertThat(run("params", "set", file.toString(), "--param", "key_value_replace", "--index", "2",
                "--env", "TEST", "--value", "\"three\"")).isEqualTo(CommandLineRunner.ERRORS_FOUND);

        assertThat(err()).contains("parameter.yml:").contains("one value type across environments");
        assertThat(file).hasContent(before);
    }

    @Test
    void paramsSetNeedsExactlyOneKindOfChange() {
        assertThat(run("params", "set", "parameter.yml")).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("params", "set", "parameter.yml", "--add-env", "A", "--remove-env", "B"))
                .isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(err()).contains("nothing to do").contains("one change at a time");
    }

    private static java.util.List<String> diffLines(String a, String b) {
        java.util.List<String> left = a.lines().toList();
        java.util.List<String> right = b.lines().toList();
        assertThat(right).hasSameSizeAs(left);
        return java.util.stream.IntStream.range(0, left.size()).filter(i -> !left.get(i).equals(right.get(i)))
                .mapToObj(right::get).toList();
    }

    @Test
    void validateReportsTheSampleCleanAndRejectsAnUnknownEnvironment() {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        out.reset();

        assertThat(run("validate", "--workspace", ws.toString(), "--env", "PROD")).isZero();
        assertThat(out()).contains("0 errors").contains("OK");
        assertThat(run("validate", "--workspace", ws.toString(), "--env", "UAT"))
                .isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(err()).contains("unknown environment 'UAT'").contains("sandbox, DEV, TEST, PROD");
    }

    @Test
    void validatePrintsEachProblemWithPathLineAndColumnAndExitsOne() throws Exception {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        Path params = ws.resolve("fabric/parameter.yml");
        Files.writeString(params, Files.readString(params).replaceFirst("is_regex: \"true\"", "is_regex: true"));
        out.reset();

        assertThat(run("validate", "-w", ws.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(out()).containsPattern("fabric/parameter\\.yml:\\d+:\\d+: error: The provided 'is_regex' is not"
                + " of type string");
    }

    @Test
    void paramsCheckUsesFabricCicdVerdictsOnTheSharedFixtures() {
        java.util.Optional<Path> fixtures = org.dbb.console.app.testing.Fixtures.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(fixtures.isPresent(), "../shared/fixtures is not beside the clone");
        Path dir = fixtures.get().resolve("parameter-yml");

        assertThat(run("params", "check", dir.resolve("01-fabric-cicd-sample.yml").toString(), "--env", "PPE"))
                .isZero();
        assertThat(run("params", "check", dir.resolve("invalid/t10-is-regex-false-boolean.yml").toString()))
                .isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(run("params", "check", dir.resolve("invalid/t16-ALL-mixed-with-other-envs.yml").toString()))
                .isZero();
        assertThat(run("params", "check", dir.resolve("invalid/t16-ALL-mixed-with-other-envs.yml").toString(),
                "--env", "PPE")).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(out()).contains("The '_ALL_' environment key can only be used alone");
    }

    @Test
    void paramsPreviewShowsTheFilesAnEnvironmentChanges() {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        out.reset();

        assertThat(run("params", "preview", "-w", ws.toString(), "--env", "PROD")).isZero();
        assertThat(out()).contains("--- a/Sales.SemanticModel/definition/expressions.tmdl")
                .contains("+expression SqlEndpoint = \"nx6doub2fi7dhz4mk6qkxoszs5")
                .contains("change for environment PROD");
    }

    @Test
    void paramsPreviewForTheSandboxResolvesEveryVariableToTheEmulatorsIds() throws Exception {
        Path ws = temp.resolve("ws");
        run("sample", "export", ws.toString());
        org.dbb.console.core.workspace.Workspace workspace = new ConsoleServices(new DataDirectories(temp))
                .workspaceLoader().open(ws);
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        String lakehouseId;
        String workspaceId;
        try {
            org.dbb.console.core.emulator.EmulatedWorkspace sandbox = org.dbb.console.core.emulator.FabricEmulator
                    .builder(workspace).handlerExecutor(executor).scheduler(scheduler).build()
                    .workspace("sandbox").orElseThrow();
            lakehouseId = sandbox.itemId("Lakehouse", "lh_bronze").toString();
            workspaceId = sandbox.id().toString();
        } finally {
            executor.shutdownNow();
            scheduler.shutdownNow();
        }
        out.reset();

        assertThat(run("params", "preview", "-w", ws.toString(), "--env", "sandbox")).isZero();

        assertThat(out()).contains("+# META       \"default_lakehouse\": \"" + lakehouseId + "\"")
                .contains("\"default_lakehouse_workspace_id\": \"" + workspaceId + "\"")
                .doesNotContain("Unresolved variable");
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertThat(run("sample", "export", temp.resolve("x").toString(), "--frobnicate")).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(err()).contains("frobnicate");
    }

    @Test
    void everyCommandHasHelp() {
        picocli.CommandLine cli = new picocli.CommandLine(new DbbCommand(),
                new picocli.CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> cls) throws Exception {
                        try {
                            return cls.getDeclaredConstructor(ConsoleServices.class)
                                    .newInstance(new ConsoleServices(new DataDirectories(temp)));
                        } catch (NoSuchMethodException e) {
                            return picocli.CommandLine.defaultFactory().create(cls);
                        }
                    }
                });
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
        collect(cli, new java.util.ArrayList<>(), paths);
        assertThat(paths).isNotEmpty();
        for (java.util.List<String> path : paths) {
            out.reset();
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).as("dbb %s --help", path).isZero();
            assertThat(out()).as("dbb %s --help", path).contains("Usage:");
        }
    }

    private static void collect(picocli.CommandLine cli, java.util.List<String> prefix,
                                java.util.List<java.util.List<String>> into) {
        for (var entry : cli.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            java.util.List<String> path = new java.util.ArrayList<>(prefix);
            path.add(entry.getKey());
            into.add(path);
            collect(entry.getValue(), path, into);
        }
    }
}
