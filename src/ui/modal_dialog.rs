//! `<ModalDialog>`: what every riskguard dialog shares (the warning, the blocked screen, the
//! quiz) — its role, `aria-modal`, the title and description it is labelled by, Escape and the
//! Tab trap, the element focused when it opens and the paint mark `cargo xtask bench paint`
//! measures. Callers spread their `data-rg-*` attributes onto it after `{..}`.

use leptos::callback::UnsyncCallback;
use leptos::html;
use leptos::prelude::*;

use super::dom::{focus_on_mount, mark_painted};
use super::focus_trap::modal_keys;

/// A modal dialog around `children`.
#[component]
pub fn ModalDialog(
    /// `alertdialog` for a warning that needs an answer, `dialog` for the quiz.
    role: &'static str,
    /// The dialog element's classes.
    #[prop(into)]
    class: String,
    /// Id of the element that names the dialog (its title).
    labelled_by: String,
    /// Id of the element that describes it, if any.
    #[prop(optional)]
    described_by: Option<String>,
    /// Escape: the safe way out.
    on_escape: UnsyncCallback<()>,
    /// The control focused when the dialog opens (the safe action).
    #[prop(optional)]
    initial_focus: Option<NodeRef<html::Button>>,
    /// Marks the first paint for `cargo xtask bench paint`.
    #[prop(default = false)]
    paint_mark: bool,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Div>::new();
    if let Some(target) = initial_focus {
        focus_on_mount(target);
    }
    if paint_mark {
        mark_painted(dialog);
    }
    view! {
        <div
            class=class
            role=role
            aria-modal="true"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            node_ref=dialog
            on:keydown=modal_keys(dialog, move || on_escape.run(()))
        >
            {children()}
        </div>
    }
}
