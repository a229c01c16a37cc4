//! Live preview for content editors (demo mode): `locales/` served as files, and a fingerprint
//! that changes whenever a `.ftl` file is saved, so the demo page can reload text without a
//! rebuild.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use axum::extract::State;
use axum::Json;
use riskguard_core::i18n::lint::Source;
use serde_json::{json, Value};

/// `GET /dev/locales/version`: `{ "version": "…", "files": ["en-US/warning.ftl", …] }`. The
/// version is a hash of every `.ftl` file's path, size and modification time.
pub async fn version(State(dir): State<PathBuf>) -> Json<Value> {
    let listing = tokio::task::spawn_blocking(move || fingerprint(&dir))
        .await
        .unwrap_or_default();
    let (version, files) = listing;
    Json(json!({ "version": format!("{version:016x}"), "files": files }))
}

/// `GET /dev/locales/lint`: the content editors' linter (`riskguard locales check`) run on the
/// served folder, as a JSON array of diagnostics.
pub async fn lint(State(dir): State<PathBuf>) -> Json<Value> {
    let diagnostics = tokio::task::spawn_blocking(move || {
        let (_, files) = fingerprint(&dir);
        let texts: Vec<(String, String, String)> = files
            .iter()
            .filter_map(|relative| {
                let (locale, file_name) = relative.split_once('/')?;
                let text = std::fs::read_to_string(dir.join(relative)).ok()?;
                Some((locale.to_owned(), file_name.to_owned(), text))
            })
            .collect();
        let sources: Vec<Source<'_>> = texts
            .iter()
            .map(|(locale, file_name, text)| Source {
                locale,
                file_name,
                text,
            })
            .collect();
        serde_json::to_value(riskguard_core::i18n::lint::lint(&sources)).unwrap_or_default()
    })
    .await
    .unwrap_or_default();
    Json(diagnostics)
}

/// The fingerprint and the `.ftl` files (relative paths, sorted) under `dir`.
fn fingerprint(dir: &Path) -> (u64, Vec<String>) {
    let mut entries = Vec::new();
    if let Ok(locales) = std::fs::read_dir(dir) {
        for locale in locales.flatten() {
            let Ok(files) = std::fs::read_dir(locale.path()) else {
                continue;
            };
            for file in files.flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let meta = file.metadata().ok();
                    let stamp = meta.as_ref().map(|m| (m.len(), m.modified().ok()));
                    let relative = path
                        .strip_prefix(dir)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .replace('\\', "/");
                    entries.push((relative, stamp));
                }
            }
        }
    }
    entries.sort();
    let mut hasher = DefaultHasher::new();
    entries.hash(&mut hasher);
    (
        hasher.finish(),
        entries.into_iter().map(|(path, _)| path).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn saving_a_file_changes_the_fingerprint() {
        let dir = std::env::temp_dir().join(format!("rg-locales-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("en-US")).expect("dir");
        std::fs::write(dir.join("en-US/a.ftl"), "a = 1\n").expect("write");
        std::fs::write(dir.join("en-US/notes.txt"), "x").expect("write");
        let (before, files) = fingerprint(&dir);
        assert_eq!(files, ["en-US/a.ftl"]);
        std::fs::write(dir.join("en-US/a.ftl"), "a = 12\n").expect("write");
        let (after, _) = fingerprint(&dir);
        assert_ne!(before, after);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
