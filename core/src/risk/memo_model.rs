//! The memo model: a linear model over the memo's character 1–3-grams, one more signal beside
//! the rules. It recognises memos that *read like* scam memos although no rule names their
//! words — the generalization a list of terms cannot give (see `docs/risk-engine.md`, "The
//! memo model").
//!
//! - Features: every distinct character 1-, 2- and 3-gram of the memo's plain normalized
//!   view, with a space where a separator stood and a mark at each end, hashed (FNV-1a over the
//!   characters) into one of `buckets` slots.
//! - Score: the sum of the slots' weights (−7…7 each) divided by the square root of the number
//!   of distinct slots (longer memos do not add up to more), in hundredths.
//! - Use: at `alone` the model calls for `medium` by itself; at `with_evidence` it lifts a
//!   transfer that the rules already put at `low` to `medium`. Its reason names the n-gram with
//!   the largest weight as its span.
//!
//! The weights are data, trained outside the component by `tools/train_memo_model.py` on the
//! labelled corpora (`riskguard features` gives it these very features), and shipped in the
//! rules file's `memo_model` section.

use super::normalize::TextView;

/// Where the text starts and ends, as characters of the n-gram stream.
const START: char = '\u{2}';
const END: char = '\u{3}';

/// The compiled memo model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MemoModel {
    /// Reported in the reason.
    pub(crate) id: String,
    /// One weight per slot; the length is a power of two.
    weights: Box<[i8]>,
    /// Score (hundredths) at which the model alone calls for `medium`.
    pub(crate) alone: u32,
    /// Score at which it lifts `low` evidence to `medium`.
    pub(crate) with_evidence: u32,
    /// Score below which it holds words-only `medium` at `low`.
    pub(crate) doubt_below: Option<i32>,
}

/// What the model says about one memo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Verdict {
    /// The score, in hundredths.
    pub(crate) score: f32,
    /// The score of the n-grams [`MemoModel::judge_beyond`] was not told the rules counted.
    pub(crate) beyond: f32,
    /// Byte range, in the plain view, of the n-gram with the largest positive weight (the
    /// longest of equal ones).
    pub(crate) strongest: Option<(u32, u32)>,
}

/// One feature occurrence: its slot and where its n-gram is in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Feature {
    /// The hashed slot.
    pub(crate) slot: u32,
    /// Byte offsets in the view of the n-gram's content characters.
    pub(crate) start: u32,
    /// Byte offsets in the view.
    pub(crate) end: u32,
}

impl MemoModel {
    /// Reads the weights: one character per slot, `1`…`f` for −7…+7 (`8` is 0). The number of
    /// slots must be a power of two from 256 to 65,536.
    pub(crate) fn new(
        id: String,
        weights: &str,
        alone: u32,
        with_evidence: u32,
        doubt_below: Option<i32>,
    ) -> Result<Self, String> {
        check_slots(weights.len()).map_err(|e| format!("has {} weights; {e}", weights.len()))?;
        let weights = weights
            .bytes()
            .enumerate()
            .map(|(i, b)| match char::from(b).to_digit(16) {
                Some(d) if d > 0 => Ok(d as i8 - 8),
                _ => Err(format!(
                    "weight {i} is `{}`; each weight is one of the characters 1-9, a-f",
                    char::from(b)
                )),
            })
            .collect::<Result<Box<[i8]>, String>>()?;
        if with_evidence > alone {
            return Err("`with_evidence` must not be above `alone`".to_owned());
        }
        if doubt_below.is_some_and(|d| d > with_evidence as i32) {
            return Err("`doubt_below` must not be above `with_evidence`".to_owned());
        }
        Ok(Self {
            id,
            weights,
            alone,
            with_evidence,
            doubt_below,
        })
    }

    /// The model's score of `view`, using `buffers`.
    pub(crate) fn judge(&self, view: &TextView, buffers: &mut Buffers) -> Verdict {
        self.judge_beyond(view, |_, _| false, buffers)
    }

