//! `riskguard locales check [DIR]`: the linter for the `.ftl` files content editors change.
//!
//! DIR holds one directory per locale (`en-US/`, `zh-Hans/`, …) with `.ftl` files; en-US is
//! the reference. Findings are printed like compiler errors (or as a JSON array with
//! `--format json`), then `N errors, M warnings in K files`. Exit code 1 when there is any
//! error; warnings alone exit 0.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use riskguard_core::i18n::lint::{lint, Diagnostic, Severity, Source, REFERENCE_LOCALE};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Like compiler errors, with the line and a caret; the summary last.
    Human,
    /// A JSON array of diagnostics on stdout; the summary on stderr.
    Json,
}

/// One `.ftl` file as read from disk.
struct FileText {
    locale: String,
    name: String,
    /// `None` when the file is not UTF-8.
    text: Option<String>,
}

/// Lints every `DIR/<locale>/*.ftl` and prints the findings.
pub fn check(dir: &Path, format: Format) -> Result<ExitCode, String> {
    let files = read_locales(dir)?;
    if !files.iter().any(|f| f.locale == REFERENCE_LOCALE) {
        return Err(format!(
            "{} has no {REFERENCE_LOCALE}/*.ftl: the reference locale is needed to compare with",
            dir.display()
        ));
    }
    let sources: Vec<Source<'_>> = files
        .iter()
        .filter_map(|f| {
            Some(Source {
                locale: &f.locale,
                file_name: &f.name,
                text: f.text.as_deref()?,
            })
        })
        .collect();
    let mut found: Vec<Diagnostic> = files
        .iter()
        .filter(|f| f.text.is_none())
        .map(|f| {
            Diagnostic::whole_file(
                Severity::Error,
                "encoding",
                format!("{}/{}", f.locale, f.name),
                "the file is not UTF-8: save it as UTF-8 (in most editors: \"Save with encoding\")",
            )
        })
        .collect();
    found.extend(lint(&sources));
    let root = dir.display().to_string();
    let root = root.trim_end_matches('/');
    for diagnostic in &mut found {
        diagnostic.file = format!("{root}/{}", diagnostic.file);
    }
    let errors = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let summary = format!(
        "{}, {} in {}",
        count(errors, "error"),
        count(found.len() - errors, "warning"),
        count(files.len(), "file")
    );
    match format {
        Format::Human => {
            for diagnostic in &found {
                println!("{diagnostic}\n");
            }
            println!("{summary}");
        }
        Format::Json => {
            let json = serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?;
            println!("{json}");
            eprintln!("{summary}");
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `3 errors`, `1 error`, `0 errors`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Every `DIR/<locale>/*.ftl`, sorted by locale then file name.
fn read_locales(dir: &Path) -> Result<Vec<FileText>, String> {
    let cannot = |path: &Path, e: std::io::Error| format!("cannot read {}: {e}", path.display());
    let mut locales = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| cannot(dir, e))? {
        let entry = entry.map_err(|e| cannot(dir, e))?;
        if entry.path().is_dir() {
            locales.push(entry.path());
        }
    }
    locales.sort();
    let mut files = Vec::new();
    for locale_dir in locales {
        let locale = locale_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(&locale_dir).map_err(|e| cannot(&locale_dir, e))? {
            let path = entry.map_err(|e| cannot(&locale_dir, e))?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "ftl") {
                paths.push(path);
            }
        }
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|e| cannot(&path, e))?;
            files.push(FileText {
                locale: locale.clone(),
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text: String::from_utf8(bytes).ok(),
            });
        }
    }
    Ok(files)
}
