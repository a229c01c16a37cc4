//! The frame of every dashboard page: the document around a page's body, and the page that
//! only says what went wrong.

use maud::{html, Markup, PreEscaped};

use super::text::Untrusted;

/// A complete HTML document titled `title`, with the dashboard's stylesheet, around `body`.
pub(crate) fn document(title: &str, body: Markup) -> Markup {
    html! {
        (PreEscaped("<!doctype html>"))
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (title) }
                link rel="stylesheet" href="/dashboard.css";
            }
            body { (body) }
        }
    }
}

/// A page with only a heading and a sentence (errors); `message` may repeat a client's query.
pub(crate) fn message_page(heading: &str, message: &str) -> Markup {
    document(
        "riskguard dashboard",
        html! {
            main class="page" {
                section class="empty" {
                    h1 { (heading) }
                    p { (Untrusted(message)) }
                    p { a href="/dashboard" { "Show all events" } }
                }
            }
        },
    )
}
