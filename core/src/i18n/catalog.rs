//! The compiled-in Fluent catalogs and message lookup with fallback.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::lint::LineIndex;
use super::Locale;

/// Arguments for a message: `(name, value)` pairs.
pub type Args<'a> = &'a [(&'a str, FluentValue<'a>)];

/// The `.ftl` sources compiled in, per locale, in `Locale::ALL` order.
const SOURCES: [(Locale, &[&str]); 3] = [
    (
        Locale::EnUs,
        &[
            include_str!("../../../locales/en-US/warning.ftl"),
            include_str!("../../../locales/en-US/categories.ftl"),
            include_str!("../../../locales/en-US/quiz.ftl"),
        ],
    ),
    (
        Locale::ZhHans,
        &[
            include_str!("../../../locales/zh-Hans/warning.ftl"),
            include_str!("../../../locales/zh-Hans/categories.ftl"),
            include_str!("../../../locales/zh-Hans/quiz.ftl"),
        ],
    ),
    (
        Locale::ZhHant,
        &[
            include_str!("../../../locales/zh-Hant/warning.ftl"),
            include_str!("../../../locales/zh-Hant/categories.ftl"),
            include_str!("../../../locales/zh-Hant/quiz.ftl"),
        ],
    ),
];

/// A parsed `.ftl` file, shared between the catalogs that use it.
type Resource = Arc<FluentResource>;

/// Fluent bundles for every shipped locale: the compiled-in text, with any overrides the host
/// loaded at runtime merged over it (an override replaces messages with the same id). Every
/// file is parsed once; a new override rebuilds only its own locale's bundle.
pub struct Catalog {
    bundles: HashMap<Locale, Arc<FluentBundle<Resource>>>,
    /// `(locale, file name, parsed source)` of each override, in the order they were added.
    overrides: Vec<(Locale, String, Resource)>,
}

/// Why an override file was refused, with its position (1-based; columns count characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideError {
    /// The override's file name, as the host gave it.
    pub file: String,
    /// Line of the problem.
    pub line: usize,
    /// Column of the problem.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for OverrideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The compiled-in files of each locale, parsed once.
fn builtin_resources(locale: Locale) -> &'static [Resource] {
    static PARSED: OnceLock<Vec<(Locale, Vec<Resource>)>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(locale, sources)| {
                let resources = sources
                    .iter()
                    // A parse error keeps the entries that did parse; `builtin_catalog_is_clean`
                    // keeps the shipped files free of errors.
                    .map(|source| {
                        Arc::new(
                            FluentResource::try_new((*source).to_owned())
                                .unwrap_or_else(|(partial, _errors)| partial),
                        )
                    })
                    .collect();
                (*locale, resources)
            })
            .collect()
    });
    parsed
        .iter()
        .find(|(l, _)| *l == locale)
        .map_or(&[], |(_, resources)| resources.as_slice())
}

/// The bundle of `locale`: its compiled-in files, then its overrides in the order they came.
fn bundle(locale: Locale, overrides: &[(Locale, String, Resource)]) -> FluentBundle<Resource> {
    let mut bundle = FluentBundle::new_concurrent(vec![locale.tag().parse().unwrap_or_default()]);
    // Isolation marks (U+2068/U+2069) would show up in attributes and tests.
    bundle.set_use_isolating(false);
    for resource in builtin_resources(locale) {
        // Duplicate ids: the first definition wins, as the linter will report.
        let _ = bundle.add_resource(Arc::clone(resource));
    }
    for (_, _, resource) in overrides.iter().filter(|(l, _, _)| *l == locale) {
        bundle.add_resource_overriding(Arc::clone(resource));
    }
    bundle
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("locales", &self.bundles.keys().collect::<Vec<_>>())
            .field("overrides", &self.overrides.len())
            .finish()
    }
}

impl Catalog {
    /// The catalog built from the `.ftl` files compiled into the component (built once, shared).
    pub fn builtin() -> &'static Arc<Catalog> {
        static BUILTIN: OnceLock<Arc<Catalog>> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let bundles = Locale::ALL
                .into_iter()
                .map(|locale| (locale, Arc::new(bundle(locale, &[]))))
                .collect();
            Arc::new(Catalog {
                bundles,
                overrides: Vec::new(),
            })
        })
    }

    /// A catalog with `source` (Fluent text, named `file`) merged over this one for `locale`.
    /// A later override of the same file replaces the earlier one. A file with any syntax
    /// error is refused whole, with every error's position: the text in force stays.
    pub fn with_override(
        &self,
        locale: Locale,
        file: &str,
        source: &str,
    ) -> Result<Catalog, Vec<OverrideError>> {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => Arc::new(resource),
            Err((_, errors)) => {
                return Err(errors
                    .into_iter()
                    .map(|e| {
                        let (line, column) = line_column(source, e.pos.start);
                        OverrideError {
                            file: file.to_owned(),
                            line,
                            column,
                            message: e.kind.to_string(),
                        }
                    })
                    .collect())
            }
        };
        let mut overrides = self.overrides.clone();
        overrides.retain(|(l, f, _)| !(*l == locale && f == file));
        overrides.push((locale, file.to_owned(), resource));
        let mut bundles = self.bundles.clone();
        bundles.insert(locale, Arc::new(bundle(locale, &overrides)));
        Ok(Catalog { bundles, overrides })
    }

    /// The message `id` in `locale`; else in English; else a safe generic sentence.
    /// Users never see a message id.
    pub fn format(&self, locale: Locale, id: &str, args: Args<'_>) -> String {
        [locale, Locale::EnUs]
            .into_iter()
            .find_map(|l| self.lookup(l, id, args))
            .unwrap_or_else(|| safe_message(locale).to_owned())
    }

    /// Whether `locale` itself (without fallback) has a value for `id`.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundles
            .get(&locale)
            .and_then(|b| b.get_message(id))
            .is_some_and(|m| m.value().is_some())
    }

    fn lookup(&self, locale: Locale, id: &str, args: Args<'_>) -> Option<String> {
        let bundle = self.bundles.get(&locale)?;
        let pattern = bundle.get_message(id)?.value()?;
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::new();
            for (name, value) in args {
                fa.set(*name, value.clone());
            }
            fa
        });
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// 1-based line and column (in characters) of byte offset `at` in `text`, as the linter
/// counts them.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let position = LineIndex::new(text).position(at);
    (position.line, position.column)
}

