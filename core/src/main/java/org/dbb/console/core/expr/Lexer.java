package org.dbb.console.core.expr;

/**
 * Splits expression text into {@link Token}s on demand, starting at a given offset so an {@code @{…}} inside a longer
 * string is read in place and errors carry offsets into the whole value. Not thread-safe; one per parse.
 */
final class Lexer {

    private final String text;
    private int position;

    Lexer(String text, int start) {
        this.text = text;
        this.position = start;
    }

    Token next() {
        skipWhitespace();
        if (position >= text.length()) {
            return new Token(Token.Kind.END, "", new Span(position, position));
        }
        int start = position;
        char c = text.charAt(position);
        return switch (c) {
            case '(' -> single(Token.Kind.LEFT_PAREN, start);
            case ')' -> single(Token.Kind.RIGHT_PAREN, start);
            case '[' -> single(Token.Kind.LEFT_BRACKET, start);
            case ']' -> single(Token.Kind.RIGHT_BRACKET, start);
            case ',' -> single(Token.Kind.COMMA, start);
            case '.' -> single(Token.Kind.DOT, start);
            case '}' -> single(Token.Kind.RIGHT_BRACE, start);
            case '?' -> nullSafe(start);
            case '\'' -> string(start);
            default -> {
                if (isDigit(c) || c == '-' && isDigit(peek(1))) {
                    yield number(start);
                }
                if (isNameStart(c)) {
                    yield name(start);
                }
                throw new ExpressionSyntaxException("unexpected character '" + c + "' at offset " + start, text,
                        start);
            }
        };
    }

    private Token single(Token.Kind kind, int start) {
        position++;
        return new Token(kind, String.valueOf(text.charAt(start)), new Span(start, position));
    }

    private Token nullSafe(int start) {
        char after = peek(1);
        if (after == '.' || after == '[') {
            position += 2;
            return new Token(after == '.' ? Token.Kind.NULL_SAFE_DOT : Token.Kind.NULL_SAFE_BRACKET,
                    text.substring(start, position), new Span(start, position));
        }
        throw new ExpressionSyntaxException("'?' must be followed by '.' or '[' (null-safe access) at offset " + start,
                text, start);
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\'') {
                if (peek(1) == '\'') {
                    value.append('\'');
                    position += 2;
                    continue;
                }
                position++;
                return new Token(Token.Kind.STRING, value.toString(), new Span(start, position));
            }
            value.append(c);
            position++;
        }
        throw new ExpressionSyntaxException("string starting at offset " + start
                + " is not closed; end it with ' (write '' for a quote inside it)", text, start);
    }

    private Token number(int start) {
        position++;
        while (isDigit(peek(0))) {
            position++;
        }
        Token.Kind kind = Token.Kind.INTEGER;
        if (peek(0) == '.' && isDigit(peek(1))) {
            kind = Token.Kind.FLOAT;
            position++;
            while (isDigit(peek(0))) {
                position++;
            }
        }
        return new Token(kind, text.substring(start, position), new Span(start, position));
    }

    private Token name(int start) {
        while (isNamePart(peek(0))) {
            position++;
        }
        return new Token(Token.Kind.IDENTIFIER, text.substring(start, position), new Span(start, position));
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
