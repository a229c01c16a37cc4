//! The pipeline: [`Normalizer::canonical_into`] runs steps 1–6 in one pass, and
//! [`Normalizer::views_into`] turns the result into the [`TextView`](super::TextView)s the
//! matcher searches.

use super::case::lower_each;
use super::compat::{compat_char, Compat};
use super::confusables::fold_word;
use super::diacritics::base_letter;
use super::separators::{
    is_cjk, is_content, is_han, is_ignorable, is_number_mark, keeps_percent, number_mark,
    opens_number_mark,
};
use super::substitutions::substitute_word;
use super::{CharMap, Scratch};

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
            self.canonical_ascii(text, out);
            return;
        }
        self.fold_chars(text, folded);
        self.fold_words(folded, out);
    }

    /// Steps 1–6 for ASCII text: nothing to fold but case; no ASCII character is a look-alike
    /// key.
    fn canonical_ascii(&self, text: &str, out: &mut Vec<char>) {
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
    }

    /// Steps 1–4, character by character, into `folded`; invisible characters go.
    fn fold_chars(&self, text: &str, folded: &mut Vec<char>) {
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
    }

    /// Steps 5–6 on the folded chars, word by word, into `out`.
    fn fold_words(&self, folded: &mut [char], out: &mut Vec<char>) {
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
    pub(crate) fn views(&self, text: &str) -> (super::TextView, Option<super::TextView>) {
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