/// What a user sees if a message is missing everywhere.
fn safe_message(locale: Locale) -> &'static str {
    match locale {
        Locale::EnUs => "This transfer may be a scam. If in doubt, cancel it.",
        Locale::ZhHans => "这笔转账可能涉及诈骗。如有疑问，请取消。",
        Locale::ZhHant => "這筆轉帳可能涉及詐騙。如有疑問，請取消。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_is_clean() {
        for (locale, sources) in SOURCES {
            for source in sources {
                if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
                    panic!("{}: {errors:?}", locale.tag());
                }
            }
        }
    }

    #[test]
    fn every_english_message_exists_in_every_locale() {
        let catalog = Catalog::builtin();
        let english = FluentResource::try_new(SOURCES[0].1.concat()).expect("parses");
        for entry in english.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                for locale in [Locale::ZhHans, Locale::ZhHant] {
                    assert!(
                        catalog.has(locale, m.id.name),
                        "{} lacks {}",
                        locale.tag(),
                        m.id.name
                    );
                }
            }
        }
    }

    #[test]
    fn an_override_replaces_messages_and_keeps_the_rest() {
        let catalog = Catalog::builtin()
            .with_override(
                Locale::EnUs,
                "live.ftl",
                "warning-cancel = Stop this transfer\n",
            )
            .expect("valid override");
        assert_eq!(
            catalog.format(Locale::EnUs, "warning-cancel", &[]),
            "Stop this transfer"
        );
        assert_eq!(
            catalog.format(Locale::EnUs, "warning-proceed", &[]),
            "Send anyway"
        );
        assert_eq!(
            catalog.format(Locale::ZhHans, "warning-cancel", &[]),
            "取消转账"
        );
        // A newer version of the same file replaces the older one.
        let catalog = catalog
            .with_override(Locale::EnUs, "live.ftl", "warning-proceed = Go on\n")
            .expect("valid override");
        assert_eq!(
            catalog.format(Locale::EnUs, "warning-cancel", &[]),
            "Cancel transfer"
        );
        assert_eq!(
            catalog.format(Locale::EnUs, "warning-proceed", &[]),
            "Go on"
        );
    }

    #[test]
    fn a_broken_override_is_refused_with_its_position() {
        let source = "warning-cancel = 取消\n\n坏 = x\n";
        let errors = Catalog::builtin()
            .with_override(Locale::ZhHans, "zh-Hans/warning.ftl", source)
            .expect_err("broken");
        assert_eq!((errors[0].line, errors[0].column), (3, 1), "{errors:?}");
        assert!(errors[0]
            .to_string()
            .starts_with("zh-Hans/warning.ftl:3:1: "));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_column("ab\n中文x", 9), (2, 3));
        assert_eq!(
            line_column("中", 1),
            (1, 1),
            "inside a character: its start"
        );
    }

    #[test]
    fn plurals_are_chosen_from_real_numbers() {
        let score = |total: u32| {
            Catalog::builtin().format(
                Locale::EnUs,
                "quiz-score",
                &[("score", 1.into()), ("total", total.into())],
            )
        };
        assert_eq!(score(1), "You got 1 of 1 question right.");
        assert_eq!(score(4), "You got 1 of 4 questions right.");
        let zh = Catalog::builtin().format(
            Locale::ZhHans,
            "quiz-score",
            &[("score", 1.into()), ("total", 4.into())],
        );
        assert_eq!(zh, "你答对了 1 题，共 4 题。");
    }

    #[test]
    fn traditional_chinese_is_its_own_text() {
        let catalog = Catalog::builtin();
        let (hans, hant) = (
            catalog.format(Locale::ZhHans, "warning-cancel", &[]),
            catalog.format(Locale::ZhHant, "warning-cancel", &[]),
        );
        assert_eq!((hans.as_str(), hant.as_str()), ("取消转账", "取消轉帳"));
    }

    #[test]
    fn formats_with_arguments_and_without_isolation_marks() {
        let text = Catalog::builtin().format(
            Locale::EnUs,
            "quiz-progress",
            &[("current", 2.into()), ("total", 4.into())],
        );
        assert_eq!(text, "Question 2 of 4");
    }

    #[test]
    fn missing_message_falls_back_to_a_safe_sentence_never_the_id() {
        let text = Catalog::builtin().format(Locale::ZhHans, "no-such-message", &[]);
        assert_eq!(text, safe_message(Locale::ZhHans));
    }
}
