//! `assess`: from a transfer and the rules to an [`Assessment`].

use std::cell::RefCell;

use super::matcher::{self, Hit, Source};
use super::normalize::Scratch;
use super::rules::{CombinationMeta, RuleMeta, Target};
use super::scoring::{self, Finding};
use super::signals;
use super::{Assessment, Rules, TransferContext};

/// Assesses one transfer. Pure and deterministic: the same input always gives the same output;
/// no clock, no I/O, no allocation beyond the assessment and a few small buffers.
///
/// The memo and the payee's display name are normalized and searched for the rules' terms
/// (keywords, and combinations of terms that only count together); the payee's flags and the
/// behavioural signals (new payee, young account, night-time in the transfer's own UTC offset,
/// fan-out, whole amounts just under a limit, bursts) add their points. The total points give
/// the level through the rules' thresholds; floors (`collection_restricted` → `blocked`) lift
/// it; behaviour alone is capped. Every [`super::Reason`] names the rule that fired, strongest
/// first; the category is the first reason's. See `docs/risk-engine.md`.
pub fn assess(context: &TransferContext, rules: &Rules) -> Assessment {
    BUFFERS
        .try_with(|cell| {
            let mut buffers = cell.try_borrow_mut().ok()?;
            let assessment = assess_with_scratch(context, rules, &mut buffers);
            // Do not keep the memory of a huge memo around.
            if buffers.hits.capacity() > 4096 || buffers.views.capacity() > 64 * 1024 {
                *buffers = Buffers::default();
            }
            Some(assessment)
        })
        .ok()
        .flatten()
        // Busy (a re-entrant call) or torn down (thread exit): use fresh buffers.
        .unwrap_or_else(|| assess_with_scratch(context, rules, &mut Buffers::default()))
}

