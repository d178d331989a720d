package org.dbb.console.core.workspace.params.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetRulesTest {

    private static List<TargetWarning> check(JsonKind target, Object value) {
        return TargetRules.check("$.p", target, Optional.ofNullable(value));
    }

    @Test
    void anObjectOrListTargetIsNotALeafUnlessAStructureReplacesIt() {
        assertThat(TargetRules.check("$.p", JsonKind.OBJECT, Optional.empty()))
                .extracting(TargetWarning::kind).containsExactly(TargetWarning.Kind.NOT_A_LEAF);
        assertThat(check(JsonKind.ARRAY, "x")).singleElement().satisfies(w -> assertThat(w.message())
                .isEqualTo("find_key '$.p' selects a whole list; fabric-cicd replaces all of it with the value, which"
                        + " corrupts the definition. Point the path at the property to change"));
        assertThat(check(JsonKind.ARRAY, List.of("Sales", "HR"))).isEmpty();
        assertThat(check(JsonKind.OBJECT, List.of(1))).extracting(TargetWarning::kind)
                .containsExactly(TargetWarning.Kind.TYPE_DIFFERS);
    }

    @Test
    void aQuotedTrueForABooleanGetsTheValidatorsAdvice() {
        assertThat(check(JsonKind.BOOLEAN, "true")).singleElement().satisfies(w -> assertThat(w.message())
                .isEqualTo("find_key '$.p' selects a JSON boolean but the replacement is the string 'true'; write it"
                        + " without quotes so that the file keeps a boolean"));
    }

    @Test
    void aValueOfAnotherJsonTypeIsWarnedAboutBothWays() {
        assertThat(check(JsonKind.NUMBER, "4")).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(TargetWarning.Kind.TYPE_DIFFERS);
            assertThat(w.message()).contains("selects a JSON number but the replacement is a string ('4')")
                    .contains("Give a number without quotes");
        });
        assertThat(check(JsonKind.STRING, 4)).singleElement().satisfies(w ->
                assertThat(w.message()).contains("JSON string but the replacement is a number (4)"));
        assertThat(check(JsonKind.STRING, true)).hasSize(1);
        assertThat(check(JsonKind.STRING, "$items.Lakehouse.lh.$id")).isEmpty();
    }

    @Test
    void matchingTypesAndNullTargetsTakeTheValueSilently() {
        assertThat(check(JsonKind.NUMBER, 8)).isEmpty();
        assertThat(check(JsonKind.NUMBER, 2.5)).isEmpty();
        assertThat(check(JsonKind.BOOLEAN, false)).isEmpty();
        assertThat(check(JsonKind.NULL, "x")).isEmpty();
        assertThat(check(JsonKind.OBJECT, Map.of("a", 1))).isEmpty();
        assertThat(check(JsonKind.STRING, null)).isEmpty();
    }

    @Test
    void overSeveralMatchesTheFirstWarningDecides() {
        DefinitionNode number = new DefinitionNode("a", List.of(), JsonKind.NUMBER, "1", List.of());
        DefinitionNode text = new DefinitionNode("b", List.of(), JsonKind.STRING, "\"x\"", List.of());

        assertThat(TargetRules.check("$..x", List.of(text, number), Optional.of("y")))
                .extracting(TargetWarning::kind).containsExactly(TargetWarning.Kind.TYPE_DIFFERS);
    }
}
