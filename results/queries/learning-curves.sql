-- Per-epoch losses and accuracies of the five most recent runs.
SELECT run_id, epoch, round(train_loss, 4) AS train_loss, round(validate_loss, 4) AS validate_loss,
       round(validate_accuracy, 4) AS validate_accuracy, round(epoch_seconds, 2) AS seconds
FROM epochs_wide
WHERE run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT 5)
ORDER BY run_id, epoch;
