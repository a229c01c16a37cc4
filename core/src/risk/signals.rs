//! Behavioural signals: what the transfer's shape says, whatever the memo. All weak — the
//! scoring caps one alone at `low` — and all in the `unusual_pattern` category.

use chrono::Timelike;

use super::rules::file::{SignalKind, SignalRule};
use super::{Category, TransferContext};

/// A behavioural signal that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fired<'r> {
    /// What kind of evidence, for the reason's `code`.
    pub(crate) code: &'static str,
    /// The signal's id in the rules.
    pub(crate) id: &'r str,
    /// Its points.
    pub(crate) weight: u32,
}

/// The category every behavioural signal points to.
pub(crate) const CATEGORY: Category = Category::UnusualPattern;

/// Calls `emit` with every signal of `signals` that fires for `context`.
pub(crate) fn fire_each<'r>(
    context: &TransferContext,
    signals: &'r [SignalRule],
    mut emit: impl FnMut(Fired<'r>),
) {
    for s in signals {
        let fires = match s.signal {
            SignalKind::NewPayee => context.payee.is_new,
            SignalKind::YoungAccount => context
                .payee
                .account_age_days
                .zip(s.max_days)
                .is_some_and(|(age, max)| age < max),
            SignalKind::Night => match (s.from_hour, s.to_hour) {
                (Some(from), Some(to)) => is_night(context.initiated_at.hour(), from, to),
                _ => false,
            },
            SignalKind::FanOut => at_least(context.history.new_payees_24h, s.min_count),
            SignalKind::UnderLimit => {
                let limits = s
                    .limits
                    .as_ref()
                    .and_then(|l| l.get(&context.currency))
                    .map_or(&[][..], Vec::as_slice);
                just_under_a_limit(context.amount_minor, limits, s.window_percent.unwrap_or(0))
            }
            SignalKind::Burst => at_least(context.history.transfers_24h, s.min_count),
        };
        if fires {
            emit(Fired {
                code: code(s.signal),
                id: &s.id,
                weight: s.weight,
            });
        }
    }
}

/// The reason code of a signal.
pub(crate) fn code(kind: SignalKind) -> &'static str {
    match kind {
        SignalKind::NewPayee => "new_payee",
        SignalKind::YoungAccount => "young_account",
        SignalKind::Night => "night_time",
        SignalKind::FanOut => "fan_out",
        SignalKind::UnderLimit => "amount_under_limit",
        SignalKind::Burst => "burst",
    }
}

fn at_least(count: Option<u32>, min: Option<u32>) -> bool {
    matches!((count, min), (Some(count), Some(min)) if count >= min)
}

/// Whether local `hour` is in `[from, to)`, wrapping midnight when `from > to`.
pub(crate) fn is_night(hour: u32, from: u32, to: u32) -> bool {
    if from <= to {
        (from..to).contains(&hour)
    } else {
        hour >= from || hour < to
    }
}

/// Whether `amount` is a whole amount (a multiple of 100 minor units) in
/// `[limit − limit × window_percent / 100, limit)` for one of `limits`.
pub(crate) fn just_under_a_limit(amount: u64, limits: &[u64], window_percent: u32) -> bool {
    if amount == 0 || amount % 100 != 0 {
        return false;
    }
    limits.iter().any(|&limit| {
        let window = u128::from(limit) * u128::from(window_percent) / 100;
        let floor = u128::from(limit).saturating_sub(window);
        let amount = u128::from(amount);
        floor <= amount && amount < u128::from(limit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn night_wraps_midnight() {
        assert!(is_night(2, 0, 5));
        assert!(!is_night(5, 0, 5));
        assert!(is_night(23, 23, 5) && is_night(3, 23, 5) && !is_night(12, 23, 5));
    }

    #[test]
    fn under_limit_needs_a_whole_amount_just_below() {
        let limits = [5_000_000]; // 50 000.00
        assert!(just_under_a_limit(4_999_900, &limits, 2));
        assert!(just_under_a_limit(4_900_000, &limits, 2));
        assert!(!just_under_a_limit(5_000_000, &limits, 2));
        assert!(!just_under_a_limit(4_899_900, &limits, 2));
        assert!(!just_under_a_limit(4_999_950, &limits, 2), "not whole");
        assert!(!just_under_a_limit(u64::MAX, &[u64::MAX], 100));
    }
}
