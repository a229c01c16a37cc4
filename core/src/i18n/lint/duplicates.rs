//! `duplicate-id`: the same message (or term) id twice in one locale, in one file or across
//! its files. The runtime keeps only one of them, so the other text silently never shows.

use std::collections::HashMap;

use super::file::ParsedFile;
use super::{Diagnostic, Severity};

/// Reports every occurrence after the first, pointing at the first.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    // (locale, id) → (file, line) of the first definition.
    let mut first: HashMap<(&str, &str), (&str, usize)> = HashMap::new();
    for file in files {
        for entry in &file.entries {
            let key = (file.locale, entry.id.as_str());
            let line = file
                .diagnostic(Severity::Error, "", entry.start, String::new())
                .line;
            match first.get(&key) {
                Some(&(path, first_line)) => found.push(file.diagnostic(
                    Severity::Error,
                    "duplicate-id",
                    entry.start,
                    format!(
                        "`{}` is defined twice in {}: first at {path}:{first_line}; only one \
                         of them can be shown, keep one",
                        entry.id, file.locale
                    ),
                )),
                None => {
                    first.insert(key, (&file.path, line));
                }
            }
        }
    }
}
