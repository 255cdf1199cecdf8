package org.djx.plugin;

/** The extension points, each with the interface its plugins implement. */
public enum PluginKind {
    LAYER("layer", LayerPlugin.class),
    OPTIMIZER("optimizer", OptimizerPlugin.class),
    SCHEDULE("schedule", SchedulePlugin.class),
    LOSS("loss", LossPlugin.class),
    DATASET("dataset", DatasetPlugin.class);

    private final String label;
    private final Class<? extends Plugin> type;

    PluginKind(String label, Class<? extends Plugin> type) {
        this.label = label;
        this.type = type;
    }

    /** The word used in messages and in {@code djx plugins --kind}. */
    public String label() {
        return label;
    }

    public Class<? extends Plugin> type() {
        return type;
    }
}
