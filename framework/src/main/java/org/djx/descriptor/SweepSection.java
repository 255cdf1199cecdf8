package org.djx.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The typed {@code sweep:} section of a descriptor: which descriptor paths to vary, over which
 * values, how to search, what to optimise and when to give up on a trial. Immutable.
 *
 * <pre>
 * sweep:
 *   strategy: random            # grid (every combination, default) | random (trials samples)
 *   trials: 20                  # random: how many; grid: an optional cap
 *   seed: 7                     # random: sampling seed (default: the experiment's seed)
 *   max_retries: 1              # a failed or interrupted trial is run again at most this often
 *   parameters:                 # descriptor path (as for --set) -> list of values or a distribution
 *     optimizer.learning_rate: {loguniform: [1.0e-4, 1.0e-1]}
 *     model.layers[9].rate: {uniform: [0.1, 0.6]}
 *     model.layers[7].units: {int: [128, 1024], step: 128}
 *     optimizer.type: [sgd, adam]            # same as {choice: [sgd, adam]}
 *   objective: {metric: validate_accuracy, goal: maximize}
 *   pruner: {type: median, warmup: 1}       # median | asha (warmup = first rung, reduction = eta) | none
 * </pre>
 *
 * @param strategy {@code grid} or {@code random}
 * @param trials random: the number of trials; grid: a cap on the combinations, or {@code null}
 * @param seed random: the sampling seed
 * @param maxRetries how often a failed or interrupted trial is run again
 * @param parameters in the order written: trials apply them in this order
 */
