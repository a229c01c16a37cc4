//! The pipeline, and the text views the matcher searches.
//!
//! [`Normalizer::canonical_into`] runs steps 1–6 in one pass; [`TextView`] is what the
//! automaton searches: the text with separators removed, plus where the gaps were and which
//! characters are ideographs, so the matcher can tell `U S D T` (a disguise) from `plus DT`
//! (two words).

use super::case::lower_each;
use super::compat::{compat_char, Compat};
use super::confusables::fold_word;
use super::diacritics::base_letter;
use super::separators::{
    is_cjk, is_content, is_han, is_ignorable, is_number_mark, keeps_percent, number_mark,
    opens_number_mark,
};
use super::substitutions::substitute_word;
use super::CharMap;

/// The normalization tables a rules file supplies, and the pipeline that uses them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalizer {
    /// Traditional → Simplified (step 4).
    pub(crate) variants: CharMap,
    /// Look-alike letters and symbols → Latin (step 5).
    pub(crate) confusables: CharMap,
    /// Look-alike digits and symbols inside Latin words (step 7, a second view).
    pub(crate) substitutions: CharMap,
}

impl Normalizer {
    /// A normalizer with these tables (see the step functions for what each does).
    pub fn new(variants: CharMap, confusables: CharMap, substitutions: CharMap) -> Self {
        Self {
            variants,
            confusables,
            substitutions,
        }
    }

    /// The Traditional → Simplified table (step 4).
    pub fn variants(&self) -> &CharMap {
        &self.variants
    }

    /// The look-alike letters table (step 5).
    pub fn confusables(&self) -> &CharMap {
        &self.confusables
    }

    /// The look-alike digits and symbols table (step 7).
    pub fn substitutions(&self) -> &CharMap {
        &self.substitutions
    }

