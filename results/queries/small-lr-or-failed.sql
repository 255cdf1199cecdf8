-- Runs with a small learning rate OR that did not complete (the SQL twin of
--   djx runs --where "params.optimizer.learning_rate < 0.01 or status in (failed, interrupted)").
SELECT r.run_id, r.experiment, r.status, l.value AS learning_rate, r.error
FROM run_overview r
LEFT JOIN params_long l ON l.run_id = r.run_id AND l.key = 'optimizer.learning_rate'
WHERE l.value_num < 0.01 OR r.status IN ('failed', 'interrupted')
ORDER BY r.run_id;
