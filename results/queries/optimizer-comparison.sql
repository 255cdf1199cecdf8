-- Per optimizer: how many completed runs, and their mean and best validation accuracy.
SELECT p.optimizer, count(*) AS runs,
       round(avg(s.best_validate_accuracy), 4) AS mean_best_acc,
       round(max(s.best_validate_accuracy), 4) AS best_acc
FROM run_summary s JOIN params_wide p USING (run_id)
WHERE s.status = 'completed'
GROUP BY p.optimizer
ORDER BY best_acc DESC;