    /// The canonical text: steps 1–6, words separated by single spaces. Substitution symbols
    /// (`$` in `u$dt`) are separators here; see [`super::substitute_lookalikes`]. A decimal
    /// point or thousands comma between digits stays (`7.18`).
    ///
    /// Idempotent: `normalize(normalize(x)) == normalize(x)`.
    pub fn normalize(&self, text: &str) -> String {
        let mut chars = Vec::new();
        self.canonical_into(text, &mut chars);
        let mut out = String::with_capacity(chars.len());
        let mut gap = false;
        for c in chars {
            if c == ' ' || self.is_kept_symbol(c) {
                gap = true;
                continue;
            }
            if gap && !out.is_empty() && !is_number_mark(c) {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
        out
    }

    /// A substitution symbol that is not a letter or digit (`$`, `@`): kept through steps 1–6
    /// so that step 7 can see it.
    fn is_kept_symbol(&self, c: char) -> bool {
        !is_content(c) && self.substitutions.contains(c)
    }

    /// Steps 1–6 into `out`: content characters and kept symbols, a single `' '` wherever
    /// separators were, none at either end.
    pub(crate) fn canonical_into(&self, text: &str, out: &mut Vec<char>) {
        let mut folded = Vec::new();
        self.canonical_with(text, out, &mut folded);
    }

    /// [`Normalizer::canonical_into`] with a caller-provided work buffer.
    fn canonical_with(&self, text: &str, out: &mut Vec<char>, folded: &mut Vec<char>) {
        out.clear();
        if text.is_ascii() {
            // Nothing to fold but case; no ASCII character is a look-alike key.
            let mut gap = false;
            let mut mark = None;
            for b in text.bytes() {
                let c = char::from(b.to_ascii_lowercase());
                if c.is_ascii_alphanumeric() || self.is_kept_symbol(c) {
                    if gap && !out.is_empty() {
                        out.push(number_mark(mark, c).unwrap_or(' '));
                    }
                    gap = false;
                    mark = None;
                    out.push(c);
                } else if keeps_percent(gap, out.last().copied(), c) {
                    out.push(c);
                } else {
                    mark = opens_number_mark(gap, out.last().copied(), c);
                    gap = true;
                }
            }
            return;
        }
        // Steps 1–4, character by character; invisible characters go.
        folded.clear();
        for c in text.chars() {
            if c.is_ascii() {
                folded.push(c.to_ascii_lowercase());
            } else if is_han(c) || (is_cjk(c) && !is_compat_cjk(c)) {
                // No case, no diacritics, no compatibility form: only variants apply.
                folded.push(self.variants.apply(c));
            } else {
                match compat_char(c) {
                    Compat::Same(c) | Compat::One(c) => self.fold_rest(c, folded),
                    Compat::Many(s) => s.chars().for_each(|c| self.fold_rest(c, folded)),
                }
            }
        }
        // Steps 5–6, word by word.
        let mut gap = false;
        let mut mark = None;
        let mut i = 0;
        while i < folded.len() {
            let c = folded[i];
            if self.is_kept_symbol(c) {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                mark = None;
                out.push(c);
                i += 1;
                continue;
            }
            if keeps_percent(gap, out.last().copied(), c) {
                out.push(c);
                i += 1;
                continue;
            }
            if !(is_content(c) || self.confusables.contains(c)) {
                mark = opens_number_mark(gap, out.last().copied(), c);
                gap = true;
                i += 1;
                continue;
            }
            let start = i;
            while i < folded.len()
                && (is_content(folded[i]) || self.confusables.contains(folded[i]))
            {
                i += 1;
            }
            fold_word(&mut folded[start..i], &self.confusables);
            if gap && !out.is_empty() {
                let first = folded[start..i].iter().copied().find(|&c| is_content(c));
                out.push(first.and_then(|f| number_mark(mark, f)).unwrap_or(' '));
            }
            gap = false;
            mark = None;
            out.extend(folded[start..i].iter().filter(|&&c| is_content(c)));
        }
        if out.last() == Some(&' ') {
            out.pop();
        }
    }

    /// Steps 2–4 for one character after step 1.
    fn fold_rest(&self, c: char, folded: &mut Vec<char>) {
        lower_each(c, |l| {
            if !is_ignorable(l) {
                let l = base_letter(l).unwrap_or(l);
                folded.push(self.variants.apply(l));
            }
        });
    }

    /// The views of `text` the matcher searches, into `scratch`: the plain one, and the
    /// substituted one when a substitution changes something.
    pub(crate) fn views_into(&self, text: &str, scratch: &mut Scratch) {
        self.canonical_with(text, &mut scratch.canonical, &mut scratch.folded);
        let kept = |c: char| self.is_kept_symbol(c);
        scratch.plain.build_into(&scratch.canonical, &kept);
        scratch.has_alternative =
            self.substitute_into(&scratch.canonical, &mut scratch.substituted);
        if scratch.has_alternative {
            scratch.alternative.build_into(&scratch.substituted, &kept);
        }
    }

    /// The views of `text` (see [`Normalizer::views_into`]), freshly allocated.
    #[cfg(test)]
    pub(crate) fn views(&self, text: &str) -> (TextView, Option<TextView>) {
        let mut scratch = Scratch::default();
        self.views_into(text, &mut scratch);
        let alternative = scratch.has_alternative.then_some(scratch.alternative);
        (scratch.plain, alternative)
    }

    /// Step 7 on canonical chars into `out`; false when nothing changes.
    fn substitute_into(&self, chars: &[char], out: &mut Vec<char>) -> bool {
        if self.substitutions.is_empty() || !chars.iter().any(|&c| self.substitutions.contains(c)) {
            return false;
        }
        out.clear();
        out.extend_from_slice(chars);
        let mut changed = false;
        for word in out.split_mut(|&c| c == ' ') {
            changed |= substitute_word(word, &self.substitutions);
        }
        changed
    }
}

/// Whether an ideograph has a compatibility form (Kangxi radicals, compatibility ideographs).
fn is_compat_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x33FF | 0xF900..=0xFAFF)
}

/// Reusable buffers for one assessment, so that assessing allocates as little as possible.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    folded: Vec<char>,
    canonical: Vec<char>,
    substituted: Vec<char>,
    /// The plain view of the last text.
    pub(crate) plain: TextView,
    /// The substituted view of the last text, when `has_alternative`.
    pub(crate) alternative: TextView,
    /// Whether `alternative` holds a view of the last text.
    pub(crate) has_alternative: bool,
    /// Word indexes of a view (see [`TextView::word_indexes_into`]), reused between texts.
    pub(crate) words: Vec<u32>,
    /// Guard matches of a view, reused between texts.
    pub(crate) guards: Vec<(u16, usize, usize)>,
}

const GAP_BEFORE: u8 = 1;
const IDEOGRAPH: u8 = 2;
/// The gap before this digit was a lone `.` after a digit (`7.18`).
const POINT_BEFORE: u8 = 4;
/// The gap before this digit was a lone `,` after a digit (`1,000`).
const COMMA_BEFORE: u8 = 8;
/// A `%` follows this digit (`20%`).
const PERCENT_AFTER: u8 = 16;

