/**
 * The filter language behind {@code djx runs --where} and {@code --sort}: a small recursive-descent
 * parser that compiles an expression over params, final and best metrics and run attributes into
 * parameterised SQL. User text only ever travels as bound values; parse errors name their column.
 */
package org.djx.store.query;
