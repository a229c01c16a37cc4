//! Finding terms in a text: one pass of the automaton over each view (overlapping matches),
//! then the checks the automaton cannot make — word boundaries at Latin edges, which gaps a
//! match may span, numbers before `after_number` terms — and guards.
//!
//! A gap inside a match (a separator the text had there) is accepted when the term has a
//! space there, when an ideograph stands on either side (Chinese has no spaces, so `比 特 币`
//! and `收 U` are disguises), or when both sides are single Latin letters (`U S D T`, `u-s-d-t`).
//! So `plus DT`, `I co-signed` or `USD T-bill` never read as `usdt` or `ico`.

mod boundaries;
#[cfg(test)]
mod tests;

use super::fuzzy;
use super::normalize::{Scratch, TextView};
use super::rules::{Compiled, Target};
use super::shapes::{self, Amount, Number};
use super::{Rules, TextSource};

pub(crate) use boundaries::counts;

/// A term found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The rule the term belongs to.
    pub(crate) target: Target,
    /// Which text.
    pub(crate) source: TextSource,
    /// Which view of it (0 plain, 1 substituted); offsets are only comparable within one.
    pub(crate) view: u8,
    /// Byte offsets in the view.
    pub(crate) start: u32,
    /// Byte offsets in the view.
    pub(crate) end: u32,
    /// The word (see [`TextView::word_indexes_into`]) the match starts in, for distances.
    pub(crate) word_start: u32,
    /// The word the match ends in.
    pub(crate) word_end: u32,
}

/// What the shapes need to know about a memo besides its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MemoFacts<'a> {
    /// The memo as typed (addresses are case-sensitive).
    pub(crate) raw: &'a str,
    /// The transfer's amount.
    pub(crate) amount: Amount<'a>,
}

impl Hit {
    /// Where this hit, extended to `end` (a combination's last hit), is.
    pub(crate) fn through(&self, end: u32) -> Location {
        Location {
            source: self.source,
            view: self.view,
            start: self.start,
            end,
        }
    }
}

/// Where a piece of evidence is: a byte range of one view of one text. Rendered into a
/// [`super::Span`] only for the reasons an assessment keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Location {
    /// Which text.
    pub(crate) source: TextSource,
    /// Which view of it (0 plain, 1 substituted).
    pub(crate) view: u8,
    /// Byte offsets in the view.
    pub(crate) start: u32,
    /// Byte offsets in the view.
    pub(crate) end: u32,
}

/// Appends every term of `text` that counts to `hits`, using `scratch` for the views. Shapes
/// are searched when `memo` is given (memos only: a payee's name has no rate).
pub(crate) fn find(
    rules: &Rules,
    text: &str,
    source: TextSource,
    memo: Option<MemoFacts<'_>>,
    scratch: &mut Scratch,
    numbers: &mut Vec<Number>,
    hits: &mut Vec<Hit>,
) {
    let compiled = rules.compiled();
    rules.normalizer().views_into(text, scratch);
    let shapes = memo.map(|m| (m, &mut *numbers));
    let reused = Reused {
        words: &mut scratch.words,
        guards: &mut scratch.guards,
    };
    scan(compiled, &scratch.plain, source, 0, shapes, reused, hits);
    if scratch.has_alternative {
        let reused = Reused {
            words: &mut scratch.words,
            guards: &mut scratch.guards,
        };
        scan(
            compiled,
            &scratch.alternative,
            source,
            1,
            None,
            reused,
            hits,
        );
    }
}

/// Buffers a scan reuses from one text to the next, so that it allocates nothing.
struct Reused<'a> {
    words: &'a mut Vec<u32>,
    guards: &'a mut Vec<(u16, usize, usize)>,
}

