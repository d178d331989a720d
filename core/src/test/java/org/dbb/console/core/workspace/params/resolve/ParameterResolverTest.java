package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.env;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.names;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.paths;
import static org.dbb.console.core.workspace.params.resolve.TestRepository.types;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.ItemFilters;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterResolverTest {

    static final String NB_LOAD_ID = "11111111-aaaa-4aaa-8aaa-000000000001";
    static final String NB_TRANSFORM_ID = "11111111-aaaa-4aaa-8aaa-000000000002";
    static final String PIPELINE_ID = "11111111-aaaa-4aaa-8aaa-000000000003";
    static final String DEV_LAKEHOUSE = "22222222-bbbb-4bbb-8bbb-000000000001";
    static final String ZERO = "00000000-0000-0000-0000-000000000000";
    static final String DEV_SERVER = "sql-dev.contoso.net";

    static final String NOTEBOOK = """
            # Fabric notebook source

            # METADATA ********************

            # META {
            # META   "dependencies": {
            # META     "lakehouse": {
            # META       "default_lakehouse": "%s",
            # META       "default_lakehouse_name": "LH_Gold",
            # META       "default_lakehouse_workspace_id": "%s"
            # META     }
            # META   }
            # META }

            # CELL ********************

            server = "%s"
            print(server)
            """.formatted(DEV_LAKEHOUSE, ZERO, DEV_SERVER);

    static final String PIPELINE = """
            {
              "properties": {
                "activities": [
                  {
                    "name": "Run NB Load",
                    "type": "TridentNotebook",
                    "typeProperties": {
                      "notebookId": "%s",
                      "workspaceId": "%s"
                    }
                  }
                ],
                "parameters": {
                  "SourceServer": {
                    "type": "string",
                    "defaultValue": "%s"
                  },
                  "Retries": {
                    "type": "int",
                    "defaultValue": 1
                  }
                }
              }
            }
            """.formatted(NB_LOAD_ID, ZERO, DEV_SERVER);

    static final String EXPRESSIONS = """
            expression Server = "%s" meta [IsParameterQuery=true, Type="Text", IsParameterQueryRequired=true]
            \tlineageTag: 5c0a0e1a-1111-2222-3333-444444444444

            expression Database = "dev_db" meta [IsParameterQuery=true, Type="Text", IsParameterQueryRequired=true]
            \tlineageTag: 5c0a0e1a-1111-2222-3333-555555555555
            """.formatted(DEV_SERVER);

    @TempDir
    Path dir;

    TestRepository repo;
    final ParameterResolver resolver = new ParameterResolver();

    @BeforeEach
    void createRepository() {
        repo = new TestRepository(dir)
                .item("NB Load.Notebook", "Notebook", "NB Load", NB_LOAD_ID)
                .file("NB Load.Notebook/notebook-content.py", NOTEBOOK)
                .bytes("NB Load.Notebook/diagram.png", png(DEV_SERVER))
                .item("Transform/NB Transform.Notebook", "Notebook", "NB Transform", NB_TRANSFORM_ID)
                .file("Transform/NB Transform.Notebook/notebook-content.py", NOTEBOOK)
                .item("PL_Load.DataPipeline", "DataPipeline", "PL_Load", PIPELINE_ID)
                .file("PL_Load.DataPipeline/pipeline-content.json", PIPELINE)
                .file("PL_Load.DataPipeline/.schedules", """
                        {
                          "schedules": [
                            {"enabled": false, "jobType": "Execute"},
                            {"enabled": false, "jobType": "Refresh"}
                          ]
                        }
                        """)
                .item("SM_Sales.SemanticModel", "SemanticModel", "SM_Sales", "11111111-aaaa-4aaa-8aaa-000000000004")
                .file("SM_Sales.SemanticModel/definition.pbism", "{\"version\": \"4.0\", \"settings\": {}}\n")
                .file("SM_Sales.SemanticModel/definition/expressions.tmdl", EXPRESSIONS)
                .file("SM_Sales.SemanticModel/.pbi/localSettings.json", "{\"server\": \"" + DEV_SERVER + "\"}\n")
                .item("EH_Telemetry.Eventhouse", "Eventhouse", "EH_Telemetry", "11111111-aaaa-4aaa-8aaa-000000000005")
                .file("EH_Telemetry.Eventhouse/EventhouseProperties.json", "{}\n")
                .file("EH_Telemetry.Eventhouse/.children/notes.txt", "server " + DEV_SERVER + "\n")
                .item("EH_Telemetry.Eventhouse/.children/DB.KQLDatabase", "KQLDatabase", "DB",
                        "11111111-aaaa-4aaa-8aaa-000000000006")
                .file("EH_Telemetry.Eventhouse/.children/DB.KQLDatabase/DatabaseSchema.kql",
                        "// source " + DEV_SERVER + "\n")
                .item("LH_Gold.Lakehouse", "Lakehouse", "LH_Gold", "11111111-aaaa-4aaa-8aaa-000000000007")
                .file("LH_Gold.Lakehouse/lakehouse.metadata.json", "{\"server\": \"" + DEV_SERVER + "\"}\n")
                .file("LH_Gold.Lakehouse/shortcuts.metadata.json", "[{\"name\": \"s\", \"path\": \"Tables\","
                        + " \"target\": {\"oneLake\": {\"workspaceId\": \"" + ZERO + "\", \"server\": \""
                        + DEV_SERVER + "\"}}}]\n")
                .item("ENV_Spark.Environment", "Environment", "ENV_Spark", "11111111-aaaa-4aaa-8aaa-000000000008")
                .file("ENV_Spark.Environment/Setting/Sparkcompute.yml", """
                        # driver settings
                        instance_pool_id: 72c68dbc-0775-4d59-909d-a47896f4573b
                        driver_cores: 8
                        runtime_version: 1.3
                        """);
    }

    private static byte[] png(String payload) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] body = payload.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[magic.length + body.length];
        System.arraycopy(magic, 0, out, 0, magic.length);
        System.arraycopy(body, 0, out, magic.length, body.length);
        return out;
    }

    private ResolutionResult apply(List<FindReplaceEntry> findReplace, List<KeyValueReplaceEntry> keyValues,
                                   String environment) {
        return apply(repo.parameters(findReplace, keyValues), environment, ReplacementContext.empty(),
                ResolverOptions.preview());
    }

    private ResolutionResult apply(ParameterFile parameters, String environment, ReplacementContext context,
                                   ResolverOptions options) {
        return resolver.apply(parameters, repo.scan(), environment, context, options);
    }

    private String after(ResolutionResult result, String relative) {
        return result.change(repo.path(relative)).map(FileChange::after).orElse(repo.read(relative));
    }

    private List<String> changedFiles(ResolutionResult result) {
        return result.changes().stream().map(c -> result.relative(c.file())).toList();
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::message).toList();
    }

    // --- environments ------------------------------------------------------------------------------------

    @Test
    void usesTheValueOfTheExactEnvironmentKey() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER,
                env("PPE", "sql-ppe.contoso.net", "PROD", "sql-prod.contoso.net"), types("Notebook"));
        assertThat(after(apply(List.of(entry), List.of(), "PROD"), "NB Load.Notebook/notebook-content.py"))
                .contains("server = \"sql-prod.contoso.net\"");
        assertThat(after(apply(List.of(entry), List.of(), "PPE"), "NB Load.Notebook/notebook-content.py"))
                .contains("server = \"sql-ppe.contoso.net\"");
    }

    @Test
    void allKeyInAnyCaseAppliesToEveryEnvironment() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("_all_", "sql.contoso.net"), types("Notebook"));
        for (String environment : List.of("PPE", "PROD", "whatever")) {
            ResolutionResult result = apply(List.of(entry), List.of(), environment);
            assertThat(after(result, "NB Load.Notebook/notebook-content.py")).contains("\"sql.contoso.net\"");
            assertThat(result.problems()).isEmpty();
        }
    }

    @Test
    void entryWithoutTheTargetEnvironmentIsSkippedWithFabricCicdsWarning() {
        FindReplaceEntry first = repo.literal(1, DEV_SERVER, env("PROD", "x"), ItemFilters.NONE);
        FindReplaceEntry second = repo.regex(2, "server = \"([^\"]+)\"", env("prod", "y"), ItemFilters.NONE);
        ResolutionResult result = apply(List.of(first, second), List.of(), "PPE");
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.warnings())).containsExactly(
                "The find value 'sql-dev.contoso.net' replacement will be skipped due to target environment 'PPE'"
                        + " not found in parameter find_replace 1",
                "The find value regex 'server = \"([^\"]+)\"' replacement will be skipped due to target environment"
                        + " 'PPE' not found in parameter find_replace 2");
        assertThat(result.warnings().get(0).line()).isEqualTo(10);
    }

    @Test
    void singleEntryListsAreNamedWithoutANumberAsFabricCicdDoes() {
        ResolutionResult result = apply(List.of(repo.literal(1, DEV_SERVER, env("PROD", "x"), ItemFilters.NONE)),
                List.of(), "PPE");
        assertThat(messages(result.warnings())).containsExactly("The find value 'sql-dev.contoso.net' replacement"
                + " will be skipped due to target environment 'PPE' not found in parameter find_replace");
    }

    // --- order ---------------------------------------------------------------------------------------------

    @Test
    void keyValueReplaceRunsBeforeFindReplaceWhichSeesItsOutput() {
        // Written first in the file but applied second: it finds the text the key_value_replace entry produced.
        FindReplaceEntry rename = repo.literal(1, "KV-WROTE-THIS", env("PROD", "then-find-replace"), ItemFilters.NONE);
        KeyValueReplaceEntry kv = repo.keyValue(1, "$.properties.parameters.SourceServer.defaultValue",
                env("PROD", "KV-WROTE-THIS"), types("DataPipeline"));
        ResolutionResult result = apply(List.of(rename), List.of(kv), "PROD");
        FileChange change = result.change(repo.path("PL_Load.DataPipeline/pipeline-content.json")).orElseThrow();
        assertThat(change.after()).contains("\"defaultValue\": \"then-find-replace\"").doesNotContain("KV-WROTE");
        assertThat(change.applied()).extracting(AppliedReplacement::label)
                .containsExactly("key_value_replace 1", "find_replace 1");
    }

    @Test
    void entriesRunInFileOrderEachSeeingThePreviousOutput() {
        FindReplaceEntry first = repo.literal(1, DEV_SERVER, env("PROD", "step-one"), types("Notebook"));
        FindReplaceEntry second = repo.literal(2, "step-one", env("PROD", "step-two"), types("Notebook"));
        FindReplaceEntry third = repo.literal(3, "step-one", env("PROD", "never"), types("Notebook"));
        String text = after(apply(List.of(first, second, third), List.of(), "PROD"),
                "NB Load.Notebook/notebook-content.py");
        assertThat(text).contains("server = \"step-two\"").doesNotContain("never");
    }

    // --- find_replace ------------------------------------------------------------------------------------------

    @Test
    void literalReplacesEveryOccurrenceAndIgnoreCaseMatchesAnyCase() {
        repo.file("NB Load.Notebook/notebook-content.py", "a = 'Dev'\nb = 'DEV'\nc = 'dev'\nd = 'Dev'\n");
        FindReplaceEntry exact = repo.literal(1, "Dev", env("PROD", "Prod"), names("NB Load"));
        assertThat(after(apply(List.of(exact), List.of(), "PROD"), "NB Load.Notebook/notebook-content.py"))
                .isEqualTo("a = 'Prod'\nb = 'DEV'\nc = 'dev'\nd = 'Prod'\n");
        FindReplaceEntry anyCase = new FindReplaceEntry(1, repo.at(10), "dev", env("PROD", "Prod"), false, true,
                names("NB Load"));
        ResolutionResult result = apply(List.of(anyCase), List.of(), "PROD");
        assertThat(after(result, "NB Load.Notebook/notebook-content.py"))
                .isEqualTo("a = 'Prod'\nb = 'Prod'\nc = 'Prod'\nd = 'Prod'\n");
        assertThat(result.changes().get(0).applied().get(0).occurrences()).isEqualTo(4);
    }

    @Test
    void regexReplacesOnlyGroupOneInEveryMatch() {
        FindReplaceEntry entry = repo.regex(1, "\"default_lakehouse\":\\s*\"([0-9a-fA-F-]{36})\"",
                env("PROD", "33333333-cccc-4ccc-8ccc-000000000001"), types("Notebook"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(changedFiles(result)).containsExactly("NB Load.Notebook/notebook-content.py",
                "Transform/NB Transform.Notebook/notebook-content.py");
        assertThat(after(result, "NB Load.Notebook/notebook-content.py"))
                .isEqualTo(NOTEBOOK.replace(DEV_LAKEHOUSE, "33333333-cccc-4ccc-8ccc-000000000001"));
    }

    @Test
    void regexWithIgnoreCaseAndMultipleMatchesInOneFile() {
        repo.file("NB Load.Notebook/notebook-content.py", "SERVER=a1;\nserver=b2;\nServer=c3;\n");
        FindReplaceEntry entry = new FindReplaceEntry(1, repo.at(10), "server=(\\w+);", env("PROD", "z"), true, true,
                names("NB Load"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(after(result, "NB Load.Notebook/notebook-content.py")).isEqualTo("SERVER=z;\nserver=z;\nServer=z;\n");
        assertThat(result.changes().get(0).applied().get(0).occurrences()).isEqualTo(3);
    }

    @Test
    void pythonNamedGroupSyntaxWorks() {
        FindReplaceEntry entry = repo.regex(1, "server = (?P<q>\")(?:[^\"]+)(?P=q)", env("PROD", "'"),
                names("NB Load"));
        assertThat(after(apply(List.of(entry), List.of(), "PROD"), "NB Load.Notebook/notebook-content.py"))
                .contains("server = '" + DEV_SERVER + "\"");
    }

    @Test
    void regexWithoutExactlyOneGroupIsAnErrorAndChangesNothing() {
        FindReplaceEntry none = repo.regex(1, "sql-dev\\.contoso\\.net", env("PROD", "x"), ItemFilters.NONE);
        FindReplaceEntry two = repo.regex(2, "(sql)-(dev)", env("PROD", "x"), ItemFilters.NONE);
        ResolutionResult result = apply(List.of(none, two), List.of(), "PROD");
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.errors())).containsExactly(
                "Regex pattern 'sql-dev\\.contoso\\.net' must contain exactly one capturing group. (find_replace 1"
                        + " has 0; use (?:...) for other groups)",
                "Regex pattern '(sql)-(dev)' must contain exactly one capturing group. (find_replace 2 has 2; use"
                        + " (?:...) for other groups)");
    }

    @Test
    void regexWhoseFirstMatchCapturesNothingIsAnErrorForThatFileOnly() {
        repo.file("NB Load.Notebook/notebook-content.py", "key=;key=5;\n");
        FindReplaceEntry entry = repo.regex(1, "key=(\\d*);", env("PROD", "9"), types("Notebook"));
        repo.file("Transform/NB Transform.Notebook/notebook-content.py", "key=5;key=;\n");
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(changedFiles(result)).containsExactly("Transform/NB Transform.Notebook/notebook-content.py");
        assertThat(after(result, "Transform/NB Transform.Notebook/notebook-content.py")).isEqualTo("key=9;key=9;\n");
        assertThat(messages(result.errors())).singleElement().asString()
                .startsWith("Regex pattern 'key=(\\d*);' captured an empty value.")
                .contains("NB Load.Notebook/notebook-content.py");
    }

    @Test
    void workspaceVariableAsFindValueIsResolvedFirst() {
        repo.file("NB Load.Notebook/notebook-content.py", "ws = \"44444444-0000-0000-0000-00000000dev0\"\n");
        FindReplaceEntry entry = repo.literal(1, "$workspace.Sales DEV", env("PROD", "$workspace.$id"),
                names("NB Load"));
        ReplacementContext context = ReplacementContext.builder()
                .workspace("55555555-0000-0000-0000-0000000prod0", "Sales PROD")
                .otherWorkspace(new OtherWorkspace("Sales DEV", "44444444-0000-0000-0000-00000000dev0", List.of()))
                .build();
        ResolutionResult result = apply(repo.parameters(List.of(entry), List.of()), "PROD", context,
                ResolverOptions.defaults());
        assertThat(after(result, "NB Load.Notebook/notebook-content.py"))
                .isEqualTo("ws = \"55555555-0000-0000-0000-0000000prod0\"\n");
        assertThat(result.changes().get(0).applied().get(0).variable()).contains("$workspace.$id");
    }

    // --- filters -----------------------------------------------------------------------------------------------

    @Test
    void filtersCombineWithAndAcrossKindsAndOrWithinAList() {
        FindReplaceEntry typeOrType = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                types("SemanticModel", "KQLDatabase"));
        assertThat(changedFiles(apply(List.of(typeOrType), List.of(), "PROD"))).containsExactly(
                "EH_Telemetry.Eventhouse/.children/DB.KQLDatabase/DatabaseSchema.kql",
                "SM_Sales.SemanticModel/definition/expressions.tmdl");
        FindReplaceEntry typeAndName = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                new ItemFilters(List.of("Notebook"), List.of("NB Transform", "PL_Load"), List.of()));
        assertThat(changedFiles(apply(List.of(typeAndName), List.of(), "PROD")))
                .containsExactly("Transform/NB Transform.Notebook/notebook-content.py");
        FindReplaceEntry contradicting = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                new ItemFilters(List.of("Notebook"), List.of("PL_Load"), List.of()));
        ResolutionResult none = apply(List.of(contradicting), List.of(), "PROD");
        assertThat(none.changes()).isEmpty();
        assertThat(messages(none.warnings())).containsExactly("find_replace 1 applies to no file: no file satisfies"
                + " its item_type, item_name and file_path filters together");
    }

    @Test
    void filePathGlobsSelectFilesFromTheRepositoryRoot() {
        FindReplaceEntry anyDepth = repo.literal(1, DEV_SERVER, env("PROD", "p"), paths("**/notebook-content.py"));
        assertThat(changedFiles(apply(List.of(anyDepth), List.of(), "PROD"))).containsExactly(
                "NB Load.Notebook/notebook-content.py", "Transform/NB Transform.Notebook/notebook-content.py");
        FindReplaceEntry topLevel = repo.literal(1, DEV_SERVER, env("PROD", "p"), paths("*/notebook-content.py"));
        assertThat(changedFiles(apply(List.of(topLevel), List.of(), "PROD")))
                .containsExactly("NB Load.Notebook/notebook-content.py");
        FindReplaceEntry list = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                paths("\\SM_Sales.SemanticModel\\definition\\expressions.tmdl", "PL_Load.DataPipeline/*.json"));
        assertThat(changedFiles(apply(List.of(list), List.of(), "PROD"))).containsExactly(
                "PL_Load.DataPipeline/pipeline-content.json", "SM_Sales.SemanticModel/definition/expressions.tmdl");
    }

    @Test
    void braceAlternativesAreNotExpandedSoTheyReplaceNothing() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                paths("*.{Notebook,DataPipeline}/*"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.warnings())).anySatisfy(m -> assertThat(m).contains("no brace expansion"))
                .contains("The find value 'sql-dev.contoso.net' replacement will be skipped due to unmatched optional"
                        + " filters in parameter find_replace");
    }

    @Test
    void filePathThatMatchesNothingMeansNothingIsReplacedNotNoFilter() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                paths("Missing.Notebook/notebook-content.py"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.warnings())).containsExactly(
                "Relative path 'Missing.Notebook/notebook-content.py' does not exist (find_replace)",
                "No valid file path found in the repository directory for ['Missing.Notebook/notebook-content.py']"
                        + " (find_replace)",
                "The find value 'sql-dev.contoso.net' replacement will be skipped due to unmatched optional filters"
                        + " in parameter find_replace");
    }

    @Test
    void rejectedGlobPatternsAreErrorsAndReplaceNothing() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"), paths("**/**/notebook-content.py"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.errors())).containsExactly(
                "Invalid wildcard combination in pattern: '**/**/notebook-content.py' (find_replace)");
    }

    @Test
    void unknownItemNamesAndTypesOutOfScopeAreReported() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"),
                new ItemFilters(List.of("Notebok"), List.of("NB Gone"), List.of()));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(messages(result.warnings())).contains("Item type 'Notebok' not in scope (find_replace)",
                "Item name 'NB Gone' not found in the repository directory (find_replace)");
    }

    // --- key_value_replace ----------------------------------------------------------------------------------------

    @Test
    void keyValueSetsEveryMatchOfAFilterPath() {
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.schedules[?(@.enabled==false)].enabled",
                env("PROD", true, "PPE", false), paths("**/.schedules"));
        ResolutionResult result = apply(List.of(), List.of(entry), "PROD");
        FileChange change = result.change(repo.path("PL_Load.DataPipeline/.schedules")).orElseThrow();
        assertThat(change.after()).isEqualTo("{\"schedules\": [{\"enabled\": true, \"jobType\": \"Execute\"},"
                + " {\"enabled\": true, \"jobType\": \"Refresh\"}]}");
        assertThat(change.serialization()).isEqualTo(Serialization.JSON);
        assertThat(change.applied().get(0).locations())
                .containsExactly("$['schedules'][0]['enabled']", "$['schedules'][1]['enabled']");
        assertThat(change.applied().get(0).replacement()).isEqualTo("true");
    }

    @Test
    void keyValueWritesNonStringValuesAsJsonAndResolvesVariablesInStrings() {
        KeyValueReplaceEntry retries = repo.keyValue(1, "$.properties.parameters.Retries.defaultValue",
                env("PROD", List.of(1, Map.of("k", "\u00e9"))), types("DataPipeline"));
        KeyValueReplaceEntry server = repo.keyValue(2, "$.properties.parameters.SourceServer.defaultValue",
                env("PROD", "$items.Lakehouse.LH_Gold.$sqlendpoint"), types("DataPipeline"));
        ReplacementContext context = ReplacementContext.builder()
                .deployed(DeployedItem.of("Lakehouse", "LH_Gold", "id").withSqlEndpoint("gold.sql.fabric"))
                .build();
        ResolutionResult result = apply(repo.parameters(List.of(), List.of(retries, server)), "PROD", context,
                ResolverOptions.defaults());
        assertThat(after(result, "PL_Load.DataPipeline/pipeline-content.json")).isEqualTo(
                "{\"properties\": {\"activities\": [{\"name\": \"Run NB Load\", \"type\": \"TridentNotebook\","
                        + " \"typeProperties\": {\"notebookId\": \"" + NB_LOAD_ID + "\", \"workspaceId\": \"" + ZERO
                        + "\"}}], \"parameters\": {\"SourceServer\": {\"type\": \"string\", \"defaultValue\":"
                        + " \"gold.sql.fabric\"}, \"Retries\": {\"type\": \"int\", \"defaultValue\": [1, {\"k\":"
                        + " \"\\u00e9\"}]}}}}");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void keyValueReserialisesMatchingJsonFilesEvenWhenNothingMatches() {
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.no.such.key", env("PROD", "x"), types("DataPipeline"));
        ResolutionResult result = apply(List.of(), List.of(entry), "PROD");
        assertThat(changedFiles(result)).containsExactly("PL_Load.DataPipeline/.schedules",
                "PL_Load.DataPipeline/pipeline-content.json");
        assertThat(result.change(repo.path("PL_Load.DataPipeline/.schedules")).orElseThrow().after())
                .isEqualTo("{\"schedules\": [{\"enabled\": false, \"jobType\": \"Execute\"}, {\"enabled\": false,"
                        + " \"jobType\": \"Refresh\"}]}");
        assertThat(messages(result.warnings())).containsExactly("key_value_replace 1: '$.no.such.key' matched"
                + " nothing in the 2 JSON/YAML file(s) it applies to; fabric-cicd leaves their values unchanged but"
                + " still re-serialises them");
    }

    @Test
    void keyValueOnYamlFilesDumpsLikePyYaml() {
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.driver_cores", env("PROD", 16), types("Environment"));
        ResolutionResult result = apply(List.of(), List.of(entry), "PROD");
        FileChange change = result.change(repo.path("ENV_Spark.Environment/Setting/Sparkcompute.yml")).orElseThrow();
        assertThat(change.serialization()).isEqualTo(Serialization.YAML);
        assertThat(change.after()).isEqualTo("""
                driver_cores: 16
                instance_pool_id: 72c68dbc-0775-4d59-909d-a47896f4573b
                runtime_version: 1.3
                """);
    }

    @Test
    void jsonFileWithAByteOrderMarkIsTreatedAsYamlLikeFabricCicdDoes() {
        repo.file("PL_Load.DataPipeline/pipeline-content.json", "\uFEFF{\"properties\": {\"b\": 1, \"a\": 2}}");
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.properties.a", env("PROD", 3),
                paths("PL_Load.DataPipeline/pipeline-content.json"));
        ResolutionResult result = apply(List.of(), List.of(entry), "PROD");
        FileChange change = result.change(repo.path("PL_Load.DataPipeline/pipeline-content.json")).orElseThrow();
        assertThat(change.serialization()).isEqualTo(Serialization.YAML);
        assertThat(change.after()).isEqualTo("properties:\n  a: 3\n  b: 1\n");
        assertThat(messages(result.warnings())).anySatisfy(m -> assertThat(m).contains("byte-order mark"));
    }

    @Test
    void aNotebookThatHappensToParseAsAYamlMappingIsRewrittenAsYamlAndFlagged() {
        // A Python annotation statement that YAML reads as a mapping.
        repo.file("NB Load.Notebook/notebook-content.py",
                "# Fabric notebook source\nsettings: {\"retries\": 3, \"env\": \"dev\"}\n");
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.x", env("PROD", 1), names("NB Load"));
        ResolutionResult result = apply(List.of(), List.of(entry), "PROD");
        FileChange change = result.changes().get(0);
        assertThat(change.serialization()).isEqualTo(Serialization.YAML);
        assertThat(change.after()).isEqualTo("settings:\n  env: dev\n  retries: 3\n");
        assertThat(result.warnings()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(repo.path("NB Load.Notebook/notebook-content.py"));
            assertThat(p.message()).startsWith("fabric-cicd reads this Notebook file as YAML");
        });
    }

    @Test
    void filesThatAreNeitherJsonNorYamlAreLeftAloneByKeyValueReplace() {
        KeyValueReplaceEntry entry = repo.keyValue(1, "$.x", env("PROD", 1), types("Notebook", "SemanticModel"));
        ResolutionResult result = apply(List.of(), List.of(entry), "PROD");
        assertThat(changedFiles(result)).containsExactly("SM_Sales.SemanticModel/definition.pbism");
    }

    // --- scope ---------------------------------------------------------------------------------------------------

    @Test
    void platformPbiChildrenShellAndBinaryFilesAreNeverTouched() {
        FindReplaceEntry everywhere = repo.literal(1, DEV_SERVER, env("PROD", "p"), ItemFilters.NONE);
        FindReplaceEntry guids = repo.literal(2, "11111111-aaaa", env("PROD", "X"), ItemFilters.NONE);
        ResolutionResult result = apply(List.of(everywhere, guids), List.of(), "PROD");
        assertThat(changedFiles(result)).containsExactly(
                "EH_Telemetry.Eventhouse/.children/DB.KQLDatabase/DatabaseSchema.kql",
                "NB Load.Notebook/notebook-content.py",
                "PL_Load.DataPipeline/pipeline-content.json",
                "SM_Sales.SemanticModel/definition/expressions.tmdl",
                "Transform/NB Transform.Notebook/notebook-content.py");
        assertThat(changedFiles(result)).noneMatch(f -> f.endsWith(".platform") || f.contains(".pbi/")
                || f.endsWith("notes.txt") || f.startsWith("LH_Gold") || f.endsWith(".png"));
    }

    @Test
    void lakehouseShortcutsAreParameterisedOnlyWithShortcutPublishing() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"), types("Lakehouse"));
        ParameterFile parameters = repo.parameters(List.of(entry), List.of());
        assertThat(apply(parameters, "PROD", ReplacementContext.empty(), ResolverOptions.preview()).changes())
                .isEmpty();
        ResolutionResult withShortcuts = apply(parameters, "PROD", ReplacementContext.empty(),
                ResolverOptions.preview().withShortcutPublish(true));
        assertThat(changedFiles(withShortcuts)).containsExactly("LH_Gold.Lakehouse/shortcuts.metadata.json");
    }

    @Test
    void itemTypesOutOfScopeAreNotProcessed() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"), ItemFilters.NONE);
        ResolutionResult result = apply(repo.parameters(List.of(entry), List.of()), "PROD", ReplacementContext.empty(),
                ResolverOptions.preview().withItemTypesInScope(Set.of("SemanticModel")));
        assertThat(changedFiles(result)).containsExactly("SM_Sales.SemanticModel/definition/expressions.tmdl");
    }

    @Test
    void crLfLineEndingsAreReadAsPythonTextModeDoes() {
        repo.file("NB Load.Notebook/notebook-content.py", "a = 1\r\nserver = 'x'\r\n");
        FindReplaceEntry entry = repo.literal(1, "'x'", env("PROD", "'y'"), names("NB Load"));
        FileChange change = apply(List.of(entry), List.of(), "PROD").changes().get(0);
        assertThat(change.before()).isEqualTo("a = 1\nserver = 'x'\n");
        assertThat(change.after()).isEqualTo("a = 1\nserver = 'y'\n");
    }

    // --- variables -------------------------------------------------------------------------------------------------

    @Test
    void unresolvedVariablesFailWithFabricCicdsMessageWhenATenantIsExpected() {
        FindReplaceEntry entry = repo.literal(1, DEV_LAKEHOUSE, env("PROD", "$items.Lakehouse.LH_Gold.$id"),
                types("Notebook"));
        ResolutionResult result = apply(repo.parameters(List.of(entry), List.of()), "PROD",
                ReplacementContext.empty(), ResolverOptions.defaults());
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.errors())).containsExactly("Item type 'Lakehouse' is invalid or not found in"
                + " deployed items (find_replace 1, replace_value for 'PROD')");
    }

    @Test
    void placeholderModeLeavesTheVariableVisibleAndReportsIt() {
        FindReplaceEntry entry = repo.literal(1, DEV_LAKEHOUSE, env("PROD", "$items.Lakehouse.LH_Gold.$id"),
                names("NB Load"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        FileChange change = result.changes().get(0);
        assertThat(change.after()).contains("\"default_lakehouse\": \"$items.Lakehouse.LH_Gold.$id\"");
        assertThat(change.applied().get(0).unresolved()).isTrue();
        assertThat(messages(result.warnings())).containsExactly("Unresolved variable '$items.Lakehouse.LH_Gold.$id'"
                + " left in place (find_replace 1, 'PROD'): Item type 'Lakehouse' is invalid or not found in"
                + " deployed items");
    }

    @Test
    void dollarReplaceValueThatIsNoVariableIsAnErrorEvenInPreviews() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "$LH_BRONZE_RAW_PROD"), names("NB Load"));
        ResolutionResult result = apply(List.of(entry), List.of(), "PROD");
        assertThat(result.changes()).isEmpty();
        assertThat(messages(result.errors())).singleElement().asString()
                .startsWith("Invalid replace_value variable format: '$LH_BRONZE_RAW_PROD'.");
    }

    // --- identifiers -----------------------------------------------------------------------------------------------

    @Test
    void optionalIdentifierStepsReplaceLogicalIdsAndZeroWorkspaceIds() {
        ReplacementContext context = ReplacementContext.builder()
                .workspaceId("66666666-0000-0000-0000-000000000001")
                .deployed("Notebook", "NB Load", "77777777-0000-0000-0000-000000000001")
                .build();
        ParameterFile none = repo.parameters(List.of(), List.of());
        ResolutionResult result = apply(none, "PROD", context, ResolverOptions.preview().withReplaceIdentifiers(true));
        String pipeline = after(result, "PL_Load.DataPipeline/pipeline-content.json");
        assertThat(pipeline).contains("\"notebookId\": \"77777777-0000-0000-0000-000000000001\"")
                .contains("\"workspaceId\": \"66666666-0000-0000-0000-000000000001\"");
        assertThat(after(result, "NB Load.Notebook/notebook-content.py"))
                .contains("\"default_lakehouse_workspace_id\": \"66666666-0000-0000-0000-000000000001\"");
        assertThat(apply(none, "PROD", context, ResolverOptions.preview()).changes()).isEmpty();
    }

    @Test
    void logicalIdWithoutDeployedItemFailsLikeFabricCicd() {
        ReplacementContext context = ReplacementContext.builder().workspaceId("66666666-0000-0000-0000-000000000001")
                .build();
        ResolutionResult result = apply(repo.parameters(List.of(), List.of()), "PROD", context,
                ResolverOptions.defaults().withReplaceIdentifiers(true));
        assertThat(messages(result.errors())).containsExactly("Cannot replace logical ID '" + NB_LOAD_ID
                + "' as referenced item is not yet deployed. (Notebook 'NB Load')");
    }

    @Test
    void neverWritesItemFiles() {
        FindReplaceEntry entry = repo.literal(1, DEV_SERVER, env("PROD", "p"), ItemFilters.NONE);
        apply(List.of(entry), List.of(), "PROD");
        assertThat(repo.read("NB Load.Notebook/notebook-content.py")).isEqualTo(NOTEBOOK);
        assertThat(repo.read("PL_Load.DataPipeline/pipeline-content.json")).isEqualTo(PIPELINE);
    }
}
