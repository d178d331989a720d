package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.problem.Problem;

/** One test per step of fabric-cicd's {@code _validate_parameter_file} (§9), with its exact message. */
class ValidationStepsTest {

    private final ParameterYaml yaml = ParameterYaml.inMemory();

    private String errorFor(String text) {
        ParameterValidation v = yaml.forEnvironment("PPE", text);
        assertThat(v.valid()).as("expected an error for:%n%s", text).isFalse();
        Problem p = v.firstError().orElseThrow();
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        return p.message();
    }

    private ParameterValidation valid(String text) {
        ParameterValidation v = yaml.forEnvironment("PPE", text);
        assertThat(v.valid()).as("%s", v.problems()).isTrue();
        return v;
    }

    private static String fr(String entry) {
        return "find_replace:\n  - " + entry.strip().replace("\n", "\n    ") + "\n";
    }

    // ---- names and structure

    @Test
    void unknownTopLevelKeyIsAnInvalidParameterName() {
        assertThat(errorFor("semantic_model_refresh: []\nfind_replace: []\n"))
                .startsWith("Invalid parameter name 'semantic_model_refresh' found in the parameter file");
    }

    @Test
    void emptyExtendIsNotRemovedAndSoIsAnInvalidParameterName() {
        assertThat(errorFor("extend: []\nfind_replace: []\n"))
                .startsWith("Invalid parameter name 'extend' found in the parameter file");
    }

    @Test
    void sparkPoolReplaceValueIsAcceptedAsANameByFabricCicdsSliceQuirk() {
        ParameterValidation v = valid("spark_pool_replace_value: x\nfind_replace: []\n");

        assertThat(v.warnings()).extracting(Problem::message).anyMatch(m -> m.contains("accepts the name by accident"));
    }

    @Test
    void legacyDictionaryFormatIsAnInvalidStructure() {
        assertThat(errorFor("find_replace:\n  \"db52be81-c2b2-4261-84fa-840c67f4bbd0\":\n    PPE: x\n"))
                .startsWith("Invalid parameter file structure");
    }

    @Test
    void fileWithoutAnyParameterIsAnInvalidStructure() {
        assertThat(errorFor("gateway_binding: []\n")).startsWith("Invalid parameter file structure");
    }

    @Test
    void emptySemanticModelBindingIsAnInvalidStructure() {
        assertThat(errorFor("semantic_model_binding: {}\n")).startsWith("Invalid parameter file structure");
    }

    // ---- find_replace

    @Test
    void entryWithoutReplaceValueIsMissingKeys() {
        assertThat(errorFor(fr("find_value: x"))).startsWith("find_replace is missing keys");
    }

