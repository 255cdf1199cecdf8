package org.djx.store;

import java.util.Locale;

/**
 * The first line of defence of {@code djx query}: exactly one statement, and it must be a SELECT
 * or WITH. (The second is the connection itself, opened read-only with {@code query_only}, which
 * also stops a {@code WITH ... DELETE}.)
 */
final class ReadOnlySql {

    private ReadOnlySql() {}

    static void check(String sql) {
        String code = withoutLiteralsAndComments(sql).strip();
        while (code.endsWith(";")) {
            code = code.substring(0, code.length() - 1).strip();
        }
        if (code.isEmpty()) {
            throw new StoreException("query: empty SQL; write e.g. djx query \"SELECT * FROM run_summary\"");
        }
        if (code.contains(";")) {
            throw new StoreException("query refused: one statement at a time (found ';' between statements)");
        }
        String first = code.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
        if (!first.equals("select") && !first.equals("with")) {
            throw new StoreException("query refused: '" + first.toUpperCase(Locale.ROOT)
                    + "' is not allowed; djx query only reads, with a single SELECT or WITH statement");
        }
    }

    /** Replaces string literals, quoted names and comments with blanks, so ';' inside them is harmless. */
    static String withoutLiteralsAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == close) {
                        if (close != ']' && end + 1 < sql.length() && sql.charAt(end + 1) == close) {
                            end += 2; // doubled quote inside the literal
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(' ');
                i = Math.min(sql.length(), end + 1);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                out.append(' ');
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                out.append(' ');
                i = end < 0 ? sql.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
