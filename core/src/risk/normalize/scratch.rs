//! Reusable buffers for normalizing and searching one text after another.

use super::TextView;

/// Reusable buffers for one assessment, so that assessing allocates as little as possible.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(super) folded: Vec<char>,
    pub(super) canonical: Vec<char>,
    pub(super) substituted: Vec<char>,
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

impl Scratch {
    /// Bytes held, roughly.
    pub(crate) fn capacity(&self) -> usize {
        (self.folded.capacity() + self.canonical.capacity() + self.substituted.capacity()) * 4
            + self.plain.text.capacity() * 2
            + self.alternative.text.capacity() * 2
    }
}
