package org.djx.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.djx.descriptor.SweepSection;
import org.djx.descriptor.SweepSection.Choices;
import org.djx.descriptor.SweepSection.Domain;
import org.djx.descriptor.SweepSection.IntRange;
import org.djx.descriptor.SweepSection.LogUniform;
import org.djx.descriptor.SweepSection.Parameter;
import org.djx.descriptor.SweepSection.Uniform;

/**
 * Turns a sweep section into the list of trials to run, each a map of descriptor path to value.
 * Both strategies are deterministic: a grid lists every combination (the last parameter varying
 * fastest), and random search draws trial {@code i} as the {@code i}-th sample of one generator
 * seeded with the sweep's seed, so asking for more trials later extends the same sequence.
 */
public final class SearchSpace {

    /** Grids larger than this must be capped with {@code trials} or {@code --max-trials}. */
    static final long MAX_GRID = 100_000;

    private SearchSpace() {}

    /**
     * The trials of a sweep, at most {@code maxTrials} when that is not {@code null}.
     *
     * @throws SweepException when an uncapped grid is too large to list
     */
    public static List<Map<String, Object>> trials(SweepSection section, Integer maxTrials) {
        long limit = Long.MAX_VALUE;
        if (section.trials() != null) {
            limit = section.trials();
        }
        if (maxTrials != null) {
            limit = Math.min(limit, maxTrials);
        }
        if (SweepSection.RANDOM.equals(section.strategy())) {
            Random random = new Random(section.seed());
            List<Map<String, Object>> out = new ArrayList<>();
            for (long i = 0; i < limit; i++) {
                out.add(sample(section.parameters(), random));
            }
            return out;
        }
        long size = gridSize(section.parameters());
        if (size > MAX_GRID && limit > MAX_GRID) {
            throw new SweepException("the grid has " + size + " combinations; cap it with sweep.trials or --max-trials,"
                    + " or use strategy: random");
        }
        return grid(section.parameters(), (int) Math.min(size, limit));
    }

    /** How many combinations a grid over these parameters has. */
    static long gridSize(List<Parameter> parameters) {
        long size = 1;
        for (Parameter p : parameters) {
            size = Math.multiplyExact(size, values(p.domain()).size());
        }
        return size;
    }

    /** The first {@code count} combinations, the last parameter varying fastest. */
    static List<Map<String, Object>> grid(List<Parameter> parameters, int count) {
        List<List<Object>> axes = new ArrayList<>();
        for (Parameter p : parameters) {
            axes.add(values(p.domain()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int[] index = new int[axes.size()];
        for (int n = 0; n < count; n++) {
            Map<String, Object> trial = new LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) {
                trial.put(parameters.get(i).path(), axes.get(i).get(index[i]));
            }
            out.add(trial);
            for (int i = axes.size() - 1; i >= 0; i--) {
                if (++index[i] < axes.get(i).size()) {
                    break;
                }
                index[i] = 0;
            }
        }
        return out;
    }

    /** Every value of a finite domain. */
    static List<Object> values(Domain domain) {
        if (domain instanceof Choices c) {
            return c.values();
        }
        if (domain instanceof IntRange r) {
            List<Object> out = new ArrayList<>();
            for (long v = r.low(); v <= r.high(); v += r.step()) {
                out.add(v);
                if (out.size() > MAX_GRID) {
                    throw new SweepException("the int range [" + r.low() + ", " + r.high() + "] with step " + r.step()
                            + " has too many values for a grid; raise the step or use strategy: random");
                }
            }
            return out;
        }
        throw new IllegalArgumentException("not a finite domain: " + domain);
    }

    /** One random combination. */
    static Map<String, Object> sample(List<Parameter> parameters, Random random) {
        Map<String, Object> trial = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            trial.put(p.path(), sample(p.domain(), random));
        }
        return trial;
    }

    private static Object sample(Domain domain, Random random) {
        if (domain instanceof Choices c) {
            return c.values().get(random.nextInt(c.values().size()));
        }
        if (domain instanceof IntRange r) {
            long steps = (r.high() - r.low()) / r.step() + 1;
            return r.low() + r.step() * (long) (random.nextDouble() * steps);
        }
        if (domain instanceof Uniform u) {
            return round(u.low() + random.nextDouble() * (u.high() - u.low()));
        }
        LogUniform l = (LogUniform) domain;
        double log = Math.log(l.low()) + random.nextDouble() * (Math.log(l.high()) - Math.log(l.low()));
        return round(Math.exp(log));
    }

    /** Four significant digits: plenty for a hyperparameter, and readable in tables and params. */
    private static double round(double value) {
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
