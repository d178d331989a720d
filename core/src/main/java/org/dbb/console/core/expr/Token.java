package org.dbb.console.core.expr;

/**
 * One lexical token of an expression. Immutable.
 *
 * @param kind  what the token is
 * @param value the decoded text: a string literal without quotes and with {@code ''} unescaped, otherwise as written
 * @param span  where it was written
 */
record Token(Kind kind, String value, Span span) {

    /** The token kinds of the expression grammar. */
    enum Kind {
        STRING("a quoted string"),
        INTEGER("an integer"),
        FLOAT("a number"),
        IDENTIFIER("a name"),
        LEFT_PAREN("'('"),
        RIGHT_PAREN("')'"),
        LEFT_BRACKET("'['"),
        RIGHT_BRACKET("']'"),
        COMMA("','"),
        DOT("'.'"),
        NULL_SAFE_DOT("'?.'"),
        NULL_SAFE_BRACKET("'?['"),
        RIGHT_BRACE("'}'"),
        END("the end of the expression");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** How an error message names this kind of token. */
        String description() {
            return description;
        }
    }

    int start() {
        return span.start();
    }

    /** How an error message quotes this token. */
    String describe() {
        return kind == Kind.END ? kind.description() : "'" + value + "'";
    }
}
