//! A sortable column header: a button that toggles the order, with `aria-sort` telling
//! screen readers the current order and an arrow telling everyone else. A header may explain
//! its column (its `title`, which is also the button's accessible description).

use leptos::prelude::*;

use super::job_rows::{RowQuery, SortKey};
use super::use_lang;
use crate::i18n::Text;

#[component]
pub fn SortHeader(
    key: SortKey,
    label: Text,
    /// What the column means, on hover and as the header's description.
    hint: Option<Text>,
    query: RwSignal<RowQuery>,
) -> impl IntoView {
    let lang = use_lang();
    let active = move || query.with(|q| q.sort == key);
    let aria_sort = move || match (active(), query.with(|q| q.descending)) {
        (false, _) => "none",
        (true, false) => "ascending",
        (true, true) => "descending",
    };
    let arrow = move || match aria_sort() {
        "ascending" => " ▲",
        "descending" => " ▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button
                class="sort"
                title=move || hint.map(|h| lang.get().t(h))
                on:click=move |_| {
                    query.update(|q| {
                        if q.sort == key {
                            q.descending = !q.descending;
                        } else {
                            q.sort = key;
                            q.descending = false;
                        }
                    })
                }
            >
                {move || lang.get().t(label)}
                <span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
