package org.djx.store.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.djx.store.RunStatus;

/**
 * A parsed {@code --where} expression, compiled to a parameterised SQL condition over the
 * {@code runs} table (alias {@code r}) joined with {@code experiments} (alias {@code e}). Nothing
 * the user typed is spliced into the SQL text: every name and value travels as a bound argument.
 *
 * <pre>
 * expr       := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | '(' expr ')' | comparison
 * comparison := FIELD op value | FIELD ['not'] 'in' '(' value (',' value)* ')' | FIELD ['not'] 'like' value
 * op         := '=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * value      := NUMBER | NUMBER('s'|'m'|'h'|'d') | 'quoted' | "quoted" | bare-word   (a doubled quote inside quotes is one quote)
 * </pre>
 *
 * Keywords are case-insensitive. A number literal compares numerically (a param stored as a
 * number), a word or quoted literal compares as text. A run that lacks the field matches no
 * comparison (so {@code not} of it matches). See {@link Field} for the fields.
 *
 * @param text the expression as the user wrote it
 * @param sql a boolean SQL expression
 * @param args the values for its {@code ?} placeholders, in order
 */
public record Where(String text, String sql, List<Object> args) {

    private static final String OPTION = "--where";

    /** Parses and compiles {@code text}; throws {@link WhereException} naming the column at fault. */
    public static Where parse(String text) {
        Parser p = new Parser(Lexer.tokens(OPTION, text));
        if (p.peek().type == TokenType.END) {
            throw new WhereException(OPTION, 1, "empty expression; write e.g. \"metrics.validate_accuracy > 0.9 or status = failed\"");
        }
        List<Object> args = new ArrayList<>();
        String sql = p.expression(args);
        Token rest = p.peek();
        if (rest.type != TokenType.END) {
            throw new WhereException(OPTION, rest.column, "expected 'and', 'or' or the end, found '" + rest.text + "'");
        }
        return new Where(text, sql, List.copyOf(args));
    }

    /** The SQL expression that reads {@code field} for run {@code r}, adding its arguments. */
    static String operand(Field field, boolean numeric, List<Object> args) {
        switch (field.kind()) {
            case PARAM -> {
                args.add(field.name());
                return "(SELECT " + (numeric ? "p.value_num" : "p.value_text") + " FROM params p WHERE p.run_id = r.id AND p.key = ?)";
            }
            case METRIC_FINAL -> {
                args.add(field.name());
                return "(SELECT m.value FROM metrics m WHERE m.run_id = r.id AND m.name = ? ORDER BY m.epoch DESC LIMIT 1)";
            }
            case METRIC_BEST -> {
                args.add(field.name());
                return "(SELECT " + (Field.lowerIsBetter(field.name()) ? "min" : "max")
                        + "(m.value) FROM metrics m WHERE m.run_id = r.id AND m.name = ?)";
            }
            default -> {
                return switch (field.name()) {
                    case "id" -> "r.id";
                    case "status" -> "r.status";
                    case "experiment" -> "e.name";
                    case "epochs" -> "r.epochs";
                    case "sweep" -> "r.sweep_id";
                    case "duration" -> "((julianday(coalesce(r.ended_at, r.heartbeat_at)) - julianday(r.started_at)) * 86400.0)";
                    case "started" -> "julianday(r.started_at)";
                    default -> throw new IllegalStateException(field.name());
                };
            }
        }
    }

    /** The SQL for sorting on {@code field}: numbers before text for params. */
    static String sortOperand(Field field, List<Object> args) {
        if (field.kind() == Field.Kind.PARAM) {
            args.add(field.name());
            return "(SELECT coalesce(p.value_num, p.value_text) FROM params p WHERE p.run_id = r.id AND p.key = ?)";
        }
        return operand(field, true, args);
    }

    enum TokenType { WORD, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, END }

