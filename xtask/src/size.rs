//! The size report: raw, gzip (best) and brotli (quality 11) bytes of what the browser
//! downloads, plus the Fluent locale data that is compiled into the wasm.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::wasm::{shown, Built};
use crate::workspace::Workspace;

/// The component's stylesheet, served next to the wasm.
pub const STYLESHEET: &str = "style/riskguard.css";

/// Sizes of one payload in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Sizes {
    /// Uncompressed.
    pub raw: u64,
    /// gzip at level 9 (flate2 `Compression::best()`).
    pub gzip: u64,
    /// brotli at quality 11, window 24 (as `brotli -q 11`).
    pub brotli: u64,
}

impl Sizes {
    /// Compresses `bytes` both ways and measures the results.
    pub fn of(bytes: &[u8]) -> Result<Self> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(bytes).context("gzip failed")?;
        let gzip = gz.finish().context("gzip failed")?.len();

        let mut br = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut br, 64 * 1024, 11, 24);
            writer.write_all(bytes).context("brotli failed")?;
            writer.flush().context("brotli failed")?;
        }
        Ok(Self {
            raw: bytes.len() as u64,
            gzip: gzip as u64,
            brotli: br.len() as u64,
        })
    }

    /// Measures a file.
    pub fn of_file(path: &Path) -> Result<Self> {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        Self::of(&bytes)
    }

    /// The sum of two sizes (payloads downloaded separately).
    pub fn plus(self, other: Self) -> Self {
        Self {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

/// One row of the report.
#[derive(Debug, Serialize)]
pub struct Row {
    /// What is measured, e.g. `riskguard_bg.wasm`.
    pub name: String,
    /// The file, relative to the workspace root.
    pub path: String,
    /// `None` when the file does not exist (yet).
    pub sizes: Option<Sizes>,
}

/// The Fluent catalogs, measured concatenated (they ship inside the wasm, not as files).
#[derive(Debug, Serialize)]
pub struct LocaleData {
    /// The `.ftl` files, relative to the workspace root, in the order concatenated.
    pub files: Vec<String>,
    /// Sizes of their concatenation.
    pub sizes: Sizes,
    /// Per locale folder (`en-US`, `zh-Hans`…): the sizes of its files concatenated, i.e. the
    /// bytes that locale adds to the component.
    pub per_locale: Vec<(String, Sizes)>,
}

/// The component's size report (`target/dist/size-report.json`).
#[derive(Debug, Serialize)]
pub struct SizeReport {
    /// The wasm, the JS glue and the stylesheet.
    pub files: Vec<Row>,
    /// Their sum: what a page downloads for the component.
    pub total: Sizes,
    /// The locale data compiled into the wasm (already counted in its size).
    pub locale_data: LocaleData,
}

/// Measures the built component, its stylesheet and its locale data.
pub fn component_report(ws: &Workspace, built: &Built) -> Result<SizeReport> {
    let file_name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut files = Vec::new();
    for (name, path, required) in [
        (file_name(&built.wasm), built.wasm.clone(), true),
        (file_name(&built.js), built.js.clone(), true),
        (STYLESHEET.to_owned(), ws.path(STYLESHEET), false),
    ] {
        let sizes = if required || path.is_file() {
            Some(Sizes::of_file(&path)?)
        } else {
            None
        };
        files.push(Row {
            name,
            path: shown(ws, &path),
            sizes,
        });
    }
    let total = files
        .iter()
        .filter_map(|r| r.sizes)
        .fold(Sizes::default(), Sizes::plus);

    let mut ftl = Vec::new();
    collect_ftl(&ws.path("locales"), &mut ftl)?;
    ftl.sort();
    let mut all = Vec::new();
    let mut by_locale: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    for file in &ftl {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        let locale = file
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        by_locale.entry(locale).or_default().extend(&bytes);
        all.extend(bytes);
    }
    let per_locale = by_locale
        .into_iter()
        .map(|(locale, bytes)| Ok((locale, Sizes::of(&bytes)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(SizeReport {
        files,
        total,
        locale_data: LocaleData {
            files: ftl.iter().map(|f| shown(ws, f)).collect(),
            sizes: Sizes::of(&all)?,
            per_locale,
        },
    })
}

fn collect_ftl(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_ftl(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
    Ok(())
}

/// The report as a table for the terminal.
pub fn render(report: &SizeReport) -> String {
    let mut out = String::new();
    out.push_str(&line("SIZE REPORT (bytes)", "raw", "gzip", "brotli"));
    out.push_str(&format!("{}\n", "-".repeat(WIDTH)));
    for row in &report.files {
        match row.sizes {
            Some(s) => out.push_str(&sizes_line(&row.name, s)),
            None => out.push_str(&line(&row.name, "missing", "-", "-")),
        }
    }
    out.push_str(&format!("{}\n", "-".repeat(WIDTH)));
    let parts: Vec<&str> = report
        .files
        .iter()
        .filter(|r| r.sizes.is_some())
        .map(|r| match r.name.rsplit('.').next() {
            Some("wasm") => "wasm",
            Some("js") => "js",
            Some("css") => "css",
            _ => "other",
        })
        .collect();
    out.push_str(&sizes_line(
        &format!("total ({})", parts.join(" + ")),
        report.total,
    ));
    out.push_str(&sizes_line(
        &format!(
            "locale data ({} .ftl, inside the wasm)",
            report.locale_data.files.len()
        ),
        report.locale_data.sizes,
    ));
    for (locale, sizes) in &report.locale_data.per_locale {
        out.push_str(&sizes_line(&format!("  of which {locale}"), *sizes));
    }
    out.push_str(&format!(
        "gzip total {} · brotli total {}\n",
        kib(report.total.gzip),
        kib(report.total.brotli)
    ));
    out
}

const WIDTH: usize = 40 + 3 * 12;

fn line(name: &str, raw: &str, gzip: &str, brotli: &str) -> String {
    format!("{name:<40}{raw:>12}{gzip:>12}{brotli:>12}\n")
}

fn sizes_line(name: &str, s: Sizes) -> String {
    line(
        name,
        &thousands(s.raw),
        &thousands(s.gzip),
        &thousands(s.brotli),
    )
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `31_232` → `30.5 KiB`.
pub fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Writes `value` as pretty JSON to `path` (creating its folder).
pub fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut text = serde_json::to_string_pretty(value).context("cannot serialise report")?;
    text.push('\n');
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn formats_kib() {
        assert_eq!(kib(31_232), "30.5 KiB");
    }

    #[test]
    fn compression_shrinks_repetitive_input() {
        let text = "riskguard ".repeat(1_000);
        let s = Sizes::of(text.as_bytes()).unwrap();
        assert_eq!(s.raw, 10_000);
        assert!(s.gzip < 200 && s.brotli < 200, "{s:?}");
    }

    #[test]
    fn renders_totals_and_missing_files() {
        let s = Sizes {
            raw: 1_000,
            gzip: 500,
            brotli: 400,
        };
        let report = SizeReport {
            files: vec![
                Row {
                    name: "riskguard_bg.wasm".into(),
                    path: "target/dist/pkg/riskguard_bg.wasm".into(),
                    sizes: Some(s),
                },
                Row {
                    name: "riskguard.js".into(),
                    path: "target/dist/pkg/riskguard.js".into(),
                    sizes: Some(s),
                },
                Row {
                    name: STYLESHEET.into(),
                    path: STYLESHEET.into(),
                    sizes: None,
                },
            ],
            total: s.plus(s),
            locale_data: LocaleData {
                files: vec!["locales/en-US/quiz.ftl".into()],
                per_locale: vec![("en-US".into(), Sizes::default())],
                sizes: s,
            },
        };
        let table = render(&report);
        assert!(table.contains("style/riskguard.css"), "{table}");
        assert!(table.contains("missing"), "{table}");
        assert!(table.contains("total (wasm + js)"), "{table}");
        assert!(table.contains("2,000"), "{table}");
        assert!(table.contains("locale data (1 .ftl"), "{table}");
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["total"]["gzip"], 1_000);
        assert!(json["files"][2]["sizes"].is_null());
    }
}
