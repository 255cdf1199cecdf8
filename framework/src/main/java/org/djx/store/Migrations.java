package org.djx.store;

import java.util.List;

/**
 * The schema, as the ordered list of migrations that build it. Migration {@code i} moves a
 * database from {@code PRAGMA user_version = i} to {@code i + 1}. Only ever append.
 */
final class Migrations {

    private Migrations() {}

    static final List<List<String>> ALL = List.of(
            // 1: experiments, runs, params, metrics, provenance, artifacts and the comparison views
            List.of(
                    """
                    CREATE TABLE experiments (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY,
                        experiment_id INTEGER NOT NULL REFERENCES experiments(id),
                        status TEXT NOT NULL CHECK (status IN
                            ('queued', 'running', 'completed', 'failed', 'pruned', 'interrupted')),
                        created_at TEXT NOT NULL,
                        started_at TEXT,
                        ended_at TEXT,
                        heartbeat_at TEXT,
                        descriptor_hash TEXT NOT NULL,
                        descriptor TEXT NOT NULL,
                        descriptor_file TEXT,
                        epochs INTEGER NOT NULL DEFAULT 0,
                        error TEXT)""",
                    "CREATE INDEX runs_by_experiment ON runs(experiment_id, id)",
                    "CREATE INDEX runs_by_status ON runs(status)",
                    """
                    CREATE TABLE run_provenance (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        value TEXT,
                        PRIMARY KEY (run_id, key)) WITHOUT ROWID""",
                    """
                    CREATE TABLE params (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        value_num REAL,
                        value_text TEXT,
                        PRIMARY KEY (run_id, key)) WITHOUT ROWID""",
                    "CREATE INDEX params_by_key ON params(key, value_num)",
                    """
                    CREATE TABLE metrics (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        epoch INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        value REAL,
                        PRIMARY KEY (run_id, name, epoch)) WITHOUT ROWID""",
                    """
                    CREATE TABLE artifacts (
                        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        path TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        PRIMARY KEY (run_id, name)) WITHOUT ROWID""",
                    // One row per run with the usual provenance: the view to start any comparison from.
                    """
                    CREATE VIEW run_overview AS
                    SELECT r.id AS run_id, e.name AS experiment, r.status, r.started_at, r.ended_at,
                           (julianday(r.ended_at) - julianday(r.started_at)) * 86400.0 AS duration_s,
                           r.epochs, r.descriptor_hash, r.error,
                           (SELECT value FROM run_provenance p WHERE p.run_id = r.id AND p.key = 'engine') AS engine,
                           (SELECT value FROM run_provenance p WHERE p.run_id = r.id AND p.key = 'device') AS device
                    FROM runs r JOIN experiments e ON e.id = r.experiment_id""",
                    // Final (last epoch) and best value of every metric of every run.
                    """
                    CREATE VIEW run_metrics AS
                    SELECT m.run_id, m.name,
                           (SELECT value FROM metrics l WHERE l.run_id = m.run_id AND l.name = m.name
                            ORDER BY l.epoch DESC LIMIT 1) AS final,
                           MAX(m.value) AS max, MIN(m.value) AS min, COUNT(*) AS epochs
                    FROM metrics m GROUP BY m.run_id, m.name"""),
            // 2: the documented comparison views (see results/README.md): best value per metric,
            // one row per run with its main metrics, params long / JSON / wide, metrics per epoch.
            List.of(
                    "DROP VIEW run_metrics",
                    // best: the minimum for loss-like metrics (name contains 'loss' or 'error'), else the maximum
                    """
                    CREATE VIEW run_metrics AS
                    SELECT m.run_id, m.name,
                           (SELECT value FROM metrics l WHERE l.run_id = m.run_id AND l.name = m.name
                            ORDER BY l.epoch DESC LIMIT 1) AS final,
                           CASE WHEN m.name LIKE '%loss%' OR m.name LIKE '%error%' THEN MIN(m.value) ELSE MAX(m.value) END AS best,
                           MAX(m.value) AS max, MIN(m.value) AS min, COUNT(*) AS epochs
                    FROM metrics m GROUP BY m.run_id, m.name""",
                    """
                    CREATE VIEW run_summary AS
                    SELECT o.*,
                           CAST((SELECT value FROM run_provenance p WHERE p.run_id = o.run_id AND p.key = 'sweep_id') AS INTEGER) AS sweep_id,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_accuracy') AS final_validate_accuracy,
                           (SELECT best FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_accuracy') AS best_validate_accuracy,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_loss') AS final_validate_loss,
                           (SELECT best FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_loss') AS best_validate_loss,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'train_accuracy') AS final_train_accuracy,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'train_loss') AS final_train_loss
                    FROM run_overview o""",
                    """
                    CREATE VIEW params_long AS
                    SELECT p.run_id, e.name AS experiment, p.key, coalesce(p.value_num, p.value_text) AS value,
                           p.value_num, p.value_text
                    FROM params p JOIN runs r ON r.id = p.run_id JOIN experiments e ON e.id = r.experiment_id""",
                    // Every param of a run as one JSON object: json_extract(params, '$."optimizer.learning_rate"')
                    """
                    CREATE VIEW run_params AS
                    SELECT run_id, json_group_object(key, coalesce(value_num, value_text)) AS params
                    FROM params GROUP BY run_id""",
                    // The usual hyperparameters as columns; any other key through run_params or params_long.
                    """
                    CREATE VIEW params_wide AS
                    SELECT run_id,
                           MAX(CASE WHEN key = 'optimizer.type' THEN value_text END) AS optimizer,
                           MAX(CASE WHEN key = 'optimizer.learning_rate' THEN value_num END) AS learning_rate,
                           MAX(CASE WHEN key = 'training.batch_size' THEN value_num END) AS batch_size,
                           MAX(CASE WHEN key = 'training.epochs' THEN value_num END) AS epochs,
                           MAX(CASE WHEN key = 'seed' THEN value_num END) AS seed,
                           MAX(CASE WHEN key = 'dataset.type' THEN value_text END) AS dataset
                    FROM params GROUP BY run_id""",
                    """
                    CREATE VIEW epoch_metrics AS
                    SELECT m.run_id, e.name AS experiment, m.epoch, m.name, m.value
                    FROM metrics m JOIN runs r ON r.id = m.run_id JOIN experiments e ON e.id = r.experiment_id""",
                    """
                    CREATE VIEW epochs_wide AS
                    SELECT run_id, epoch,
                           MAX(CASE WHEN name = 'train_loss' THEN value END) AS train_loss,
                           MAX(CASE WHEN name = 'train_accuracy' THEN value END) AS train_accuracy,
                           MAX(CASE WHEN name = 'validate_loss' THEN value END) AS validate_loss,
                           MAX(CASE WHEN name = 'validate_accuracy' THEN value END) AS validate_accuracy,
                           MAX(CASE WHEN name = 'learning_rate' THEN value END) AS learning_rate,
                           MAX(CASE WHEN name = 'epoch_seconds' THEN value END) AS epoch_seconds
                    FROM metrics GROUP BY run_id, epoch"""),
            // 3: hyperparameter sweeps, their trials, and runs tied to the trial they ran
            List.of(
                    """
                    CREATE TABLE sweeps (
                        id INTEGER PRIMARY KEY,
                        experiment TEXT NOT NULL,
                        descriptor_hash TEXT NOT NULL,
                        descriptor TEXT NOT NULL,
                        descriptor_file TEXT NOT NULL,
                        overrides TEXT NOT NULL,
                        strategy TEXT NOT NULL,
                        objective_metric TEXT NOT NULL,
                        objective_goal TEXT NOT NULL CHECK (objective_goal IN ('maximize', 'minimize')),
                        max_retries INTEGER NOT NULL,
                        created_at TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('running', 'completed')))""",
                    "CREATE INDEX sweeps_by_experiment ON sweeps(experiment, id)",
                    """
                    CREATE TABLE trials (
                        id INTEGER PRIMARY KEY,
                        sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
                        number INTEGER NOT NULL,
                        overrides TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN
                            ('queued', 'running', 'completed', 'failed', 'pruned', 'interrupted')),
                        run_id INTEGER REFERENCES runs(id),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        worker TEXT,
                        claimed_at TEXT,
                        heartbeat_at TEXT,
                        ended_at TEXT,
                        error TEXT,
                        UNIQUE (sweep_id, number))""",
                    "CREATE INDEX trials_by_status ON trials(sweep_id, status, number)",
                    "ALTER TABLE runs ADD COLUMN sweep_id INTEGER REFERENCES sweeps(id)",
                    "ALTER TABLE runs ADD COLUMN trial INTEGER",
                    "CREATE INDEX runs_by_trial ON runs(sweep_id, trial)"),
            // 4: run_summary takes the sweep and trial from the runs' own columns (added by 3)
            // instead of the 'sweep_id' provenance key, and shows the trial number.
            // No view depends on run_summary, so dropping it alone is enough.
            List.of(
                    "DROP VIEW run_summary",
                    """
                    CREATE VIEW run_summary AS
                    SELECT o.*, r.sweep_id, r.trial,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_accuracy') AS final_validate_accuracy,
                           (SELECT best FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_accuracy') AS best_validate_accuracy,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_loss') AS final_validate_loss,
                           (SELECT best FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'validate_loss') AS best_validate_loss,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'train_accuracy') AS final_train_accuracy,
                           (SELECT final FROM run_metrics m WHERE m.run_id = o.run_id AND m.name = 'train_loss') AS final_train_loss
                    FROM run_overview o JOIN runs r ON r.id = o.run_id"""));

    /** The schema version this djx writes. */
    static int latest() {
        return ALL.size();
    }
}
