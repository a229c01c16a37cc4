//! The current locale as Leptos context, and message lookup for components.

use leptos::prelude::*;
use riskguard_core::i18n::{Args, Catalog, Locale};

/// Read access to localized text for components. Cheap to copy into closures.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: Signal<Locale>,
}

impl I18n {
    /// Text follows `locale` as it changes.
    pub fn new(locale: Signal<Locale>) -> Self {
        Self { locale }
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
        Catalog::builtin().format(self.locale(), id, args)
    }
}

/// Makes `locale` the locale of every riskguard component below the current owner.
pub fn provide_i18n(locale: impl Into<Signal<Locale>>) {
    provide_context(I18n::new(locale.into()));
}

/// The [`I18n`] provided above, or English when none was.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Signal::stored(Locale::EnUs)))
}
