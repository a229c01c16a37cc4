//! `syntax`: what the Fluent parser cannot read. The parser drops the whole entry (its text
//! falls back to English or the built-in safe message), so each is an error.

use fluent_syntax::parser::ErrorKind;

use super::file::ParsedFile;
use super::{Diagnostic, Severity};

/// Reports every parser error at its first byte; a message without any text is reported as
/// `empty-value`.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    for file in files {
        for error in &file.errors {
            let (code, message) = match &error.kind {
                ErrorKind::ExpectedMessageField { entry_id }
                | ErrorKind::ExpectedTermField { entry_id } => (
                    "empty-value",
                    format!(
                        "`{entry_id}` has no text after `=`: write the text, or remove the line"
                    ),
                ),
                ErrorKind::MissingValue => (
                    "empty-value",
                    "no text after `=`: write the text, or remove the line".to_owned(),
                ),
                kind => (
                    "syntax",
                    format!(
                        "{}{}",
                        lowercase_first(&kind.to_string()),
                        hint(kind, file.source, error.pos.start)
                    ),
                ),
            };
            let at = relocate(file.source, &error.kind, error.pos.start);
            found.push(file.diagnostic(Severity::Error, code, at, message));
        }
    }
}

/// `Expected …` → `expected …`, as rustc words its messages.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// The parser notices an unclosed `{`, `[` or `(` only at the next line; the editor's mistake
/// is at the end of the text before it, so that is where the caret goes.
fn relocate(source: &str, kind: &ErrorKind, at: usize) -> usize {
    if !matches!(kind, ErrorKind::ExpectedToken('}' | ']' | ')')) {
        return at;
    }
    let before = &source[..at.min(source.len())];
    let trimmed = before.trim_end();
    if before[trimmed.len()..].contains('\n') {
        trimmed.len()
    } else {
        at
    }
}

/// What an editor most likely did, for the common cases.
fn hint(kind: &ErrorKind, source: &str, at: usize) -> &'static str {
    let line = &source[at.min(source.len())..];
    if line.trim_start_matches(' ').starts_with('.') {
        return " (an attribute line `.name =` needs text, and belongs right under its message)";
    }
    let line_start = source[..at.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let whole_line = source[line_start..].lines().next().unwrap_or("");
    if matches!(
        kind,
        ErrorKind::ExpectedCharRange { .. } | ErrorKind::ExpectedToken('=')
    ) && !whole_line.contains('=')
    {
        return " (a line of text that continues the message above must be indented)";
    }
    match kind {
        ErrorKind::ExpectedToken('}') => " (a `{ … }` placeable is not closed)",
        ErrorKind::ExpectedToken('=') => {
            " (an id is one word: letters, digits, `-` and `_`, then ` = text`)"
        }
        ErrorKind::ExpectedToken('[') | ErrorKind::MissingDefaultVariant => {
            " (a select needs variants like `*[other] …`, one of them marked with `*`)"
        }
        ErrorKind::UnbalancedClosingBrace => " (a `}` without its `{`)",
        ErrorKind::ExpectedCharRange { .. } => {
            " (ids use only a-z, A-Z, 0-9, `-` and `_`, and start with a letter)"
        }
        _ => "",
    }
}
