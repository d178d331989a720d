package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.testing.SharedFixtures;

/**
 * Parses every expression written in real pipelines: the public fixtures beside the clone and the console's own
 * sample workspace.
 */
class PipelineExpressionsParseTest {

    private static final String NOT_SUPPORTED = " is not supported by DBB Console";

    /** Functions the fixture pipelines call that the console deliberately does not evaluate; none so far. */
    private static final Set<String> UNSUPPORTED_IN_FIXTURES = Set.of();

    private final ExpressionParser parser = new ExpressionParser();

    @Test
    void everyFixtureExpressionParsesOrCallsOnlyKnownUnsupportedFunctions() {
        Path pipelines = SharedFixtures.require("pipelines");
        List<String> failures = new ArrayList<>();
        Set<String> unsupported = new TreeSet<>();
        int parsed = 0;
        for (Path file : PipelineExpressions.jsonFiles(pipelines)) {
            for (String text : PipelineExpressions.in(file)) {
                parsed++;
                try {
                    parser.parse(text);
                } catch (ExpressionSyntaxException e) {
                    if (e.getMessage().startsWith("function '") && e.getMessage().contains(NOT_SUPPORTED)) {
                        unsupported.add(e.getMessage().substring("function '".length(),
                                e.getMessage().indexOf('\'', "function '".length())));
                    } else {
                        failures.add(pipelines.relativize(file) + ": " + text + " -> " + e.getMessage());
                    }
                }
            }
        }

        assertThat(parsed).as("expressions found in the fixtures").isGreaterThanOrEqualTo(28);
        assertThat(failures).as("fixture expressions that do not parse").isEmpty();
        assertThat(unsupported).as("unsupported functions called by fixtures")
                .containsExactlyInAnyOrderElementsOf(UNSUPPORTED_IN_FIXTURES);
    }

    @Test
    void everySampleWorkspaceExpressionParses() {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (Path file : PipelineExpressions.jsonFiles(PipelineExpressions.SAMPLE_WORKSPACE)) {
            if (!file.getFileName().toString().equals("pipeline-content.json")) {
                continue;
            }
            for (String text : PipelineExpressions.in(file)) {
                parsed++;
                try {
                    parser.parse(text);
                } catch (ExpressionSyntaxException e) {
                    failures.add(file.getParent().getFileName() + ": " + text + " -> " + e.getMessage());
                }
            }
        }

        assertThat(parsed).as("expressions found in the sample workspace").isGreaterThanOrEqualTo(40);
        assertThat(failures).as("sample expressions that do not parse").isEmpty();
    }
}
