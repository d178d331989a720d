package org.dbb.console.core.workspace.params.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Expected output was produced by PyYAML 6.0 with yaml.dump(yaml.safe_load(src), default_flow_style=False, allow_unicode=True). */
class PythonYamlTest {

    private final PythonYaml yaml = new PythonYaml();

    @Test
    void roundTripMatchesPyYamlDumpWithSortedKeysBlockStyleAndYaml11Types() {
        String source = """
                # Spark compute settings
                enable_native_execution_engine: false
                instance_pool_id: 72c68dbc-0775-4d59-909d-a47896f4573b
                driver_cores: 8
                driver_memory: 56g
                runtime_version: 1.3
                spark_conf:
                  spark.sql.shuffle.partitions: '200'
                  spark.note: "yes"
                dynamic_executor_allocation:
                  enabled: true
                  min_executors: 1
                libs: [a, b]
                when: 2024-01-05
                quoted: 'it''s: here'
                multi: "first line
                  second line"
                octal: 0o17
                sci: 1e5
                sex: 1:30
                empty_str: ''
                nul: ~
                """;
        Object data = yaml.loadStructured(source).orElseThrow();
        assertThat(yaml.dump(data)).isEqualTo("""
                driver_cores: 8
                driver_memory: 56g
                dynamic_executor_allocation:
                  enabled: true
                  min_executors: 1
                empty_str: ''
                enable_native_execution_engine: false
                instance_pool_id: 72c68dbc-0775-4d59-909d-a47896f4573b
                libs:
                - a
                - b
                multi: first line second line
                nul: null
                octal: 0o17
                quoted: 'it''s: here'
                runtime_version: 1.3
                sci: 1e5
                sex: 90
                spark_conf:
                  spark.note: 'yes'
                  spark.sql.shuffle.partitions: '200'
                when: 2024-01-05
                """);
    }

    @Test
    void sharedCollectionsBecomeAnchorsAndFloatsUsePyYamlSpelling() {
        List<Object> shared = new ArrayList<>(List.of(1, 2));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", Double.POSITIVE_INFINITY);
        inner.put("y", 1e16);
        inner.put("x", 1e-5);
        inner.put("w", 2.5);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("c", inner);
        root.put("b", shared);
        root.put("a", shared);
        assertThat(yaml.dump(root)).isEqualTo("""
                a: &id001
                - 1
                - 2
                b: *id001
                c:
                  w: 2.5
                  x: 1.0e-05
                  y: 1.0e+16
                  z: .inf
                """);
    }

    @Test
    void longStringsAreFoldedAtEightyColumnsAndUnicodeIsKept() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("uni", "h\u00e9llo \u2713");
        root.put("long", "this is a fairly long string value that should exceed the eighty character width limit"
                + " of the emitter for sure");
        assertThat(yaml.dump(root)).isEqualTo("""
                long: this is a fairly long string value that should exceed the eighty character width
                  limit of the emitter for sure
                uni: h\u00e9llo \u2713
                """);
    }

    @Test
    void onlyMappingsAndSequencesCountAsStructuredYaml() {
        assertThat(yaml.loadStructured("# c\nx = 1\nprint(x)")).isEmpty();
        assertThat(yaml.loadStructured("just text")).isEmpty();
        assertThat(yaml.loadStructured("a: [1,\n")).isEmpty();
        assertThat(yaml.loadStructured("- 1\n- 2\n")).contains(List.of(1, 2));
        // PyYAML reads this line of Python as a one-entry mapping, and so does fabric-cicd.
        assertThat(yaml.loadStructured("print(\"a: b\")")).contains(Map.of("print(\"a", "b\")"));
    }
}
