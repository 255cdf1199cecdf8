-- Per sweep: trials by status and the best validation accuracy reached.
SELECT sweep_id, count(*) AS trials,
       sum(status = 'completed') AS completed, sum(status = 'pruned') AS pruned,
       sum(status IN ('failed', 'interrupted')) AS failed,
       round(max(best_validate_accuracy), 4) AS best_acc
FROM run_summary
WHERE sweep_id IS NOT NULL
GROUP BY sweep_id
ORDER BY sweep_id;
