package org.djx.store;

import java.util.List;

/**
 * The rows of a read-only SQL query.
 *
 * @param columns the column labels
 * @param rows each row's values: {@link Long}, {@link Double}, {@link String}, {@code byte[]} or {@code null}
 * @param truncated whether more rows existed than were asked for
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {}
