//! Finding terms in a text: one pass of the automaton over each view (overlapping matches),
//! then the checks the automaton cannot make — word boundaries at Latin edges, which gaps a
//! match may span, numbers before `after_number` terms — and guards.
//!
//! A gap inside a match (a separator the text had there) is accepted when the term has a
//! space there, when an ideograph stands on either side (Chinese has no spaces, so `比 特 币`
//! and `收 U` are disguises), or when both sides are single Latin letters (`U S D T`, `u-s-d-t`).
//! So `plus DT`, `I co-signed` or `USD T-bill` never read as `usdt` or `ico`.

use super::fuzzy;
use super::normalize::{is_word_letter, Scratch, TextView};
use super::rules::{Compiled, Target, TermSpec};
use super::shapes::{self, Amount, Number};
use super::{Rules, TextSource};

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
    if let Some((memo, numbers)) = shapes {
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
    if !compiled.fuzzy.is_empty() {
        fuzzy::words(view, &mut |start, end| {
            let word = &view.text.as_bytes()[start..end];
            for (term, usage) in &compiled.fuzzy {
                if fuzzy::one_edit_apart(word, term) {
                    hits.push(hit(usage.target, start, end));
                }
            }
        });
    }
    if !guards.is_empty() {
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
    // Word positions, only when a combination with a distance limit needs them.
    let needs_words = hits[first..].iter().any(|h| match h.target {
        Target::Combination { rule, .. } => compiled
            .combinations
            .get(usize::from(rule))
            .is_some_and(|c| c.within.is_some()),
        _ => false,
    });
    if needs_words {
        view.word_indexes_into(words);
        let word = |at: usize| words.get(at).copied().unwrap_or(0);
        for hit in &mut hits[first..] {
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

/// Whether a match at `start..end` counts under `spec`.
pub(crate) fn counts(view: &TextView, start: usize, end: usize, spec: &TermSpec) -> bool {
    let (Some(first), Some((_, last))) = (view.char_at(start), view.char_before(end)) else {
        return false;
    };
    if spec.standalone {
        if !standalone(view, start, end) {
            return false;
        }
    } else {
        if spec.after_number {
            if !after_number(view, start) {
                return false;
            }
        } else if !spec.open_start && !start_on_boundary(view, start, first) {
            return false;
        }
        if !spec.open_end && !end_on_boundary(view, end, last) {
            return false;
        }
    }
    view.gaps_within(start, end)
        .all(|gap| gap_allowed(view, gap, gap - start, spec))
}

/// A Latin letter may not continue a word before the match; a digit may not continue a number.
fn start_on_boundary(view: &TextView, start: usize, first: char) -> bool {
    if view.gap_before(start) {
        return true;
    }
    let Some((_, before)) = view.char_before(start) else {
        return true;
    };
    if is_word_letter(first) {
        !is_word_letter(before)
    } else if first.is_ascii_digit() {
        !before.is_ascii_digit()
    } else {
        true
    }
}

/// The same rule at the end of the match.
fn end_on_boundary(view: &TextView, end: usize, last: char) -> bool {
    if view.gap_before(end) {
        return true;
    }
    let Some(after) = view.char_at(end) else {
        return true;
    };
    if is_word_letter(last) {
        !is_word_letter(after)
    } else if last.is_ascii_digit() {
        !after.is_ascii_digit()
    } else {
        true
    }
}

/// Whether the gap before byte `gap` (at `offset` in the term) may lie inside a match.
fn gap_allowed(view: &TextView, gap: usize, offset: usize, spec: &TermSpec) -> bool {
    if spec.joins.iter().any(|&j| usize::from(j) == offset) {
        return true;
    }
    let (Some((before_at, before)), Some(after)) = (view.char_before(gap), view.char_at(gap))
    else {
        return false;
    };
    if view.is_ideograph(before_at) || view.is_ideograph(gap) {
        return true;
    }
    before.is_ascii_alphabetic()
        && after.is_ascii_alphabetic()
        && single_letter_ending_at(view, before_at)
        && single_letter_starting_at(view, gap)
}

/// The letter at `at` (ASCII, one byte) has no letter before it in its word.
fn single_letter_ending_at(view: &TextView, at: usize) -> bool {
    view.gap_before(at) || view.char_before(at).is_none_or(|(_, c)| !is_word_letter(c))
}

/// The letter at `at` (ASCII, one byte) has no letter after it in its word.
fn single_letter_starting_at(view: &TextView, at: usize) -> bool {
    let next = at + 1;
    view.gap_before(next) || view.char_at(next).is_none_or(|c| !is_word_letter(c))
}

/// In a text with Chinese characters, no Latin letter touches the match on either side, even
/// across a separator, and no digit follows it directly (`收你的U`, `U 500个`; not `thank u`,
/// `U3`).
fn standalone(view: &TextView, start: usize, end: usize) -> bool {
    if !view.has_ideograph {
        return false;
    }
    let letter_before = view
        .char_before(start)
        .is_some_and(|(_, c)| is_word_letter(c));
    let after = view.char_at(end);
    let letter_after = after.is_some_and(is_word_letter);
    let digit_glued = after.is_some_and(|c| c.is_ascii_digit()) && !view.gap_before(end);
    !letter_before && !letter_after && !digit_glued
}

/// Chinese numerals and multipliers that can stand for the number before `u` (`五百u`).
const CJK_NUMBER: &str = "零〇一二两三四五六七八九十百千万亿";

/// A number stands right before `start`: two or more digits (`1000u`, `1,000 U`), digits and a
/// `k`/`w` multiplier (`5k u`, `1w u`), or a Chinese numeral (`五百u`).
fn after_number(view: &TextView, start: usize) -> bool {
    let Some((at, before)) = view.char_before(start) else {
        return false;
    };
    if before.is_ascii_digit() {
        let mut digits = 1;
        let mut at = at;
        while let Some((previous, c)) = view.char_before(at) {
            if !c.is_ascii_digit() {
                break;
            }
            digits += 1;
            at = previous;
        }
        return digits >= 2;
    }
    if before == 'k' || before == 'w' {
        return !view.gap_before(at)
            && view
                .char_before(at)
                .is_some_and(|(_, c)| c.is_ascii_digit());
    }
    CJK_NUMBER.contains(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::normalize::{CharMap, Normalizer};

    fn view(text: &str) -> TextView {
        let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
        let mut scratch = Scratch::default();
        n.views_into(text, &mut scratch);
        scratch.plain
    }

    fn spec() -> TermSpec {
        TermSpec::default()
    }

    fn at(view: &TextView, pattern: &str) -> (usize, usize) {
        let start = view.text.find(pattern).expect("pattern in view");
        (start, start + pattern.len())
    }

    fn matches(text: &str, pattern: &str, spec: &TermSpec) -> bool {
        let v = view(text);
        let (s, e) = at(&v, pattern);
        counts(&v, s, e, spec)
    }

    #[test]
    fn latin_edges_need_word_boundaries() {
        assert!(matches("buy eth now", "eth", &spec()));
        assert!(!matches("ethernet", "eth", &spec()));
        assert!(!matches("method", "eth", &spec()));
        assert!(matches("5btc", "btc", &spec()));
        assert!(matches("收eth", "eth", &spec()));
        let open = TermSpec {
            open_end: true,
            ..spec()
        };
        assert!(matches("airdrops", "airdrop", &open));
    }

    #[test]
    fn spelled_out_letters_join_but_words_do_not() {
        assert!(matches("U S D T", "usdt", &spec()));
        assert!(matches("u-s-d-t", "usdt", &spec()));
        assert!(!matches("plus DT", "usdt", &spec()));
        assert!(!matches("USD T-bills", "usdt", &spec()));
        assert!(!matches("I co-signed", "ico", &spec()));
        assert!(matches("比.特.币", "比特币", &spec()));
        assert!(matches("收 U", "收u", &spec()));
    }

    #[test]
    fn declared_joins_accept_gaps() {
        let joined = TermSpec {
            joins: vec![10],
            ..spec()
        };
        assert!(matches("guaranteed return", "guaranteedreturn", &joined));
        assert!(!matches("guaranteed return", "guaranteedreturn", &spec()));
    }

    #[test]
    fn standalone_needs_chinese_and_no_latin_neighbours() {
        let alone = TermSpec {
            standalone: true,
            ..spec()
        };
        for text in ["收你的U，按7.18算", "U 500个", "换点U"] {
            let v = view(text);
            let s = v.text.find('u').expect("u");
            assert!(counts(&v, s, s + 1, &alone), "{text}");
        }
        for text in ["thank u", "给 you", "U3手机", "for u 谢谢"] {
            let v = view(text);
            let s = v.text.find('u').expect("u");
            assert!(!counts(&v, s, s + 1, &alone), "{text}");
        }
    }

    #[test]
    fn after_number_needs_a_number() {
        let unit = TermSpec {
            after_number: true,
            ..spec()
        };
        for text in ["1000u", "1,000 U", "5k u", "五百u"] {
            let v = view(text);
            let s = v.text.rfind('u').expect("u");
            assert!(counts(&v, s, s + 1, &unit), "{text}");
        }
        for text in ["4 u", "thank u", "u"] {
            let v = view(text);
            let s = v.text.rfind('u').expect("u");
            assert!(!counts(&v, s, s + 1, &unit), "{text}");
        }
    }
}
