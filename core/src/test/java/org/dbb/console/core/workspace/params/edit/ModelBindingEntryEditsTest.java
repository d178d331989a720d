package org.dbb.console.core.workspace.params.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.edit;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.insertAfter;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.lines;
import static org.dbb.console.core.workspace.params.edit.EditTestSupport.removeLines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEntry;
import org.junit.jupiter.api.Test;

class ModelBindingEntryEditsTest {

    private static final String GUID_A = "f96870d5-5f86-49ad-bf41-5967fd7c1c6d";
    private static final String GUID_B = "a1b2c3d4-5678-90ab-cdef-1234567890ab";

    private static final String[] BINDING = {
        "find_replace:",
        "  - find_value: \"x\"",
        "    replace_value:",
        "      \"PROD\": \"y\"",
        "",
        "# connections bound after publish",
        "semantic_model_binding:",
        "    default:",
        "        connection_id:",
        "            \"PPE\": \"76e05dfe-9855-4e3d-a410-1dda048dbe99\"",
        "    models:",
        "        # the sales model",
        "        - semantic_model_name: [\"Sales\", \"Finance\"]",
        "          connection_id:",
        "              \"PPE\": \"c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f\"",
        "        - semantic_model_name: \"HR\"",
        "          connection_id:",
        "              \"PPE\": \"eb143407-e465-4459-a7b3-e07581029c79\"",
        "# end",
    };

    private static Map<String, Object> connections(String env, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(env, value);
        return map;
    }

    @Test
    void aNewModelGoesAfterTheLastModelWithTheFilesIndentationAndKeyQuoting() {
        NewEntry entry = new NewEntry.ModelBinding(List.of("Ops"), connections("PPE", GUID_A));

        assertThat(edit(lines(BINDING), new AddEntry(entry))).isEqualTo(lines(insertAfter(BINDING, 18,
                "        - semantic_model_name: \"Ops\"",
                "          connection_id:",
                "              \"PPE\": \"" + GUID_A + "\"")));
    }

    @Test
    void severalNamesAndAListOfConnectionsAreWrittenAsFlowLists() {
        NewEntry entry = new NewEntry.ModelBinding(List.of("A", "B"), connections("PROD", List.of(GUID_A, GUID_B)));

        String out = edit(lines(BINDING), new AddEntry(entry));

        assertThat(out).contains("        - semantic_model_name: [\"A\", \"B\"]\n          connection_id:\n"
                + "              \"PROD\": [\"" + GUID_A + "\", \"" + GUID_B + "\"]\n# end\n");
    }

    @Test
    void aBindingWithOnlyADefaultGetsAModelsSectionAfterIt() {
        String[] onlyDefault = removeLines(BINDING, 11, 18);

        String out = edit(lines(onlyDefault), new AddEntry(new NewEntry.ModelBinding(List.of("HR"),
                connections("PPE", GUID_A))));

        assertThat(out).isEqualTo(lines(insertAfter(onlyDefault, 10,
                "    models:",
                "        - semantic_model_name: \"HR\"",
                "          connection_id:",
                "              \"PPE\": \"" + GUID_A + "\"")));
    }

    @Test
    void aFileWithoutBindingGetsOneAtTheEnd() {
        String[] noBinding = removeLines(BINDING, 5, 19);

        String out = edit(lines(noBinding), new AddEntry(new NewEntry.ModelBinding(List.of("HR"),
                connections("_ALL_", GUID_A))));

        assertThat(out).isEqualTo(lines(insertAfter(noBinding, 4,
                "",
                "semantic_model_binding:",
                "  models:",
                "    - semantic_model_name: \"HR\"",
                "      connection_id:",
                "        \"_ALL_\": \"" + GUID_A + "\"")));
    }

    @Test
    void inAFileOfPlainKeysNewKeysArePlainAndAYamlBooleanWordIsRefusedAsAName() {
        String text = lines("key_value_replace:", "  - find_key: $.a", "    replace_value:", "      PROD: 1");

        String out = edit(text, new AddEntry(new NewEntry.ModelBinding(List.of("HR"), connections("PROD", GUID_A))));

        assertThat(out).endsWith("      connection_id:\n        PROD: \"" + GUID_A + "\"\n");
        assertThatThrownBy(() -> edit(text, new AddEntry(new NewEntry.ModelBinding(List.of("HR"),
                connections("Yes", GUID_A))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("read by YAML 1.1 (and so by fabric-cicd) as a boolean");
    }

    @Test
    void theLegacyListFormAndBadConnectionsAreRefusedWithoutChangingAnything() {
        String legacy = lines("semantic_model_binding:", "  - connection_id: \"" + GUID_A + "\"",
                "    semantic_model_name: \"HR\"");
        assertThatThrownBy(() -> edit(legacy, new AddEntry(new NewEntry.ModelBinding(List.of("X"),
                connections("PROD", GUID_B))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deprecated list form");
        assertThatThrownBy(() -> edit(lines(BINDING), new AddEntry(new NewEntry.ModelBinding(List.of("X"),
                connections("PROD", "not-a-guid"))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("connection GUID");
        assertThatThrownBy(() -> edit(lines(BINDING), new AddEntry(new NewEntry.ModelBinding(List.of(),
                connections("PROD", GUID_B))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one semantic_model_name");
    }

    @Test
    void removingAModelRemovesItsLinesAndTheCommentAboveIt() {
        assertThat(edit(lines(BINDING), new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 1)))
                .isEqualTo(lines(removeLines(BINDING, 12, 15)));
        assertThat(edit(lines(BINDING), new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 2)))
                .isEqualTo(lines(removeLines(BINDING, 16, 18)));
    }

    @Test
    void removingTheOnlyModelRemovesTheModelsKeyAndRemovingTheDefaultRemovesIt() {
        String oneModel = lines(removeLines(BINDING, 16, 18));
        assertThat(edit(oneModel, new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 1)))
                .isEqualTo(lines(removeLines(BINDING, 11, 18)));
        assertThat(edit(lines(BINDING), new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 0)))
                .isEqualTo(lines(removeLines(BINDING, 8, 10)));
    }

    @Test
    void removingTheLastSectionRemovesTheWholeBindingWithItsSeparatingBlankLine() {
        String onlyDefault = lines(removeLines(BINDING, 11, 18));

        String out = edit(onlyDefault, new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 0));

        assertThat(out).isEqualTo(lines("find_replace:", "  - find_value: \"x\"", "    replace_value:",
                "      \"PROD\": \"y\"", "", "# connections bound after publish", "# end"));
    }

    @Test
    void aModelNumberOutOfRangeIsRefused() {
        assertThatThrownBy(() -> edit(lines(BINDING), new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has 2 entries; choose an entry number from 1 to 2");
    }

    @Test
    void addingThenRemovingAModelGivesBackTheOriginalText() {
        NewEntry entry = new NewEntry.ModelBinding(List.of("Ops"), connections("PPE", GUID_A));
        String added = edit(lines(BINDING), new AddEntry(entry));

        assertThat(edit(added, new RemoveEntry(ParameterKind.SEMANTIC_MODEL_BINDING, 3))).isEqualTo(lines(BINDING));
    }
}