/// Buffers reused from one assessment to the next on this thread (the browser has one).
#[derive(Default)]
struct Buffers {
    views: Scratch,
    hits: Vec<Hit>,
    /// Per keyword rule: bit 0 memo, bit 1 payee name.
    keyword_sources: Vec<u8>,
    /// Per combination rule: a bit per group that matched.
    combination_groups: Vec<u32>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

fn assess_with_scratch(
    context: &TransferContext,
    rules: &Rules,
    buffers: &mut Buffers,
) -> Assessment {
    let compiled = rules.compiled();
    let Buffers {
        views,
        hits,
        keyword_sources,
        combination_groups,
    } = buffers;
    hits.clear();
    if let Some(memo) = context.memo.as_deref() {
        matcher::find(
            compiled,
            rules.normalizer(),
            memo,
            Source::Memo,
            views,
            hits,
        );
    }
    if let Some(name) = context.payee.display_name.as_deref() {
        matcher::find(
            compiled,
            rules.normalizer(),
            name,
            Source::PayeeName,
            views,
            hits,
        );
    }
    let hits: &[Hit] = hits;

    // One pass over the hits: which rules, which groups, from where.
    buffers_reset(keyword_sources, compiled.keywords.len());
    buffers_reset(combination_groups, compiled.combinations.len());
    for hit in hits {
        match hit.target {
            Target::Keyword(k) => {
                if let Some(bits) = keyword_sources.get_mut(usize::from(k)) {
                    *bits |= if hit.source == Source::Memo { 1 } else { 2 };
                }
            }
            Target::Combination { rule, group } => {
                if let Some(bits) = combination_groups.get_mut(usize::from(rule)) {
                    *bits |= 1 << group;
                }
            }
            Target::Guard(_) => {}
        }
    }

    let mut findings: Vec<Finding> = Vec::with_capacity(8);
    for (rule, &sources) in compiled.keywords.iter().zip(keyword_sources.iter()) {
        if sources != 0 {
            let code = if sources & 1 != 0 {
                "memo_keyword"
            } else {
                "payee_name_keyword"
            };
            findings.push(finding(code, rule));
        }
    }
    for (index, (rule, &groups)) in compiled
        .combinations
        .iter()
        .zip(combination_groups.iter())
        .enumerate()
    {
        if groups.count_ones() as usize != rule.groups {
            continue;
        }
        if let Some(source) = combination_source(hits, index as u16, rule) {
            let code = match source {
                Source::Memo => "memo_combination",
                Source::PayeeName => "payee_name_combination",
            };
            findings.push(finding(code, &rule.meta));
        }
    }
    for (flag, rule) in &compiled.flags {
        if context.payee.flags.iter().any(|f| f == flag) {
            findings.push(finding("payee_flag", rule));
        }
    }
    signals::fire_each(context, &rules.file().signals, |fired| {
        findings.push(Finding {
            code: fired.code,
            rule_id: fired.id,
            category: signals::CATEGORY,
            weight: fired.weight,
            floor: None,
            weak: true,
        })
    });
    scoring::conclude(
        findings,
        &rules.file().scoring,
        context.id.clone(),
        rules.version(),
    )
}

/// Clears `v` to `len` zeros, keeping its memory.
fn buffers_reset<T: Copy + Default>(v: &mut Vec<T>, len: usize) {
    v.clear();
    v.resize(len, T::default());
}

/// A finding from a rule's own evidence (a term, a combination, a host flag): never weak.
fn finding<'r>(code: &'static str, rule: &'r RuleMeta) -> Finding<'r> {
    Finding {
        code,
        rule_id: &rule.id,
        category: rule.category,
        weight: rule.weight,
        floor: rule.floor,
        weak: false,
    }
}

/// Where combination `index`, whose every group matched somewhere, is satisfied (one hit per
/// group within its distance), if it is.
fn combination_source(hits: &[Hit], index: u16, rule: &CombinationMeta) -> Option<Source> {
    let group_of = |h: &Hit| match h.target {
        Target::Combination { rule, group } if rule == index => Some(group as usize),
        _ => None,
    };
    let anchors = hits.iter().filter(|h| group_of(h) == Some(0));
    let Some(within) = rule.within else {
        return anchors.map(|h| h.source).min_by_key(|s| *s != Source::Memo);
    };
    // Words strictly between the two matches (0 when they touch or overlap).
    let near = |a: &Hit, b: &Hit| {
        a.source == b.source && a.view == b.view && {
            let between = if a.word_end < b.word_start {
                b.word_start - a.word_end - 1
            } else if b.word_end < a.word_start {
                a.word_start - b.word_end - 1
            } else {
                0
            };
            between <= within
        }
    };
    anchors
        .filter(|anchor| {
            (1..rule.groups).all(|group| {
                hits.iter()
                    .any(|h| group_of(h) == Some(group) && near(anchor, h))
            })
        })
        .map(|h| h.source)
        .min_by_key(|s| *s != Source::Memo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::{Category, Level};

    fn transfer(memo: &str, flags: &[&str]) -> TransferContext {
        let json = serde_json::json!({
            "id": "t-1",
            "amount_minor": 100_000,
            "currency": "CNY",
            "memo": memo,
            "payee": { "display_name": "张三", "is_new": true, "flags": flags },
            "initiated_at": "2026-11-21T14:00:00+08:00",
        });
        TransferContext::from_json(&json.to_string()).expect("valid transfer")
    }

    #[test]
    fn otc_memo_is_medium_with_rule_id() {
        let a = assess(&transfer("USDT承兑", &[]), Rules::builtin());
        assert!(a.level >= Level::Medium, "{a:?}");
        assert_eq!(a.category, Some(Category::OtcTrading));
        assert_eq!(a.reasons[0].rule_id, "otc.usdt");
        assert_eq!(a.id.as_deref(), Some("t-1"));
    }

    #[test]
    fn full_width_disguise_still_matches() {
        assert!(assess(&transfer("收ＵＳＤＴ", &[]), Rules::builtin()).level >= Level::Medium);
    }

    #[test]
    fn benign_look_alikes_are_none() {
        for memo in [
            "房租 11月",
            "人民币现金",
            "充值游戏币",
            "买U盘两个",
            "银行承兑汇票贴现",
            "以太网线",
        ] {
            let a = assess(&transfer(memo, &[]), Rules::builtin());
            assert_eq!(a.level, Level::None, "{memo}: {a:?}");
            assert!(a.reasons.is_empty());
        }
    }

    #[test]
    fn restricted_payee_is_blocked_whatever_the_memo() {
        let a = assess(
            &transfer("房租", &["collection_restricted"]),
            Rules::builtin(),
        );
        assert_eq!(a.level, Level::Blocked);
        assert_eq!(a.category, Some(Category::FlaggedPayee));
        let a = assess(
            &transfer("USDT", &["collection_restricted"]),
            Rules::builtin(),
        );
        assert_eq!(a.level, Level::Blocked, "the strongest reason wins");
    }

    #[test]
    fn unknown_flags_are_ignored() {
        let a = assess(&transfer("房租", &["vip_customer"]), Rules::builtin());
        assert_eq!(a.level, Level::None);
    }
}
