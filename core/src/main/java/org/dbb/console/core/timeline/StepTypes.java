package org.dbb.console.core.timeline;

/**
 * The activity types a {@link StepRow} carries most often, as pipelines spell them, plus the console's own type for
 * one semantic model's refresh. A row whose type is not known carries {@code ""}; fan-out item rows always do.
 * Constants only; thread-safe.
 */
public final class StepTypes {

    /** One semantic model refreshed by the console's refresh conductor (a row under the refresh step). */
    public static final String SEMANTIC_MODEL_REFRESH = "SemanticModelRefresh";
    /** Fabric's own semantic model refresh activity. */
    public static final String PBI_SEMANTIC_MODEL_REFRESH = "PBISemanticModelRefresh";
    public static final String INVOKE_PIPELINE = "InvokePipeline";
    public static final String EXECUTE_PIPELINE = "ExecutePipeline";
    public static final String TRIDENT_NOTEBOOK = "TridentNotebook";
    public static final String LOOKUP = "Lookup";
    public static final String SET_VARIABLE = "SetVariable";
    public static final String IF_CONDITION = "IfCondition";
    public static final String FOR_EACH = "ForEach";
    public static final String SWITCH = "Switch";
    public static final String UNTIL = "Until";
    public static final String WAIT = "Wait";

    private StepTypes() {
    }

    /** Whether activities of this type run other activities inside them (and Fabric reports those separately). */
    public static boolean isContainer(String type) {
        return type.equals(IF_CONDITION) || type.equals(FOR_EACH) || type.equals(SWITCH) || type.equals(UNTIL);
    }
}
