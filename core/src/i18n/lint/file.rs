//! One `.ftl` file parsed, with each entry and attribute located in the source.
//!
//! The `fluent-syntax` AST carries no positions (only parser errors do), so entries are found
//! by their heads: a Fluent entry starts at column 0 with `id =` (or `-id =` for a term), and
//! nothing else in a valid file starts a line with a letter or `-`. The n-th AST entry with an
//! id is the n-th head with that id; heads left over are entries the parser turned into junk.

use fluent_syntax::ast;
use fluent_syntax::parser::{self, ParserError};

use super::position::LineIndex;
use super::{Diagnostic, Severity, Source};

/// A parsed file and where its entries are.
pub(super) struct ParsedFile<'s> {
    /// The locale directory, e.g. `zh-Hans`.
    pub locale: &'s str,
    /// The file name, e.g. `quiz.ftl`.
    pub name: &'s str,
    /// `locale/name`, as diagnostics show it.
    pub path: String,
    /// The source text.
    pub source: &'s str,
    lines: LineIndex<'s>,
    /// Messages and terms, in source order.
    pub entries: Vec<Entry<'s>>,
    /// What the parser could not read.
    pub errors: Vec<ParserError>,
    /// Ids of entries the parser dropped as junk (their errors are reported as such).
    pub junk_ids: Vec<String>,
}

/// A message or a term.
pub(super) struct Entry<'s> {
    /// The id; a term's keeps its leading `-`.
    pub id: String,
    /// Whether this is a term (`-id = …`).
    pub is_term: bool,
    /// Byte offset of the id (column 0 of its line).
    pub start: usize,
    /// The value, if any; its range starts at the id.
    pub value: Option<Located<'s>>,
    /// `.name = …` attributes, in order; ranges start at the `.`.
    pub attributes: Vec<(String, Located<'s>)>,
    /// The lines of the `#` comment right above the entry.
    pub comment: Vec<&'s str>,
}

impl Entry<'_> {
    /// End of the entry's source range (exclusive).
    pub fn end(&self) -> usize {
        self.attributes
            .last()
            .map(|(_, a)| a.end)
            .or(self.value.as_ref().map(|v| v.end))
            .unwrap_or(self.start)
    }
}

/// A pattern and the byte range of the source it was parsed from.
pub(super) struct Located<'s> {
    /// The pattern.
    pub pattern: ast::Pattern<&'s str>,
    /// Start of the range (the entry's id or the attribute's `.`).
    pub start: usize,
    /// End of the range (exclusive).
    pub end: usize,
}

impl<'s> ParsedFile<'s> {
    /// Parses `source` and locates its entries.
    pub fn parse(source: &Source<'s>) -> Self {
        let text = source.text;
        let lines = LineIndex::new(text);
        let (resource, errors) = match parser::parse(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let mut heads: Vec<(String, usize, bool)> = (0..lines.line_count())
            .filter_map(|index| {
                let at = lines.line_start(index)?;
                entry_head(&text[at..]).map(|id| (id.to_owned(), at, false))
            })
            .collect();
        let mut cursor = 0;
        let mut entries = Vec::new();
        for entry in resource.body {
            let (id, is_term, value, attributes, comment) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_owned(),
                    false,
                    m.value,
                    m.attributes,
                    m.comment,
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    true,
                    Some(t.value),
                    t.attributes,
                    t.comment,
                ),
                _ => continue,
            };
            let start = claim_head(&mut heads, &mut cursor, &id);
            let end = entry_end(text, &lines, start);
            let attribute_starts = attribute_starts(text, start, end);
            let located_attributes = locate_attributes(attributes, &attribute_starts, start, end);
            let value_end = attribute_starts.first().map_or(end, |(_, at)| *at);
            entries.push(Entry {
                id,
                is_term,
                start,
                value: value.map(|pattern| Located {
                    pattern,
                    start,
                    end: value_end,
                }),
                attributes: located_attributes,
                comment: comment.map(|c| c.content).unwrap_or_default(),
            });
        }
        let junk_ids = heads
            .into_iter()
            .filter(|(_, _, used)| !used)
            .map(|(id, _, _)| id)
            .collect();
        Self {
            locale: source.locale,
            name: source.file_name,
            path: format!("{}/{}", source.locale, source.file_name),
            source: text,
            lines,
            entries,
            errors,
            junk_ids,
        }
    }

    /// A diagnostic at byte offset `at` of this file.
    pub fn diagnostic(
        &self,
        severity: Severity,
        code: &'static str,
        at: usize,
        message: String,
    ) -> Diagnostic {
        let position = self.lines.position(at);
        Diagnostic {
            severity,
            code,
            file: self.path.clone(),
            line: position.line,
            column: position.column,
            message,
            excerpt: position.excerpt,
            caret_column: position.caret_column,
        }
    }

    /// The first entry with `id`.
    pub fn entry(&self, id: &str) -> Option<&Entry<'s>> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Byte offset of the first `$name` (as a whole variable name) in `start..end`.
    pub fn find_variable(&self, start: usize, end: usize, name: &str) -> Option<usize> {
        let needle = format!("${name}");
        let range = &self.source[start..end];
        range
            .match_indices(&needle)
            .find(|(at, _)| {
                !range[at + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(is_identifier_char)
            })
            .map(|(at, _)| start + at)
    }

    /// Byte offset of the first variant key `[key]` (spaces allowed inside the brackets) in
    /// `from..end`; the offset is the key's.
    pub fn find_variant_key(&self, from: usize, end: usize, key: &str) -> Option<usize> {
        let range = &self.source[from..end];
        range.match_indices('[').find_map(|(at, _)| {
            let after = &range[at + 1..];
            let trimmed = after.trim_start_matches(' ');
            let key_at = at + 1 + (after.len() - trimmed.len());
            let rest = trimmed.strip_prefix(key)?;
            rest.trim_start_matches(' ')
                .starts_with(']')
                .then_some(from + key_at)
        })
    }
}

