package org.djx.plugin;

import com.google.inject.AbstractModule;
import java.util.ArrayList;
import java.util.List;

/**
 * A family of plugins, found at start-up through {@link java.util.ServiceLoader}: list the
 * subclass in {@code META-INF/services/org.djx.plugin.PluginModule} of its jar.
 *
 * <pre>{@code
 * public final class MyLayersModule extends PluginModule {
 *     protected void configurePlugins(PluginBinder plugins) {
 *         plugins.layer("squeeze-excite", SqueezeExcitePlugin.class);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #configurePlugins} only binds: no I/O and no branching, because the framework also runs
 * it to list names before building the injector. Plugin classes are created by Guice, so they
 * need a public no-argument constructor (or an {@code @Inject} one).
 */
public abstract class PluginModule extends AbstractModule {

    /** Binds this family's plugins by name. */
    protected abstract void configurePlugins(PluginBinder plugins);

    @Override
    protected final void configure() {
        configurePlugins(new PluginBinder(binder(), (kind, name) -> {}));
    }

    /** A name this module binds. */
    public record Binding(PluginKind kind, String name) {}

    /** The names this module binds, without creating anything. */
    public final List<Binding> bindings() {
        List<Binding> out = new ArrayList<>();
        configurePlugins(new PluginBinder(null, (kind, name) -> out.add(new Binding(kind, name))));
        return out;
    }
}
