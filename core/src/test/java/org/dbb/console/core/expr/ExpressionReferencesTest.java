package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.expr.ExpressionReference.Kind;

class ExpressionReferencesTest {

    private final ExpressionParser parser = new ExpressionParser();

    private static ExpressionReference ref(Kind kind, String name) {
        return new ExpressionReference(kind, name);
    }

    @Test
    void listsEveryParameterVariableAndActivityReadInTheOrderWritten() {
        Expression expression = parser.parse("@concat(pipeline().parameters.environment, variables('load_date'), "
                + "string(activity('Lookup environment').output.firstRow), pipeline().parameters['environment'])");

        assertThat(expression.references()).containsExactly(
                ref(Kind.PARAMETER, "environment"),
                ref(Kind.VARIABLE, "load_date"),
                ref(Kind.ACTIVITY_OUTPUT, "Lookup environment"));
    }

    @Test
    void listsItemRunIdAndTriggerTimeWithoutNames() {
        assertThat(parser.parse("@concat(item(), pipeline().RunId, pipeline().TriggerTime)").references())
                .containsExactly(ref(Kind.ITEM, ""), ref(Kind.RUN_ID, ""), ref(Kind.TRIGGER_TIME, ""));
    }

    @Test
    void includesReadsInBranchesThatMayNotBeTaken() {
        assertThat(parser.parse("@if(true, 1, variables('fallback'))").references())
                .containsExactly(ref(Kind.VARIABLE, "fallback"));
    }

    @Test
    void collectsReadsFromEveryInterpolatedPart() {
        assertThat(parser.parse("WHERE a = '@{pipeline().parameters.a}' AND b = '@{activity('B').output.x}'")
                .references()).containsExactly(ref(Kind.PARAMETER, "a"), ref(Kind.ACTIVITY_OUTPUT, "B"));
    }

    @Test
    void literalsReadNothing() {
        assertThat(parser.parse("plain").references()).isEmpty();
        assertThat(parser.parse("@@pipeline().parameters.a").references()).isEmpty();
        assertThat(parser.parse("@add(1, 2)").references()).isEmpty();
    }
}
