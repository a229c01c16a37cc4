//! What this device has already seen, so repeated warnings change their appearance and payees
//! the user already confirmed are not warned about again for smaller amounts.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::risk::{Category, Level, Payee};

/// How many presentations of a warning rotate (layout, illustration, order of content).
pub const VARIANTS: u32 = 3;
/// At most this many confirmations are remembered; the oldest go first.
const MAX_CONFIRMATIONS: usize = 100;

/// Whether the user has seen a warning of this category on this device before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    /// First time.
    First,
    /// Seen before: brain response to repeated warnings drops after the second exposure.
    Repeat,
}

/// How often a category's warning was shown. (Entries stored before this held the time of the
/// last showing too; it was never read, and serde skips it.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Shown {
    count: u32,
}

/// A payee the user chose to pay despite a `low`/`medium` warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Confirmation {
    payee: String,
    currency: String,
    amount_minor: u64,
    at: DateTime<Utc>,
}

/// The device's warning history. Serializable, so the web adapter can keep it in storage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExposureLog {
    #[serde(default)]
    shown: HashMap<Category, Shown>,
    #[serde(default)]
    confirmed: Vec<Confirmation>,
}

impl ExposureLog {
    /// First or repeat exposure to `category`.
    pub fn exposure(&self, category: Option<Category>) -> Exposure {
        match category.and_then(|c| self.shown.get(&c)) {
            Some(shown) if shown.count > 0 => Exposure::Repeat,
            _ => Exposure::First,
        }
    }

    /// Which presentation (0..[`VARIANTS`]) the next warning of `category` uses: it changes
    /// with every exposure, so a repeated warning never looks exactly like the last one.
    pub fn variant(&self, category: Option<Category>) -> u32 {
        category
            .and_then(|c| self.shown.get(&c))
            .map_or(0, |shown| shown.count % VARIANTS)
    }

    /// Notes that a warning of `category` was shown.
    pub fn record_shown(&mut self, category: Option<Category>) {
        if let Some(category) = category {
            let shown = self.shown.entry(category).or_insert(Shown { count: 0 });
            shown.count = shown.count.saturating_add(1);
        }
    }

    /// Notes that the user went ahead with `amount_minor` to the payee `payee_key` at `now`
    /// after a warning at `level`. Only `low` and `medium` confirmations count; returns whether
    /// this one did.
    pub fn record_confirmation(
        &mut self,
        level: Level,
        payee_key: &str,
        currency: &str,
        amount_minor: u64,
        now: DateTime<Utc>,
    ) -> bool {
        if !matches!(level, Level::Low | Level::Medium) {
            return false;
        }
        self.confirmed
            .retain(|c| c.payee != payee_key || c.currency != currency);
        self.confirmed.push(Confirmation {
            payee: payee_key.to_owned(),
            currency: currency.to_owned(),
            amount_minor,
            at: now,
        });
        if self.confirmed.len() > MAX_CONFIRMATIONS {
            let excess = self.confirmed.len() - MAX_CONFIRMATIONS;
            self.confirmed.drain(..excess);
        }
        true
    }

    /// Whether a warning at `level` can be skipped because the user confirmed this payee for at
    /// least this amount within `window`. `high` and `blocked` always warn.
    pub fn already_confirmed(
        &self,
        level: Level,
        payee_key: &str,
        currency: &str,
        amount_minor: u64,
        now: DateTime<Utc>,
        window: Duration,
    ) -> bool {
        matches!(level, Level::Low | Level::Medium)
            && self.confirmed.iter().any(|c| {
                c.payee == payee_key
                    && c.currency == currency
                    && amount_minor <= c.amount_minor
                    && now - c.at <= window
                    && c.at <= now
            })
    }
}

