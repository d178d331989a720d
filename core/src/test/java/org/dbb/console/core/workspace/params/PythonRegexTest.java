package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python {@code re} syntax, group counting and translation to Java. */
class PythonRegexTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            (abc                  | missing ), unterminated subpattern at position 0
            a**                   | multiple repeat at position 2
            *a                    | nothing to repeat at position 0
            \\q                   | bad escape \\q at position 0
            [z-a]                 | bad character range z-a at position 1
            (?<name>a)            | unknown extension ?<n at position 1
            (a)\\2                | invalid group reference 2 at position 4
            (?<=a+)b              | look-behind requires fixed-width pattern
            a(?i)b                | global flags not at the start of the expression at position 1
            (?P<x>a)(?P<x>b)      | redefinition of group name 'x' as group 2; was group 1 at position 12
            """)
    void refusesWhatPythonRefusesWithItsMessage(String pattern, String message) {
        assertThat(PythonRegex.compile(pattern).error()).contains(message);
    }

    @Test
    void countsCapturingGroupsOnly() {
        assertThat(PythonRegex.compile("(a)(?:b)(?P<c>c)(?=d)").groups()).isEqualTo(2);
        assertThat(PythonRegex.compile("\\#\\s*META\\s+\"default_lakehouse\":\\s*\"([0-9a-fA-F-]{36})\"").groups())
                .isEqualTo(1);
    }

    @Test
    void translatesPythonNamedGroupsAndBackReferencesToJava() {
        PythonRegex.Compiled c = PythonRegex.compile("(?P<id>[0-9a-f]+)-(?P=id)\\Z");

        assertThat(c.java()).isPresent();
        assertThat(c.java().get().pattern()).contains("(?<id>").contains("\\k<id>").endsWith("\\z");
        var m = c.java().get().matcher("ab-ab");
        assertThat(m.matches()).isTrue();
        assertThat(m.group("id")).isEqualTo("ab");
        assertThat(c.groupNames()).containsEntry("id", 1);
    }

    @Test
    void saysWhenAConstructHasNoJavaEquivalent() {
        PythonRegex.Compiled c = PythonRegex.compile("(a)?(?(1)b|c)");

        assertThat(c.valid()).isTrue();
        assertThat(c.java()).isEmpty();
        assertThat(c.javaNotes()).anyMatch(n -> n.contains("conditional groups"));
    }

    @Test
    void literalBracesAndBracketsThatJavaTreatsSpeciallyAreEscaped() {
        PythonRegex.Compiled c = PythonRegex.compile("a{x}[[&]");

        assertThat(c.java().orElseThrow().matcher("a{x}&").matches()).isTrue();
    }

    @Test
    void ignoreCaseFlagCarriesOverToJava() {
        assertThat(PythonRegex.compile("(abc)", true).java().orElseThrow().matcher("ABC").matches()).isTrue();
    }
}