public record SweepSection(
        String strategy,
        Integer trials,
        long seed,
        int maxRetries,
        List<Parameter> parameters,
        Objective objective,
        Pruner pruner) {

    public static final String GRID = "grid";
    public static final String RANDOM = "random";

    /** One swept descriptor path and its values. */
    public record Parameter(String path, Domain domain) {}

    /** The values one parameter can take. */
    public sealed interface Domain permits Choices, Uniform, LogUniform, IntRange {}

    /** Exactly these values, in order (a YAML list, or {@code {choice: [...]}}). */
    public record Choices(List<Object> values) implements Domain {}

    /** A real number drawn uniformly from [low, high]. */
    public record Uniform(double low, double high) implements Domain {}

    /** A positive real number whose logarithm is uniform on [log low, log high]. */
    public record LogUniform(double low, double high) implements Domain {}

    /** The integers low, low + step, ... up to high (inclusive). */
    public record IntRange(long low, long high, long step) implements Domain {}

    /** The metric that ranks trials (its best value over the epochs) and whether higher is better. */
    public record Objective(String metric, boolean maximize) {}

    /**
     * When to stop a trial early.
     *
     * @param type {@code median}, {@code asha} or {@code none}
     * @param warmup median: epochs before a trial may be pruned; asha: the epoch of the first rung
     * @param reduction asha: eta, the rungs are at warmup * eta^i and the top 1/eta go on
     */
    public record Pruner(String type, int warmup, int reduction) {
        public static final Pruner NONE = new Pruner("none", 0, 3);
    }

    /**
     * The sweep section of a bound experiment, or {@code null} when it has none. The section was
     * checked when the experiment was bound, so this only fails on an experiment that had problems.
     *
     * @throws DescriptorException when the section is malformed
     */
    public static SweepSection of(Experiment experiment) {
        if (experiment.sweep() == null) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        SweepSection section = bind(experiment.sweep(), experiment.seed(), experiment.sources(), problems);
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return section;
    }

    /** Reads the section, adding a problem with its position for every mistake. */
    static SweepSection bind(Object raw, long defaultSeed, SourceMap sources, List<Problem> problems) {
        Fields f = new Fields(raw, "sweep", sources, problems);
        String strategy = f.choice("strategy", GRID, List.of(GRID, RANDOM));
        Long trials = f.optionalInteger("trials", 1, Integer.MAX_VALUE);
        long seed = f.integer("seed", defaultSeed, 0);
        int maxRetries = f.smallInteger("max_retries", 1, 0);
        List<Parameter> parameters = parameters(f, strategy, sources, problems);
        if (RANDOM.equals(strategy) && trials == null && !f.has("trials")) {
            f.problem("sweep.trials", "is required with strategy: random (how many trials to sample)");
        }
        Objective objective = new Objective(ExperimentBinder.DEFAULT_METRIC, true);
        if (f.has("objective")) {
            Fields o = new Fields(f.raw("objective"), "sweep.objective", sources, problems);
            String metric = o.string("metric", ExperimentBinder.DEFAULT_METRIC);
            String goal = o.choice("goal", ExperimentBinder.defaultMode(metric).equals("max") ? "maximize" : "minimize",
                    List.of("maximize", "minimize"));
            o.finish();
            objective = new Objective(metric, "maximize".equals(goal));
        }
        Pruner pruner = Pruner.NONE;
        if (f.has("pruner")) {
            Fields p = new Fields(f.raw("pruner"), "sweep.pruner", sources, problems);
            String type = p.choice("type", "median", List.of("median", "asha", "none"));
            int warmup = p.smallInteger("warmup", 1, "asha".equals(type) ? 1 : 0);
            int reduction = p.smallInteger("reduction", 3, 2);
            p.finish();
            pruner = new Pruner(type, warmup, reduction);
        }
        f.finish();
        return new SweepSection(strategy, trials == null ? null : trials.intValue(), seed, maxRetries,
                List.copyOf(parameters), objective, pruner);
    }

    private static List<Parameter> parameters(Fields f, String strategy, SourceMap sources, List<Problem> problems) {
        List<Parameter> out = new ArrayList<>();
        Object params = f.raw("parameters");
        if (params == null) {
            f.problem("sweep.parameters", "is required: the descriptor paths to vary and their values,"
                    + " e.g. optimizer.learning_rate: [0.01, 0.001]");
            return out;
        }
        if (!(params instanceof Map<?, ?> map)) {
            f.problem("sweep.parameters", "expected a mapping of descriptor paths to values, got " + Values.describe(params));
            return out;
        }
        if (map.isEmpty()) {
            f.problem("sweep.parameters", "names no parameter; add at least one descriptor path to vary");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String path = String.valueOf(e.getKey());
            String at = "sweep.parameters." + path;
            if (Overrides.parsePath(path) == null) {
                problems.add(new Problem(sources.keyAt(at), at, "'" + path
                        + "' is not a descriptor path (use names and [index], e.g. model.layers[7].units)"));
                continue;
            }
            if (path.equals("sweep") || path.startsWith("sweep.") || path.startsWith("sweep[")) {
                problems.add(new Problem(sources.keyAt(at), at, "a sweep cannot vary its own sweep: section"));
                continue;
            }
            Domain domain = domain(e.getValue(), at, sources, problems);
            if (domain == null) {
                continue;
            }
            if (GRID.equals(strategy) && (domain instanceof Uniform || domain instanceof LogUniform)) {
                problems.add(new Problem(sources.valueAt(at), at, "a grid needs finitely many values: use a list,"
                        + " {choice: [...]} or {int: [lo, hi]}, or set sweep.strategy: random"));
                continue;
            }
            out.add(new Parameter(path, domain));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Domain domain(Object value, String at, SourceMap sources, List<Problem> problems) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                problems.add(new Problem(sources.valueAt(at), at, "the list of values is empty"));
                return null;
            }
            return new Choices(List.copyOf(list));
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new Problem(sources.valueAt(at), at, "expected a list of values or a distribution"
                    + " ({uniform: [lo, hi]}, {loguniform: [lo, hi]}, {int: [lo, hi], step: N}, {choice: [...]}), got "
                    + Values.describe(value)));
            return null;
        }
        Fields d = new Fields(value, at, sources, problems);
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("uniform", "loguniform", "int", "choice")) {
            if (d.has(kind)) {
                kinds.add(kind);
            }
        }
        Object rawStep = d.raw("step");
        if (kinds.isEmpty()) {
            problems.add(new Problem(sources.valueAt(at), at, "expected a list of values or one of uniform, loguniform,"
                    + " int or choice, got {" + String.join(", ", ((Map<String, ?>) map).keySet()) + "}"));
            return null;
        }
        if (kinds.size() > 1) {
            problems.add(new Problem(sources.valueAt(at), at, "names " + String.join(" and ", kinds)
                    + "; a parameter has exactly one distribution"));
            return null;
        }
        String kind = kinds.get(0);
        String kindAt = at + "." + kind;
        if (rawStep != null && !kind.equals("int")) {
            problems.add(new Problem(sources.keyAt(at + ".step"), at + ".step", "only applies to {int: [lo, hi]}"));
        }
        d.finish();
        Object arg = ((Map<?, ?>) value).get(kind);
        if (kind.equals("choice")) {
            return domain(arg, kindAt, sources, problems);
        }
        if (!(arg instanceof List<?> bounds) || bounds.size() != 2) {
            problems.add(new Problem(sources.valueAt(kindAt), kindAt, "expected [low, high], got " + shown(arg)));
            return null;
        }
        if (kind.equals("int")) {
            Long low = Values.asLong(bounds.get(0));
            Long high = Values.asLong(bounds.get(1));
            Long step = rawStep == null ? Long.valueOf(1) : Values.asLong(rawStep);
            if (low == null || high == null || low > high) {
                problems.add(new Problem(sources.valueAt(kindAt), kindAt, "expected integers [low, high] with low <= high, got "
                        + shown(arg)));
                return null;
            }
            if (step == null || step < 1) {
                problems.add(new Problem(sources.valueAt(at + ".step"), at + ".step", "expected a positive integer, got "
                        + Values.describe(rawStep)));
                return null;
            }
            return new IntRange(low, high, step);
        }
        Double low = Values.asDouble(bounds.get(0));
        Double high = Values.asDouble(bounds.get(1));
        if (low == null || high == null || low.isNaN() || high.isNaN() || !(low < high)) {
            problems.add(new Problem(sources.valueAt(kindAt), kindAt, "expected numbers [low, high] with low < high, got "
                    + shown(arg)));
            return null;
        }
        if (kind.equals("loguniform")) {
            if (low <= 0) {
                problems.add(new Problem(sources.valueAt(kindAt), kindAt, "loguniform needs 0 < low < high, got " + shown(arg)));
                return null;
            }
            return new LogUniform(low, high);
        }
        return new Uniform(low, high);
    }

    private static String shown(Object value) {
        return value instanceof List<?> list ? list.toString() : Values.describe(value);
    }
}