/// Text as the automaton searches it: content characters only, with a flag byte per text byte
/// saying whether a separator stood before that character and whether it is an ideograph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TextView {
    /// Letters, digits and ideographs, separators removed.
    pub(crate) text: String,
    flags: Vec<u8>,
    /// Whether any character is an ideograph (the text is at least partly Chinese).
    pub(crate) has_ideograph: bool,
}

impl Scratch {
    /// Bytes held, roughly.
    pub(crate) fn capacity(&self) -> usize {
        (self.folded.capacity() + self.canonical.capacity() + self.substituted.capacity()) * 4
            + self.plain.text.capacity() * 2
            + self.alternative.text.capacity() * 2
    }
}

impl TextView {
    /// Builds the view of canonical chars; `gap` tells which non-space chars also separate.
    fn build(chars: &[char], gap: &dyn Fn(char) -> bool) -> Self {
        let mut view = TextView::default();
        view.build_into(chars, gap);
        view
    }

    /// [`TextView::build`] into this view's buffers.
    fn build_into(&mut self, chars: &[char], gap: &dyn Fn(char) -> bool) {
        let view = self;
        view.text.clear();
        view.flags.clear();
        view.has_ideograph = false;
        let mut pending_gap = false;
        let mut pending_mark = 0;
        for &c in chars {
            if c == '%' {
                // Only ever right after a digit (see `keeps_percent`).
                if let Some(last) = view.flags.last_mut() {
                    *last |= PERCENT_AFTER;
                }
                pending_gap = !view.text.is_empty();
                pending_mark = 0;
                continue;
            }
            if c == ' ' || is_number_mark(c) || gap(c) {
                pending_gap = !view.text.is_empty();
                pending_mark = match c {
                    '.' => POINT_BEFORE,
                    ',' => COMMA_BEFORE,
                    _ => 0,
                };
                continue;
            }
            let mut flag = 0;
            if pending_gap {
                flag |= GAP_BEFORE | pending_mark;
            }
            pending_mark = 0;
            if is_han(c) || is_cjk(c) {
                flag |= IDEOGRAPH;
                view.has_ideograph = true;
            }
            pending_gap = false;
            view.text.push(c);
            view.flags.push(flag);
            view.flags.resize(view.text.len(), 0);
        }
    }

    /// The view of an already-canonical term (spaces mark gaps).
    pub(crate) fn of_canonical(chars: &[char]) -> Self {
        Self::build(chars, &|_| false)
    }

    /// Whether a separator stood just before the character starting at byte `at`.
    pub(crate) fn gap_before(&self, at: usize) -> bool {
        self.flags.get(at).is_some_and(|f| f & GAP_BEFORE != 0)
    }

    /// Whether a decimal point stood just before the digit at byte `at` (`7.18`).
    pub(crate) fn point_before(&self, at: usize) -> bool {
        self.flags.get(at).is_some_and(|f| f & POINT_BEFORE != 0)
    }

    /// Whether a thousands comma stood just before the digit at byte `at` (`1,000`).
    pub(crate) fn comma_before(&self, at: usize) -> bool {
        self.flags.get(at).is_some_and(|f| f & COMMA_BEFORE != 0)
    }

    /// Whether a `%` follows the digit at byte `at`.
    pub(crate) fn percent_after(&self, at: usize) -> bool {
        self.flags.get(at).is_some_and(|f| f & PERCENT_AFTER != 0)
    }

    /// The character ending at byte `at`, and where it starts.
    pub(crate) fn char_before(&self, at: usize) -> Option<(usize, char)> {
        let c = self.text.get(..at)?.chars().next_back()?;
        Some((at - c.len_utf8(), c))
    }

    /// The character starting at byte `at`.
    pub(crate) fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    /// Whether the character starting at byte `at` is an ideograph (no word boundaries).
    pub(crate) fn is_ideograph(&self, at: usize) -> bool {
        self.flags.get(at).is_some_and(|f| f & IDEOGRAPH != 0)
    }

    /// For every byte, the index of the word it belongs to, where a Chinese character or a run
    /// of letters and digits between separators is one word (for `within` distances).
    /// Written into `indexes`, whose memory is kept.
    pub(crate) fn word_indexes_into(&self, indexes: &mut Vec<u32>) {
        indexes.clear();
        indexes.reserve(self.text.len());
        let mut word = 0u32;
        let mut previous_ideograph = false;
        for (at, c) in self.text.char_indices() {
            let ideograph = self.is_ideograph(at);
            if at > 0 && (self.gap_before(at) || ideograph || previous_ideograph) {
                word += 1;
            }
            previous_ideograph = ideograph;
            indexes.resize(at + c.len_utf8(), word);
        }
    }

