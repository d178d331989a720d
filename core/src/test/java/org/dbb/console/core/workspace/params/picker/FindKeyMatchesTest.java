package org.dbb.console.core.workspace.params.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.dbb.console.core.workspace.params.JsonPathSyntax;
import org.junit.jupiter.api.Test;

class FindKeyMatchesTest {

    private static final DefinitionTree SCHEDULES = DefinitionTree.parse(Path.of(".schedules"), """
            {"schedules": [
              {"jobType": "Execute", "enabled": false},
              {"jobType": "Refresh", "enabled": false},
              {"jobType": "Execute", "enabled": true}]}""");

    private final FindKeyMatches matches = new FindKeyMatches(new JsonPathSyntax());

    @Test
    void aFilterPathCountsEveryNodeItSelects() {
        FindKeyMatch match = matches.evaluate("$.schedules[?(@.jobType==\"Execute\")].enabled", SCHEDULES);

        assertThat(match.count()).isEqualTo(2);
        assertThat(match.paths()).containsExactly("$['schedules'][0]['enabled']", "$['schedules'][2]['enabled']");
        assertThat(match.summary()).contains("matches 2 nodes").contains("every one of them");
    }

    @Test
    void aPathThatSelectsNothingSaysFabricCicdLeavesTheFileUnchanged() {
        FindKeyMatch match = matches.evaluate("$.properties.parameters.env.defaultValue", SCHEDULES);

        assertThat(match.count()).isZero();
        assertThat(match.summary()).contains("matches nothing");
    }

    @Test
    void pathsFabricCicdRejectsGetTheValidatorsMessages() {
        assertThat(matches.evaluate("schedules", SCHEDULES).problem())
                .contains("find_key must be an absolute JSONPath starting with '$'; e.g. '$.schedules'");
        assertThat(matches.evaluate("  ", SCHEDULES).problem())
                .contains("Missing or empty 'find_key' for key_value_replace");
        assertThat(matches.evaluate("$.trueValue", SCHEDULES).problem().orElseThrow())
                .startsWith("Invalid JSONPath expression '$.trueValue': ");
    }

    @Test
    void theRootIsNotCountedAsAMatchBecauseFabricCicdCannotReplaceIt() {
        assertThat(matches.evaluate("$", SCHEDULES).count()).isZero();
    }
}
