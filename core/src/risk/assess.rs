//! `assess`: from a transfer and the rules to an [`Assessment`].

use std::cell::RefCell;

use super::combination;
use super::matcher::{self, Hit, Location, MemoFacts};
use super::memo_model::{self, MemoModel};
use super::normalize::{Scratch, TextView};
use super::rules::file::Scoring;
use super::rules::{Compiled, RuleMeta, Target};
use super::scoring::{self, Finding};
use super::shapes::{Amount, Number};
use super::signals;
use super::{Assessment, Level, Rules, Span, TextSource, TransferContext};

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
            if buffers.is_large() {
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
    /// Views of the memo, kept until the reasons name their spans.
    memo: Scratch,
    /// Views of the payee's name.
    payee: Scratch,
    numbers: Vec<Number>,
    hits: Vec<Hit>,
    /// Per keyword rule: the index in `hits` of its first hit, memo hits first.
    keyword_hits: Vec<Option<u32>>,
    /// Per combination rule: a bit per group that matched.
    combination_groups: Vec<u32>,
    /// The memo model's buffers.
    model: memo_model::Buffers,
}

impl Buffers {
    fn is_large(&self) -> bool {
        self.hits.capacity() > 4096
            || self.model.features.capacity() > 4096
            || self.memo.capacity() + self.payee.capacity() > 128 * 1024
    }
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// [`assess`] with these buffers: the texts' hits, the findings they and the transfer give, the
/// memo model's word, then the level.
fn assess_with_scratch(
    context: &TransferContext,
    rules: &Rules,
    buffers: &mut Buffers,
) -> Assessment {
    let compiled = rules.compiled();
    let Buffers {
        memo,
        payee,
        numbers,
        hits,
        keyword_hits,
        combination_groups,
        model: model_buffers,
    } = buffers;
    let model_set_aside = find_hits(context, rules, memo, payee, numbers, hits);
    let hits: &[Hit] = hits;
    tally_hits(compiled, hits, keyword_hits, combination_groups);
    let mut findings: Vec<Finding> = Vec::with_capacity(8);
    rule_findings(
        compiled,
        hits,
        keyword_hits,
        combination_groups,
        &mut findings,
    );
    behaviour_findings(context, rules, &mut findings);
    let mut doubted = false;
    if let (Some(model), Some(_), false) = (&compiled.memo_model, &context.memo, model_set_aside) {
        let scoring = &rules.file().scoring;
        match consult(
            model,
            &memo.plain,
            &findings,
            compiled,
            combination_groups,
            scoring,
            model_buffers,
        ) {
            ModelSays::Finding(f) => findings.push(f),
            ModelSays::Doubt => doubted = true,
            ModelSays::Nothing => {}
        }
    }
    scoring::conclude(
        findings,
        doubted,
        &rules.file().scoring,
        context.id.clone(),
        rules.version(),
        &|at| render_span(memo, payee, at),
    )
}

/// Every term of the memo and the payee's name into `hits`, less what a guard in the other text
/// sets aside. Returns whether a guard found keeps the memo model from lifting the level.
fn find_hits(
    context: &TransferContext,
    rules: &Rules,
    memo: &mut Scratch,
    payee: &mut Scratch,
    numbers: &mut Vec<Number>,
    hits: &mut Vec<Hit>,
) -> bool {
    hits.clear();
    if let Some(text) = context.memo.as_deref() {
        let facts = MemoFacts {
            raw: text,
            amount: Amount {
                minor: context.amount_minor,
                currency: &context.currency,
            },
        };
        matcher::find(
            rules,
            text,
            TextSource::Memo,
            Some(facts),
            memo,
            numbers,
            hits,
        );
    }
    if let Some(name) = context.payee.display_name.as_deref() {
        matcher::find(
            rules,
            name,
            TextSource::PayeeName,
            None,
            payee,
            numbers,
            hits,
        );
    }
    matcher::set_aside_across(rules.compiled(), hits)
}

/// One pass over the hits: which rules, which groups, from where.
fn tally_hits(
    compiled: &Compiled,
    hits: &[Hit],
    keyword_hits: &mut Vec<Option<u32>>,
    combination_groups: &mut Vec<u32>,
) {
    buffers_reset(keyword_hits, compiled.keywords.len());
    buffers_reset(combination_groups, compiled.combinations.len());
    for (i, hit) in hits.iter().enumerate() {
        match hit.target {
            Target::Keyword(k) => {
                // Memo hits come before the payee name's, so the first is the one to name.
                if let Some(first @ None) = keyword_hits.get_mut(usize::from(k)) {
                    *first = Some(i as u32);
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
}

/// The findings of the rules whose terms matched: keywords, then complete combinations.
fn rule_findings<'r>(
    compiled: &'r Compiled,
    hits: &[Hit],
    keyword_hits: &[Option<u32>],
    combination_groups: &[u32],
    findings: &mut Vec<Finding<'r>>,
) {
    for (rule, first) in compiled.keywords.iter().zip(keyword_hits.iter()) {
        let Some(hit) = first.and_then(|i| hits.get(i as usize)) else {
            continue;
        };
        let code = match hit.source {
            TextSource::Memo => "memo_keyword",
            TextSource::PayeeName => "payee_name_keyword",
        };
        findings.push(finding(code, rule, Some(hit.through(hit.end))));
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
        if let Some((first, end)) = combination::satisfied(hits, index as u16, rule) {
            let code = match first.source {
                TextSource::Memo => "memo_combination",
                TextSource::PayeeName => "payee_name_combination",
            };
            findings.push(finding(code, &rule.meta, Some(first.through(end))));
        }
    }
}

/// The findings of the payee's flags and of the behavioural signals.
fn behaviour_findings<'r>(
    context: &TransferContext,
    rules: &'r Rules,
    findings: &mut Vec<Finding<'r>>,
) {
    let compiled = rules.compiled();
    for (flag, rule) in &compiled.flags {
        if context.payee.flags.iter().any(|f| f == flag) {
            findings.push(finding("payee_flag", rule, None));
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
            at: None,
        })
    });
}

/// The text of a reason's span, from the views of the text it is in.
fn render_span(memo: &Scratch, payee: &Scratch, at: Location) -> Span {
    let scratch = match at.source {
        TextSource::Memo => memo,
        TextSource::PayeeName => payee,
    };
    let view = if at.view == 0 {
        &scratch.plain
    } else {
        &scratch.alternative
    };
    let (start, end, text) = view.render(at.start as usize, at.end as usize);
    Span {
        source: at.source,
        start,
        end,
        text,
    }
}

/// Clears `v` to `len` default values, keeping its memory.
fn buffers_reset<T: Clone + Default>(v: &mut Vec<T>, len: usize) {
    v.clear();
    v.resize(len, T::default());
}

/// A finding from a rule's own evidence (a term, a combination, a host flag): never weak.
fn finding<'r>(code: &'static str, rule: &'r RuleMeta, at: Option<Location>) -> Finding<'r> {
    Finding {
        code,
        rule_id: &rule.id,
        category: rule.category,
        weight: rule.weight,
        floor: rule.floor,
        weak: false,
        at,
    }
}

/// What the memo model adds to an assessment.
enum ModelSays<'r> {
    /// Nothing: the rules decide alone.
    Nothing,
    /// A finding that tops the transfer up to `medium`.
    Finding(Finding<'r>),
    /// The memo reads as benign: a `medium` from its words is held at `low`.
    Doubt,
}

/// Consults the memo model about `memo` given the rules' `findings`:
/// - below `medium`, a score at `alone` calls for `medium` by itself, and one at
///   `with_evidence` lifts what the rules found (at least `low`) to `medium`. The finding's
///   points top the others up to `medium` exactly: the model never raises what already
///   interrupts. It points to the category of the strongest rule that fired, or else of the
///   combination rule with the most groups matched (`groups`), or else [`signals::CATEGORY`];
/// - at exactly `medium`, a score below `doubt_below` doubts it, but only when the memo's own
///   words are all the evidence besides behaviour, and the memo has no digits (rates, counts and
///   addresses are the shapes' evidence, which a model of characters cannot read).
///
/// The model is not run when its answer could not change the level (a hot path).
fn consult<'r>(
    model: &'r MemoModel,
    memo: &TextView,
    findings: &[Finding<'r>],
    compiled: &'r Compiled,
    groups: &[u32],
    scoring: &Scoring,
    buffers: &mut memo_model::Buffers,
) -> ModelSays<'r> {
    let points: u64 = findings.iter().map(|f| u64::from(f.weight)).sum();
    let level = scoring::level_for(scoring, points);
    if level >= Level::Medium {
        let mut evidence = findings.iter().filter(|f| !f.weak).peekable();
        let memo_words_only = evidence.peek().is_some()
            && evidence.all(|f| f.at.is_some_and(|at| at.source == TextSource::Memo));
        let doubtable = level == Level::Medium
            && memo_words_only
            && !memo.text.bytes().any(|b| b.is_ascii_digit());
        return match model.doubt_below {
            Some(d) if doubtable && model.judge(memo, buffers).score < d as f32 => ModelSays::Doubt,
            _ => ModelSays::Nothing,
        };
    }
    // Beside low evidence the model must find meaning the rules did not already count: a weak
    // word alone (`保证金`, `早鸟`, `客服`) is weak because it is ambiguous, and the model,
    // having seen it in many scams, would otherwise make it strong. Spans of the plain view
    // only: the model reads that view.
    let counted = |start: u32, end: u32| {
        findings.iter().filter_map(|f| f.at).any(|at| {
            at.source == TextSource::Memo && at.view == 0 && at.start <= start && end <= at.end
        })
    };
    let verdict = model.judge_beyond(memo, counted, buffers);
    // What the memo and the payee's name say, without behaviour: a new payee says nothing
    // about what a memo means (final-6: `老师说的那个垫子` to a new yoga teacher).
    let words: u64 = findings
        .iter()
        .filter(|f| !f.weak)
        .map(|f| u64::from(f.weight))
        .sum();
    let lifts = verdict.score.min(verdict.beyond) >= model.with_evidence as f32;
    if !(verdict.score >= model.alone as f32
        || lifts && scoring::level_for(scoring, words) >= Level::Low)
    {
        return ModelSays::Nothing;
    }
    let category = findings
        .iter()
        .filter(|f| !f.weak)
        .max_by_key(|f| f.weight)
        .map(|f| f.category)
        .or_else(|| {
            (groups.iter().zip(&compiled.combinations))
                .filter(|(groups, _)| **groups != 0)
                .max_by_key(|(groups, _)| groups.count_ones())
                .map(|(_, rule)| rule.meta.category)
        })
        .unwrap_or(signals::CATEGORY);
    ModelSays::Finding(Finding {
        code: "memo_model",
        rule_id: &model.id,
        category,
        weight: scoring.medium.saturating_sub(points as u32),
        floor: None,
        weak: false,
        at: verdict.strongest.map(|(start, end)| Location {
            source: TextSource::Memo,
            view: 0,
            start,
            end,
        }),
    })
}

#[cfg(test)]
mod tests;
