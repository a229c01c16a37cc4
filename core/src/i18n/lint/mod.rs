//! The linter for content editors: every mistake in the `.ftl` files, with the file, the line,
//! the column and the line itself, before it can reach users.
//!
//! Pure: the input is the text of each file ([`Source`]), the output a list of
//! [`Diagnostic`]s. Reading the files is the `riskguard locales check` command's job.
//!
//! en-US ([`REFERENCE_LOCALE`]) is the reference: every other locale is compared with it file
//! by file (a message in `en-US/quiz.ftl` belongs in `zh-Hans/quiz.ftl`).
//!
//! | code | severity | what |
//! |---|---|---|
//! | `syntax` | error | the parser cannot read the text (the message is dropped) |
//! | `empty-value` | error | a message without text, or with only `{ "" }` |
//! | `duplicate-id` | error | the same id twice in one locale, in one file or across its files |
//! | `missing-file` | error | en-US has a file the locale lacks |
//! | `missing-message` | error | en-US has the message, the locale's file does not |
//! | `obsolete-message` | warning | the locale has a message en-US does not (removed or misspelt) |
//! | `attribute-mismatch` | error | a message's `.attributes` differ from en-US |
//! | `variable-mismatch` | error | a `{ $variable }` dropped, or one en-US never passes |
//! | `unusable-plural-variant` | warning | e.g. `[one]` in Chinese, whose numbers are all `other` |
//! | `undocumented-variable` | warning | a `{ $variable }` with no `# $variable: …` comment above |
//!
//! `undocumented-variable` is checked in **every** locale: each language's editors read their
//! own files, so each file explains its variables (the shipped files all do).

mod attributes;
mod coverage;
mod duplicates;
mod empty;
mod file;
mod patterns;
mod plurals;
mod position;
mod syntax;
mod variables;

use std::fmt;

use serde::Serialize;

use file::ParsedFile;
pub(crate) use position::LineIndex;

/// The locale every other locale is compared with.
pub const REFERENCE_LOCALE: &str = "en-US";

/// One `.ftl` file to check.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The locale, as its directory is named (`en-US`, `zh-Hans`, …).
    pub locale: &'a str,
    /// The file name inside the locale directory (`quiz.ftl`).
    pub file_name: &'a str,
    /// The file's text.
    pub text: &'a str,
}

/// How bad a finding is: errors fail the check, warnings are printed only.
/// Errors sort before warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Users would see wrong, missing or English text: must be fixed.
    Error,
    /// Probably a mistake, harmless at runtime.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding, located for a human: rendered like a rustc diagnostic by `Display`, and as an
/// object with these fields by serde.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of mistake (`missing-message`, …; see the module documentation).
    pub code: &'static str,
    /// `locale/file.ftl`.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (not bytes).
    pub column: usize,
    /// What is wrong and what to do, in one line.
    pub message: String,
    /// The source line, without its line ending (empty past the end of a file).
    pub excerpt: String,
    /// 1-based terminal column of the caret under `excerpt`: like `column`, but CJK and other
    /// wide characters count as two.
    pub caret_column: usize,
}

impl Diagnostic {
    /// A finding about a whole file (missing, unreadable): line 1, column 1, no excerpt.
    pub fn whole_file(
        severity: Severity,
        code: &'static str,
        file: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            code,
            file: file.into(),
            line: 1,
            column: 1,
            message: message.into(),
            excerpt: String::new(),
            caret_column: 1,
        }
    }
}

impl fmt::Display for Diagnostic {
    /// ```text
    /// error[missing-message]: `quiz-title` is missing …
    ///   --> locales/zh-Hans/quiz.ftl:12:1
    ///    |
    /// 12 | quiz-check = 提交答案
    ///    | ^
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gutter = " ".repeat(self.line.to_string().len());
        writeln!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        writeln!(f, "{gutter}--> {}:{}:{}", self.file, self.line, self.column)?;
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{} | {}", self.line, self.excerpt)?;
        write!(
            f,
            "{gutter} | {}^",
            " ".repeat(self.caret_column.saturating_sub(1))
        )
    }
}

/// Checks `sources` (all locales, all files) and returns every finding, sorted by file, line
/// and column (errors first at the same place).
pub fn lint(sources: &[Source<'_>]) -> Vec<Diagnostic> {
    let files: Vec<ParsedFile<'_>> = sources.iter().map(ParsedFile::parse).collect();
    let mut found = Vec::new();
    syntax::check(&files, &mut found);
    duplicates::check(&files, &mut found);
    coverage::check(&files, &mut found);
    attributes::check(&files, &mut found);
    variables::check(&files, &mut found);
    plurals::check(&files, &mut found);
    empty::check(&files, &mut found);
    found.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, a.code)
            .cmp(&(&b.file, b.line, b.column, b.severity, b.code))
    });
    found
}

/// Each non-reference file with the en-US file of the same name.
fn counterparts<'f, 's>(
    files: &'f [ParsedFile<'s>],
) -> impl Iterator<Item = (&'f ParsedFile<'s>, &'f ParsedFile<'s>)> {
    files
        .iter()
        .filter(|f| f.locale != REFERENCE_LOCALE)
        .filter_map(move |file| {
            files
                .iter()
                .find(|r| r.locale == REFERENCE_LOCALE && r.name == file.name)
                .map(|reference| (reference, file))
        })
}

/// Each entry of `file` with the first en-US entry of the same id (first occurrences only:
/// later ones are duplicates, reported as such).
fn entry_pairs<'f, 's>(
    reference: &'f ParsedFile<'s>,
    file: &'f ParsedFile<'s>,
) -> impl Iterator<Item = (&'f file::Entry<'s>, &'f file::Entry<'s>)> {
    file.entries
        .iter()
        .enumerate()
        .filter(move |(i, e)| file.entries[..*i].iter().all(|earlier| earlier.id != e.id))
        .filter_map(move |(_, e)| reference.entry(&e.id).map(|r| (r, e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_pair(en: &str, zh: &str) -> Vec<Diagnostic> {
        lint(&[
            Source {
                locale: "en-US",
                file_name: "x.ftl",
                text: en,
            },
            Source {
                locale: "zh-Hans",
                file_name: "x.ftl",
                text: zh,
            },
        ])
    }

    #[test]
    fn matching_files_are_clean() {
        let en = "# $n: how many.\nm = { $n ->\n    [one] one item\n   *[other] { $n } items\n}\n";
        let zh = "# $n：数量。\nm = { $n } 项\n";
        assert_eq!(lint_pair(en, zh), []);
    }

    #[test]
    fn display_looks_like_rustc() {
        let found = lint_pair("a = A\nb = B\n", "a = 甲\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].to_string(),
            "error[missing-message]: `b` is missing: en-US has it at en-US/x.ftl:2:1; add it at \
             the end of the file\n --> zh-Hans/x.ftl:2:1\n  |\n2 | \n  | ^"
        );
    }

    #[test]
    fn a_syntax_error_in_chinese_text_has_a_character_column() {
        let found = lint_pair("a = A\n", "a = 中文 { $x\n");
        let syntax: Vec<_> = found.iter().filter(|d| d.code == "syntax").collect();
        assert_eq!(syntax.len(), 1, "{found:?}");
        assert_eq!((syntax[0].line, syntax[0].column), (1, 12), "{found:?}");
        assert_eq!(
            syntax[0].caret_column, 14,
            "after `$x`, where `}}` is missing"
        );
        assert!(
            found.iter().all(|d| d.code != "missing-message"),
            "the dropped message is reported once, as a syntax error: {found:?}"
        );
    }
}
