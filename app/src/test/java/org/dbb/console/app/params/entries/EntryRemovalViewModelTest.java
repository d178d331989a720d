package org.dbb.console.app.params.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.dbb.console.app.params.EntryRow;
import org.dbb.console.core.workspace.params.ParameterKind;

class EntryRemovalViewModelTest extends EntryFormTestBase {

    @Test
    void removingAnEntryAsksFirstAndAProtectedEnvironmentGuardsTheSave() throws IOException {
        EntryRow maintenance = row(ParameterKind.KEY_VALUE_REPLACE, 4);

        dialogs.confirming(false);
        assertThat(form.remove(maintenance)).isFalse();
        assertThat(matrix.pendingChanges()).isEmpty();

        dialogs.confirming(true);
        assertThat(form.remove(maintenance)).isTrue();
        assertThat(dialogs.asked()).containsExactly("Remove entry", "Remove entry");
        assertThat(matrix.pendingChanges()).singleElement().asString()
                .startsWith("remove key_value_replace 4 ($.properties.parameters.run_maintenance.defaultValue)");
        assertThat(matrix.rows()).noneMatch(r -> r.label().equals("$.properties.parameters.run_maintenance"
                + ".defaultValue"));

        dialogs.typing(null);
        matrix.save();
        assertThat(Files.readString(file)).isEqualTo(original);
        assertThat(dialogs.asked()).contains("Save changes to PROD");

        dialogs.typing("PROD");
        matrix.save();
        String removed = "  # Only production runs maintenance on its schedule; elsewhere it is started by hand.\n"
                + "  - find_key: $.properties.parameters.run_maintenance.defaultValue\n"
                + "    replace_value:\n"
                + "      \"sandbox\": false\n"
                + "      \"DEV\": false\n"
                + "      \"TEST\": false\n"
                + "      \"PROD\": true\n"
                + "    item_type: \"DataPipeline\"\n"
                + "    item_name: \"orchestration_pipeline_DBB\"\n"
                + "\n";
        assertThat(original).containsOnlyOnce(removed);
        assertThat(Files.readString(file)).isEqualTo(original.replace(removed, ""));
    }
}
