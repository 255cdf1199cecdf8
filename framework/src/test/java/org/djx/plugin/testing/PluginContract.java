package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.djx.descriptor.PluginSpec;
import org.djx.descriptor.Problem;
import org.djx.descriptor.SourceMap;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;
import org.djx.plugin.Plugin;
import org.djx.plugin.PluginKind;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.plugin.internal.PluginDiscovery;
import org.djx.plugin.internal.PluginResolver;
import org.junit.jupiter.api.Test;

/**
 * What every plugin's test checks, whatever its kind. Parameters are given as a descriptor would
 * write them and go through the framework's own resolver, so the messages checked here are the
 * ones users see.
 *
 * <p>The plugin is found the way {@code djx} finds it: by ServiceLoader on the test class path, so
 * a module missing from {@code META-INF/services/org.djx.plugin.PluginModule} fails here.
 */
public abstract class PluginContract<T extends Plugin> {

    /** Where parameters of the plugin under test live in messages, e.g. {@code plugin.units}. */
    protected static final String PATH = "plugin";

    private static PluginCatalog classPathCatalog;

    /** The plugin's short name, as the descriptor's {@code type:} writes it. */
    protected abstract String type();

    /** Parameters the plugin must accept and work with, as a descriptor writes them. */
    protected abstract Map<String, Object> validParams();

    /**
     * Further parameter sets worth checking (e.g. conv2d with 'same' padding, with groups); the
     * kind-specific checks run on {@link #validParams()} and on each of these.
     */
    protected List<Map<String, Object>> moreValidParams() {
        return List.of();
    }

    /** {@link #validParams()} followed by {@link #moreValidParams()}. */
    protected final List<Map<String, Object>> allValidParams() {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(validParams());
        all.addAll(moreValidParams());
        return all;
    }

    /**
     * Parameter sets the plugin must reject, each keyed by the parameter the error must name.
     * Example: {@code Map.of("units", Map.of("units", 0))}.
     */
    protected abstract Map<String, Map<String, Object>> badParams();

    abstract PluginKind kind();

    /** The plugins to resolve against; by default every module on the test class path. */
    protected PluginCatalog catalog() {
        synchronized (PluginContract.class) {
            if (classPathCatalog == null) {
                classPathCatalog = PluginDiscovery.discover(List.of());
            }
            return classPathCatalog;
        }
    }

    /** The plugin under test, as the framework would create it. */
    protected final T plugin() {
        T plugin = catalog().find(kind(), type());
        assertNotNull(plugin, kind().label() + " '" + type() + "' is not bound by any PluginModule on the class path "
                + "(is the module listed in META-INF/services/org.djx.plugin.PluginModule?); found " + catalog().names(kind()));
        return plugin;
    }

    /** Resolves {@code raw} exactly as a descriptor entry; fails the test on any problem. */
    protected final Params params(Map<String, Object> raw) {
        List<Problem> problems = new ArrayList<>();
        PluginResolver.Resolved<T> resolved = new PluginResolver(catalog(), new SourceMap(), problems)
                .resolve(kind(), new PluginSpec(type(), raw, PATH));
        if (!problems.isEmpty() || resolved == null) {
            fail("parameters " + raw + " were rejected: " + problems);
        }
        return resolved.params();
    }

    /** The valid parameters, resolved. */
    protected final Params params() {
        return params(validParams());
    }

    /** Every problem a user would see for these parameters; subclasses add later checks (shapes). */
    protected List<Problem> problemsFor(Map<String, Object> raw) {
        List<Problem> problems = new ArrayList<>();
        new PluginResolver(catalog(), new SourceMap(), problems).resolve(kind(), new PluginSpec(type(), raw, PATH));
        return problems;
    }

    @Test
    void isFoundUnderItsName() {
        assertNotNull(plugin());
    }

    @Test
    void describesItselfAndEveryParameter() {
        T plugin = plugin();
        assertFalse(plugin.description() == null || plugin.description().isBlank(), "description() is empty");
        for (ParamSpec p : plugin.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), "parameter '" + p.name() + "' is not snake_case");
            assertFalse(p.description() == null || p.description().isBlank(), "parameter '" + p.name() + "' has no description");
        }
    }

    @Test
    void acceptsItsValidParameters() {
        allValidParams().forEach(raw -> assertNotNull(params(raw)));
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertFalse(badParams().isEmpty() && !plugin().parameters().isEmpty(),
                "badParams() must list at least one mistake for a plugin with parameters");
        for (Map.Entry<String, Map<String, Object>> bad : badParams().entrySet()) {
            String name = bad.getKey();
            List<Problem> problems = problemsFor(bad.getValue());
            assertFalse(problems.isEmpty(), "parameters " + bad.getValue() + " were accepted; expected an error naming '" + name + "'");
            String expectedPath = PATH + "." + name;
            assertTrue(problems.stream().anyMatch(p -> p.path().equals(expectedPath)),
                    "expected an error at " + expectedPath + " for " + bad.getValue() + ", got: "
                            + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
    }
}