    /// The model's score of `view`, and as `beyond` the score of its n-grams for which
    /// `counted(start, end)` (their byte range in the view) is false: those the rules did not
    /// already count as evidence.
    pub(crate) fn judge_beyond(
        &self,
        view: &TextView,
        counted: impl Fn(u32, u32) -> bool,
        buffers: &mut Buffers,
    ) -> Verdict {
        features_into(view, self.weights.len() as u32, buffers);
        let (mut sum, mut beyond_sum, mut beyond_count) = (0i32, 0i32, 0usize);
        let mut strongest: Option<(i8, u32, u32)> = None;
        for f in &buffers.features {
            let w = self.weights.get(f.slot as usize).copied().unwrap_or(0);
            sum += i32::from(w);
            if !counted(f.start, f.end) {
                beyond_sum += i32::from(w);
                beyond_count += 1;
            }
            // The largest weight; of equal ones the longest n-gram, which says the most.
            let longer = |start: u32, end: u32| f.end - f.start > end - start;
            if w > 0 && strongest.is_none_or(|(best, s, e)| w > best || w == best && longer(s, e)) {
                strongest = Some((w, f.start, f.end));
            }
        }
        let score = |sum: i32, count: usize| match count {
            0 => 0.0,
            n => 100.0 * sum as f32 / (n as f32).sqrt(),
        };
        Verdict {
            score: score(sum, buffers.features.len()),
            beyond: score(beyond_sum, beyond_count),
            strongest: strongest.map(|(_, start, end)| (start, end)),
        }
    }
}

/// Whether `slots` is a slot count a model can have: a power of two from 256 to 65,536.
pub(crate) fn check_slots(slots: usize) -> Result<(), String> {
    match (256..=65_536).contains(&slots) && slots.is_power_of_two() {
        true => Ok(()),
        false => Err("the count must be a power of two from 256 to 65536".to_owned()),
    }
}

/// Buffers [`features_into`] reuses from one memo to the next.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    /// The distinct features of the last memo, in the order they first occur.
    pub(crate) features: Vec<Feature>,
    /// One bit per slot: seen in this memo (cleared again before returning).
    seen: Vec<u64>,
}

