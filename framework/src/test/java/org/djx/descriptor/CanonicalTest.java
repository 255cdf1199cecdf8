package org.djx.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void jsonSortsKeysAtEveryLevel() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1L);
        a.put("a", Map.of("z", 1.5, "y", List.of(Map.of("k", "v", "c", true))));

        assertEquals("{\"a\":{\"y\":[{\"c\":true,\"k\":\"v\"}],\"z\":1.5},\"b\":1}", Canonical.json(a));
    }

    @Test
    void hashIgnoresKeyOrderAndLabels() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "a");
        a.put("seed", 1L);
        a.put("optimizer", Map.of("type", "sgd", "learning_rate", 0.1));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("optimizer", new LinkedHashMap<>(Map.of("learning_rate", 0.1, "type", "sgd")));
        b.put("seed", 1L);
        b.put("name", "b");
        b.put("tags", List.of("x"));
        b.put("description", "same computation");

        assertEquals(Canonical.hash(a), Canonical.hash(b));
        assertEquals(64, Canonical.hash(a).length());
    }

    @Test
    void hashChangesWithAnyValue() {
        Map<String, Object> a = Map.of("seed", 1L, "optimizer", Map.of("learning_rate", 0.1));

        assertNotEquals(Canonical.hash(a), Canonical.hash(Map.of("seed", 2L, "optimizer", Map.of("learning_rate", 0.1))));
        assertNotEquals(Canonical.hash(a), Canonical.hash(Map.of("seed", 1L, "optimizer", Map.of("learning_rate", 0.2))));
        assertNotEquals(Canonical.hash(Map.of("layers", List.of(1L, 2L))), Canonical.hash(Map.of("layers", List.of(2L, 1L))),
                "list order matters");
    }

    @Test
    void flattenGivesPathsToScalars() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("model", Map.of("input", List.of(1L, 28L, 28L), "layers", List.of(Map.of("type", "dense", "units", 10L))));
        tree.put("limit", null);

        Map<String, Object> flat = Canonical.flatten(tree);

        assertEquals("[1,28,28]", flat.get("model.input"));
        assertEquals("dense", flat.get("model.layers[0].type"));
        assertEquals(10L, flat.get("model.layers[0].units"));
        assertEquals(3, flat.size(), "nulls are left out: " + flat);
    }
}