    @Test
    void entryWithAnUnknownKeyContainsInvalidKeys() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: {PPE: y}\ndescription: z")))
                .startsWith("find_replace contains invalid keys");
    }

    @Test
    void emptyFindValueIsAMissingValue() {
        assertThat(errorFor(fr("find_value: \"\"\nreplace_value: {PPE: y}")))
                .startsWith("Missing value for 'find_value' key in find_replace");
    }

    @Test
    void numericFindValueIsNotAString() {
        assertThat(errorFor(fr("find_value: 123\nreplace_value: {PPE: y}")))
                .startsWith("The provided 'find_value' is not of type string in find_replace");
    }

    @Test
    void replaceValueThatIsNotAMappingIsNotADictionary() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: y")))
                .startsWith("The provided 'replace_value' is not of type dictionary in find_replace");
    }

    @Test
    void itemsVariableInFindValueIsRefused() {
        assertThat(errorFor(fr("find_value: $items.Lakehouse.LH.$id\nreplace_value: {PPE: y}")))
                .startsWith("Dynamic replacement variable '$items.Lakehouse.LH.$id' is not supported in find_value.");
    }

    @Test
    void booleanIsRegexIsNotAString() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: {PPE: y}\nis_regex: true")))
                .startsWith("The provided 'is_regex' is not of type string in find_replace");
    }

    @Test
    void workspaceVariableCannotBeARegex() {
        assertThat(errorFor(fr("find_value: $workspace.Dev\nreplace_value: {PPE: y}\nis_regex: \"true\"")))
                .startsWith("Dynamic replacement variable '$workspace.Dev' in find_value cannot be combined with"
                        + " is_regex. Use either a dynamic variable OR a regex pattern, not both");
    }

    @Test
    void regexThatPythonCannotCompileIsInvalid() {
        assertThat(errorFor(fr("find_value: '(abc'\nreplace_value: {PPE: y}\nis_regex: \"true\"")))
                .startsWith("Invalid regex (abc: missing ), unterminated subpattern at position 0");
    }

    @Test
    void booleanIgnoreCaseIsNotAString() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: {PPE: y}\nignore_case: yes")))
                .startsWith("The provided 'ignore_case' is not of type string in find_replace");
    }

    @Test
    void emptyReplacementIsAMissingReplaceValue() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: {PPE: \"\"}")))
                .startsWith("find_replace is missing a replace value for 'PPE' environment'");
    }

    @Test
    void numericReplacementIsNotAString() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: {PPE: 5}")))
                .startsWith("The provided 'PPE replace_value' is not of type string in find_replace");
    }

    @Test
    void filterThatIsNeitherStringNorListIsRefused() {
        assertThat(errorFor(fr("find_value: x\nreplace_value: {PPE: y}\nitem_type: {a: b}")))
                .startsWith("The provided 'item_type' is not of type string or list[string] in find_replace");
    }

    @Test
    void allKeyMixedWithOthersFailsForAnEnvironmentButNotForNone() {
        String text = fr("find_value: x\nreplace_value: {DEV: a, _ALL_: b}");

        assertThat(errorFor(text)).startsWith("The '_ALL_' environment key can only be used alone. Other"
                + " environment keys found in replace_value: '{'DEV': 'a', '_ALL_': 'b'}'");
        assertThat(yaml.withoutEnvironment(text).valid()).isTrue();
    }

    @Test
    void allKeyInAnyCaseAloneAppliesToEveryEnvironmentWithAWarning() {
        ParameterValidation v = valid(fr("find_value: x\nreplace_value: {_All_: b}"));

        assertThat(v.warnings()).extracting(Problem::message)
                .contains("The replace value: 'b' will be applied for any target environment");
        assertThat(v.file().orElseThrow().findReplace().get(0).replaceValue().forEnvironment("PPE")).contains("b");
    }

    @Test
    void plainAllIsAnOrdinaryEnvironmentName() {
        ParameterValidation v = valid(fr("find_value: x\nreplace_value: {ALL: a, DEV: b}"));

        assertThat(v.warnings()).extracting(Problem::message)
                .anyMatch(m -> m.contains("target environment 'PPE' not found"));
    }

    @Test
    void missingTargetEnvironmentOnlyWarnsWithoutAnEntryNumberForASingleEntry() {
        ParameterValidation v = valid(fr("find_value: x\nreplace_value: {DEV: y}"));

        assertThat(v.warnings()).extracting(Problem::message).contains("The find value 'x' replacement will be"
                + " skipped due to target environment 'PPE' not found in parameter find_replace");
    }

    @Test
    void entriesAreNumberedFromOneWhenThereAreSeveral() {
        ParameterValidation v = valid("find_replace:\n  - find_value: a\n    replace_value: {PPE: y}\n"
                + "  - find_value: b\n    replace_value: {DEV: y}\n");

        assertThat(v.warnings()).extracting(Problem::message).contains("The find value 'b' replacement will be"
                + " skipped due to target environment 'PPE' not found in parameter find_replace 2");
    }

    @Test
    void isRegexOtherThanTrueWarnsThatRegexIsIgnored() {
        ParameterValidation v = valid(fr("find_value: x\nreplace_value: {PPE: y}\nis_regex: \"false\""));

        assertThat(v.warnings()).extracting(Problem::message)
                .contains("The provided is_regex value is not set to 'true', regex matching will be ignored.");
    }

    // ---- key_value_replace

    private static String kv(String entry) {
        return "key_value_replace:\n  - " + entry.strip().replace("\n", "\n    ") + "\n";
    }

    @Test
    void findKeyMustStartWithDollar() {
        assertThat(errorFor(kv("find_key: properties.x\nreplace_value: {PPE: y}")))
                .startsWith("find_key must be an absolute JSONPath starting with '$'");
    }

    @Test
    void blankFindKeyIsMissingOrEmpty() {
        assertThat(errorFor(kv("find_key: \"  \"\nreplace_value: {PPE: y}")))
                .startsWith("Missing or empty 'find_key' for key_value_replace");
    }

    @Test
    void findKeyThatJsonpathNgCannotParseIsInvalid() {
        assertThat(errorFor(kv("find_key: $.a[\nreplace_value: {PPE: y}")))
                .startsWith("Invalid JSONPath expression '$.a[': Parse error near the end of string!");
    }

    @Test
    void boolNextToQuotedTrueIsAnInconsistentType() {
        assertThat(errorFor(kv("find_key: $.a\nreplace_value: {PPE: false, PROD: \"true\"}")))
                .startsWith("Inconsistent data types in key_value_replace replace_value: 'PPE' has type bool but"
                        + " 'PROD' has type str. All values must be of the same type.");
    }

    @Test
    void intNextToFloatIsAnInconsistentType() {
        assertThat(errorFor(kv("find_key: $.a\nreplace_value: {PPE: 1, PROD: 1.5}")))
                .contains("'PPE' has type int but 'PROD' has type float");
    }

    @Test
    void nullValueIsAMissingReplaceValue() {
        assertThat(errorFor(kv("find_key: $.a\nreplace_value: {PPE: x, PROD: null}")))
                .startsWith("key_value_replace is missing a replace value for 'PROD' environment'");
    }

    @Test
    void emptyStringsListsAndMapsAreAllowedValues() {
        ParameterValidation v = valid(kv("find_key: $.a\nreplace_value: {PPE: \"\", PROD: \"x\"}")
                + "  - find_key: $..b[*]\n    replace_value: {PPE: [1, 2], PROD: []}\n"
                + "  - find_key: $.c[?(@.name==\"x\")].value\n    replace_value: {PPE: {k: v}}\n");

        KeyValueReplaceEntry list = v.file().orElseThrow().keyValueReplace().get(1);
        assertThat(list.replaceValue().forEnvironment("PPE")).contains(java.util.List.of(1, 2));
    }

    @Test
    void isRegexIsNotAKeyValueReplaceKey() {
        assertThat(errorFor(kv("find_key: $.a\nreplace_value: {PPE: x}\nis_regex: \"true\"")))
                .startsWith("key_value_replace contains invalid keys");
    }

    // ---- spark_pool

    private static String pool(String entry) {
        return "spark_pool:\n  - " + entry.strip().replace("\n", "\n    ") + "\n";
    }

    @Test
    void poolThatIsNotAMappingIsNotADictionary() {
        assertThat(errorFor(pool("instance_pool_id: p\nreplace_value: {PPE: Capacity}")))
                .startsWith("The provided 'PPE key' is not of type dictionary in spark_pool");
    }

    @Test
    void poolWithoutNameMustContainTypeAndName() {
        assertThat(errorFor(pool("instance_pool_id: p\nreplace_value: {PPE: {type: Capacity}}")))
                .startsWith("The 'PPE' environment dict in spark_pool must contain a 'type' and a 'name' key");
    }

    @Test
    void poolWithEmptyNameIsMissingAValue() {
        assertThat(errorFor(pool("instance_pool_id: p\nreplace_value: {PPE: {type: Capacity, name: \"\"}}")))
                .startsWith("The 'PPE' environment in spark_pool is missing a value for 'name' key");
    }

    @Test
    void poolTypeMustBeCapacityOrWorkspaceWithThatCase() {
        assertThat(errorFor(pool("instance_pool_id: p\nreplace_value: {PPE: {type: capacity, name: x}}")))
                .startsWith("The 'PPE' environment in spark_pool must contain 'Capacity' or 'Workspace' as a value"
                        + " for 'type'");
    }

    @Test
    void poolAllowsOnlyTheItemNameFilter() {
        assertThat(errorFor(pool("instance_pool_id: p\nreplace_value: {PPE: {type: Capacity, name: x}}\n"
                + "item_type: Environment"))).startsWith("spark_pool contains invalid keys");
    }

    @Test
    void poolWithEmptyReplaceValueIsAMissingValue() {
        assertThat(errorFor(pool("instance_pool_id: p\nreplace_value:\nitem_name:")))
                .startsWith("Missing value for 'replace_value' key in spark_pool");
    }

    @Test
    void poolEntryBecomesADomainRecord() {
        ParameterValidation v = valid(pool("instance_pool_id: p\nreplace_value:\n  PPE: {type: Workspace, name: S}\n"
                + "item_name: [ENV_Spark]"));

        SparkPoolEntry e = v.file().orElseThrow().sparkPool().get(0);
        assertThat(e.replaceValue().forEnvironment("PPE")).contains(new SparkPoolTarget("Workspace", "S"));
        assertThat(e.itemNames()).containsExactly("ENV_Spark");
    }

    // ---- ordering and continuation

    @Test
    void firstErrorIsFabricCicdsAndLaterIndependentErrorsAreStillReported() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                key_value_replace:
                  - find_key: nope
                    replace_value: {PPE: x}
                spark_pool:
                  - instance_pool_id: p
                    replace_value: {PPE: {type: Bad, name: x}}
                find_replace:
                  - find_value: ""
                    replace_value: {PPE: y}
                  - find_value: ok
                    replace_value: {PPE: 3}
                """);

        assertThat(v.errors()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("Missing value for 'find_value' key in find_replace"),
                m -> assertThat(m).startsWith("The provided 'PPE replace_value' is not of type string"),
                m -> assertThat(m).startsWith("The 'PPE' environment in spark_pool must contain 'Capacity'"),
                m -> assertThat(m).startsWith("find_key must be an absolute JSONPath"));
        assertThat(v.file()).isEmpty();
    }
}
