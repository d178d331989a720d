package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;

/** What fabric-cicd 1.3.0 accepts at validation but refuses while publishing (§10): reported as warnings. */
class PublishTimeWarningsTest {

    private final ParameterYaml yaml = ParameterYaml.inMemory();

    private List<String> warnings(String text, Optional<ItemScan> items) {
        ParameterValidation v = new ParameterFileValidator().validate(yaml.file(), text, Optional.of("PPE"), items);
        assertThat(v.valid()).as("%s", v.problems()).isTrue();
        return v.warnings().stream().map(Problem::message).toList();
    }

    private List<String> warnings(String text) {
        return warnings(text, Optional.empty());
    }

    private static String replaceWith(String value) {
        return "find_replace:\n  - find_value: x\n    replace_value: {PPE: \"" + value + "\"}\n";
    }

    @Test
    void findValueStartingWithDollarThatIsNotAWorkspaceVariableFailsAtPublish() {
        assertThat(warnings("find_replace:\n  - find_value: $workspaceId\n    replace_value: {PPE: y}\n"))
                .anyMatch(m -> m.startsWith("Invalid replace_value variable format: '$workspaceId'. Expected format:"));
    }

    @Test
    void regexWithoutACaptureGroupWarns() {
        assertThat(warnings("find_replace:\n  - find_value: 'abc\\d+'\n    replace_value: {PPE: y}\n"
                + "    is_regex: \"true\"\n"))
                .anyMatch(m -> m.startsWith("Regex pattern 'abc\\d+' must contain exactly one capturing group.")
                        && m.contains("it has 0"));
    }

    @Test
    void regexWithTwoCaptureGroupsWarns() {
        assertThat(warnings("find_replace:\n  - find_value: '(a)(b)'\n    replace_value: {PPE: y}\n"
                + "    is_regex: \"true\"\n")).anyMatch(m -> m.contains("it has 2"));
    }

    @Test
    void pythonNamedGroupCountsAsTheOneCaptureGroup() {
        List<String> w = warnings("find_replace:\n  - find_value: 'id\":\\s*\"(?P<id>[0-9a-f-]{36})\"(?:,)?'\n"
                + "    replace_value: {PPE: y}\n    is_regex: \"true\"\n");

        assertThat(w).noneMatch(m -> m.contains("capturing group"));
    }

    @Test
    void unknownVariableInAReplaceValueFailsAtPublish() {
        assertThat(warnings(replaceWith("$LH_BRONZE_RAW_PROD")))
                .anyMatch(m -> m.startsWith("Invalid replace_value variable format: '$LH_BRONZE_RAW_PROD'."));
    }

    @Test
    void unreplacedEnvTokenExplainsTheFeatureFlag() {
        assertThat(warnings(replaceWith("$ENV:ppe_id")))
                .anyMatch(m -> m.contains("enable_environment_variable_replacement"));
    }

    @Test
    void dottedItemNameIsReadAsPartOfTheType() {
        assertThat(warnings(replaceWith("$items.Eventhouse.Spark Monitoring.Eventhouse.$id")))
                .anyMatch(m -> m.startsWith("Item type 'Eventhouse.Spark Monitoring' is invalid or not found in"
                        + " deployed items") && m.contains("cannot be referenced"));
    }

    @Test
    void unknownItemTypeWarns() {
        assertThat(warnings(replaceWith("$items.lakehouse.LH.$id")))
                .anyMatch(m -> m.startsWith("Item type 'lakehouse' is invalid") && m.contains("did you mean 'Lakehouse'"));
    }

    @Test
    void unknownAttributeWarnsWithTheSupportedList() {
        assertThat(warnings(replaceWith("$items.Lakehouse.LH.$name")))
                .anyMatch(m -> m.startsWith("Attribute 'name' is invalid. Supported attributes: ['id', 'sqlendpoint',"
                        + " 'sqlendpointid', 'queryserviceuri']"));
    }

    @Test
    void attributeTheTypeDoesNotHaveWarns() {
        assertThat(warnings(replaceWith("$items.Notebook.NB.$sqlendpoint")))
                .anyMatch(m -> m.startsWith("Value does not exist for attribute 'sqlendpoint' in the Notebook item"));
    }

    @Test
    void legacyItemsFormIsDeprecated() {
        assertThat(warnings(replaceWith("$items.Lakehouse.My.LH.id")))
                .anyMatch(m -> m.startsWith("The $items variable format has changed."));
    }

    @Test
    void itemMissingFromTheRepositoryWarnsWhenTheRepositoryIsKnown() {
        Path root = Path.of("repo").toAbsolutePath();
        ItemScan scan = new ItemScan(root, List.of(new Item(root.resolve("LH_Gold.Lakehouse"), "Lakehouse", "LH_Gold",
                "11111111-1111-1111-1111-111111111111", Optional.empty())), List.of());

        assertThat(warnings(replaceWith("$items.Lakehouse.LH_Gold.$id"), Optional.of(scan)))
                .noneMatch(m -> m.contains("not found as a deployed"));
        assertThat(warnings(replaceWith("$items.Lakehouse.LH_Silver.$id"), Optional.of(scan)))
                .anyMatch(m -> m.startsWith("Item 'LH_Silver' not found as a deployed Lakehouse"));
    }

    @Test
    void crossWorkspaceVariableWithoutAttributeWarns() {
        assertThat(warnings(replaceWith("$workspace.Other.$items.Lakehouse.LH")))
                .anyMatch(m -> m.startsWith("Invalid syntax or missing attribute in cross-workspace variable"));
    }

    @Test
    void validVariablesDoNotWarn() {
        for (String ok : List.of("$workspace.$id", "$workspace.$name", "$workspace.$name_encoded", "$workspace.Dev",
                "$workspace.Dev.$id", "$items.Lakehouse.LH.$sqlendpointid", "$items.Eventhouse.EH.$queryserviceuri",
                "$workspace.Dev.$items.Warehouse.WH.$sqlendpoint", "plain text")) {
            assertThat(warnings(replaceWith(ok))).as(ok)
                    .noneMatch(m -> m.contains("Invalid") || m.contains("invalid") || m.contains("does not exist"));
        }
    }

    @Test
    void variableEmbeddedInLongerTextIsInsertedLiterally() {
        assertThat(warnings(replaceWith("id=$items.Lakehouse.LH.$id")))
                .anyMatch(m -> m.contains("does not start with it"));
    }
}