/// Finds the hits of one view: terms, shapes and misspellings, less what guards set aside,
/// with word positions when a combination needs them.
fn scan(
    compiled: &Compiled,
    view: &TextView,
    source: TextSource,
    id: u8,
    shapes: Option<(MemoFacts<'_>, &mut Vec<Number>)>,
    reused: Reused<'_>,
    hits: &mut Vec<Hit>,
) {
    let Reused { words, guards } = reused;
    let first = hits.len();
    let hit = |target, start: usize, end: usize| Hit {
        target,
        source,
        view: id,
        start: start as u32,
        end: end as u32,
        word_start: 0,
        word_end: 0,
    };
    find_terms(compiled, view, &hit, guards, hits);
    if let Some((memo, numbers)) = shapes {
        find_shapes(compiled, view, memo, numbers, &hit, hits);
    }
    if !compiled.fuzzy.is_empty() {
        find_misspellings(compiled, view, &hit, hits);
    }
    if !guards.is_empty() {
        drop_guarded(compiled, guards, hits, first);
    }
    mark_words(compiled, view, words, &mut hits[first..]);
}

/// The automaton pass: every term match that counts into `hits`, every guard match into
/// `guards` as (guard, start, end).
fn find_terms(
    compiled: &Compiled,
    view: &TextView,
    hit: &impl Fn(Target, usize, usize) -> Hit,
    guards: &mut Vec<(u16, usize, usize)>,
    hits: &mut Vec<Hit>,
) {
    // (guard, start, end) of every guard match.
    guards.clear();
    compiled
        .automaton
        .each_match(view.text.as_str(), &mut |pattern, start, end| {
            for usage in compiled.uses_of(pattern) {
                if let Target::Guard(guard) = usage.target {
                    // A context guard is a word like any other: it needs its word boundaries.
                    let anywhere = compiled
                        .guards
                        .get(usize::from(guard))
                        .is_some_and(|g| g.anywhere);
                    if !anywhere {
                        guards.push((guard, start, end));
                    } else if counts(view, start, end, &usage.spec) {
                        guards.push((guard, start, end));
                        // Kept for what acts beyond this text: the payee's name on the memo,
                        // and the memo model (`set_aside_across`).
                        hits.push(hit(usage.target, start, end));
                    }
                } else if counts(view, start, end, &usage.spec) {
                    hits.push(hit(usage.target, start, end));
                }
            }
        });
}

/// Rates, counts and addresses in a memo, for the shapes some rule uses.
fn find_shapes(
    compiled: &Compiled,
    view: &TextView,
    memo: MemoFacts<'_>,
    numbers: &mut Vec<Number>,
    hit: &impl Fn(Target, usize, usize) -> Hit,
    hits: &mut Vec<Hit>,
) {
    shapes::detect(
        view,
        memo.raw,
        memo.amount,
        &compiled.shapes,
        &|shape| !compiled.shape_uses[shape.index()].is_empty(),
        numbers,
        &mut |shape, start, end| {
            for usage in &compiled.shape_uses[shape.index()] {
                hits.push(hit(usage.target, start, end));
            }
        },
    );
}

/// Words one edit away from a fuzzy term (a misspelling).
fn find_misspellings(
    compiled: &Compiled,
    view: &TextView,
    hit: &impl Fn(Target, usize, usize) -> Hit,
    hits: &mut Vec<Hit>,
) {
    fuzzy::words(view, &mut |start, end| {
        let word = &view.text.as_bytes()[start..end];
        for (term, usage) in &compiled.fuzzy {
            if fuzzy::one_edit_apart(word, term) {
                hits.push(hit(usage.target, start, end));
            }
        }
    });
}

/// Removes the hits from `first` on that a guard match sets aside.
fn drop_guarded(
    compiled: &Compiled,
    guards: &[(u16, usize, usize)],
    hits: &mut Vec<Hit>,
    first: usize,
) {
    let guarded = |hit: &Hit| {
        let (s, e) = (hit.start as usize, hit.end as usize);
        guards.iter().any(|&(guard, gs, ge)| {
            compiled.guards.get(usize::from(guard)).is_some_and(|meta| {
                // A term that holds the whole guard and more is the more specific word
                // (`美金币` holds the guard `金币`): the guard does not set it aside.
                let holds = s <= gs && ge <= e && e - s > ge - gs;
                meta.covers(hit.target) && (meta.anywhere || (s < ge && gs < e && !holds))
            })
        })
    };
    let mut i = first;
    while i < hits.len() {
        if guarded(&hits[i]) {
            hits.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Word positions of `hits`, only when a combination with a distance limit needs them.
fn mark_words(compiled: &Compiled, view: &TextView, words: &mut Vec<u32>, hits: &mut [Hit]) {
    let needs_words = hits.iter().any(|h| match h.target {
        Target::Combination { rule, .. } => compiled
            .combinations
            .get(usize::from(rule))
            .is_some_and(|c| c.within.is_some()),
        _ => false,
    });
    if needs_words {
        view.word_indexes_into(words);
        let word = |at: usize| words.get(at).copied().unwrap_or(0);
        for hit in hits {
            hit.word_start = word(hit.start as usize);
            hit.word_end = word((hit.end as usize).saturating_sub(1));
        }
    }
}

/// Sets aside what context guards reach beyond their own text: memo hits of the rules a
/// `payee_name` guard found in the payee's name covers. Returns whether a guard found keeps the
/// memo model from lifting the level.
pub(crate) fn set_aside_across(compiled: &Compiled, hits: &mut Vec<Hit>) -> bool {
    let context = |hit: &Hit| match hit.target {
        Target::Guard(g) => compiled.guards.get(usize::from(g)),
        _ => None,
    };
    let from_name = |hit: &Hit| {
        context(hit).filter(|meta| hit.source == TextSource::PayeeName && meta.payee_name)
    };
    let model = hits
        .iter()
        .filter_map(context)
        .any(|meta| meta.covers_model());
    if hits.iter().any(|h| from_name(h).is_some()) {
        // Few hits, and guards in a payee's name are rare: quadratic is cheapest here.
        let mut i = 0;
        while i < hits.len() {
            let target = hits[i].target;
            let covered = hits[i].source == TextSource::Memo
                && hits
                    .iter()
                    .filter_map(from_name)
                    .any(|meta| meta.covers(target));
            if covered {
                hits.remove(i);
            } else {
                i += 1;
            }
        }
    }
    model
}
