package org.dbb.console.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.expr.Evaluate.evaluate;
import static org.dbb.console.core.expr.Evaluate.json;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.dbb.console.core.workspace.pipeline.DynamicValue;

class ExpressionSyntaxTest {

    private final ExpressionParser parser = new ExpressionParser();
    private final TestContext context = new TestContext()
            .parameter("environment", "\"prod\"")
            .parameter("settings", "{\"retries\":3,\"tags\":[\"a\",\"b\"]}")
            .variable("load_date", "\"2024-05-01\"");

    @Test
    void textWithoutAtIsALiteralString() {
        Expression literal = parser.parse("SELECT 1 FROM meta.environment_config");

        assertThat(literal.evaluate(context)).isEqualTo(TextNode.valueOf("SELECT 1 FROM meta.environment_config"));
        assertThat(literal.references()).isEmpty();
        assertThat(literal.text()).isEqualTo("SELECT 1 FROM meta.environment_config");
    }

    @Test
    void anAtInsideTextIsNotAnExpression() {
        assertThat(evaluate("ops@contoso.com")).isEqualTo(TextNode.valueOf("ops@contoso.com"));
        assertThat(evaluate(" @pipeline().RunId")).isEqualTo(TextNode.valueOf(" @pipeline().RunId"));
    }

    @Test
    void doubleAtAtTheStartEscapesALiteralAt() {
        assertThat(evaluate("@@")).isEqualTo(TextNode.valueOf("@"));
        assertThat(evaluate("@@pipeline().RunId")).isEqualTo(TextNode.valueOf("@pipeline().RunId"));
    }

    @Test
    void doubleAtBeforeABraceEscapesInterpolation() {
        assertThat(json("Answer is: @@{pipeline().parameters.environment}", context))
                .isEqualTo("\"Answer is: @{pipeline().parameters.environment}\"");
        assertThat(parser.parse("Answer is: @@{x}").references()).isEmpty();
    }

    @Test
    void stringLiteralsUseDoubledSingleQuotesForAQuote() {
        assertThat(evaluate("@'it''s'")).isEqualTo(TextNode.valueOf("it's"));
        assertThat(evaluate("@concat('''', 'x', '''')")).isEqualTo(TextNode.valueOf("'x'"));
        assertThat(evaluate("@''")).isEqualTo(TextNode.valueOf(""));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            @42            | 42
            @-1            | -1
            @1.5           | 1.5
            @-0.25         | -0.25
            @9000000000    | 9000000000
            @true          | true
            @false         | false
            @null          | null
            """)
    void literalsEvaluateToTheirJsonValues(String text, String expectedJson) {
        assertThat(json(text)).isEqualTo(expectedJson);
    }

    @Test
    void whitespaceBetweenTokensIsIgnoredIncludingATrailingNewline() {
        assertThat(json("@concat( 'a' ,\n 'b' )")).isEqualTo("\"ab\"");
        assertThat(json("@string('capacities/refreshables?$top=1')\n")).isEqualTo("\"capacities/refreshables?$top=1\"");
    }

    @Test
    void functionNamesIgnoreCase() {
        assertThat(json("@CONCAT('a', ToUpper('b'))")).isEqualTo("\"aB\"");
        assertThat(json("@Pipeline().Parameters.environment", context)).isEqualTo("\"prod\"");
        assertThat(json("@pipeline().runId", context)).isEqualTo("\"" + TestContext.RUN_ID + "\"");
        assertThat(json("@Variables('load_date')", context)).isEqualTo("\"2024-05-01\"");
    }

    @Test
    void pipelineParametersAreReadByDotOrQuotedIndex() {
        assertThat(json("@pipeline().parameters.environment", context)).isEqualTo("\"prod\"");
        assertThat(json("@pipeline().parameters['environment']", context)).isEqualTo("\"prod\"");
        assertThat(json("@pipeline().parameters.settings.tags[1]", context)).isEqualTo("\"b\"");
    }

    @Test
    void runIdAndTriggerTimeComeFromTheContext() {
        assertThat(json("@pipeline().RunId", context)).isEqualTo("\"" + TestContext.RUN_ID + "\"");
        assertThat(json("@pipeline().TriggerTime", context)).isEqualTo("\"2024-05-02T06:00:00.0000000Z\"");
    }

    @Test
    void interpolationReplacesEachPartWithItsText() {
        assertThat(json("env=@{pipeline().parameters.environment}, date=@{variables('load_date')}!", context))
                .isEqualTo("\"env=prod, date=2024-05-01!\"");
    }

    @Test
    void interpolationOfAWholeValueStillGivesAString() {
        assertThat(evaluate("@{add(1, 2)}")).isEqualTo(TextNode.valueOf("3"));
    }

    @Test
    void interpolationWritesObjectsAndArraysAsCompactJson() {
        assertThat(json("settings: @{pipeline().parameters.settings}", context))
                .isEqualTo("\"settings: {\\\"retries\\\":3,\\\"tags\\\":[\\\"a\\\",\\\"b\\\"]}\"");
    }

    @Test
    void interpolationWritesBooleansTheDotNetWayAndNullAsNothing() {
        assertThat(json("flag=@{true}|@{null}|")).isEqualTo("\"flag=True||\"");
    }

    @Test
    void interpolatedExpressionsMayContainBracesAndNestedCalls() {
        assertThat(json("x @{concat('}', toUpper('{a}'), string(createArray(1, 2)))} y"))
                .isEqualTo("\"x }{A}[1,2] y\"");
    }

    @Test
    void aJsonExpressionObjectIsParsedAndAnyOtherNodeIsALiteral() {
        Expression expression = parser.parse(TestContext.json(
                "{\"value\": \"@pipeline().parameters.environment\", \"type\": \"Expression\"}"));
        Expression number = parser.parse(TestContext.json("7"));
        Expression object = parser.parse(TestContext.json("{\"value\": \"@x\", \"type\": \"int\"}"));
        Expression atText = parser.parse(TestContext.json("\"@not-an-expression(\""));

        assertThat(expression.evaluate(context)).isEqualTo(TextNode.valueOf("prod"));
        assertThat(expression.text()).isEqualTo("@pipeline().parameters.environment");
        assertThat(number.evaluate(context).intValue()).isEqualTo(7);
        assertThat(object.evaluate(context)).isEqualTo(TestContext.json("{\"value\": \"@x\", \"type\": \"int\"}"));
        assertThat(object.references()).isEmpty();
        assertThat(atText.evaluate(context)).isEqualTo(TextNode.valueOf("@not-an-expression("));
    }

    @Test
    void aDynamicValueFromThePipelineReaderParsesTheSameWay() {
        assertThat(parser.parse(new DynamicValue.Expression("@variables('load_date')")).evaluate(context))
                .isEqualTo(TextNode.valueOf("2024-05-01"));
        assertThat(parser.parse(new DynamicValue.Literal(TestContext.json("[1,2]"))).evaluate(context))
                .isEqualTo(TestContext.json("[1,2]"));
    }

    @Test
    void evaluatingTwiceGivesEqualIndependentResults() {
        Expression expression = parser.parse("@createArray(1, 2)");

        assertThat(expression.evaluate(context)).isEqualTo(expression.evaluate(context))
                .isNotSameAs(expression.evaluate(context));
    }

    @Test
    void supportedFunctionsListsEveryDocumentedNameAndTheRunStateReaders() {
        assertThat(ExpressionParser.supportedFunctions()).contains("if", "equals", "formatDateTime", "addDays",
                "json", "addMinutes", "pipeline", "variables", "activity", "item").hasSize(51);
    }
}
