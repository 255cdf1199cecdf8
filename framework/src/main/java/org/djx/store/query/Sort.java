package org.djx.store.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --sort} key: a {@link Field}, ascending, or descending with a leading {@code -}
 * ({@code -metrics.validate_accuracy.best}). Runs lacking the field sort last either way.
 *
 * @param orderBy the SQL {@code ORDER BY} terms
 * @param args the values for its placeholders
 */
public record Sort(String key, String orderBy, List<Object> args) {

    public static Sort parse(String key) {
        String k = key.trim();
        boolean descending = k.startsWith("-");
        String name = descending ? k.substring(1) : k;
        Field field = Field.parse(name);
        if (field == null) {
            throw new WhereException("--sort", descending ? 2 : 1, "unknown sort key '" + name
                    + "'; use params.KEY, metrics.NAME, metrics.NAME.best or one of " + String.join(", ", Field.ATTRIBUTES)
                    + " (prefix with - to sort descending)");
        }
        List<Object> args = new ArrayList<>();
        String operand = Where.sortOperand(field, args);
        List<Object> both = new ArrayList<>(args);
        both.addAll(args); // the operand appears twice: once for "missing last", once for the order
        String sql = operand + " IS NULL, " + Where.sortOperand(field, new ArrayList<>()) + (descending ? " DESC" : " ASC") + ", r.id DESC";
        return new Sort(key, sql, List.copyOf(both));
    }
}
