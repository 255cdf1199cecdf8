-- Per sweep: trials, their runs by status (a retried trial has several runs), and the best
-- validation accuracy reached.
SELECT sweep_id, count(DISTINCT trial) AS trials, count(*) AS runs,
       sum(status = 'completed') AS completed, sum(status = 'pruned') AS pruned,
       sum(status IN ('failed', 'interrupted')) AS failed,
       round(max(best_validate_accuracy), 4) AS best_acc
FROM run_summary
WHERE sweep_id IS NOT NULL
GROUP BY sweep_id
ORDER BY sweep_id;
