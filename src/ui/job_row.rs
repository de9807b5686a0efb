//! One row of the jobs table. It reads only its own signal, never the clock. On a phone the
//! same row is a card (style/tables.css): Name, Status and "Expires in" first, the other
//! cells labelled by their `data-label`.

use leptos::prelude::*;

use super::job_rows::JobRow;
use super::state::use_app;
use super::status_badge::StatusBadge;
use super::why::WhyButton;
use super::why_reason::WhySubject;
use crate::i18n::Text;

#[component]
pub fn JobRowView(row: ArcRwSignal<JobRow>, is_selected: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let read = {
        let row = row.clone();
        move |f: fn(&JobRow) -> String| {
            let r = row.clone();
            move || r.with(f)
        }
    };
    // A cell's label for the phone cards, in the row's language.
    let label = |key: Text| read_label(row.clone(), key);
    let name = row.with_untracked(|r| r.name.clone());
    // Memos: the row changes every tick (its countdown), its status and rule rarely.
    let status: Signal<&'static str> = Memo::new({
        let r = row.clone();
        move |_| r.with(|r| r.status)
    })
    .into();
    let overdue = {
        let r = row.clone();
        move || r.with(|r| r.overdue.then(|| r.lang.t(Text::FlagOverdue)))
    };
    let not_overdue = {
        let r = row.clone();
        move || r.with(|r| !r.overdue)
    };
    let deleted_note = {
        let r = row.clone();
        move || {
            r.with(|r| {
                r.deleted
                    .as_ref()
                    .map(|(at, rule)| format!("{} {at} ({})", r.lang.t(Text::DeletedAt), rule.id()))
            })
        }
    };
    // A memo: the row changes every tick (its countdown text), the rule rarely; the "Why?"
    // button is rebuilt only when the rule itself changes.
    let next_rule = Memo::new({
        let r = row.clone();
        move |_| r.with(|r| r.next_rule)
    });
    let why_name = name.clone();
    let expires_title = {
        let r = row.clone();
        move || r.with(|r| r.expires_detail.clone())
    };
    view! {
        <tr class:selected=move || is_selected.get()>
            <td class="c-name">
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
            <td class="c-type" data-label=label(Text::ColType)>{read(|r| r.job_type.to_string())}</td>
            <td class="c-status">
                <StatusBadge kind="job" id=status />
                " "
                <span class="flag overdue-flag" hidden=not_overdue>{overdue}</span>
                <span class="deleted-note">{deleted_note}</span>
                " "
                <WhyButton job=name.clone() subject=WhySubject::Status shown=status />
            </td>
            <td class="c-account" data-label=label(Text::ColStorageAccount)>
                {read(|r| r.storage_account.clone())}
            </td>
            <td class="num c-created" data-label=label(Text::ColCreated) title=read(|r| r.created_at.clone())>
                {read(|r| r.created.clone())}
            </td>
            <td class="num c-percent" data-label=label(Text::ColPercent)>
                <span class="percent">{read(|r| format!("{}%", r.percent))}</span>
            </td>
            <td class="num c-expires" data-label=label(Text::ColExpiresIn) title=expires_title>
                {read(|r| r.expires.clone())}
                {move || next_rule.get().map(|rule| view! {
                    <WhyButton job=why_name.clone() subject=WhySubject::Countdown shown=rule />
                })}
            </td>
        </tr>
    }
}

fn read_label(row: ArcRwSignal<JobRow>, key: Text) -> impl Fn() -> &'static str + Send + Sync {
    move || row.with(|r| r.lang.t(key))
}
