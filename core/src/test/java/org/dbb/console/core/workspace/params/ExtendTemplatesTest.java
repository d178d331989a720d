package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.testing.SharedFixtures;

/** {@code extend} templates: merged as fabric-cicd does, problems with them only warn. */
class ExtendTemplatesTest {

    @TempDir
    Path dir;

    private ParameterValidation validate(String main) throws IOException {
        Path file = dir.resolve("parameter.yml");
        Files.writeString(file, main);
        return new ParameterFileValidator().validate(file, Optional.of("PPE"), Optional.empty());
    }

    private void template(String name, String text) throws IOException {
        Path t = dir.resolve(name);
        Files.createDirectories(t.getParent());
        Files.writeString(t, text);
    }

    private static List<String> warnings(ParameterValidation v) {
        return v.warnings().stream().map(Problem::message).toList();
    }

    @Test
    void extendFixtureMergesBothTemplatesFromTheTemplatesFolder() throws IOException {
        Path fixture = SharedFixtures.require("parameter-yml/02-fabric-cicd-extend-main.yml");
        Path templates = SharedFixtures.require("parameter-yml/02-fabric-cicd-extend-templates");
        Files.copy(fixture, dir.resolve("parameter.yml"));
        Files.createDirectories(dir.resolve("templates"));
        try (var files = Files.list(templates)) {
            for (Path t : files.toList()) {
                Files.copy(t, dir.resolve("templates").resolve(t.getFileName().toString()));
            }
        }

        ParameterValidation v = new ParameterFileValidator().validate(dir.resolve("parameter.yml"),
                Optional.of("PPE"), Optional.empty());

        assertThat(v.valid()).as("%s", v.problems()).isTrue();
        ParameterFile file = v.file().orElseThrow();
        assertThat(file.templates()).hasSize(2);
        assertThat(file.findReplace()).extracting(FindReplaceEntry::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(file.findReplace().get(0).position().file()).isEqualTo(dir.resolve("parameter.yml"));
        FindReplaceEntry fromTemplate = file.findReplace().get(3);
        assertThat(fromTemplate.regex()).isTrue();
        assertThat(fromTemplate.position().file().getFileName().toString()).isEqualTo("nb parameter template 2.yml");
        assertThat(fromTemplate.position().line()).isEqualTo(3);
        assertThat(warnings(v)).noneMatch(m -> m.contains("Template file not found"));
    }

    @Test
    void extendFixtureInPlaceStillValidatesWhenItsTemplatesAreMissing() {
        Path fixture = SharedFixtures.require("parameter-yml/02-fabric-cicd-extend-main.yml");

        ParameterValidation v = new ParameterFileValidator().validate(fixture, Optional.of("PPE"), Optional.empty());

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).filteredOn(p -> p.message().contains("Template file not found")).hasSize(2)
                .allSatisfy(p -> assertThat(p.line()).isIn(3, 4));
        assertThat(v.file().orElseThrow().findReplace()).hasSize(1);
    }

    @Test
    void nestedExtendInATemplateIsSkippedWithAWarning() throws IOException {
        template("t.yml", "extend: [\"other.yml\"]\nfind_replace:\n  - find_value: a\n    replace_value: {PPE: b}\n");

        ParameterValidation v = validate("extend: [\"./t.yml\"]\nfind_replace: []\n");

        assertThat(v.valid()).isTrue();
        assertThat(warnings(v)).anyMatch(m -> m.contains("Nested templates are not supported in ./t.yml"));
        assertThat(v.file().orElseThrow().findReplace()).isEmpty();
    }

    @Test
    void unparsableTemplateIsSkippedWithAWarningPositionedInTheTemplate() throws IOException {
        template("bad.yml", "find_replace:\n  a: b\n    c: d\n");

        ParameterValidation v = validate("extend:\n  - bad.yml\nfind_replace: []\n");

        assertThat(v.valid()).isTrue();
        Problem p = v.warnings().stream().filter(w -> w.message().startsWith("Error loading template parameter file"))
                .findFirst().orElseThrow();
        assertThat(p.file()).isEqualTo(dir.resolve("bad.yml"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("mapping values are not allowed here");
    }

    @Test
    void templateWithDuplicateKeysIsSkippedToo() throws IOException {
        template("dup.yml", "find_replace: []\nfind_replace: []\n");

        ParameterValidation v = validate("extend: [dup.yml]\nspark_pool: []\n");

        assertThat(v.valid()).isTrue();
        assertThat(warnings(v)).anyMatch(m -> m.contains("duplicate key(s) found: 'find_replace' (2)"));
    }

    @Test
    void sameTemplateListedTwiceIsLoadedOnce() throws IOException {
        template("t.yml", "find_replace:\n  - find_value: a\n    replace_value: {PPE: b}\n");

        ParameterValidation v = validate("extend: [t.yml, t.yml]\nfind_replace: []\n");

        assertThat(v.file().orElseThrow().findReplace()).hasSize(1);
        assertThat(warnings(v)).contains("Skipping duplicate template parameter file reference: t.yml");
    }

    @Test
    void templateParametersAreAppendedAndNewParametersAdded() throws IOException {
        template("t.yml", "find_replace:\n  - find_value: t\n    replace_value: {PPE: b}\n"
                + "key_value_replace:\n  - find_key: $.a\n    replace_value: {PPE: 1}\n");

        ParameterValidation v = validate("extend: [t.yml]\nfind_replace:\n  - find_value: m\n"
                + "    replace_value: {PPE: b}\n");

        ParameterFile f = v.file().orElseThrow();
        assertThat(f.findReplace()).extracting(FindReplaceEntry::findValue).containsExactly("m", "t");
        assertThat(f.keyValueReplace()).hasSize(1);
    }

    @Test
    void mismatchedShapesBecomeATwoElementListThatFailsValidation() throws IOException {
        template("t.yml", "find_replace: {a: b}\n");

        ParameterValidation v = validate("extend: [t.yml]\nfind_replace:\n  - find_value: m\n"
                + "    replace_value: {PPE: b}\n");

        assertThat(v.valid()).isFalse();
        assertThat(ParameterYaml.firstError(v)).contains("find_replace entry 1 is a list, not a mapping");
    }

    @Test
    void extendThatIsNotAListIsDroppedWithAWarning() throws IOException {
        ParameterValidation v = validate("extend: t.yml\nfind_replace: []\n");

        assertThat(v.valid()).isTrue();
        assertThat(warnings(v)).anyMatch(m -> m.startsWith("No template parameter files specified under 'extend'"));
    }
}
