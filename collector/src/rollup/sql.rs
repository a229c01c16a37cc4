//! SQL shared by the SQLite and PostgreSQL stores: `$n` parameters in order of first use
//! (SQLite binds them by position too), `CAST` instead of `::`, qualified columns in upserts.

/// Adds to a `warning_rollup` row.
pub(crate) const UPSERT_WARNING: &str = "
    INSERT INTO warning_rollup
        (bucket, category, locale, exposure, shown, cancelled, proceeded, blocked)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (bucket, category, locale, exposure) DO UPDATE SET
        shown = warning_rollup.shown + excluded.shown,
        cancelled = warning_rollup.cancelled + excluded.cancelled,
        proceeded = warning_rollup.proceeded + excluded.proceeded,
        blocked = warning_rollup.blocked + excluded.blocked";

/// Adds to a `quiz_rollup` row.
pub(crate) const UPSERT_QUIZ: &str = "
    INSERT INTO quiz_rollup
        (bucket, category, locale, started, completions, retries, sessions, passed)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (bucket, category, locale) DO UPDATE SET
        started = quiz_rollup.started + excluded.started,
        completions = quiz_rollup.completions + excluded.completions,
        retries = quiz_rollup.retries + excluded.retries,
        sessions = quiz_rollup.sessions + excluded.sessions,
        passed = quiz_rollup.passed + excluded.passed";

/// Adds to a `quiz_score_rollup` row.
pub(crate) const UPSERT_SCORE: &str = "
    INSERT INTO quiz_score_rollup (bucket, category, locale, score, max_score, n)
    VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT (bucket, category, locale, score, max_score) DO UPDATE SET
        n = quiz_score_rollup.n + excluded.n";

/// Records a session's first completed attempt, unless it is known.
pub(crate) const INSERT_SESSION: &str = "
    INSERT INTO quiz_sessions (session_id, first_time, category, locale)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (session_id) DO NOTHING";

/// A known session's earliest completed attempt and group (PostgreSQL adds `FOR UPDATE`).
pub(crate) const FIND_SESSION: &str =
    "SELECT first_time, category, locale FROM quiz_sessions WHERE session_id = $1";

/// Moves a session to an earlier completed attempt.
pub(crate) const MOVE_SESSION: &str = "
    UPDATE quiz_sessions SET first_time = $2, category = $3, locale = $4
    WHERE session_id = $1";

/// Warning rollups of a bucket range, summed by group.
pub(crate) const WARNING_BUCKETS: &str = "
    SELECT category, locale, exposure,
           CAST(sum(shown) AS BIGINT), CAST(sum(cancelled) AS BIGINT),
           CAST(sum(proceeded) AS BIGINT), CAST(sum(blocked) AS BIGINT)
    FROM warning_rollup
    WHERE bucket >= $1 AND bucket < $2
    GROUP BY category, locale, exposure";

/// Quiz rollups of a bucket range, summed by group.
pub(crate) const QUIZ_BUCKETS: &str = "
    SELECT category, locale,
           CAST(sum(started) AS BIGINT), CAST(sum(completions) AS BIGINT),
           CAST(sum(retries) AS BIGINT), CAST(sum(sessions) AS BIGINT),
           CAST(sum(passed) AS BIGINT)
    FROM quiz_rollup
    WHERE bucket >= $1 AND bucket < $2
    GROUP BY category, locale";

/// First-attempt score histograms of a bucket range, summed by group and score.
pub(crate) const SCORE_BUCKETS: &str = "
    SELECT category, locale, score, max_score, CAST(sum(n) AS BIGINT)
    FROM quiz_score_rollup
    WHERE bucket >= $1 AND bucket < $2
    GROUP BY category, locale, score, max_score";

/// The events of a partly covered hour that statistics read.
pub(crate) const RAW_EVENTS: &str = "
    SELECT type, data FROM events
    WHERE type IN ('riskguard.warning.shown', 'riskguard.warning.decided',
                   'riskguard.quiz.started', 'riskguard.quiz.completed')
      AND time >= $1 AND time < $2";

/// Sessions first completed in a partly covered hour, by group.
pub(crate) const RAW_SESSIONS: &str = "
    SELECT category, locale, CAST(count(*) AS BIGINT) FROM quiz_sessions
    WHERE first_time >= $1 AND first_time < $2
    GROUP BY category, locale";