/// A device-local key for a payee: a hash of the trimmed, case-folded display name, so the
/// name itself is not stored. `None` when the host gave no name.
pub fn payee_key(payee: &Payee) -> Option<String> {
    let name = payee.display_name.as_deref()?.trim().to_lowercase();
    if name.is_empty() {
        return None;
    }
    // FNV-1a, 64 bit: stable across builds and platforms (std's hasher is not).
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Some(format!("{hash:016x}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(days: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
            .single()
            .expect("valid")
            + Duration::days(days)
    }

    #[test]
    fn second_warning_of_a_category_is_a_repeat_with_another_look() {
        let mut log = ExposureLog::default();
        let otc = Some(Category::OtcTrading);
        assert_eq!(log.exposure(otc), Exposure::First);
        let first_variant = log.variant(otc);
        log.record_shown(otc);
        assert_eq!(log.exposure(otc), Exposure::Repeat);
        assert_ne!(log.variant(otc), first_variant);
        assert_eq!(log.exposure(Some(Category::MiningScheme)), Exposure::First);
    }

    #[test]
    fn a_log_stored_with_the_old_last_field_still_reads() {
        let stored = r#"{"shown":{"otc_trading":{"count":2,"last":"2026-11-21T12:00:00Z"}},"confirmed":[]}"#;
        let log: ExposureLog = serde_json::from_str(stored).expect("old format reads");
        assert_eq!(log.exposure(Some(Category::OtcTrading)), Exposure::Repeat);
        assert_eq!(log.variant(Some(Category::OtcTrading)), 2);
    }

    #[test]
    fn variants_cycle_through_every_presentation() {
        let mut log = ExposureLog::default();
        let seen: std::collections::HashSet<u32> = (0..VARIANTS)
            .map(|_| {
                let v = log.variant(Some(Category::UnlockFee));
                log.record_shown(Some(Category::UnlockFee));
                v
            })
            .collect();
        assert_eq!(seen.len(), VARIANTS as usize);
    }

    #[test]
    fn confirmed_payee_is_not_warned_again_for_smaller_amounts_within_the_window() {
        let mut log = ExposureLog::default();
        let window = Duration::days(30);
        log.record_confirmation(Level::Medium, "p1", "CNY", 50_000, at(0));
        assert!(log.already_confirmed(Level::Medium, "p1", "CNY", 50_000, at(1), window));
        assert!(log.already_confirmed(Level::Low, "p1", "CNY", 100, at(29), window));
        assert!(
            !log.already_confirmed(Level::Medium, "p1", "CNY", 50_001, at(1), window),
            "larger"
        );
        assert!(
            !log.already_confirmed(Level::Medium, "p1", "CNY", 100, at(31), window),
            "expired"
        );
        assert!(
            !log.already_confirmed(Level::Medium, "p2", "CNY", 100, at(1), window),
            "other payee"
        );
        assert!(
            !log.already_confirmed(Level::Medium, "p1", "USD", 100, at(1), window),
            "currency"
        );
        assert!(
            !log.already_confirmed(Level::High, "p1", "CNY", 100, at(1), window),
            "high always warns"
        );
        assert!(!log.already_confirmed(Level::Blocked, "p1", "CNY", 100, at(1), window));
    }

    #[test]
    fn high_confirmations_are_not_remembered_and_the_list_is_bounded() {
        let mut log = ExposureLog::default();
        log.record_confirmation(Level::High, "p", "CNY", 1, at(0));
        assert!(log.confirmed.is_empty());
        for i in 0..(MAX_CONFIRMATIONS + 20) {
            log.record_confirmation(Level::Medium, &format!("p{i}"), "CNY", 1, at(0));
        }
        assert_eq!(log.confirmed.len(), MAX_CONFIRMATIONS);
        assert_eq!(log.confirmed[0].payee, "p20", "oldest dropped first");
    }

    #[test]
    fn payee_key_hides_the_name_and_ignores_case_and_spaces() {
        let payee = |name: &str| Payee {
            display_name: Some(name.to_owned()),
            ..Payee::default()
        };
        let key = payee_key(&payee("Wang Lei")).expect("named");
        assert_eq!(Some(key.clone()), payee_key(&payee("  wang lei ")));
        assert!(!key.contains("wang"));
        assert_eq!(payee_key(&payee("   ")), None);
    }

    #[test]
    fn log_round_trips_through_json() {
        let mut log = ExposureLog::default();
        log.record_shown(Some(Category::OtcTrading));
        log.record_confirmation(Level::Low, "p", "CNY", 5, at(0));
        let json = serde_json::to_string(&log).expect("serializes");
        assert_eq!(
            serde_json::from_str::<ExposureLog>(&json).expect("parses"),
            log
        );
    }
}
