package org.djx.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void recordsThePositionOfEveryKeyAndValue() {
        YamlReader.Document doc = YamlReader.read("""
                name: x
                model:
                  layers:
                    - {type: dense, units: 10}
                    - type: relu
                """, "f.yaml", "");
        SourceMap s = doc.sources();

        assertEquals(new SourcePosition("f.yaml", 1, 7), s.valueAt("name"));
        assertEquals(new SourcePosition("f.yaml", 2, 1), s.keyAt("model"));
        assertEquals(new SourcePosition("f.yaml", 3, 3), s.keyAt("model.layers"));
        assertEquals(new SourcePosition("f.yaml", 4, 7), s.valueAt("model.layers[0]"));
        assertEquals(new SourcePosition("f.yaml", 4, 28), s.valueAt("model.layers[0].units"));
        assertEquals(new SourcePosition("f.yaml", 4, 21), s.keyAt("model.layers[0].units"));
        assertEquals(new SourcePosition("f.yaml", 5, 13), s.valueAt("model.layers[1].type"));
    }

    @Test
    void aMissingValueIsPlacedAtItsNearestWrittenAncestor() {
        SourceMap s = YamlReader.read("training:\n  epochs: 3\n", "f.yaml", "").sources();

        assertEquals(new SourcePosition("f.yaml", 2, 3), s.valueAt("training.batch_size"));
        assertEquals(new SourcePosition("f.yaml", 2, 3), s.valueAt("training.early_stopping.patience"));
    }

    @Test
    void scalarsAreTypedByTheYaml12CoreSchema() {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) YamlReader.read("""
                i: 42
                neg: -3
                f: 1.0e-3
                g: 0.5
                t: true
                n: null
                tilde: ~
                s: yes
                q: "64"
                hex: 0x1F
                big: 123456789012345678901234567890
                list: [1, two]
                """, "f.yaml", "").root();

        assertEquals(42L, root.get("i"));
        assertEquals(-3L, root.get("neg"));
        assertEquals(0.001, root.get("f"));
        assertEquals(0.5, root.get("g"));
        assertEquals(true, root.get("t"));
        assertNull(root.get("n"));
        assertNull(root.get("tilde"));
        assertEquals("yes", root.get("s"), "YAML 1.2: yes is a string, not a boolean");
        assertEquals("64", root.get("q"));
        assertEquals(31L, root.get("hex"));
        assertTrue(root.get("big") instanceof Double);
        assertEquals(List.of(1L, "two"), root.get("list"));
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondWithTheFirstLine() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> YamlReader.read("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yaml", ""));

        Problem p = e.problems().get(0);
        assertEquals(new SourcePosition("f.yaml", 4, 3), p.position());
        assertEquals("b.c", p.path());
        assertTrue(p.message().contains("first defined at line 3"), p.message());
    }

    @Test
    void tabsAreExplained() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> YamlReader.read("a:\n\tb: 1\n", "f.yaml", ""));

        Problem p = e.problems().get(0);
        assertEquals(2, p.position().line());
        assertEquals(1, p.position().column());
        assertTrue(p.message().contains("a tab character; YAML indentation must use spaces"), p.message());
    }

    @Test
    void badIndentationPointsAtTheLineAndSaysWhy() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> YamlReader.read("model:\n  layers:\n   - {type: flatten}\n    - {type: relu}\n", "f.yaml", ""));

        Problem p = e.problems().get(0);
        assertEquals(4, p.position().line());
        assertTrue(p.message().contains("check the indentation"), p.message());
    }

    @Test
    void nonScalarKeysAreRejected() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> YamlReader.read("? [a, b]\n: 1\n", "f.yaml", ""));

        assertTrue(e.problems().get(0).message().contains("plain name"));
    }

    @Test
    void aliasesAreExpandedButMayNotContainThemselves() {
        Object root = YamlReader.read("a: &x {type: relu}\nb: [*x, *x]\n", "f.yaml", "").root();
        assertEquals(Map.of("a", Map.of("type", "relu"), "b", List.of(Map.of("type", "relu"), Map.of("type", "relu"))), root);

        DescriptorException e = assertThrows(DescriptorException.class,
                () -> YamlReader.read("m: &m\n  layers: [*m]\n", "f.yaml", ""));
        assertEquals("m.layers[0]", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("cannot be recursive"));
    }

    @Test
    void anEmptyDocumentHasNoRoot() {
        assertNull(YamlReader.read("# only a comment\n", "f.yaml", "").root());
        assertNull(YamlReader.read("", "f.yaml", "").root());
    }
}
