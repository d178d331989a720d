package org.dbb.console.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class SampleWorkspaceContentTest {

    private static final String ZERO = "00000000-0000-0000-0000-000000000000";
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String MASTER = "fabric/orchestration_pipeline_DBB.DataPipeline/pipeline-content.json";
    private static final String REFRESH = "fabric/refresh_semantic_models.DataPipeline/pipeline-content.json";
    private static final List<String> STAGES = List.of(
            "Initialisation", "Integration", "Transformation", "Monitoring", "Maintenance", "Semantic refresh");

    // What DBB Console's expression evaluator supports; anything else would be a plan error on the sample.
    private static final Set<String> FUNCTIONS = Set.of("if", "equals", "not", "and", "or", "greater", "less",
            "bool", "int", "float", "string", "concat", "add", "sub", "mul", "div", "mod", "range", "coalesce",
            "empty", "length", "contains", "toLower", "toUpper", "utcNow", "formatDateTime", "addDays", "json",
            "pipeline", "variables", "item", "activity");

    private static final Map<String, String> REFERENCE_TYPES = Map.of(
            "notebookId", "Notebook",
            "pipelineId", "DataPipeline",
            "referenceName", "DataPipeline",
            "dbtJobId", "DataBuildToolJob");

    private final SampleWorkspace sample = new SampleWorkspace();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyJsonFileParses() {
        for (String file : sample.files()) {
            if (isJson(file)) {
                assertThatCode(() -> json(file)).as(file).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyPlatformFileNamesTypeDisplayNameAndAUniqueLogicalId() {
        Map<String, String> seen = new HashMap<>();
        for (String file : platformFiles()) {
            JsonNode platform = json(file);
            assertThat(platform.path("$schema").asText()).as(file).endsWith("/platformProperties/2.0.0/schema.json");
            assertThat(platform.path("metadata").path("type").asText()).as(file).isNotBlank();
            assertThat(platform.path("metadata").path("displayName").asText()).as(file).isNotBlank();
            assertThat(platform.path("config").path("version").asText()).as(file).isEqualTo("2.0");
            String logicalId = platform.path("config").path("logicalId").asText();
            assertThat(logicalId).as(file).matches(GUID).isNotEqualTo(ZERO);
            assertThat(seen.put(logicalId, file)).as("logicalId of " + file + " is also used by").isNull();
        }
    }

    @Test
    void everyItemFolderIsNamedAfterItsDisplayNameAndType() {
        for (String file : platformFiles()) {
            JsonNode metadata = json(file).path("metadata");
            String folder = file.substring(file.lastIndexOf('/', file.length() - ".platform".length() - 2) + 1,
                    file.length() - "/.platform".length());
            assertThat(folder).isEqualTo(metadata.path("displayName").asText() + "." + metadata.path("type").asText());
        }
    }

    @Test
    void everyPipelineReferenceByLogicalIdPointsAtAnItemOfTheExpectedType() {
        Map<String, String> typeByLogicalId = itemTypesByLogicalId();
        List<String> checked = new ArrayList<>();
        for (String file : pipelineFiles()) {
            visit(json(file), (key, value) -> {
                if (!value.isTextual()) {
                    return;
                }
                String text = value.asText();
                if (REFERENCE_TYPES.containsKey(key)) {
                    assertThat(typeByLogicalId.get(text)).as(file + ": " + key + " " + text)
                            .isEqualTo(REFERENCE_TYPES.get(key));
                    checked.add(text);
                } else if (key.equals("artifactId")) {
                    assertThat(typeByLogicalId.get(text)).as(file + ": artifactId " + text)
                            .isIn("Lakehouse", "Warehouse");
                    checked.add(text);
                } else if (key.equals("workspaceId")) {
                    assertThat(text).as(file + ": same-workspace references use the all-zero id").isEqualTo(ZERO);
                }
            });
        }
        assertThat(checked).hasSizeGreaterThan(10);
    }

    @Test
    void pipelineExpressionsUseOnlyFunctionsTheConsoleEvaluates() {
        for (String file : pipelineFiles()) {
            visit(json(file), (key, value) -> {
                if (value.isTextual()) {
                    for (String expression : expressions(value.asText())) {
                        for (String function : functionNames(expression)) {
                            assertThat(FUNCTIONS).as(file + ": " + expression).contains(function);
                        }
                    }
                }
            });
        }
    }

    @Test
    void expressionScanFindsFunctionsInWholeValuesAndInsideInterpolation() {
        assertThat(expressions("@concat('a(', variables('x'))")).containsExactly("concat('a(', variables('x'))");
        assertThat(expressions("id = '@{toUpper(pipeline().parameters.env)}' and '@{item()}'"))
                .containsExactly("toUpper(pipeline().parameters.env)", "item()");
        assertThat(functionNames("if(contains(string(item()), '{'), 'replace(', json('[]'))"))
                .containsExactly("if", "contains", "string", "item", "json");
    }

    @Test
    void masterPipelineActivitiesAreExactlyTheSixConfiguredStages() {
        Map<String, Object> console = yaml("dbb-console.yml");
        assertThat(console.get("masterPipeline")).isEqualTo("orchestration_pipeline_DBB");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) console.get("stages");
        assertThat(stages).extracting(s -> s.get("name")).containsExactlyElementsOf(STAGES);

        List<String> grouped = new ArrayList<>();
        for (Map<String, Object> stage : stages) {
            @SuppressWarnings("unchecked")
            List<String> activities = (List<String>) stage.get("activities");
            assertThat(activities).as("stage " + stage.get("name")).isNotEmpty();
            grouped.addAll(activities);
        }
        assertThat(grouped).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(topLevelActivities(MASTER).keySet());
    }

    @Test
    void masterPipelineStagesRunTheExpectedActivities() {
        Map<String, String> logicalIds = logicalIdsByFolder();
        Map<String, JsonNode> activities = topLevelActivities(MASTER);

        assertThat(activities.values()).filteredOn(a -> a.path("type").asText().equals("Lookup")).hasSize(3);
        JsonNode integration = activities.get("Run integration pipeline");
        assertThat(integration.path("typeProperties").path("pipelineId").asText())
                .isEqualTo(logicalIds.get("integration_pipeline_DBB.DataPipeline"));
        assertThat(integration.path("typeProperties").path("waitOnCompletion").asBoolean()).isTrue();
        assertThat(activities.get("Run transformation pipeline").path("typeProperties").path("pipelineId").asText())
                .isEqualTo(logicalIds.get("transformation_pipeline_DBB.DataPipeline"));
        for (String monitor : List.of("Monitor load completeness", "Monitor threshold breaches")) {
            assertThat(activities.get(monitor).path("type").asText()).isEqualTo("TridentNotebook");
            assertThat(activities.get(monitor).path("dependsOn").get(0).path("activity").asText())
                    .isEqualTo("Run transformation pipeline");
        }
        JsonNode maintenance = activities.get("Run maintenance if requested");
        assertThat(maintenance.path("type").asText()).isEqualTo("IfCondition");
        assertThat(maintenance.path("typeProperties").path("expression").path("value").asText())
                .isEqualTo("@equals(pipeline().parameters.run_maintenance, true)");
        assertThat(maintenance.path("typeProperties").path("ifTrueActivities")).hasSize(2);
        JsonNode refresh = activities.get("Refresh semantic models").path("typeProperties");
        assertThat(refresh.path("pipeline").path("referenceName").asText())
                .isEqualTo(logicalIds.get("refresh_semantic_models.DataPipeline"));
        assertThat(refresh.path("parameters").has("semantic_models")).isTrue();
        assertThat(refresh.path("parameters").has("refresh_concurrency")).isTrue();
    }

    @Test
    void refreshPipelineRefreshesItsArrayParameterOneModelAtATime() {
        JsonNode properties = json(REFRESH).path("properties");
        assertThat(properties.path("parameters").path("semantic_models").path("type").asText()).isEqualTo("array");

        JsonNode forEach = properties.path("activities").get(0);
        assertThat(forEach.path("type").asText()).isEqualTo("ForEach");
        assertThat(forEach.path("typeProperties").path("items").path("value").asText())
                .isEqualTo("@pipeline().parameters.semantic_models");
        assertThat(forEach.path("typeProperties").path("isSequential").asBoolean()).isTrue();
        assertThat(forEach.path("typeProperties").path("batchCount").isInt()).isTrue();
        assertThat(forEach.path("typeProperties").path("activities"))
                .anySatisfy(a -> assertThat(a.path("type").asText()).isEqualTo("PBISemanticModelRefresh"));
    }

    @Test
    void sampleHoldsAtLeastSixTmdlSemanticModelsWithTheirParameters() {
        Set<String> models = new LinkedHashSet<>();
        for (String file : platformFiles()) {
            JsonNode metadata = json(file).path("metadata");
            if (metadata.path("type").asText().equals("SemanticModel")) {
                models.add(file.substring(0, file.length() - "/.platform".length()));
            }
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(6);
        for (String model : models) {
            assertThat(sample.files()).contains(model + "/definition.pbism", model + "/definition/database.tmdl",
                    model + "/definition/model.tmdl", model + "/definition/expressions.tmdl");
            assertThat(sample.files()).anyMatch(f -> f.startsWith(model + "/definition/tables/") && f.endsWith(".tmdl"));
            assertThat(text(model + "/definition/expressions.tmdl"))
                    .contains("expression SqlEndpoint = ", "expression Database = ");
        }
    }

    @Test
    void parameterFileHasOnlyFabricCicdKeysAndTheFourEnvironments() {
        Map<String, Object> parameters = yaml("fabric/parameter.yml");
        assertThat(parameters.keySet()).isSubsetOf("find_replace", "key_value_replace", "spark_pool",
                "semantic_model_binding");

        Set<String> environments = new LinkedHashSet<>();
        for (Map<String, Object> entry : entries(parameters, "find_replace")) {
            Map<String, Object> values = replaceValues(entry);
            environments.addAll(values.keySet());
            assertThat(values.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class).asString().isNotEmpty());
            assertAllAloneWhenPresent(values);
            if (entry.containsKey("is_regex")) {
                assertThat(entry.get("is_regex")).isEqualTo("true");
                Matcher groups = Pattern.compile((String) entry.get("find_value")).matcher("");
                assertThat(groups.groupCount()).as("capture groups of " + entry.get("find_value")).isEqualTo(1);
            }
        }
        for (Map<String, Object> entry : entries(parameters, "key_value_replace")) {
            Map<String, Object> values = replaceValues(entry);
            environments.addAll(values.keySet());
            assertThat(values.values()).extracting(Object::getClass).as("types of " + entry.get("find_key"))
                    .containsOnly(values.values().iterator().next().getClass());
            assertAllAloneWhenPresent(values);
        }
        environments.remove("_ALL_");
        assertThat(environments).containsExactlyInAnyOrder("sandbox", "DEV", "TEST", "PROD");
    }

    @Test
    void consoleSettingsDescribeTheFourEnvironments() {
        Map<String, Object> console = yaml("dbb-console.yml");
        assertThat(console.get("version")).isEqualTo(1);
        assertThat(console.get("repositoryDirectory")).isEqualTo("fabric");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> environments = (Map<String, Map<String, Object>>) console.get("environments");
        assertThat(environments).containsOnlyKeys("sandbox", "DEV", "TEST", "PROD");
        assertThat(environments.get("sandbox")).containsEntry("emulator", true);
        assertThat(environments.get("PROD")).containsEntry("protected", true);
    }

    private static void assertAllAloneWhenPresent(Map<String, Object> values) {
        if (values.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("_ALL_"))) {
            assertThat(values).hasSize(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> parameters, String key) {
        return (List<Map<String, Object>>) parameters.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replaceValues(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("replace_value");
    }

    /** The expressions inside a JSON string value: the whole value after {@code @}, or each {@code @{...}}. */
    static List<String> expressions(String value) {
        List<String> found = new ArrayList<>();
        if (value.startsWith("@") && !value.startsWith("@@") && !value.startsWith("@{")) {
            found.add(value.substring(1));
            return found;
        }
        int start = value.indexOf("@{");
        while (start >= 0) {
            int depth = 0;
            boolean quoted = false;
            int i = start + 1;
            for (; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == '{') {
                    depth++;
                } else if (!quoted && c == '}' && --depth == 0) {
                    break;
                }
            }
            found.add(value.substring(start + 2, Math.min(i, value.length())));
            start = value.indexOf("@{", i);
        }
        return found;
    }

    static List<String> functionNames(String expression) {
        String withoutLiterals = expression.replaceAll("'(?:[^']|'')*'", "''");
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(").matcher(withoutLiterals);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private Map<String, JsonNode> topLevelActivities(String file) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode activity : json(file).path("properties").path("activities")) {
            byName.put(activity.path("name").asText(), activity);
        }
        return byName;
    }

    private Map<String, String> itemTypesByLogicalId() {
        Map<String, String> types = new HashMap<>();
        for (String file : platformFiles()) {
            JsonNode platform = json(file);
            types.put(platform.path("config").path("logicalId").asText(),
                    platform.path("metadata").path("type").asText());
        }
        return types;
    }

    private Map<String, String> logicalIdsByFolder() {
        Map<String, String> ids = new HashMap<>();
        for (String file : platformFiles()) {
            String folder = file.substring("fabric/".length(), file.length() - "/.platform".length());
            ids.put(folder, json(file).path("config").path("logicalId").asText());
        }
        return ids;
    }

    private static void visit(JsonNode node, BiConsumer<String, JsonNode> onField) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                onField.accept(e.getKey(), e.getValue());
                visit(e.getValue(), onField);
            });
        } else if (node.isArray()) {
            node.forEach(child -> {
                onField.accept("", child);
                visit(child, onField);
            });
        }
    }

    private List<String> platformFiles() {
        return sample.files().stream().filter(f -> f.endsWith("/.platform")).toList();
    }

    private List<String> pipelineFiles() {
        List<String> files = new ArrayList<>(
                sample.files().stream().filter(f -> f.endsWith("/pipeline-content.json")).toList());
        files.add("fabric/dbt_gold.DataBuildToolJob/dbtjob-content.json");
        return files;
    }

    private static boolean isJson(String file) {
        return file.endsWith(".json") || file.endsWith("/.platform") || file.endsWith("/.schedules")
                || file.endsWith(".pbism");
    }

    private String text(String file) {
        return new String(sample.bytes(file), StandardCharsets.UTF_8);
    }

    private JsonNode json(String file) {
        try {
            return mapper.readTree(sample.bytes(file));
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> yaml(String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(text(file));
    }
}
