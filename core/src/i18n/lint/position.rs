//! Byte offsets → what an editor sees: 1-based line, column in characters, the source line and
//! where a caret goes under it (CJK characters take two terminal cells).
//!
//! `fluent-syntax` reports errors as byte ranges; a column in bytes would point three times
//! too far right on a Chinese line.

/// Line starts of one source text, for repeated offset look-ups.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    /// Byte offset where each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
}

/// A resolved position in a source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters (Unicode scalar values).
    pub column: usize,
    /// The whole line, without its line ending.
    pub excerpt: String,
    /// 1-based terminal column of the caret under `excerpt` (wide characters count twice).
    pub caret_column: usize,
}

impl<'s> LineIndex<'s> {
    /// Indexes `source`.
    pub fn new(source: &'s str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { source, starts }
    }

    /// The position of byte offset `at` (clamped to the text; inside a multi-byte character:
    /// that character).
    pub fn position(&self, at: usize) -> Position {
        let at = floor_char_boundary(self.source, at);
        let line_index = self.starts.partition_point(|&start| start <= at) - 1;
        let start = self.starts[line_index];
        let end = self
            .starts
            .get(line_index + 1)
            .map_or(self.source.len(), |&next| next - 1);
        let line = &self.source[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let before = &self.source[start..at.min(start + line.len())];
        Position {
            line: line_index + 1,
            column: before.chars().count() + 1,
            excerpt: line.to_owned(),
            caret_column: before.chars().map(display_width).sum::<usize>() + 1,
        }
    }

    /// Byte offset where 0-based line `index` starts, if the text has that line.
    pub fn line_start(&self, index: usize) -> Option<usize> {
        self.starts.get(index).copied()
    }

    /// Number of lines (a final line ending starts an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// `str::floor_char_boundary` for stable Rust, clamped to the text.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Terminal cells a character takes: 2 for East Asian wide and full-width characters, else 1.
fn display_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_columns() {
        let index = LineIndex::new("a = 1\nbb = 2\n");
        let p = index.position(6);
        assert_eq!((p.line, p.column, p.excerpt.as_str()), (2, 1, "bb = 2"));
        let p = index.position(11);
        assert_eq!((p.line, p.column, p.caret_column), (2, 6, 6));
    }

    #[test]
    fn chinese_text_counts_characters_not_bytes() {
        // "中文" is 6 bytes; the `{` after "x = 中文 " is at byte 4 + 6 + 1 = 11 of line 2.
        let source = "# 注释\nx = 中文 { $y }\n";
        let index = LineIndex::new(source);
        let at = source.find('{').expect("brace");
        assert_eq!(at, 9 + 11);
        let p = index.position(at);
        assert_eq!((p.line, p.column), (2, 8), "characters, not bytes");
        assert_eq!(p.caret_column, 10, "each Chinese character takes two cells");
        assert_eq!(p.excerpt, "x = 中文 { $y }");
    }

    #[test]
    fn full_width_punctuation_is_wide() {
        let source = "a = 你好，世界！x";
        let p = LineIndex::new(source).position(source.find('x').expect("x"));
        assert_eq!((p.line, p.column, p.caret_column), (1, 11, 17));
    }

    #[test]
    fn an_offset_inside_a_character_is_that_character() {
        let source = "中文";
        let index = LineIndex::new(source);
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(4).column, 2);
        assert_eq!(index.position(6).column, 3, "the end of the text");
        assert_eq!(index.position(99).column, 3, "clamped");
    }

    #[test]
    fn windows_line_endings_stay_out_of_the_excerpt() {
        let index = LineIndex::new("a = 1\r\nb = 2\r\n");
        let p = index.position(7);
        assert_eq!((p.line, p.column, p.excerpt.as_str()), (2, 1, "b = 2"));
        assert_eq!(index.position(5).excerpt, "a = 1");
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_start(1), Some(7));
    }
}