    /// The bytes `start..end` as the normalized text shows them — a separator as one space, a
    /// decimal point or thousands comma as itself — with their character offsets in that text
    /// (`riskguard normalize` prints the whole of it for the plain view).
    pub(crate) fn render(&self, start: usize, end: usize) -> (u32, u32, String) {
        let mut offset = 0u32;
        let (mut from, mut to) = (0u32, 0u32);
        let mut text = String::new();
        for (at, c) in self.text.char_indices() {
            if at >= end {
                break;
            }
            let separator = if at == 0 || !self.gap_before(at) {
                None
            } else if self.point_before(at) {
                Some('.')
            } else if self.comma_before(at) {
                Some(',')
            } else {
                Some(' ')
            };
            if let Some(separator) = separator {
                if at > start {
                    text.push(separator);
                }
                offset += 1;
            }
            if at == start {
                from = offset;
            }
            if at >= start {
                text.push(c);
            }
            offset += 1;
            if self.percent_after(at) {
                if at >= start {
                    text.push('%');
                }
                offset += 1;
            }
            to = offset;
        }
        (from, to, text)
    }

    /// Byte offsets of the gaps strictly inside `start..end`.
    pub(crate) fn gaps_within(&self, start: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let end = end.min(self.flags.len());
        let start = (start + 1).min(end);
        self.flags[start..end]
            .iter()
            .enumerate()
            .filter(|(_, f)| **f & GAP_BEFORE != 0)
            .map(move |(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalizer() -> Normalizer {
        Normalizer::new(
            CharMap::new([('幣', '币'), ('穩', '稳'), ('賺', '赚')]),
            CharMap::new([('ѕ', 's'), ('т', 't'), ('🇺', 'u')]),
            CharMap::new([('$', 's'), ('0', 'o')]),
        )
    }

    #[test]
    fn runs_every_step() {
        let n = normalizer();
        assert_eq!(n.normalize("  ＵＳＤＴ承兑！"), "usdt承兑");
        assert_eq!(n.normalize("比.特.幣 穩賺"), "比 特 币 稳赚");
        assert_eq!(n.normalize("UЅDТ"), "usdt");
        assert_eq!(n.normalize("u$dt"), "u dt");
        assert_eq!(n.normalize("İstanbul"), "istanbul");
        assert_eq!(n.normalize("U\u{200B}S\u{FE0F}D T"), "usd t");
        assert_eq!(n.normalize("按７．１８ 收1,000個"), "按7.18 收1,000個");
    }

    #[test]
    fn views_mark_gaps_and_ideographs() {
        let n = normalizer();
        let (plain, substituted) = n.views("U S D T 币");
        assert_eq!(plain.text, "usdt币");
        assert!(!plain.gap_before(0) && plain.gap_before(1) && plain.gap_before(3));
        assert!(plain.is_ideograph(4) && !plain.is_ideograph(3));
        assert_eq!(plain.gaps_within(0, 4).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(plain.has_ideograph);
        let (words, _) = n.views("tax so they 提现");
        let mut indexes = Vec::new();
        words.word_indexes_into(&mut indexes);
        assert_eq!(indexes[0], 0);
        assert_eq!(indexes[words.text.find('提').expect("提")], 3);
        assert_eq!(*indexes.last().expect("non-empty"), 4);
        assert!(substituted.is_none());
        let (plain, substituted) = n.views("u$dt 100$");
        assert_eq!(plain.text, "udt100");
        assert_eq!(substituted.map(|v| v.text).as_deref(), Some("usdt100"));
        let (numbers, _) = n.views("7.18 x 1,000");
        assert_eq!(numbers.text, "718x1000");
        assert!(numbers.point_before(1) && numbers.gap_before(1) && !numbers.comma_before(1));
        assert!(numbers.comma_before(5) && !numbers.point_before(5));
        let (view, _) = n.views("收 U-S-D-T 7.18");
        let at = view.text.find('u').expect("u");
        assert_eq!(view.render(at, at + 4), (2, 9, "u s d t".to_owned()));
        let rate = view.text.find('7').expect("7");
        assert_eq!(
            view.render(rate, view.text.len()),
            (10, 14, "7.18".to_owned())
        );
        assert_eq!(n.normalize("收 U-S-D-T 7.18"), "收 u s d t 7.18");
    }
}
