package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

class PythonRegexTest {

    @Test
    void pythonNamedGroupsAndBackReferencesAreTranslated() {
        PythonRegex regex = PythonRegex.compile("(?P<quote_char>['\"])(?P<guid>[0-9a-f-]{36})(?P=quote_char)", false);
        assertThat(regex.groupCount()).isEqualTo(2);
        Matcher m = regex.pattern().matcher("x = '11111111-2222-3333-4444-555555555555' + \"a\"");
        assertThat(m.find()).isTrue();
        assertThat(m.group(2)).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(regex.pattern().matcher("'11111111-2222-3333-4444-555555555555\"").find()).isFalse();
    }

    @Test
    void bracesThatAreNotQuantifiersAreLiteralAsInPython() {
        PythonRegex regex = PythonRegex.compile("\\{\"id\": \"(x{2,})\"}{,2}", false);
        assertThat(regex.pattern().matcher("{\"id\": \"xxx\"}").matches()).isTrue();
        assertThat(PythonRegex.compile("a{b}(c)", false).pattern().matcher("a{b}c").matches()).isTrue();
        assertThat(PythonRegex.compile("a{,2}(b)", false).pattern().matcher("aab").matches()).isTrue();
    }

    @Test
    void pythonSpecificEscapesAndSetsKeepTheirMeaning() {
        assertThat(PythonRegex.compile("(a)\\Z", false).pattern().matcher("a\n").find()).isFalse();
        assertThat(PythonRegex.compile("(a)$", false).pattern().matcher("a\n").find()).isTrue();
        assertThat(PythonRegex.compile("([[a])", false).pattern().matcher("[").matches()).isTrue();
        assertThat(PythonRegex.compile("([a&&b])", false).pattern().matcher("&").matches()).isTrue();
        assertThat(PythonRegex.compile("(x)(?#a comment)y", false).pattern().matcher("xy").matches()).isTrue();
        assertThat(PythonRegex.compile("(.)", false).pattern().matcher("\r").matches()).isTrue();
        assertThat(PythonRegex.compile("(\\w+)", false).pattern().matcher("Caf\u00e9").matches()).isTrue();
    }

    @Test
    void ignoreCaseFoldsUnicode() {
        assertThat(PythonRegex.compile("(caf\u00e9)", true).pattern().matcher("CAF\u00c9").matches()).isTrue();
    }

    @Test
    void countsCapturingGroupsOnly() {
        assertThat(PythonRegex.compile("(?:a)(b)(?=c)", false).groupCount()).isEqualTo(1);
        assertThat(PythonRegex.compile("no groups", false).groupCount()).isZero();
    }

    @Test
    void invalidPatternsAreRejectedWithAReason() {
        assertThatThrownBy(() -> PythonRegex.compile("(unclosed", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PythonRegex.compile("(?P=missing)(a)", false))
                .hasMessageContaining("unknown group name 'missing'");
    }
}
