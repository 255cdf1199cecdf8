package org.djx.descriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing wrong with a descriptor, printed as {@code FILE:LINE:COLUMN: path.to.field: message}.
 *
 * @param position where the offending value is, or {@code null} when it is not in any file
 * @param path the descriptor path of the field (e.g. {@code model.layers[3].units}); may be empty
 * @param message what is wrong, phrased for the user
 */
public record Problem(SourcePosition position, String path, String message) {

    /**
     * The problems in reading order: grouped by source (in the order sources first appear), then by
     * line and column; problems without a position keep their place at the end. Stable.
     */
    public static List<Problem> inReadingOrder(List<Problem> problems) {
        Map<String, Integer> sourceOrder = new LinkedHashMap<>();
        problems.forEach(p -> {
            if (p.position() != null) {
                sourceOrder.putIfAbsent(p.position().source(), sourceOrder.size());
            }
        });
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.position() == null ? Integer.MAX_VALUE : sourceOrder.get(p.position().source()))
                .thenComparingInt(p -> p.position() == null ? 0 : p.position().line())
                .thenComparingInt(p -> p.position() == null ? 0 : p.position().column()));
        return sorted;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (position != null) {
            text.append(position).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
