package org.dbb.console.core.workspace.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.problem.Problem;

/** semantic_model_binding in its new and legacy forms, and the deprecated gateway_binding. */
class SemanticModelBindingTest {

    private static final String G1 = "76e05dfe-9855-4e3d-a410-1dda048dbe99";
    private static final String G2 = "c4f8e2b1-3d2a-4f5b-9c6e-7a8b9c0d1e2f";

    private final ParameterYaml yaml = ParameterYaml.inMemory();

    private String errorFor(String text) {
        ParameterValidation v = yaml.forEnvironment("PPE", text);
        assertThat(v.valid()).as(text).isFalse();
        assertThat(v.firstError().orElseThrow().line()).isPositive();
        return v.firstError().orElseThrow().message();
    }

    @Test
    void newFormWithDefaultAndModelsBecomesTheDomainModel() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                semantic_model_binding:
                  default:
                    connection_id: {PPE: "%s", PROD: "%s"}
                  models:
                    - semantic_model_name: ["SM_Sales", "SM_Finance"]
                      connection_id:
                        _ALL_: ["%s", "%s"]
                """.formatted(G1, G2, G1, G2));

        assertThat(v.valid()).as("%s", v.problems()).isTrue();
        SemanticModelBinding b = v.file().orElseThrow().semanticModelBinding().orElseThrow();
        assertThat(b.legacy()).isFalse();
        assertThat(b.defaultConnection().orElseThrow().forEnvironment("PROD")).contains(List.of(G2));
        assertThat(b.models().get(0).semanticModelNames()).containsExactly("SM_Sales", "SM_Finance");
        assertThat(b.models().get(0).connectionIds().forEnvironment("TEST")).contains(List.of(G1, G2));
    }

    @Test
    void legacyKeysBesideNewKeysAreMixedFormat() {
        assertThat(errorFor("semantic_model_binding:\n  default: {connection_id: {PPE: \"" + G1 + "\"}}\n"
                + "  connection_id: \"" + G1 + "\"\n"))
                .startsWith("Parameter 'semantic_model_binding' contains mixed format keys (legacy and new format"
                        + " cannot be combined)");
    }

    @Test
    void newKeysInsideALegacyListEntryAreMixedFormat() {
        assertThat(errorFor("semantic_model_binding:\n  - connection_id: \"" + G1 + "\"\n    semantic_model_name: x\n"
                + "    models: []\n")).startsWith("Parameter 'semantic_model_binding' contains mixed format keys");
    }

    @Test
    void unknownKeyBesideDefaultIsInvalid() {
        assertThat(errorFor("semantic_model_binding:\n  default: {connection_id: {PPE: \"" + G1 + "\"}}\n"
                + "  extra: 1\n")).startsWith("semantic_model_binding contains invalid keys");
    }

    @Test
    void defaultWithoutConnectionIdIsMissingKeys() {
        assertThat(errorFor("semantic_model_binding:\n  default: {other: 1}\n"))
                .startsWith("semantic_model_binding.default (requires 'connection_id') is missing keys");
    }

    @Test
    void emptyModelsListIsRefused() {
        assertThat(errorFor("semantic_model_binding:\n  models: []\n"))
                .startsWith("semantic_model_binding.models must be a non-empty list");
    }

    @Test
    void modelWithoutNameIsMissingKeysWithItsZeroBasedIndex() {
        assertThat(errorFor("semantic_model_binding:\n  models:\n    - connection_id: {PPE: \"" + G1 + "\"}\n"))
                .startsWith("semantic_model_binding.models[0] (requires 'semantic_model_name') is missing keys");
    }

    @Test
    void bareStringConnectionIdInTheNewFormMustBeAMap() {
        assertThat(errorFor("semantic_model_binding:\n  models:\n    - semantic_model_name: m\n"
                + "      connection_id: \"" + G1 + "\"\n"))
                .startsWith("semantic_model_binding.models[0].connection_id must be a dictionary with environment keys"
                        + " (e.g., DEV, PPE, PROD) or '_ALL_'.");
    }

    @Test
    void emptyConnectionMapIsRefused() {
        assertThat(errorFor("semantic_model_binding:\n  default: {connection_id: {}}\n"))
                .startsWith("semantic_model_binding.default.connection_id must be a non-empty dictionary");
    }

    @Test
    void connectionIdThatIsNotAGuidIsRefused() {
        assertThat(errorFor("semantic_model_binding:\n  default: {connection_id: {PPE: nope}}\n"))
                .startsWith("connection_id for environment 'PPE' is not a valid GUID: 'nope'");
    }

    @Test
    void invalidGuidInsideAListIsRefused() {
        assertThat(errorFor("semantic_model_binding:\n  default:\n    connection_id:\n      PPE: [\"" + G1
                + "\", \"bad\"]\n")).startsWith("connection_id list for environment 'PPE' contains an invalid GUID: 'bad'");
    }

    @Test
    void emptyGuidListIsRefused() {
        assertThat(errorFor("semantic_model_binding:\n  default: {connection_id: {PPE: []}}\n"))
                .startsWith("connection_id value for environment 'PPE' must not be an empty list");
    }

    @Test
    void allKeyMixedWithEnvironmentsInAConnectionMapFailsForAnEnvironment() {
        String text = "semantic_model_binding:\n  default: {connection_id: {_ALL_: \"" + G1 + "\", PROD: \"" + G2
                + "\"}}\n";

        assertThat(errorFor(text)).startsWith("The '_ALL_' environment key can only be used alone.");
        assertThat(yaml.withoutEnvironment(text).valid()).isTrue();
    }

    @Test
    void missingEnvironmentInAConnectionMapOnlyWarns() {
        ParameterValidation v = yaml.forEnvironment("PPE",
                "semantic_model_binding:\n  default: {connection_id: {PROD: \"" + G1 + "\"}}\n");

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).extracting(Problem::message).anyMatch(m -> m.startsWith(
                "target environment 'PPE' not found"));
    }

    @Test
    void legacyListIsAcceptedWithADeprecationWarning() {
        ParameterValidation v = yaml.forEnvironment("PPE", "semantic_model_binding:\n  - connection_id: \"" + G1
                + "\"\n    semantic_model_name: [a, b]\n");

        assertThat(v.valid()).isTrue();
        assertThat(v.file().orElseThrow().semanticModelBinding().orElseThrow().legacy()).isTrue();
        assertThat(v.warnings()).extracting(Problem::message).anyMatch(m -> m.contains("deprecated"));
    }

    @Test
    void legacyConnectionMapIsRefused() {
        assertThat(errorFor("semantic_model_binding:\n  - connection_id: {PPE: \"" + G1 + "\"}\n"
                + "    semantic_model_name: a\n"))
                .startsWith("connection_id in semantic_model_binding must be a string GUID. Environment-specific"
                        + " dictionaries are not supported in the legacy format.");
    }

    @Test
    void legacyInvalidGuidNamesTheEntryWhenThereAreSeveral() {
        assertThat(errorFor("semantic_model_binding:\n  - connection_id: \"" + G1 + "\"\n    semantic_model_name: a\n"
                + "  - connection_id: nope\n    semantic_model_name: b\n"))
                .startsWith("connection_id 'nope' is not a valid GUID in semantic_model_binding 2");
    }

    @Test
    void duplicateModelNamesWarn() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                semantic_model_binding:
                  models:
                    - semantic_model_name: [A, B]
                      connection_id: {_ALL_: "%s"}
                    - semantic_model_name: B
                      connection_id: {_ALL_: "%s"}
                """.formatted(G1, G2));

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("Duplicate semantic model names found: B."));
    }

    @Test
    void gatewayBindingBecomesLegacyBindingAndItsGuidIsChecked() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                find_replace: []
                gateway_binding:
                  - gateway_id: "$ENV:GATEWAY_ID"
                    dataset_name: [CostModel]
                """);

        assertThat(ParameterYaml.firstError(v))
                .startsWith("connection_id '$ENV:GATEWAY_ID' is not a valid GUID in semantic_model_binding");
        assertThat(v.warnings()).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("The 'gateway_binding' parameter is deprecated"));
    }

    @Test
    void gatewayBindingBesideTheNewFormIsDroppedWithAWarning() {
        ParameterValidation v = yaml.forEnvironment("PPE", """
                semantic_model_binding:
                  default: {connection_id: {PPE: "%s"}}
                gateway_binding:
                  - gateway_id: nope
                    dataset_name: x
                """.formatted(G1));

        assertThat(v.valid()).isTrue();
        assertThat(v.warnings()).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("Cannot merge 'gateway_binding' with new format 'semantic_model_binding'"));
    }
}
