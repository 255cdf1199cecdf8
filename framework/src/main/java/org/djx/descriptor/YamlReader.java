package org.djx.descriptor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML into plain Java values ({@link LinkedHashMap}, {@link List}, {@link String}, {@link
 * Long}, {@link Double}, {@link Boolean}, {@code null}) while recording the position of every
 * value in a {@link SourceMap}.
 *
 * <p>SnakeYAML Engine's composer gives us nodes with marks; converting them ourselves lets us
 * reject duplicate keys and non-string keys with their exact position.
 */
public final class YamlReader {

    private YamlReader() {}

    /** A parsed document: its root value and where each path came from. */
    public record Document(Object root, SourceMap sources) {}

    /**
     * Parses one YAML document.
     *
     * @param text the YAML text
     * @param sourceName the name printed in messages (usually the file path)
     * @param rootPath the descriptor path the document's root stands for ("" for a whole file)
     * @throws DescriptorException for syntax errors, duplicate keys and non-string keys
     */
    public static Document read(String text, String sourceName, String rootPath) {
        LoadSettings settings =
                LoadSettings.builder().setLabel(sourceName).setSchema(new CoreSchema()).build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw new DescriptorException(
                    new Problem(position(sourceName, mark), "", "invalid YAML: " + explain(e, mark)));
        } catch (YamlEngineException e) {
            throw new DescriptorException(
                    new Problem(new SourcePosition(sourceName, 0, 0), "", "invalid YAML: " + e.getMessage()));
        }
        SourceMap sources = new SourceMap();
        List<Problem> problems = new ArrayList<>();
        Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        Object root = node.map(n -> convert(n, rootPath, sourceName, sources, problems, open)).orElse(null);
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return new Document(root, sources);
    }

    /** SnakeYAML's wording, with the two commonest mistakes (tabs, uneven indentation) said plainly. */
    private static String explain(MarkedYamlEngineException e, Mark problemMark) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        if (problem.contains("\t") || problem.contains("(TAB)")) {
            return "a tab character; YAML indentation must use spaces";
        }
        String context = e.getContext() == null ? "" : e.getContext().trim();
        String text = context.isEmpty() ? problem : context + ", " + problem;
        if (problem.contains("expected <block end>") || problem.contains("mapping values are not allowed here")) {
            text += "; check the indentation of this line against the lines above";
        }
        Mark contextMark = e.getContextMark().orElse(null);
        if (contextMark != null && problemMark != null && contextMark.getLine() != problemMark.getLine()) {
            text += "; the enclosing block started at line " + (contextMark.getLine() + 1) + ", column "
                    + (contextMark.getColumn() + 1);
        }
        return text;
    }

    /** @param open the collections being converted around this node, to catch an alias to one of them */
    private static Object convert(
            Node node, String path, String source, SourceMap sources, List<Problem> problems, Set<Node> open) {
        sources.putValue(path, position(source, node.getStartMark().orElse(null)));
        if (!(node instanceof ScalarNode) && !open.add(node)) {
            problems.add(new Problem(sources.valueAt(path), path,
                    "a YAML alias refers to a value that contains it; a descriptor cannot be recursive"));
            return null;
        }
        try {
            return convertNode(node, path, source, sources, problems, open);
        } finally {
            open.remove(node);
        }
    }

    private static Object convertNode(
            Node node, String path, String source, SourceMap sources, List<Problem> problems, Set<Node> open) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, SourcePosition> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                SourcePosition keyPos = position(source, keyNode.getStartMark().orElse(null));
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problems.add(new Problem(keyPos, path, "a key must be a plain name"));
                    continue;
                }
                String key = scalarKey.getValue();
                String childPath = path.isEmpty() ? key : path + "." + key;
                SourcePosition first = seen.putIfAbsent(key, keyPos);
                if (first != null) {
                    problems.add(
                            new Problem(
                                    keyPos,
                                    childPath,
                                    "duplicate key '" + key + "' (first defined at line " + first.line() + ")"));
                    continue;
                }
                sources.putKey(childPath, keyPos);
                map.put(key, convert(tuple.getValueNode(), childPath, source, sources, problems, open));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (Node item : sequence.getValue()) {
                String childPath = path + "[" + i++ + "]";
                sources.putKey(childPath, position(source, item.getStartMark().orElse(null)));
                list.add(convert(item, childPath, source, sources, problems, open));
            }
            return list;
        }
        return scalar((ScalarNode) node);
    }

    /** Resolves a scalar with the YAML 1.2 core schema. */
    static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(value.toLowerCase());
        }
        if (Tag.INT.equals(tag)) {
            try {
                String v = value.replace("_", "");
                if (v.startsWith("0x")) {
                    return Long.parseLong(v.substring(2), 16);
                }
                if (v.startsWith("0o")) {
                    return Long.parseLong(v.substring(2), 8);
                }
                BigInteger big = new BigInteger(v);
                return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            String v = value.toLowerCase();
            if (v.endsWith(".inf")) {
                return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (v.equals(".nan")) {
                return Double.NaN;
            }
            return Double.parseDouble(value);
        }
        return value;
    }

    private static SourcePosition position(String source, Mark mark) {
        return mark == null
                ? new SourcePosition(source, 0, 0)
                : new SourcePosition(source, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
