//! A state shown by text and by shape: the shape comes from CSS (`::before`), so the cell's
//! text still starts with the state's identifier, as the page's contract promises.

use leptos::prelude::*;

/// The identifier goes into the DOM as text; `kind` ("job" or "drive") and the identifier
/// pick the shape in `style/tables.css`.
#[component]
pub fn StatusBadge(kind: &'static str, #[prop(into)] id: Signal<&'static str>) -> impl IntoView {
    view! {
        <span class=move || format!("status {kind}-status status-{}", id.get())>{move || id.get()}</span>
    }
}