/// The start of the entry `id`: its first unused head from `cursor` on (or else anywhere), marked
/// used; 0 when no head is left (the entry then covers the file's start).
fn claim_head(heads: &mut [(String, usize, bool)], cursor: &mut usize, id: &str) -> usize {
    let found = heads[*cursor..]
        .iter()
        .position(|(head, _, used)| *head == id && !used)
        .map(|i| i + *cursor)
        .or_else(|| {
            heads
                .iter()
                .position(|(head, _, used)| *head == id && !used)
        });
    match found {
        Some(i) => {
            heads[i].2 = true;
            *cursor = i + 1;
            heads[i].1
        }
        None => 0,
    }
}

/// The entry's attributes with their source ranges: each from its `.name` line to the next
/// attribute's (or the entry's `end`); an attribute not found in the source covers the entry.
fn locate_attributes<'s>(
    attributes: Vec<ast::Attribute<&'s str>>,
    attribute_starts: &[(String, usize)],
    start: usize,
    end: usize,
) -> Vec<(String, Located<'s>)> {
    let mut located_attributes = Vec::new();
    let mut attribute_cursor = 0;
    for attribute in attributes {
        let name = attribute.id.name.to_owned();
        let found = attribute_starts[attribute_cursor.min(attribute_starts.len())..]
            .iter()
            .position(|(n, _)| *n == name)
            .map(|i| i + attribute_cursor);
        let (a_start, a_end) = match found {
            Some(i) => {
                attribute_cursor = i + 1;
                let a_end = attribute_starts.get(i + 1).map_or(end, |(_, at)| *at);
                (attribute_starts[i].1, a_end)
            }
            None => (start, end),
        };
        located_attributes.push((
            name,
            Located {
                pattern: attribute.value,
                start: a_start,
                end: a_end,
            },
        ));
    }
    located_attributes
}

/// Whether `c` may continue a Fluent identifier.
fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The id when `line` starts an entry: `[-]letter[letters digits _ -]* spaces =`.
fn entry_head(line: &str) -> Option<&str> {
    let body = line.strip_prefix('-').unwrap_or(line);
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let id_len = (line.len() - body.len())
        + body
            .find(|c: char| !is_identifier_char(c))
            .unwrap_or(body.len());
    line[id_len..]
        .trim_start_matches(' ')
        .starts_with('=')
        .then_some(&line[..id_len])
}

/// Where the entry starting at `start` ends: the next line that starts at column 0 with a
/// comment, an id or a term (or the end of the text).
fn entry_end(text: &str, lines: &LineIndex<'_>, start: usize) -> usize {
    let first = lines.position(start).line; // 1-based: index of the next line
    (first..lines.line_count())
        .filter_map(|index| lines.line_start(index))
        .find(|&at| {
            let rest = &text[at..];
            rest.starts_with('#')
                || rest.starts_with(|c: char| c.is_ascii_alphabetic())
                || rest
                    .strip_prefix('-')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
        })
        .unwrap_or(text.len())
}

/// `(name, offset of the '.')` of each attribute line in `start..end`.
fn attribute_starts(text: &str, start: usize, end: usize) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut at = start;
    for line in text[start..end].split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if at != start {
            if let Some(rest) = trimmed.strip_prefix('.') {
                let name_len = rest.find(|c: char| !is_identifier_char(c)).unwrap_or(0);
                if name_len > 0 && rest[name_len..].trim_start_matches(' ').starts_with('=') {
                    found.push((
                        rest[..name_len].to_owned(),
                        at + (line.len() - trimmed.len()),
                    ));
                }
            }
        }
        at += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ParsedFile<'_> {
        ParsedFile::parse(&Source {
            locale: "zh-Hans",
            file_name: "x.ftl",
            text,
        })
    }

    #[test]
    fn entries_and_attributes_are_located() {
        let text = "# 注释 $n\nmsg = 你好 { $n }\n    .title = 标题\n\n-term = 词\nother = x\n";
        let file = parse(text);
        let ids: Vec<_> = file.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["msg", "-term", "other"]);
        let msg = &file.entries[0];
        assert_eq!(msg.start, text.find("msg").expect("msg"));
        assert_eq!(msg.comment, ["注释 $n"]);
        let (name, title) = &msg.attributes[0];
        assert_eq!(name, "title");
        assert_eq!(title.start, text.find(".title").expect("attr"));
        assert_eq!(msg.value.as_ref().expect("value").end, title.start);
        assert_eq!(title.end, text.find("-term").expect("term"));
        let at = file.find_variable(msg.start, title.start, "n").expect("$n");
        let d = file.diagnostic(Severity::Warning, "t", at, String::new());
        assert_eq!((d.line, d.column), (2, 12));
    }

    #[test]
    fn junk_entries_are_remembered_by_id() {
        let file = parse("a = 1\nb = { $x\nc = 3\n");
        let ids: Vec<_> = file.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(file.junk_ids, ["b"]);
        assert_eq!(file.errors.len(), 1);
    }

    #[test]
    fn variables_match_whole_names_and_keys_allow_spaces() {
        let text =
            "m = { $total } { $tot }\n    { $n ->\n        [ one ] x\n       *[other] y\n    }\n";
        let file = parse(text);
        assert_eq!(
            file.find_variable(0, text.len(), "tot"),
            text.find("$tot }")
        );
        assert_eq!(
            file.find_variant_key(0, text.len(), "one"),
            text.find("one")
        );
        assert_eq!(file.find_variant_key(0, text.len(), "few"), None);
    }
}
