package org.djx.store.query;

import org.djx.store.StoreException;

/** A {@code --where} expression or {@code --sort} key that cannot be parsed; the message names the column. */
public final class WhereException extends StoreException {

    private final int column;

    public WhereException(String option, int column, String problem) {
        super(option + ": column " + column + ": " + problem);
        this.column = column;
    }

    /** 1-based column of the expression where parsing failed. */
    public int column() {
        return column;
    }
}
