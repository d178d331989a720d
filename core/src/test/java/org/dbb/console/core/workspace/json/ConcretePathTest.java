package org.dbb.console.core.workspace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcretePathTest {

    @Test
    void dotFormAndJaywayBracketFormNameTheSameValue() {
        ConcretePath dotted = ConcretePath.parse("$.properties.activities[3].policy.retry");
        ConcretePath bracketed = ConcretePath.parse("$['properties']['activities'][3]['policy']['retry']");

        assertThat(bracketed).isEqualTo(dotted);
        assertThat(dotted).hasToString("$.properties.activities[3].policy.retry");
    }

    @Test
    void namesThatAreNotIdentifiersArePrintedInQuotedBrackets() {
        ConcretePath path = ConcretePath.root().member("value").index(0).member("@odata.count").member("it's");

        assertThat(path).hasToString("$.value[0]['@odata.count']['it\\'s']");
        assertThat(ConcretePath.parse(path.toString())).isEqualTo(path);
    }

    @Test
    void filtersAndWildcardsAreRefusedBecauseTheyAreNotConcrete() {
        assertThatThrownBy(() -> ConcretePath.parse("$.properties.activities[?(@.name=='X')]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a concrete JSON path");
        assertThatThrownBy(() -> ConcretePath.parse("$.a.*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConcretePath.parse("properties")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentAndPrefixWalkTowardsTheRoot() {
        ConcretePath path = ConcretePath.parse("$.a[1].b");

        assertThat(path.parent()).contains(ConcretePath.parse("$.a[1]"));
        assertThat(path.prefix(1)).isEqualTo(ConcretePath.parse("$.a"));
        assertThat(path.startsWith(ConcretePath.parse("$.a"))).isTrue();
        assertThat(ConcretePath.root().parent()).isEmpty();
    }
}
