package org.dbb.console.app.params.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.params.ParameterKind;

class EntryFormViewModelTest extends EntryFormTestBase {

    @Test
    void startingTheFormOffersOneValuePerEnvironmentColumn() {
        form.start(ParameterKind.KEY_VALUE_REPLACE);

        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.values()).extracting(EnvironmentValue::environment)
                .containsExactly("sandbox", "DEV", "TEST", "PROD");
    }

    @Test
    void anAcceptedEntryBecomesAPendingEditAndSavingWritesOnlyItsLinesWithAnAuditEntry() throws IOException {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.findKeyProperty().set("$.properties.parameters.load_window_days.defaultValue");
        form.itemTypeProperty().set("DataPipeline");
        form.itemNameProperty().set("orchestration_pipeline_DBB");
        value("DEV", "1");
        value("TEST", "7");

        form.add();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.openProperty().get()).isFalse();
        assertThat(matrix.pendingChanges()).containsExactly("add key_value_replace entry"
                + " $.properties.parameters.load_window_days.defaultValue (DEV, TEST)");
        assertThat(row(ParameterKind.KEY_VALUE_REPLACE, 7).label())
                .isEqualTo("$.properties.parameters.load_window_days.defaultValue");
        assertThat(Files.readString(file)).isEqualTo(original);

        matrix.reasonProperty().set("new pipeline parameter");
        matrix.save();

        String anchor = "    file_path: \"dbt_gold.DataBuildToolJob/dbtjob-content.json\"\n";
        assertThat(original).containsOnlyOnce(anchor);
        assertThat(Files.readString(file)).isEqualTo(original.replace(anchor, anchor
                + "  - find_key: \"$.properties.parameters.load_window_days.defaultValue\"\n"
                + "    replace_value:\n"
                + "      \"DEV\": 1\n"
                + "      \"TEST\": 7\n"
                + "    item_type: \"DataPipeline\"\n"
                + "    item_name: \"orchestration_pipeline_DBB\"\n"));
        List<AuditEntry> entries = trail().entries(Optional.empty(), Optional.empty());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PARAMETER_EDIT);
            assertThat(e.subject()).contains("add key_value_replace entry");
            assertThat(e.reason()).contains("new pipeline parameter");
        });
    }

    @Test
    void aFindReplaceForAGuidStartsWithItsFindValueAndWaitsOnlyForTheCheckedEnvironmentsValue() {
        String guid = "7d2c9a41-0b8e-4f3a-9c55-2e61d0a7b3f4";

        form.startFindReplace(guid, "PROD");

        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.kindProperty().get()).isEqualTo(ParameterKind.FIND_REPLACE);
        assertThat(form.findValueProperty().get()).isEqualTo(guid);
        assertThat(form.regexProperty().get()).as("a GUID is found literally").isFalse();
        assertThat(form.awaitedEnvironmentProperty().get()).isEqualTo("PROD");
        assertThat(form.values()).extracting(EnvironmentValue::environment)
                .containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(paused).as("nothing is checked before the value is typed").isEmpty();
        assertThat(form.problemProperty().get()).isEmpty();

        value("PROD", "0b7e4d52-93a1-4c6e-8f20-5d1c3a9e7b64");
        form.add();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(matrix.pendingChanges()).containsExactly("add find_replace entry '" + guid + "' (PROD)");
    }

    @Test
    void anEnvironmentParameterYmlHasNoColumnForGetsAFieldUntilTheFormStartsAgain() {
        form.startFindReplace("7d2c9a41-0b8e-4f3a-9c55-2e61d0a7b3f4", "UAT");

        assertThat(form.values()).extracting(EnvironmentValue::environment)
                .containsExactly("sandbox", "DEV", "TEST", "PROD", "UAT");

        form.start(ParameterKind.FIND_REPLACE);

        assertThat(form.values()).extracting(EnvironmentValue::environment)
                .containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(form.findValueProperty().get()).isEmpty();
        assertThat(form.awaitedEnvironmentProperty().get()).isNull();
    }

    @Test
    void anEntryFabricCicdWouldRejectIsRefusedWithTheValidatorsMessageAndNothingChanges() {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.findKeyProperty().set("$.properties[?(@.name=='x'");
        value("DEV", "1");

        form.add();

        assertThat(form.problemProperty().get()).startsWith("parameter.yml:").contains("Invalid JSONPath expression");
        assertThat(form.openProperty().get()).isTrue();
        assertThat(matrix.pendingChanges()).isEmpty();
    }

    @Test
    void valuesOfDifferentTypesAreRefusedAsDbbParamsCheckRefusesThem() {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.findKeyProperty().set("$.a");
        value("DEV", "1");
        value("TEST", "\"1\"");

        form.add();

        assertThat(form.problemProperty().get()).contains("one value type across environments");
        assertThat(matrix.pendingChanges()).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreNamedBeforeAnythingIsChecked() {
        form.start(ParameterKind.SPARK_POOL);
        value("PROD", "{type: Workspace, name: Pool}");
        form.add();
        assertThat(form.problemProperty().get()).startsWith("instance_pool_id is required");

        form.start(ParameterKind.FIND_REPLACE);
        form.findValueProperty().set("x");
        form.add();
        assertThat(form.problemProperty().get()).startsWith("Give a value for at least one environment");
    }

    @Test
    void typingIsCheckedOnceItPausesWithTheWarningsOfTheNewLines() {
        form.start(ParameterKind.FIND_REPLACE);
        form.findValueProperty().set("needle");
        value("DEV", "$items.Lakehouse.missing_lake.$id");
        assertThat(form.warningsProperty().get()).isEmpty();

        pause();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.warningsProperty().get()).contains("missing_lake");
        assertThat(matrix.pendingChanges()).isEmpty();
    }

    @Test
    void aModelBindingWithOneConnectionForEveryEnvironmentIsAddedToTheModelsList() {
        form.start(ParameterKind.SEMANTIC_MODEL_BINDING);
        form.modelNamesProperty().set("Finance, Sales");
        form.useAllProperty().set(true);
        form.allValueProperty().set("7c3cc252-5beb-4a9a-b307-4c8a002c160c");

        form.add();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(row(ParameterKind.SEMANTIC_MODEL_BINDING, 2).all()).isPresent();
    }
}
