//! One row of the jobs table. It reads only its own signal, never the clock.

use leptos::prelude::*;

use super::job_rows::JobRow;
use super::state::use_app;
use super::status_badge::StatusBadge;
use super::use_lang;
use crate::i18n::Text;

#[component]
pub fn JobRowView(row: ArcRwSignal<JobRow>, is_selected: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let r = row.clone();
    let get = move |f: fn(&JobRow) -> String| {
        let r = r.clone();
        move || r.with(f)
    };
    let name = row.with_untracked(|r| r.name.clone());
    let status = Signal::derive({
        let r = row.clone();
        move || r.with(|r| r.status)
    });
    let deleted_note = {
        let r = row.clone();
        move || {
            r.with(|r| {
                r.deleted.as_ref().map(|(at, rule)| {
                    format!("{} {at} ({})", lang.get().t(Text::DeletedAt), rule.id())
                })
            })
        }
    };
    let percent = {
        let r = row.clone();
        move || r.with(|r| r.percent)
    };
    let expires_title = {
        let r = row.clone();
        move || r.with(|r| r.expires_rule.map(|rule| rule.id().to_string()))
    };
    view! {
        <tr class:selected=move || is_selected.get()>
            <td>
                <button
                    class="link job-link"
                    // A plain table has no selectable rows in ARIA; the selected job is "current".
                    aria-current=move || is_selected.get().then_some("true")
                    on:click={
                        let name = name.clone();
                        move |_| app.select(name.clone())
                    }
                >
                    {name.clone()}
                </button>
            </td>
            <td>{get(|r| r.job_type.to_string())}</td>
            <td>
                <StatusBadge kind="job" id=status />
                <span class="deleted-note">{deleted_note}</span>
            </td>
            <td>{get(|r| r.storage_account.clone())}</td>
            <td class="num">{get(|r| r.created.clone())}</td>
            <td class="num">
                <span class="percent">{move || format!("{}%", percent())}</span>
            </td>
            <td class="num" title=expires_title>{get(|r| r.expires.clone())}</td>
        </tr>
    }
}