    record Token(TokenType type, String text, Object value, int column) {
        boolean isKeyword(String keyword) {
            return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    /** Splits an expression into tokens with their 1-based columns. */
    static final class Lexer {

        static List<Token> tokens(String option, String text) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int column = i + 1;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')' || c == ',') {
                    out.add(new Token(c == '(' ? TokenType.LPAREN : c == ')' ? TokenType.RPAREN : TokenType.COMMA, String.valueOf(c), null, column));
                    i++;
                } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                    String op = Set.of("<=", ">=", "!=", "==", "<>").contains(two) ? two : String.valueOf(c);
                    if (op.equals("!")) {
                        throw new WhereException(option, column, "'!' must be followed by '=' (or use 'not')");
                    }
                    i += op.length();
                    out.add(new Token(TokenType.OP, op.equals("==") ? "=" : op.equals("<>") ? "!=" : op, null, column));
                } else if (c == '\'' || c == '"') {
                    StringBuilder s = new StringBuilder();
                    int end = i + 1;
                    while (true) { // a doubled quote stands for itself, as in SQL: 'it''s'
                        if (end >= text.length()) {
                            throw new WhereException(option, column, "unterminated string: add the closing " + c);
                        }
                        if (text.charAt(end) == c) {
                            if (end + 1 < text.length() && text.charAt(end + 1) == c) {
                                s.append(c);
                                end += 2;
                                continue;
                            }
                            break;
                        }
                        s.append(text.charAt(end++));
                    }
                    out.add(new Token(TokenType.STRING, s.toString(), s.toString(), column));
                    i = end + 1;
                } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < text.length()
                        && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.'))) {
                    int start = i;
                    i++;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                            || ((text.charAt(i) == '-' || text.charAt(i) == '+') && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')))) {
                        i++;
                    }
                    String literal = text.substring(start, i);
                    out.add(new Token(TokenType.NUMBER, literal, number(option, literal, column), column));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.[]-".indexOf(text.charAt(i)) >= 0)) {
                        i++;
                    }
                    String word = text.substring(start, i);
                    out.add(new Token(TokenType.WORD, word, word, column));
                } else {
                    throw new WhereException(option, column, "unexpected character '" + c + "'");
                }
            }
            out.add(new Token(TokenType.END, "", null, text.length() + 1));
            return out;
        }

        /** A number, optionally with a duration unit: 90s, 5m, 2h, 1d (in seconds). */
        private static Double number(String option, String literal, int column) {
            double scale = 1;
            String digits = literal;
            char last = Character.toLowerCase(literal.charAt(literal.length() - 1));
            if ("smhd".indexOf(last) >= 0) {
                scale = switch (last) {
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86400;
                    default -> 1;
                };
                digits = literal.substring(0, literal.length() - 1);
            }
            try {
                return Double.parseDouble(digits) * scale;
            } catch (NumberFormatException e) {
                throw new WhereException(option, column, "'" + literal + "' is not a number");
            }
        }
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "like");

    /** Recursive descent over the tokens, writing SQL as it goes. */
    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(next);
        }

        Token take() {
            return tokens.get(next++);
        }

        String expression(List<Object> args) {
            StringBuilder sql = new StringBuilder(and(args));
            while (peek().isKeyword("or")) {
                take();
                sql.append(" OR ").append(and(args));
            }
            return "(" + sql + ")";
        }

        private String and(List<Object> args) {
            StringBuilder sql = new StringBuilder(unary(args));
            while (peek().isKeyword("and")) {
                take();
                sql.append(" AND ").append(unary(args));
            }
            return "(" + sql + ")";
        }

        private String unary(List<Object> args) {
            Token t = peek();
            if (t.isKeyword("not")) {
                take();
                return "(NOT " + unary(args) + ")";
            }
            if (t.type == TokenType.LPAREN) {
                take();
                String inner = expression(args);
                Token close = take();
                if (close.type != TokenType.RPAREN) {
                    throw new WhereException(OPTION, close.column, "expected ')' to close the '(' at column " + t.column
                            + (close.type == TokenType.END ? "" : ", found '" + close.text + "'"));
                }
                return inner;
            }
            return comparison(args);
        }

        private String comparison(List<Object> args) {
            Token name = take();
            if (name.type != TokenType.WORD || KEYWORDS.contains(name.text.toLowerCase(Locale.ROOT))) {
                throw new WhereException(OPTION, name.column, name.type == TokenType.END
                        ? "expected a condition such as metrics.validate_accuracy > 0.9"
                        : "expected a field (params.KEY, metrics.NAME, metrics.NAME.best, " + String.join(", ", Field.ATTRIBUTES)
                                + "), found '" + name.text + "'");
            }
            Field field = Field.parse(name.text);
            if (field == null) {
                throw new WhereException(OPTION, name.column, "unknown field '" + name.text
                        + "'; use params.KEY, metrics.NAME, metrics.NAME.best or one of " + String.join(", ", Field.ATTRIBUTES));
            }
            Token op = take();
            boolean negated = false;
            if (op.isKeyword("not") && (peek().isKeyword("in") || peek().isKeyword("like"))) {
                negated = true;
                op = take();
            }
            String sql;
            if (op.isKeyword("in")) {
                Token open = take();
                if (open.type != TokenType.LPAREN) {
                    throw new WhereException(OPTION, open.column, "expected '(' after 'in', as in status in (failed, interrupted)");
                }
                List<String> alternatives = new ArrayList<>();
                do {
                    alternatives.add(compare(field, "=", value(open, "in"), args));
                } while (take().type == TokenType.COMMA || unexpectedInList());
                sql = "(" + String.join(" OR ", alternatives) + ")";
            } else if (op.isKeyword("like")) {
                Token value = value(op, "like");
                if (value.type == TokenType.NUMBER || field.numeric()) {
                    throw new WhereException(OPTION, value.column, "'like' matches text, e.g. experiment like 'seed%'");
                }
                sql = compare(field, "LIKE", value, args);
            } else if (op.type == TokenType.OP) {
                sql = compare(field, op.text, value(op, "'" + op.text + "'"), args);
            } else {
                throw new WhereException(OPTION, op.column, "expected an operator (= != < <= > >= like in) after '" + name.text + "'"
                        + (op.type == TokenType.END ? "" : ", found '" + op.text + "'"));
            }
            return negated ? "(NOT " + sql + ")" : sql;
        }

        /** Called when an in-list element is not followed by a comma: it must be the closing parenthesis. */
        private boolean unexpectedInList() {
            Token last = tokens.get(next - 1);
            if (last.type != TokenType.RPAREN) {
                throw new WhereException(OPTION, last.column, "expected ',' or ')' in the 'in' list"
                        + (last.type == TokenType.END ? "" : ", found '" + last.text + "'"));
            }
            return false;
        }

        private Token value(Token after, String what) {
            Token v = take();
            if (v.type == TokenType.NUMBER || v.type == TokenType.STRING
                    || (v.type == TokenType.WORD && !KEYWORDS.contains(v.text.toLowerCase(Locale.ROOT)))) {
                return v;
            }
            throw new WhereException(OPTION, v.column, "expected a value after " + what
                    + (v.type == TokenType.END ? "" : ", found '" + v.text + "'"));
        }

        /** One comparison, always true or false (never NULL) so that 'not' and 'or' behave. */
        private String compare(Field field, String op, Token value, List<Object> args) {
            boolean number = value.type == TokenType.NUMBER;
            String sqlOp = op.equals("!=") ? "<>" : op;
            if (field.kind() == Field.Kind.ATTRIBUTE && field.name().equals("started")) {
                String date = dateLiteral(value);
                String lhs = operand(field, true, args);
                args.add(date);
                return "coalesce(" + lhs + " " + sqlOp + " julianday(?), 0)";
            }
            if (field.numeric() && !number) {
                throw new WhereException(OPTION, value.column, field + " is a number; compare it with a number, not '" + value.text + "'");
            }
            if (field.kind() == Field.Kind.ATTRIBUTE && field.name().equals("status") && !sqlOp.equals("LIKE")) {
                checkStatus(value);
            }
            String lhs = operand(field, number && field.kind() == Field.Kind.PARAM || field.numeric(), args);
            args.add(number ? (Object) value.value : value.text);
            return "coalesce(" + lhs + " " + sqlOp + " ?, 0)";
        }

        private void checkStatus(Token value) {
            for (RunStatus s : RunStatus.values()) {
                if (s.label().equals(value.text)) {
                    return;
                }
            }
            List<String> labels = new ArrayList<>();
            for (RunStatus s : RunStatus.values()) {
                labels.add(s.label());
            }
            throw new WhereException(OPTION, value.column, "unknown status '" + value.text + "'; one of " + String.join(", ", labels));
        }

        private String dateLiteral(Token value) {
            String t = value.text.trim().replace(' ', 'T');
            try {
                if (t.length() == 10) {
                    LocalDate.parse(t);
                } else {
                    LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t);
                }
                return t;
            } catch (DateTimeParseException e) {
                throw new WhereException(OPTION, value.column, "started compares with a date (UTC) such as '2026-12-03' or '2026-12-03 14:30', not '"
                        + value.text + "'");
            }
        }
    }
}
