//! Realistic synthetic events, for demos, screenshots and tests of the statistics: what a
//! payment app's users might produce over four weeks, made from the same Rust types the
//! component sends, reproducible from a seed.
//!
//! The shape follows the field notes, not real data: adherence is higher for `high` than for
//! `medium` warnings and drops on repeat exposure (habituation); blocked payees give blocked
//! warnings; about one warning in eight leads to the quiz, and some quizzes are taken on their
//! own; first attempts pass about three times in four, and about half of those who fail retry
//! the missed questions.

use chrono::{DateTime, Duration, Utc};
use riskguard_core::events::{
    Decision, Event, EventData, Interaction, QuizCompleted, QuizStarted, WarningDecided,
    WarningInteracted, WarningReported, WarningShown,
};
use riskguard_core::quiz::{BANK, DEFAULT_PASS_PERCENT};
use riskguard_core::risk::{Category, Level};
use riskguard_core::warning::Exposure;

use riskguard_core::random::SplitMix64;

/// The `source` of every synthetic event.
const SOURCE: &str = "https://pay.example";

/// Categories, how often they come up, and how much more (or less) often users heed them,
/// in percentage points.
const CATEGORIES: [((Category, i32), u32); 8] = [
    ((Category::OtcTrading, 4), 30),
    ((Category::FalseReturns, -6), 14),
    ((Category::TokenOffering, -10), 9),
    ((Category::MiningScheme, -2), 8),
    ((Category::MoneyMule, 8), 12),
    ((Category::UnlockFee, 12), 10),
    ((Category::FlaggedPayee, 0), 9),
    ((Category::UnusualPattern, -14), 8),
];

/// Locales and their shares.
const LOCALES: [(&str, u32); 3] = [("zh-Hans", 55), ("en-US", 25), ("zh-Hant", 20)];

/// About `warnings` warning episodes (shown, then usually decided) and the quizzes they lead
/// to, plus standalone quizzes, spread over the 28 days before `end`, in time order.
pub fn events(seed: u64, warnings: usize, end: DateTime<Utc>) -> Vec<Event> {
    let mut generator = Generator {
        rng: SplitMix64::new(seed),
        end,
        events: Vec::new(),
    };
    for _ in 0..warnings {
        generator.warning();
    }
    for _ in 0..warnings / 10 {
        let at = generator.moment();
        let locale = generator.locale();
        generator.quiz(at, locale, None);
    }
    generator.events.sort_by_key(|event| event.time);
    generator.events
}

/// As [`events`], for the four weeks up to now.
pub fn events_until_now(seed: u64, warnings: usize) -> Vec<Event> {
    events(seed, warnings, Utc::now())
}

struct Generator {
    rng: SplitMix64,
    end: DateTime<Utc>,
    events: Vec<Event>,
}

/// What the events of one warning share.
struct Warning {
    category: Category,
    /// How much more (or less) often users heed this category, in percentage points.
    bias: i32,
    locale: String,
    exposure: Exposure,
    level: Level,
}

impl Generator {
    /// A UUID-shaped id (version 4 layout) from the generator.
    fn id(&mut self) -> String {
        let a = self.rng.next_u64();
        let b = self.rng.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }

    /// A time in the 28 days before `end`, at millisecond precision, busier in the daytime.
    fn moment(&mut self) -> DateTime<Utc> {
        let day = i64::try_from(self.rng.below(28)).unwrap_or(0);
        // Beijing daytime (UTC+8) is 00:00–14:00 UTC; a quarter of transfers happen at night.
        let hour = if self.rng.chance(0.75) {
            self.rng.below(14)
        } else {
            14 + self.rng.below(10)
        };
        let ms = self.rng.below(3_600_000);
        self.end - Duration::days(day + 1)
            + Duration::hours(i64::try_from(hour).unwrap_or(0))
            + Duration::milliseconds(i64::try_from(ms).unwrap_or(0))
    }

    fn locale(&mut self) -> String {
        weighted(&mut self.rng, &LOCALES)
            .copied()
            .unwrap_or("en-US")
            .to_owned()
    }

