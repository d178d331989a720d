package org.dbb.console.core.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The functions the console can evaluate, with how many arguments each takes. A pipeline calling anything else is
 * rejected when parsed rather than guessed at when run. Immutable.
 */
enum Function {
    IF("if", 3, 3, LogicFunctions::ifThenElse),
    EQUALS("equals", 2, 2, LogicFunctions::equalTo),
    NOT("not", 1, 1, LogicFunctions::not),
    AND("and", 2, Integer.MAX_VALUE, LogicFunctions::and),
    OR("or", 2, Integer.MAX_VALUE, LogicFunctions::or),
    GREATER("greater", 2, 2, LogicFunctions::greater),
    GREATER_OR_EQUALS("greaterOrEquals", 2, 2, LogicFunctions::greaterOrEquals),
    LESS("less", 2, 2, LogicFunctions::less),
    LESS_OR_EQUALS("lessOrEquals", 2, 2, LogicFunctions::lessOrEquals),
    BOOL("bool", 1, 1, ConversionFunctions::bool),
    INT("int", 1, 1, ConversionFunctions::integer),
    FLOAT("float", 1, 1, ConversionFunctions::floatingPoint),
    STRING("string", 1, 1, ConversionFunctions::string),
    CONCAT("concat", 1, Integer.MAX_VALUE, TextFunctions::concat),
    ADD("add", 2, 2, MathFunctions::add),
    SUB("sub", 2, 2, MathFunctions::sub),
    MUL("mul", 2, 2, MathFunctions::mul),
    DIV("div", 2, 2, MathFunctions::div),
    MOD("mod", 2, 2, MathFunctions::mod),
    RANGE("range", 2, 2, CollectionFunctions::range),
    COALESCE("coalesce", 1, Integer.MAX_VALUE, CollectionFunctions::coalesce),
    EMPTY("empty", 1, 1, CollectionFunctions::empty),
    LENGTH("length", 1, 1, CollectionFunctions::length),
    CONTAINS("contains", 2, 2, CollectionFunctions::contains),
    TO_LOWER("toLower", 1, 1, TextFunctions::toLower),
    TO_UPPER("toUpper", 1, 1, TextFunctions::toUpper),
    UTC_NOW("utcNow", 0, 1, DateFunctions::utcNow),
    FORMAT_DATE_TIME("formatDateTime", 1, 2, DateFunctions::formatDateTime),
    ADD_DAYS("addDays", 2, 3, DateFunctions::addDays),
    JSON("json", 1, 1, ConversionFunctions::json),
    STARTS_WITH("startsWith", 2, 2, TextFunctions::startsWith),
    ENDS_WITH("endsWith", 2, 2, TextFunctions::endsWith),
    REPLACE("replace", 3, 3, TextFunctions::replace),
    SPLIT("split", 2, 2, TextFunctions::split),
    JOIN("join", 2, 2, TextFunctions::join),
    TRIM("trim", 1, 1, TextFunctions::trim),
    SUBSTRING("substring", 2, 3, TextFunctions::substring),
    INDEX_OF("indexOf", 2, 2, TextFunctions::indexOf),
    FIRST("first", 1, 1, CollectionFunctions::first),
    LAST("last", 1, 1, CollectionFunctions::last),
    UNION("union", 2, Integer.MAX_VALUE, CollectionFunctions::union),
    CREATE_ARRAY("createArray", 1, Integer.MAX_VALUE, CollectionFunctions::createArray),
    ARRAY("array", 1, 1, CollectionFunctions::array),
    MIN("min", 1, Integer.MAX_VALUE, MathFunctions::min),
    MAX("max", 1, Integer.MAX_VALUE, MathFunctions::max),
    ADD_HOURS("addHours", 2, 3, DateFunctions::addHours),
    ADD_MINUTES("addMinutes", 2, 3, DateFunctions::addMinutes);

    /** Names that read run state; the grammar handles them, but they are supported all the same. */
    private static final List<String> RUN_STATE_READERS = List.of("pipeline", "variables", "activity", "item");

    private static final Map<String, Function> BY_LOWER_CASE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.displayName.toLowerCase(Locale.ROOT), f -> f));

    private final String displayName;
    private final int minArguments;
    private final int maxArguments;
    private final Implementation implementation;

    Function(String displayName, int minArguments, int maxArguments, Implementation implementation) {
        this.displayName = displayName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.implementation = implementation;
    }

    /** The function called {@code name}, ignoring case as Data Factory does. */
    static Optional<Function> lookup(String name) {
        return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every name an expression may call, in the order the documentation lists them. */
    static List<String> supportedNames() {
        List<String> names = new ArrayList<>();
        for (Function function : values()) {
            names.add(function.displayName);
        }
        names.addAll(RUN_STATE_READERS);
        return List.copyOf(names);
    }

    String displayName() {
        return displayName;
    }

    boolean accepts(int argumentCount) {
        return argumentCount >= minArguments && argumentCount <= maxArguments;
    }

    /** "2 arguments", "1 to 3 arguments", "at least 2 arguments". */
    String arityText() {
        String noun = minArguments == 1 && maxArguments == 1 ? " argument" : " arguments";
        if (minArguments == maxArguments) {
            return minArguments + noun;
        }
        if (maxArguments == Integer.MAX_VALUE) {
            return "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        return minArguments + " to " + maxArguments + noun;
    }

    /** {@code if} evaluates only the branch it takes; every other function gets all its arguments evaluated. */
    boolean evaluatesArgumentsLazily() {
        return this == IF;
    }

    JsonNode apply(Arguments arguments) {
        return implementation.apply(arguments);
    }

    /** What a function computes from its arguments. */
    @FunctionalInterface
    interface Implementation {
        JsonNode apply(Arguments arguments);
    }
}
