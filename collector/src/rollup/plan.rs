//! Which stored rows a period reads: whole days from day buckets, whole hours from hour
//! buckets, and the rest as raw events.

use chrono::{DateTime, Duration, DurationRound, Utc};

use super::{buckets_of, stored_time};
use crate::period::Period;

/// Which stored rows a period reads: bucket ranges from the rollups, the rest raw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Bucket ranges `[from, until)`: the whole days, then the whole hours of partial days.
    pub(crate) buckets: Vec<(String, String)>,
    /// Raw event time windows `[from, until)` of partial hours, at most two.
    pub(crate) raw: Vec<(String, String)>,
}

/// Rounds down and up to a multiple of `step` (UTC).
fn floor_ceil(t: DateTime<Utc>, step: Duration) -> (DateTime<Utc>, DateTime<Utc>) {
    let floor = t.duration_trunc(step).unwrap_or(t);
    (floor, if floor == t { t } else { floor + step })
}

impl Plan {
    /// The plan for `period`.
    pub(crate) fn new(period: &Period) -> Plan {
        let day = Duration::days(1);
        let mut plan = Plan {
            buckets: Vec::new(),
            raw: Vec::new(),
        };
        let first_day = period.since.map(|t| floor_ceil(t, day).1);
        let end_day = period.until.map(|t| floor_ceil(t, day).0);
        if let (Some(first), Some(end)) = (first_day, end_day) {
            if first >= end {
                // No whole day inside.
                if let (Some(since), Some(until)) = (period.since, period.until) {
                    plan.hours(since, until);
                }
                return plan;
            }
        }
        // `d` sorts before `e`: open bounds take every day bucket.
        plan.buckets.push((
            first_day.map_or("d".to_owned(), |t| buckets_of(&stored_time(t))[0].clone()),
            end_day.map_or("e".to_owned(), |t| buckets_of(&stored_time(t))[0].clone()),
        ));
        if let (Some(since), Some(first)) = (period.since, first_day) {
            plan.hours(since, first);
        }
        if let (Some(end), Some(until)) = (end_day, period.until) {
            plan.hours(end, until);
        }
        plan
    }

    /// Reads `[from, until)`, which lies within a day: whole hours from hour buckets, the rest
    /// raw.
    fn hours(&mut self, from: DateTime<Utc>, until: DateTime<Utc>) {
        if from >= until {
            return;
        }
        let hour = Duration::hours(1);
        let first = floor_ceil(from, hour).1;
        let end = floor_ceil(until, hour).0;
        if first >= end {
            self.raw.push((stored_time(from), stored_time(until)));
            return;
        }
        let bucket = |t| buckets_of(&stored_time(t))[1].clone();
        self.buckets.push((bucket(first), bucket(end)));
        if from < first {
            self.raw.push((stored_time(from), stored_time(first)));
        }
        if end < until {
            self.raw.push((stored_time(end), stored_time(until)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 5, day, h, m, 0)
            .single()
            .expect("a valid time")
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn a_period_reads_whole_days_then_whole_hours_then_the_rest_raw() {
        let plan = Plan::new(&Period {
            since: Some(at(1, 22, 30)),
            until: Some(at(4, 1, 15)),
        });
        assert_eq!(
            plan.buckets,
            vec![
                pair("d2025-05-02", "d2025-05-04"),
                pair("h2025-05-01T23", "h2025-05-02T00"),
                pair("h2025-05-04T00", "h2025-05-04T01"),
            ]
        );
        assert_eq!(
            plan.raw,
            vec![
                pair("2025-05-01T22:30:00.000Z", "2025-05-01T23:00:00.000Z"),
                pair("2025-05-04T01:00:00.000Z", "2025-05-04T01:15:00.000Z"),
            ]
        );
        let open = Plan::new(&Period::default());
        assert_eq!((open.buckets, open.raw), (vec![pair("d", "e")], vec![]));
        let inside = Plan::new(&Period {
            since: Some(at(1, 1, 10)),
            until: Some(at(1, 1, 50)),
        });
        assert_eq!(inside.buckets, vec![]);
        assert_eq!(inside.raw.len(), 1);
    }
}
