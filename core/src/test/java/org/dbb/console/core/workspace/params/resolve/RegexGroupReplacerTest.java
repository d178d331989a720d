package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegexGroupReplacerTest {

    private static RegexGroupReplacer.Outcome replace(String regex, String text, String with) {
        return RegexGroupReplacer.replaceGroupOne(PythonRegex.compile(regex, false).pattern(), text, with);
    }

    @Test
    void replacesOnlyGroupOneAndKeepsTheRestOfEveryMatch() {
        String text = "\"default_lakehouse\": \"aaaa\",\n\"other\": \"bbbb\",\n\"default_lakehouse\": \"cccc\"";
        RegexGroupReplacer.Outcome out = replace("default_lakehouse\":\\s*\"(\\w+)\"", text, "NEW");
        assertThat(out.replacements()).isEqualTo(2);
        assertThat(out.text()).isEqualTo(
                "\"default_lakehouse\": \"NEW\",\n\"other\": \"bbbb\",\n\"default_lakehouse\": \"NEW\"");
    }

    @Test
    void replacementIsTakenLiterally() {
        assertThat(replace("id=(\\d+)", "id=1", "$1\\x").text()).isEqualTo("id=$1\\x");
    }

    @Test
    void noMatchLeavesTheTextAlone() {
        RegexGroupReplacer.Outcome out = replace("(zzz)", "abc", "x");
        assertThat(out.text()).isEqualTo("abc");
        assertThat(out.replacements()).isZero();
    }

    @Test
    void emptyFirstCaptureFailsAsFabricCicdDoes() {
        assertThatThrownBy(() -> replace("key=(\\d*);", "key=;key=5;", "x"))
                .isInstanceOf(RegexGroupReplacer.EmptyCaptureException.class);
    }

    @Test
    void laterEmptyCapturesGetTheValueInsertedLikePythonSlicing() {
        assertThat(replace("key=(\\d*);", "key=5;key=;", "9").text()).isEqualTo("key=9;key=9;");
    }
}