    fn push(&mut self, time: DateTime<Utc>, data: EventData) {
        let id = self.id();
        self.events.push(Event {
            id,
            source: SOURCE.to_owned(),
            time,
            data,
        });
    }

    /// One warning: shown, maybe interacted with, usually decided.
    fn warning(&mut self) {
        let warning = self.warning_kind();
        let shown_at = self.moment();
        self.push(
            shown_at,
            EventData::WarningShown(WarningShown {
                level: warning.level,
                category: Some(warning.category),
                locale: warning.locale.clone(),
                rules_version: "2025.06.1".to_owned(),
                exposure: warning.exposure,
            }),
        );
        let at = self.interactions(&warning, shown_at);
        // A few users close the app instead of deciding.
        if self.rng.chance(0.04) {
            return;
        }
        self.decide(warning, at);
    }

    /// What a warning is about, in which language, how severe, and whether the user has seen
    /// one like it.
    fn warning_kind(&mut self) -> Warning {
        let (category, bias) = weighted(&mut self.rng, &CATEGORIES)
            .copied()
            .unwrap_or((Category::OtcTrading, 0));
        let locale = self.locale();
        let exposure = if self.rng.chance(0.35) {
            Exposure::Repeat
        } else {
            Exposure::First
        };
        let level = if category == Category::FlaggedPayee && self.rng.chance(0.8) {
            Level::Blocked
        } else if self.rng.chance(0.4) {
            Level::High
        } else {
            Level::Medium
        };
        Warning {
            category,
            bias,
            locale,
            exposure,
            level,
        }
    }

    /// What the user may do with a warning shown at `shown_at` before deciding: open the
    /// details, take the quiz, report the warning. Returns the time of the last of them.
    fn interactions(&mut self, warning: &Warning, shown_at: DateTime<Utc>) -> DateTime<Utc> {
        let mut at = shown_at;
        if warning.level != Level::Blocked && self.rng.chance(0.3) {
            self.interact(warning, Interaction::DetailsOpened, &mut at);
        }
        if self.rng.chance(0.12) {
            self.interact(warning, Interaction::QuizStarted, &mut at);
            let quiz_at = at + Duration::seconds(1);
            self.quiz(quiz_at, warning.locale.clone(), Some(warning.category));
            at = quiz_at + Duration::minutes(3);
        }
        if self.rng.chance(0.02) {
            at += Duration::seconds(5);
            self.push(
                at,
                EventData::WarningReported(WarningReported {
                    level: warning.level,
                    category: Some(warning.category),
                    locale: warning.locale.clone(),
                    rule_ids: vec![format!("{}.memo", warning.category.code())],
                    rules_version: "2025.06.1".to_owned(),
                    exposure: warning.exposure,
                }),
            );
        }
        at
    }

    /// An `interaction` with `warning` a few seconds after `at`, which moves to it.
    fn interact(&mut self, warning: &Warning, interaction: Interaction, at: &mut DateTime<Utc>) {
        *at += Duration::milliseconds(1_500 + i64::try_from(self.rng.below(6_000)).unwrap_or(0));
        self.push(
            *at,
            EventData::WarningInteracted(WarningInteracted {
                level: warning.level,
                category: Some(warning.category),
                locale: warning.locale.clone(),
                interaction,
                exposure: warning.exposure,
            }),
        );
    }

    /// The user's decision on `warning`, a few seconds after `at`: blocked, or cancelled more
    /// often for `high`, less often on repeat exposure.
    fn decide(&mut self, warning: Warning, at: DateTime<Utc>) {
        let decision = if warning.level == Level::Blocked {
            Decision::Blocked
        } else {
            let mut heed = 62 + warning.bias;
            if warning.level == Level::High {
                heed += 10;
            }
            if warning.exposure == Exposure::Repeat {
                heed -= 16;
            }
            if self.rng.chance(f64::from(heed) / 100.0) {
                Decision::Cancelled
            } else {
                Decision::Proceeded
            }
        };
        let duration_ms = 2_000 + self.rng.below(25_000);
        self.push(
            at + Duration::milliseconds(i64::try_from(duration_ms).unwrap_or(0)),
            EventData::WarningDecided(WarningDecided {
                level: warning.level,
                category: Some(warning.category),
                locale: warning.locale,
                decision,
                duration_ms,
                exposure: warning.exposure,
            }),
        );
    }

