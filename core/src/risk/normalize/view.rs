//! The text views the matcher searches. [`TextView`] is what the automaton searches: the text with separators removed, plus where the gaps were and which
//! characters are ideographs, so the matcher can tell `U S D T` (a disguise) from `plus DT`
//! (two words).

use super::separators::{is_cjk, is_han, is_number_mark};

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

impl TextView {
    /// Builds the view of canonical chars; `gap` tells which non-space chars also separate.
    fn build(chars: &[char], gap: &dyn Fn(char) -> bool) -> Self {
        let mut view = TextView::default();
        view.build_into(chars, gap);
        view
    }

    /// [`TextView::build`] into this view's buffers.
    pub(super) fn build_into(&mut self, chars: &[char], gap: &dyn Fn(char) -> bool) {
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
