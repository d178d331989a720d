package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbb.console.core.expr.Evaluate.json;

import org.junit.jupiter.api.Test;

class EvaluationErrorsTest {

    @Test
    void aMissingParameterQuotesTheExpressionAndSaysWhereToGiveAValue() {
        assertThatThrownBy(() -> json("@toUpper(pipeline().parameters.environment)"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("Cannot evaluate \"@toUpper(pipeline().parameters.environment)\": pipeline parameter"
                        + " 'environment' has no value (at pipeline().parameters.environment). Pass a value for it"
                        + " when starting the run, or give it a defaultValue in the pipeline's parameters.");
    }

    @Test
    void aVariableNeverSetSaysToRunASetVariableFirst() {
        assertThatThrownBy(() -> json("@variables('load_date')"))
                .hasMessage("Cannot evaluate \"@variables('load_date')\": variable 'load_date' has not been set"
                        + " (at variables('load_date')). Make a SetVariable activity for 'load_date' run before this"
                        + " one (dependsOn), or give the variable a defaultValue.");
    }

    @Test
    void anActivityWithoutOutputSaysToDependOnIt() {
        assertThatThrownBy(() -> json("@activity('Lookup environment').output.firstRow"))
                .hasMessageContaining("activity 'Lookup environment' has no output")
                .hasMessageContaining("dependsOn Succeeded");
    }

    @Test
    void itemOutsideAForEachSaysWhereItWorks() {
        assertThatThrownBy(() -> json("@item()")).hasMessageContaining("item() has no value here")
                .hasMessageContaining("only inside the activities of a ForEach");
    }

    @Test
    void anErrorInsideInterpolationQuotesTheWholeValue() {
        assertThatThrownBy(() -> json("WHERE d = '@{variables('d')}'"))
                .hasMessageStartingWith("Cannot evaluate \"WHERE d = '@{variables('d')}'\": variable 'd'");
    }
}