    /// A quiz session: a first attempt, and for about half of those who fail, a retry of the
    /// missed questions. Some users leave before finishing.
    fn quiz(&mut self, at: DateTime<Utc>, locale: String, category: Option<Category>) {
        let session_id = self.id();
        let mut questions: Vec<String> = BANK
            .iter()
            .filter(|q| category.is_none_or(|c| q.is_about(c)))
            .map(|q| q.id.to_owned())
            .collect();
        if questions.len() < 3 {
            questions = BANK.iter().map(|q| q.id.to_owned()).collect();
        }
        let start = usize::try_from(self.rng.below(questions.len() as u64)).unwrap_or(0);
        questions.rotate_left(start);
        questions.truncate(5);
        // Chinese-language users in this synthetic world do slightly better: the question bank
        // was written for their scams first.
        let skill = if locale.starts_with("zh") { 0.82 } else { 0.76 };
        let mut at = at;
        let mut asked = questions;
        for attempt in 1..=2u32 {
            self.push(
                at,
                EventData::QuizStarted(QuizStarted {
                    session_id: session_id.clone(),
                    attempt,
                    question_ids: asked.clone(),
                    locale: locale.clone(),
                    category,
                }),
            );
            if self.rng.chance(0.08) {
                return;
            }
            let missed: Vec<String> = asked
                .iter()
                .filter(|_| !self.rng.chance(skill))
                .cloned()
                .collect();
            let max_score = u32::try_from(asked.len()).unwrap_or(0);
            let score = max_score - u32::try_from(missed.len()).unwrap_or(0);
            let passed = score * 100 >= DEFAULT_PASS_PERCENT * max_score;
            let duration_ms = 15_000 * u64::from(max_score) + self.rng.below(30_000);
            at += Duration::milliseconds(i64::try_from(duration_ms).unwrap_or(0));
            self.push(
                at,
                EventData::QuizCompleted(QuizCompleted {
                    session_id: session_id.clone(),
                    attempt,
                    score,
                    max_score,
                    passed,
                    duration_ms,
                    question_ids: asked.clone(),
                    locale: locale.clone(),
                    category,
                }),
            );
            if passed || missed.is_empty() || !self.rng.chance(0.5) {
                return;
            }
            asked = missed;
            at += Duration::seconds(10);
        }
    }
}

/// One of `items`, chosen with the given relative weights; `None` if all weights are 0.
fn weighted<'a, T>(rng: &mut SplitMix64, items: &'a [(T, u32)]) -> Option<&'a T> {
    let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
    let mut pick = rng.below(total);
    for (item, weight) in items {
        let weight = u64::from(*weight);
        if pick < weight {
            return Some(item);
        }
        pick -= weight;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_choice_follows_the_weights() {
        let mut rng = SplitMix64::new(1);
        let items = [("never", 0), ("a", 1), ("b", 3)];
        let mut counts = [0u32; 3];
        for _ in 0..4_000 {
            match weighted(&mut rng, &items) {
                Some(&"a") => counts[1] += 1,
                Some(&"b") => counts[2] += 1,
                _ => counts[0] += 1,
            }
        }
        assert_eq!(counts[0], 0);
        assert!((800..1_200).contains(&counts[1]), "{counts:?}");
        assert_eq!(weighted::<&str>(&mut rng, &[]), None);
    }
    use chrono::TimeZone;

    #[test]
    fn the_same_seed_gives_the_same_events_in_time_order() {
        let end = Utc
            .with_ymd_and_hms(2025, 6, 30, 0, 0, 0)
            .single()
            .expect("date");
        let a = events(5, 300, end);
        assert_eq!(a, events(5, 300, end));
        assert!(a.windows(2).all(|w| w[0].time <= w[1].time));
        assert!(a
            .iter()
            .all(|e| e.time < end && e.time >= end - Duration::days(29)));
        let types: std::collections::HashSet<&str> = a.iter().map(Event::event_type).collect();
        assert_eq!(types.len(), EventData::TYPES.len(), "{types:?}");
        let ids: std::collections::HashSet<&str> = a.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), a.len());
    }
}
