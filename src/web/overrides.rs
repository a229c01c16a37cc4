//! The rules and text a host gives at mount — inline, or fetched from a URL — put in force
//! through the session; a broken one is logged and the built-in one stays.

use std::collections::BTreeMap;
use std::rc::Rc;

use riskguard_core::i18n::Locale;

use super::session::Session;

/// The `rules` option (JSON text), then the rules fetched from `url` when they arrive.
pub fn apply_rules(session: &Rc<Session>, rules: Option<String>, url: Option<String>) {
    if let Some(json) = rules {
        if let Err(e) = session.set_rules(&json) {
            rules_refused("the `rules` option", &e);
        }
    }
    let Some(url) = url else {
        return;
    };
    let weak = Rc::downgrade(session);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match gloo_net::http::Request::get(&url).send().await {
            Ok(response) if response.ok() => response.text().await.map_err(|e| e.to_string()),
            Ok(response) => Err(format!("HTTP {}", response.status())),
            Err(e) => Err(e.to_string()),
        };
        let applied = loaded.and_then(|json| match weak.upgrade() {
            Some(session) => session.set_rules(&json),
            None => Ok(()),
        });
        if let Err(e) = applied {
            rules_refused(&url, &e);
        }
    });
}

/// The `messages` option, then the text fetched for every locale from `template` (with
/// `{locale}` in it; a 404 means "no overrides") when it arrives.
pub fn apply_messages(
    session: &Rc<Session>,
    messages: BTreeMap<String, String>,
    template: Option<String>,
) {
    for (tag, source) in messages {
        if let Err(e) = session.set_messages(&tag, &format!("messages[{tag}]"), &source) {
            text_refused(&e);
        }
    }
    let Some(template) = template else {
        return;
    };
    for locale in Locale::ALL {
        let url = template.replace("{locale}", locale.tag());
        let weak = Rc::downgrade(session);
        wasm_bindgen_futures::spawn_local(async move {
            let source = match gloo_net::http::Request::get(&url).send().await {
                Ok(response) if response.status() == 404 => return,
                Ok(response) if response.ok() => response.text().await.map_err(|e| e.to_string()),
                Ok(response) => Err(format!("{url}: HTTP {}", response.status())),
                Err(e) => Err(format!("{url}: {e}")),
            };
            let applied = source.and_then(|source| match weak.upgrade() {
                Some(session) => session.set_messages(locale.tag(), &url, &source),
                None => Ok(()),
            });
            if let Err(e) = applied {
                text_refused(&e);
            }
        });
    }
}

/// Says, in the console, why a text override was not used.
pub fn text_refused(why: &str) {
    web_sys::console::error_1(
        &format!("riskguard: text override refused, the built-in text stays: {why}").into(),
    );
}

/// Says, in the console, why the host's rules were not used.
fn rules_refused(what: &str, why: &str) {
    web_sys::console::error_1(
        &format!("riskguard: {what} could not be used, the built-in rules stay in force: {why}")
            .into(),
    );
}
