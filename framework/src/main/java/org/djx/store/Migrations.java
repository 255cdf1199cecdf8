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
            // 2: hyperparameter sweeps, their trials, and runs tied to the trial they ran
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
                    "CREATE INDEX runs_by_trial ON runs(sweep_id, trial)"));

    /** The schema version this djx writes. */
    static int latest() {
        return ALL.size();
    }
}
