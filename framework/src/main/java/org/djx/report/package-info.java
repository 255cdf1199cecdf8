/**
 * Turning stored runs into things people read: text/CSV/JSON tables, exports with per-epoch
 * metrics, learning-curve charts (one layout, drawn as inline SVG or as PNG through Java2D), a
 * parallel-coordinates view, and the self-contained HTML report. Reads the store only through
 * {@link org.djx.store.ResultStore}.
 */
package org.djx.report;
