package org.djx.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.DescriptorException;
import org.djx.descriptor.Problem;
import org.djx.descriptor.SweepSection;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.store.NewSweep;
import org.djx.store.RunStatus;
import org.djx.store.SweepRecord;
import org.djx.store.SweepStore;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;

/**
 * Creates a sweep with its trials, or resumes the experiment's latest sweep when it was created
 * from the same descriptor: completed trials are kept, trials of dead workers and failed or
 * interrupted ones with a retry left are queued again, and trials the space now asks for (a
 * larger {@code --max-trials}) are added with the next numbers.
 */
public final class SweepSetup {

    private SweepSetup() {}

    /**
     * @param resumed whether an existing sweep goes on
     * @param added trials queued for the first time
     * @param requeued trials queued again
     */
    public record Prepared(SweepRecord sweep, SweepSection section, boolean resumed, int added, int requeued) {}

    /**
     * @param base the planned base descriptor (file plus {@code overrides})
     * @param maxTrials a cap on the sweep's trials, or {@code null}
     * @param fresh start a new sweep even when one exists (required when the descriptor changed)
     * @throws SweepException when the descriptor has no sweep section or differs from the latest sweep's
     * @throws DescriptorException when no trial of a new sweep is a valid descriptor
     */
    public static Prepared prepare(SweepStore store, ExperimentPlan base, List<String> overrides, PluginCatalog catalog,
            Integer maxTrials, boolean fresh) {
        SweepSection section = SweepSection.of(base.experiment());
        if (section == null) {
            throw new SweepException(base.file() + " has no sweep: section; add one (see experiments/README.md)"
                    + " or train it once with 'djx run'");
        }
        List<Map<String, Object>> trials = SearchSpace.trials(section, maxTrials);
        String name = base.experiment().name();
        Optional<SweepRecord> latest = fresh ? Optional.empty() : store.latestSweep(name);
        if (latest.isPresent()) {
            SweepRecord sweep = latest.get();
            if (!sweep.descriptorHash().equals(base.hash())) {
                throw new SweepException("sweep " + sweep.id() + " of experiment '" + name + "' was created from a different"
                        + " descriptor (or --set values); restore it to resume that sweep, or start a new sweep with --new");
            }
            int existing = store.trials(sweep.id()).size();
            int added = existing < trials.size() ? store.addTrials(sweep.id(), trials.subList(existing, trials.size())) : 0;
            int requeued = Workers.recover(store, sweep.id(), sweep.maxRetries(), Set.of(RunStatus.FAILED, RunStatus.INTERRUPTED));
            return new Prepared(store.sweep(sweep.id()).orElseThrow(), section, true, added, requeued);
        }
        if (trials.isEmpty()) {
            throw new SweepException("the sweep has no trials (--max-trials 0?)");
        }
        requireOneValidTrial(base, overrides, catalog, trials);
        long id = store.createSweep(new NewSweep(name, base.hash(), Canonical.json(base.effective()),
                base.file().toAbsolutePath().toString(), overrides, section.strategy(), section.objective().metric(),
                section.objective().maximize(), section.maxRetries(), trials));
        return new Prepared(store.sweep(id).orElseThrow(), section, false, trials.size(), 0);
    }

    /**
     * Plans every trial (cheap: no training). A bad combination only fails its own trial later,
     * but a sweep where every trial is invalid (a misspelt path) is the user's mistake to fix now.
     */
    private static void requireOneValidTrial(ExperimentPlan base, List<String> overrides, PluginCatalog catalog,
            List<Map<String, Object>> trials) {
        DescriptorException first = null;
        Map<String, Object> firstTrial = null;
        for (Map<String, Object> trial : trials) {
            try {
                ExperimentPlanner.plan(base.file(), TrialOverrides.of(overrides, trial), catalog);
                return;
            } catch (DescriptorException e) {
                if (first == null) {
                    first = e;
                    firstTrial = trial;
                }
            }
        }
        throw new DescriptorException(atSweepParameters(base, firstTrial, first.problems()));
    }

    /**
     * Problems a trial's values caused point at the override djx made for them; point them at
     * the sweep parameter the user wrote instead.
     */
    private static List<Problem> atSweepParameters(ExperimentPlan base, Map<String, Object> trial, List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            String swept = trial.keySet().stream()
                    .filter(path -> p.path().equals(path) || p.path().startsWith(path + ".") || p.path().startsWith(path + "["))
                    .findFirst().orElse(null);
            if (swept == null) {
                out.add(p);
            } else {
                String at = "sweep.parameters." + swept;
                out.add(new Problem(base.experiment().sources().keyAt(at), at,
                        "no trial is a valid descriptor; with " + swept + " = " + trial.get(swept) + ": " + p.message()));
            }
        }
        return out;
    }
}
