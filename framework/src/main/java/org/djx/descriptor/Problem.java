package org.djx.descriptor;

/**
 * One thing wrong with a descriptor, printed as {@code FILE:LINE:COLUMN: path.to.field: message}.
 *
 * @param position where the offending value is, or {@code null} when it is not in any file
 * @param path the descriptor path of the field (e.g. {@code model.layers[3].units}); may be empty
 * @param message what is wrong, phrased for the user
 */
public record Problem(SourcePosition position, String path, String message) {

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
