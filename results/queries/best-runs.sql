-- The ten runs with the best validation accuracy, with their main hyperparameters.
SELECT s.run_id, s.experiment, s.status, p.optimizer, p.learning_rate, p.batch_size,
       round(s.best_validate_accuracy, 4) AS best_acc, round(s.final_validate_accuracy, 4) AS final_acc,
       round(s.duration_s, 1) AS seconds
FROM run_summary s JOIN params_wide p USING (run_id)
WHERE s.best_validate_accuracy IS NOT NULL
ORDER BY s.best_validate_accuracy DESC
LIMIT 10;
