package org.djx.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an effective descriptor: JSON with keys sorted and values typed, so key
 * order, formatting, comments and defaults spelt out or left implicit do not change it; and a
 * stable SHA-256 hash of that form.
 */
public final class Canonical {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * Keys that label an experiment for people but do not change what it computes: a renamed copy
     * of a descriptor is recognisably the same experiment.
     */
    private static final List<String> NOT_HASHED = List.of("name", "description", "tags");

    private Canonical() {}

    /** Sorted-key JSON of a tree of maps, lists and scalars. */
    public static String json(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash that identifies the experiment: SHA-256 of the canonical JSON of everything but its name, description and tags. */
    public static String hash(Map<String, Object> tree) {
        Map<String, Object> hashed = new TreeMap<>(tree);
        NOT_HASHED.forEach(hashed::remove);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(hashed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Flattens a tree into {@code path -> scalar}: {@code optimizer.learning_rate -> 0.001},
     * {@code model.layers[7].units -> 1764}. Lists of scalars stay one value, written as JSON.
     */
    public static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String path, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "." + k, v, out));
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else if (value instanceof List<?> list) {
            try {
                out.put(path, JSON.writeValueAsString(list));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else if (value != null) {
            out.put(path, value);
        }
    }
}
