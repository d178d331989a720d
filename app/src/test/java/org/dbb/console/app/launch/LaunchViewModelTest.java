package org.dbb.console.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.shell.RefreshChoice;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunState;

/** The launch dialog's rules without a toolkit: direct executors, the real launcher, the sandbox in-process. */
@Timeout(120)
class LaunchViewModelTest {

    private static final Runnable NOTHING = () -> { };

    @TempDir
    Path temp;

    private SampleLaunches sample;
    private final List<ApprovedLaunch> approved = new ArrayList<>();

    @BeforeEach
    void sample() {
        sample = new SampleLaunches(temp);
    }

    @AfterEach
    void close() {
        approved.forEach(a -> a.prepared().close());
        sample.close();
    }

    private LaunchViewModel model(String environment, RefreshChoice choice) {
        return new LaunchViewModel(sample.launchServices(Runnable::run, Runnable::run), sample.workspace(),
                environment, choice, approved::add);
    }

    private LaunchViewModel sandbox() {
        return model("sandbox", RefreshChoice.DEFAULT);
    }

    @Test
    void offersEveryParameterAnOperatorSetsWithItsDefaultForTheEnvironment() {
        LaunchViewModel model = sandbox();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.form().fields()).extracting(ParameterField::name).containsExactly("environment",
                "load_date", "full_refresh", "row_drop_threshold_pct", "retention_days");
        assertThat(model.form().field("environment").textProperty().get()).isEqualTo("sandbox");
        assertThat(model.form().field("retention_days").textProperty().get()).isEqualTo("30");
        assertThat(model.form().field("retention_days").type()).isEqualTo("int");
        assertThat(model.models()).extracting(ModelChoice::name).containsExactly("Sales", "Finance", "Inventory",
                "Customer360", "Operations", "HR");
        assertThat(model.models()).allMatch(m -> m.selectedProperty().get());
        assertThat(model.capProperty().get()).isNull();
        assertThat(model.capDefaultProperty().get()).isEqualTo("Plan default: 2 (refresh_concurrency for sandbox)");
        assertThat(model.maintenanceAvailableProperty().get()).isTrue();
        assertThat(model.maintenanceProperty().get()).isFalse();
        assertThat(model.canPreviewProperty().get()).isTrue();
        assertThat(model.canLaunchProperty().get()).isFalse();
    }

    @Test
    void anInvalidIntShowsThePlansMessageInlineAndNeitherPreviewNorLaunchIsPossible() {
        LaunchViewModel model = sandbox();
        ParameterField days = model.form().field("retention_days");

        days.textProperty().set("forty");

        assertThat(days.validProperty().get()).isFalse();
        assertThat(days.messageProperty().get()).isEqualTo("parameter 'retention_days' is declared int, so the"
                + " launch value must be an int (a whole number); \"forty\" is not one");
        assertThat(model.form().validProperty().get()).isFalse();
        assertThat(model.canPreviewProperty().get()).isFalse();
        assertThat(model.canLaunchProperty().get()).isFalse();
        days.textProperty().set("45");
        assertThat(days.messageProperty().get()).isEmpty();
        assertThat(model.canPreviewProperty().get()).isTrue();
    }

    @Test
    void modelsCapMaintenanceAndChangedParametersMakeTheRequestDbbRunWouldMake() {
        LaunchViewModel model = model("sandbox", new RefreshChoice(List.of("Sales", "HR", "Retired"),
                OptionalInt.of(3)));
        assertThat(model.models()).filteredOn(m -> m.selectedProperty().get()).extracting(ModelChoice::name)
                .containsExactly("Sales", "HR");
        assertThat(model.modelsNoteProperty().get()).isEqualTo("Retired is not refreshed in sandbox and left out.");

        model.form().field("retention_days").textProperty().set("45");
        model.maintenanceProperty().set(true);
        var request = model.request();
        assertThat(request.parameters()).containsOnlyKeys("retention_days");
        assertThat(request.parameters().get("retention_days").intValue()).isEqualTo(45);
        assertThat(request.models()).contains(List.of("Sales", "HR"));
        assertThat(request.concurrency()).hasValue(3);
        assertThat(request.maintenance()).isTrue();
        assertThat(request.operator()).isEqualTo(System.getProperty("user.name", "unknown"));

        model.selectAllModels();
        model.capProperty().set(null);
        assertThat(model.request().models()).isEmpty();
        assertThat(model.request().concurrency()).isEmpty();
        model.selectNoModels();
        assertThat(model.request().models()).contains(List.of());
        assertThat(model.modelsNoteProperty().get()).isEqualTo("No model will be refreshed.");
        model.capProperty().set(0);
        assertThat(model.capMessageProperty().get()).isEqualTo("the refresh concurrency must be at least 1, was 0");
        assertThat(model.canPreviewProperty().get()).isFalse();
    }

    @Test
    void uncheckingMaintenanceWhereItRunsByDefaultPassesTheFlagAsFalse() {
        sample.edit("fabric/parameter.yml", text -> text.replace(
                "run_maintenance.defaultValue\n    replace_value:\n      \"sandbox\": false",
                "run_maintenance.defaultValue\n    replace_value:\n      \"sandbox\": true"));
        LaunchViewModel model = sandbox();
        assertThat(model.maintenanceProperty().get()).isTrue();

        model.maintenanceProperty().set(false);

        assertThat(model.request().parameters().get("run_maintenance").booleanValue()).isFalse();
        assertThat(model.request().maintenance()).isFalse();
    }
}