/// The distinct features of `view` hashed into `slots` slots (a power of two), each at its
/// first occurrence, into `buffers.features` in the order they occur.
///
/// Distinct through a bit per slot rather than a sort: a sort of `Feature`s cost 1.4 KB gzip of
/// wasm in `cargo xtask bench engine-size`, the bitset a few dozen bytes.
pub(crate) fn features_into(view: &TextView, slots: u32, buffers: &mut Buffers) {
    let Buffers { features, seen } = buffers;
    features.clear();
    seen.resize(slots.div_ceil(64) as usize, 0);
    let mask = slots.wrapping_sub(1);
    // The n-grams ending at the current character, n = 1, 2, 3: each one's hash (FNV-1a over
    // its characters, carried over from the n-grams ending one character earlier) and the
    // place of its content (`None` when it holds only separators and marks).
    let mut grams: [(u32, Option<(u32, u32)>); 3] = [(FNV_OFFSET, None); 3];
    let mut filled = 0usize;
    let mut push = |c: char, place: Option<(u32, u32)>| {
        let step = |h: u32| (h ^ c as u32).wrapping_mul(FNV_PRIME);
        let join = |before: Option<(u32, u32)>| match (before, place) {
            (Some((start, _)), Some((_, end))) => Some((start, end)),
            (before, None) => before,
            (None, place) => place,
        };
        grams = [
            (step(FNV_OFFSET), place),
            (step(grams[0].0), join(grams[0].1)),
            (step(grams[1].0), join(grams[1].1)),
        ];
        filled = (filled + 1).min(3);
        for &(hash, place) in &grams[..filled] {
            let Some((start, end)) = place else {
                continue;
            };
            let slot = hash & mask;
            let Some(word) = seen.get_mut((slot / 64) as usize) else {
                continue;
            };
            if *word & (1 << (slot % 64)) == 0 {
                *word |= 1 << (slot % 64);
                features.push(Feature { slot, start, end });
            }
        }
    };
    push(START, None);
    for (at, c) in view.text.char_indices() {
        if at > 0 && view.gap_before(at) {
            push(' ', None);
        }
        push(c, Some((at as u32, (at + c.len_utf8()) as u32)));
    }
    push(END, None);
    for f in features.iter() {
        if let Some(word) = seen.get_mut((f.slot / 64) as usize) {
            *word = 0;
        }
    }
}

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::Rules;

    fn view(text: &str) -> TextView {
        let mut scratch = crate::risk::normalize::Scratch::default();
        Rules::builtin().normalizer().views_into(text, &mut scratch);
        scratch.plain
    }

    fn slots(text: &str) -> Vec<u32> {
        let mut buffers = Buffers::default();
        features_into(&view(text), 4096, &mut buffers);
        assert!(
            buffers.seen.iter().all(|w| *w == 0),
            "the bitset is cleared"
        );
        let slots = Rules::builtin().memo_features(text, 4096).unwrap();
        assert_eq!(slots.len(), buffers.features.len(), "{text}: a slot twice");
        slots
    }

    #[test]
    fn features_are_distinct_and_blind_to_spelling_variants() {
        // Each n-gram counts once, however often it occurs.
        assert_eq!(slots("哈哈哈哈哈"), slots("哈哈哈"));
        // Traditional, full-width and case variants normalize to the same memo.
        assert_eq!(slots("提現 ＵＳＤＴ"), slots("提现 usdt"));
        // A separator is part of the n-grams: `a b` is not `ab`.
        assert_ne!(slots("a b"), slots("ab"));
        assert!(slots("").is_empty());
        assert!(slots("  ,. ").is_empty());
    }

    /// A model whose only positive weights are the slots of `text`'s n-grams.
    fn model_of(text: &str) -> MemoModel {
        let mut weights = vec![b'8'; 4096];
        for slot in slots(text) {
            weights[slot as usize] = b'f';
        }
        let weights = String::from_utf8(weights).unwrap();
        MemoModel::new("model.test".into(), &weights, 300, 200, None).unwrap()
    }

    #[test]
    fn the_score_grows_with_shared_ngrams_and_names_the_strongest() {
        let model = model_of("交税");
        let mut buffer = Buffers::default();
        let same = model.judge(&view("交税"), &mut buffer);
        let part = model.judge(&view("先交税再提现到卡里"), &mut buffer);
        let none = model.judge(&view("午饭钱"), &mut buffer);
        assert!(
            same.score > part.score && part.score > none.score,
            "{same:?} {part:?} {none:?}"
        );
        assert_eq!(none.strongest, None);
        // The strongest n-gram of `先交税…` is inside `交税`: bytes 3..9 of the view.
        let (start, end) = part.strongest.unwrap();
        assert!(
            (3..=6).contains(&start) && end <= 9 && start < end,
            "{part:?}"
        );
    }

    #[test]
    fn malformed_weights_are_refused_with_a_reason() {
        let err = |w: &str, alone, evidence| {
            MemoModel::new("m".into(), w, alone, evidence, None).unwrap_err()
        };
        assert!(err("8", 1, 1).contains("power of two"));
        assert!(err(&"8".repeat(300), 1, 1).contains("power of two"));
        let zero = format!("{}0", "8".repeat(255));
        assert!(
            err(&zero, 1, 1).contains("weight 255 is `0`"),
            "{}",
            err(&zero, 1, 1)
        );
        let wide = format!("{}é", "8".repeat(254));
        assert!(MemoModel::new("m".into(), &wide, 1, 1, None).is_err());
        assert!(err(&"8".repeat(256), 1, 2).contains("with_evidence"));
        assert!(MemoModel::new("m".into(), &"8".repeat(256), 2, 1, Some(-5)).is_ok());
        assert!(MemoModel::new("m".into(), &"8".repeat(256), 2, 1, Some(2)).is_err());
    }
}
