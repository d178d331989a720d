package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.testing.SharedFixtures;
import org.dbb.console.core.workspace.ItemScan;

/** Every row of the shared EXPECTED.tsv: the verdict fabric-cicd 1.3.0 reached, for PPE and for no environment. */
class FabricCicdFixtureVerdictTest {

    private final ParameterFileValidator validator = new ParameterFileValidator();

    static Stream<Arguments> expectedRows() throws IOException {
        Path tsv = SharedFixtures.require("parameter-yml/EXPECTED.tsv");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] cols = l.split("\t", -1);
            return Arguments.of(cols[0], Boolean.parseBoolean(cols[1].toLowerCase()),
                    Boolean.parseBoolean(cols[2].toLowerCase()), cols.length > 3 ? cols[3] : "");
        });
    }

    /** The TSV flattened newlines to spaces and cut long messages to 167 characters plus "...". */
    static String comparable(String expected) {
        String text = expected;
        if (text.length() == 170 && text.endsWith("...")) {
            text = text.substring(0, 167);
        }
        return text;
    }

    static String flat(String message) {
        return message.replace("\n", " ");
    }

    @ParameterizedTest(name = "{0}: valid for PPE={1}, valid for no environment={2}")
    @MethodSource("expectedRows")
    void reachesFabricCicdsVerdictForEveryFixture(String file, boolean validPpe, boolean validNone, String message) {
        Path path = SharedFixtures.require("parameter-yml/" + file);

        ParameterValidation ppe = validator.validate(path, Optional.of("PPE"), Optional.empty());
        ParameterValidation none = validator.validate(path, Optional.empty(), Optional.empty());

        assertThat(ppe.valid()).as("verdict for PPE: %s", ppe.problems()).isEqualTo(validPpe);
        assertThat(none.valid()).as("verdict for no environment: %s", none.problems()).isEqualTo(validNone);
        assertThat(ppe.file().isPresent()).isEqualTo(validPpe);
        if (!validPpe && !message.startsWith("WARNING:") && !message.startsWith("ERROR:")) {
            assertThat(flat(ppe.firstError().orElseThrow().message())).contains(comparable(message));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedRows")
    void logsFabricCicdsFirstMessageAsAWarningForValidFixtures(String file, boolean validPpe, boolean validNone,
                                                             String message) {
        if (!validPpe || !(message.startsWith("WARNING: ") || message.startsWith("ERROR: "))) {
            return;
        }
        Path path = SharedFixtures.require("parameter-yml/" + file);
        ItemScan emptyRepository = new ItemScan(path.getParent().toAbsolutePath(), List.of(), List.of());

        ParameterValidation result = validator.validate(path, Optional.of("PPE"), Optional.of(emptyRepository));

        String cut = comparable(message);
        String expected = cut.substring(cut.indexOf(' ') + 1);
        assertThat(result.warnings()).extracting(p -> flat(p.message())).anyMatch(m -> m.contains(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedRows")
    void positionsEveryErrorAtALineAndColumn(String file, boolean validPpe, boolean validNone, String message) {
        Path path = SharedFixtures.require("parameter-yml/" + file);

        for (Optional<String> env : List.of(Optional.of("PPE"), Optional.<String>empty())) {
            for (Problem p : validator.validate(path, env, Optional.empty()).errors()) {
                assertThat(p.line()).as(p.toString()).isPositive();
                assertThat(p.column()).as(p.toString()).isPositive();
            }
        }
    }
}
