package org.dbb.console.app.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.Fixtures;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterValidation;

/** The page over every real parameter file of the shared fixtures: it never fails and shows the validator's verdict. */
class ParameterMatrixFixturesTest {

    private final ParameterEditing core = ParameterEditing.standalone();

    static Stream<Arguments> fixtures() throws IOException {
        Optional<Path> dir = Fixtures.find();
        Assumptions.assumeTrue(dir.isPresent(), "../shared/fixtures is absent beside the clone; fixture tests skipped");
        Path folder = dir.get().resolve("parameter-yml");
        List<String> lines = Files.readAllLines(folder.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).flatMap(cols -> Stream.of(
                Arguments.of(cols[0], folder.resolve(cols[0]), Optional.<String>empty(), cols[2]),
                Arguments.of(cols[0], folder.resolve(cols[0]), Optional.of("PPE"), cols[1])));
    }

    @ParameterizedTest(name = "{0} checked for {2}")
    @MethodSource("fixtures")
    void showsExactlyTheValidatorsProblemsForEveryFixture(String name, Path file, Optional<String> environment,
                                                        String fabricCicdVerdict) {
        ParameterMatrixViewModel model = new ParameterMatrixViewModel(core, new ConsoleSession(),
                new InterventionRecorder(() -> null, java.time.Clock.systemUTC(), "test", m -> { }),
                new StandingDialogs(), Runnable::run, DelayedExecutor.immediate(), Runnable::run);
        model.checkEnvironmentProperty().set(environment.orElse(null));
        ItemScan noItems = new ItemScan(file.getParent().toAbsolutePath(), List.of(), List.of());

        model.open(file, Optional.of(noItems), Map.of());

        ParameterValidation check = core.validator().validate(file.toAbsolutePath(), environment,
                Optional.of(noItems));
        assertThat(model.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.error() + " "
                + p.message()).containsExactlyElementsOf(check.problems().stream().map(p -> p.line() + ":"
                + p.column() + " " + p.isError() + " " + p.message()).toList());
        assertThat(model.problems().stream().noneMatch(ProblemRow::error))
                .as("fabric-cicd 1.3.0's verdict").isEqualTo(Boolean.parseBoolean(fabricCicdVerdict.toLowerCase()));
        assertThat(model.stateProperty().get()).isIn(MatrixState.READY, MatrixState.UNREADABLE);
        if (model.stateProperty().get() == MatrixState.READY) {
            assertThat(model.rows()).allSatisfy(r -> assertThat(r.all().isPresent() || r.cells().size()
                    == model.environments().size()).isTrue());
        }
        assertThat(check.problems()).extracting(Problem::message).doesNotContain("");
    }
}
