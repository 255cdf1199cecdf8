-- Runs still marked running, with seconds since their last heartbeat (beats every 10 s;
-- djx marks them interrupted after 60 s without one).
SELECT id AS run_id, started_at, heartbeat_at,
       round((julianday('now') - julianday(heartbeat_at)) * 86400) AS seconds_since_heartbeat
FROM runs
WHERE status = 'running'
ORDER BY heartbeat_at;
