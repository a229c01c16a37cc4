//! From findings to a level: points add up, thresholds from the rules file turn them into a
//! level, floors (`collection_restricted` → `blocked`) lift it, and caps keep behaviour alone
//! from interrupting too easily. See `docs/risk-engine.md`.

use super::matcher::Location;
use super::rules::file::Scoring;
use super::rules::threshold;
use super::{Assessment, Category, Level, Reason, Span};

/// One piece of evidence, before scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding<'r> {
    /// What kind of evidence (`memo_keyword`, `payee_flag`, `new_payee`…).
    pub(crate) code: &'static str,
    /// The rule's id.
    pub(crate) rule_id: &'r str,
    /// The category it points to.
    pub(crate) category: Category,
    /// Its points.
    pub(crate) weight: u32,
    /// The least level it calls for.
    pub(crate) floor: Option<Level>,
    /// A behavioural signal.
    pub(crate) weak: bool,
    /// Where the evidence is in the memo or the payee's name.
    pub(crate) at: Option<Location>,
}

/// The level `points` reach under `scoring` (never `blocked`: only floors block).
pub(crate) fn level_for(scoring: &Scoring, points: u64) -> Level {
    let reached = |level| points >= u64::from(threshold(scoring, level));
    if reached(Level::High) {
        Level::High
    } else if reached(Level::Medium) {
        Level::Medium
    } else if reached(Level::Low) {
        Level::Low
    } else {
        Level::None
    }
}

/// Scores `findings` into an assessment (reasons strongest first; none at level `none`).
/// `render` turns a finding's location into the reason's span, only for the reasons kept.
/// `doubted` (the memo model reads the memo as benign) holds a `medium` at `low`; floors still
/// lift it.
pub(crate) fn conclude(
    findings: Vec<Finding<'_>>,
    doubted: bool,
    scoring: &Scoring,
    id: Option<String>,
    rules_version: &str,
    render: &dyn Fn(Location) -> Span,
) -> Assessment {
    let total: u64 = findings.iter().map(|f| u64::from(f.weight)).sum();
    let mut level = level_for(scoring, total);
    if findings.iter().all(|f| f.weak) {
        level = level.min(scoring.behaviour_max);
        if findings.len() == 1 {
            level = level.min(scoring.weak_alone_max);
        }
    }
    if doubted && level == Level::Medium {
        level = Level::Low;
    }
    let floor = findings.iter().filter_map(|f| f.floor).max();
    if let Some(floor) = floor {
        level = level.max(floor);
    }
    if level == Level::None {
        return Assessment {
            id,
            level,
            category: None,
            reasons: Vec::new(),
            rules_version: rules_version.to_owned(),
        };
    }

    // Points per category (`Category::ALL` is in declaration order: a test checks it).
    let mut category_points = [0u64; Category::ALL.len()];
    for f in &findings {
        category_points[f.category as usize] += u64::from(f.weight);
    }
    let points = |f: &Finding| category_points[f.category as usize];
    // The level a finding calls for on its own.
    let alone = |f: &Finding| {
        let mut alone = level_for(scoring, u64::from(f.weight));
        if f.weak {
            alone = alone.min(scoring.weak_alone_max);
        }
        f.floor.map_or(alone, |floor| alone.max(floor))
    };
    // Strongest first: own level, then real evidence before behaviour, then the category with
    // the most points, then own points. The sort is stable: ties keep the order rules fired in.
    let mut findings = findings;
    findings.sort_by(|a, b| {
        alone(b)
            .cmp(&alone(a))
            .then(a.weak.cmp(&b.weak))
            .then(points(b).cmp(&points(a)))
            .then(b.weight.cmp(&a.weight))
    });
    let reasons: Vec<Reason> = findings
        .iter()
        .map(|f| Reason {
            code: f.code.to_owned(),
            rule_id: f.rule_id.to_owned(),
            category: f.category,
            level: alone(f),
            weight: f.weight,
            span: f.at.map(render),
        })
        .collect();
    Assessment {
        id,
        level,
        category: reasons.first().map(|r| r.category),
        reasons,
        rules_version: rules_version.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of these tests have no location.
    fn no_text(_: Location) -> Span {
        Span {
            source: crate::risk::TextSource::Memo,
            start: 0,
            end: 0,
            text: String::new(),
        }
    }

    fn finding(weight: u32, weak: bool, category: Category) -> Finding<'static> {
        Finding {
            code: "test",
            rule_id: "test",
            category,
            weight,
            floor: None,
            weak,
            at: None,
        }
    }

    #[test]
    fn thresholds_map_points_to_levels() {
        let s = Scoring::default();
        assert_eq!(level_for(&s, 0), Level::None);
        assert_eq!(level_for(&s, 20), Level::Low);
        assert_eq!(level_for(&s, 40), Level::Medium);
        assert_eq!(level_for(&s, 70), Level::High);
        assert_eq!(level_for(&s, u64::MAX), Level::High);
    }

    #[test]
    fn one_weak_signal_alone_stays_low() {
        let s = Scoring::default();
        let a = conclude(
            vec![finding(500, true, Category::UnusualPattern)],
            false,
            &s,
            None,
            "v",
            &no_text,
        );
        assert_eq!(a.level, Level::Low);
        let a = conclude(
            vec![
                finding(500, true, Category::UnusualPattern),
                finding(500, true, Category::UnusualPattern),
            ],
            false,
            &s,
            None,
            "v",
            &no_text,
        );
        assert_eq!(a.level, Level::Medium, "behaviour alone is capped too");
    }

    #[test]
    fn floors_lift_and_real_evidence_ranks_first() {
        let s = Scoring::default();
        let mut blocked = finding(0, false, Category::FlaggedPayee);
        blocked.floor = Some(Level::Blocked);
        let a = conclude(
            vec![finding(45, false, Category::OtcTrading), blocked],
            false,
            &s,
            None,
            "v",
            &no_text,
        );
        assert_eq!(a.level, Level::Blocked);
        assert_eq!(a.category, Some(Category::FlaggedPayee));
        let a = conclude(
            vec![
                finding(10, true, Category::UnusualPattern),
                finding(45, false, Category::OtcTrading),
            ],
            false,
            &s,
            None,
            "v",
            &no_text,
        );
        assert_eq!(a.category, Some(Category::OtcTrading));
        assert_eq!(a.level, Level::Medium);
    }

    #[test]
    fn nothing_to_say_carries_no_reasons() {
        let a = conclude(
            vec![finding(10, true, Category::UnusualPattern)],
            false,
            &Scoring::default(),
            None,
            "v",
            &no_text,
        );
        assert_eq!(a.level, Level::None);
        assert!(a.reasons.is_empty() && a.category.is_none());
    }

    #[test]
    fn a_doubted_medium_is_held_at_low_but_floors_and_high_are_not() {
        let s = Scoring::default();
        let level = |weight, floor, doubted| {
            let mut f = finding(weight, false, Category::OtcTrading);
            f.floor = floor;
            conclude(vec![f], doubted, &s, None, "v", &no_text).level
        };
        assert_eq!(level(s.medium, None, false), Level::Medium);
        assert_eq!(level(s.medium, None, true), Level::Low);
        assert_eq!(level(s.high, None, true), Level::High);
        assert_eq!(level(s.medium, Some(Level::Medium), true), Level::Medium);
    }
}
