//! The current locale and catalog as Leptos context, and message lookup for components.

use std::sync::Arc;

use leptos::prelude::*;
use riskguard_core::i18n::{Args, Catalog, Locale};

/// Read access to localized text for components. Cheap to copy into closures.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: Signal<Locale>,
    catalog: Option<Signal<Arc<Catalog>>>,
}

impl I18n {
    /// Text from the compiled-in catalog that follows `locale` as it changes.
    pub fn new(locale: Signal<Locale>) -> Self {
        Self {
            locale,
            catalog: None,
        }
    }

    /// Text from `catalog` (which may change at runtime, e.g. with host overrides).
    pub fn with_catalog(locale: Signal<Locale>, catalog: Signal<Arc<Catalog>>) -> Self {
        Self {
            locale,
            catalog: Some(catalog),
        }
    }

    /// The current locale (tracked: a view using it updates when it changes).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The message `id` in the current locale, with English and a safe sentence as fallbacks.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    /// The message `id` with arguments.
    pub fn t_args(&self, id: &str, args: Args<'_>) -> String {
        let locale = self.locale();
        match self.catalog {
            Some(catalog) => catalog.with(|c| c.format(locale, id, args)),
            None => Catalog::builtin().format(locale, id, args),
        }
    }
}

/// Makes `locale` the locale of every riskguard component below the current owner.
pub fn provide_i18n(locale: impl Into<Signal<Locale>>) {
    provide_context(I18n::new(locale.into()));
}

/// As [`provide_i18n`], with a catalog that can change at runtime.
pub fn provide_i18n_with(locale: impl Into<Signal<Locale>>, catalog: Signal<Arc<Catalog>>) {
    provide_context(I18n::with_catalog(locale.into(), catalog));
}

/// The [`I18n`] provided above, or English when none was.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Signal::stored(Locale::EnUs)))
}
