//! One row of the jobs table. It reads only its own signals, never the clock. On a phone the
//! same row is a card (style/tables.css): Name, Status and "Expires in" first, the other
//! cells labelled by their `data-label`.
//!
//! A row's cells are split by how often they change: the countdown every tick, the status,
//! percent and next rule on the job's events, the rest (type, account, dates, language)
//! almost never. A tick then re-runs the countdown's two closures, not every cell's.

use leptos::prelude::*;

use super::job_rows::JobRow;
use super::state::use_app;
use super::status_badge::StatusBadge;
use super::why::WhyButton;
use super::why_reason::WhySubject;
use crate::i18n::{Lang, Text};
use crate::model::RuleId;

/// The cells that change with the job's events.
#[derive(Clone, PartialEq, Eq)]
struct Live {
    status: &'static str,
    overdue: bool,
    percent: u8,
    next_rule: Option<&'static str>,
    deleted: Option<(String, RuleId)>,
}

/// The cells that almost never change.
#[derive(Clone, PartialEq, Eq)]
struct Fixed {
    job_type: &'static str,
    storage_account: String,
    created: String,
    created_at: String,
    lang: Lang,
}

/// A row's signals, set by the table's one pass over the shown rows.
#[derive(Clone)]
pub struct RowCells {
    name: String,
    /// "Expires in" and its hover text.
    expires: ArcRwSignal<(String, Option<String>)>,
    live: ArcRwSignal<Live>,
    fixed: ArcRwSignal<Fixed>,
}

fn parts(r: &JobRow) -> ((String, Option<String>), Live, Fixed) {
    (
        (r.expires.clone(), r.expires_detail.clone()),
        Live {
            status: r.status,
            overdue: r.overdue,
            percent: r.percent,
            next_rule: r.next_rule,
            deleted: r.deleted.clone(),
        },
        Fixed {
            job_type: r.job_type,
            storage_account: r.storage_account.clone(),
            created: r.created.clone(),
            created_at: r.created_at.clone(),
            lang: r.lang,
        },
    )
}

fn put<T: PartialEq + Send + Sync + 'static>(s: &ArcRwSignal<T>, v: T) {
    if s.with_untracked(|old| *old != v) {
        s.set(v);
    }
}

impl RowCells {
    pub fn new(r: &JobRow) -> Self {
        let (expires, live, fixed) = parts(r);
        RowCells {
            name: r.name.clone(),
            expires: ArcRwSignal::new(expires),
            live: ArcRwSignal::new(live),
            fixed: ArcRwSignal::new(fixed),
        }
    }

    /// Hands the row its new values; only the groups that changed wake their cells.
    pub fn set(&self, r: &JobRow) {
        let (expires, live, fixed) = parts(r);
        put(&self.expires, expires);
        put(&self.live, live);
        put(&self.fixed, fixed);
    }
}

#[component]
pub fn JobRowView(row: RowCells, is_selected: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let RowCells {
        name,
        expires,
        live,
        fixed,
    } = row;
    let lang = {
        let f = fixed.clone();
        move || f.with(|f| f.lang)
    };
    let fx = {
        let f = fixed.clone();
        move |get: fn(&Fixed) -> String| {
            let f = f.clone();
            move || f.with(get)
        }
    };
    // A cell's label for the phone cards, in the row's language.
    let label = |key: Text| {
        let lang = lang.clone();
        move || lang().t(key)
    };
    let status: Signal<&'static str> = Memo::new({
        let l = live.clone();
        move |_| l.with(|l| l.status)
    })
    .into();
    let overdue = {
        let (l, lang) = (live.clone(), lang.clone());
        move || l.with(|l| l.overdue.then(|| lang().t(Text::FlagOverdue)))
    };
    let not_overdue = {
        let l = live.clone();
        move || l.with(|l| !l.overdue)
    };
    let deleted_note = {
        let (l, lang) = (live.clone(), lang.clone());
        move || {
            l.with(|l| {
                l.deleted
                    .as_ref()
                    .map(|(at, rule)| format!("{} {at} ({})", lang().t(Text::DeletedAt), rule.id()))
            })
        }
    };
    // The "Why?" button beside the countdown is rebuilt only when the rule itself changes.
    let next_rule = Memo::new({
        let l = live.clone();
        move |_| l.with(|l| l.next_rule)
    });
    let percent = {
        let l = live.clone();
        move || l.with(|l| format!("{}%", l.percent))
    };
    let why_name = name.clone();
    let expires_title = {
        let e = expires.clone();
        move || e.with(|e| e.1.clone())
    };
    let expires_text = move || expires.with(|e| e.0.clone());
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
            <td class="c-type" data-label=label(Text::ColType)>{move || fixed.with(|f| f.job_type)}</td>
            <td class="c-status">
                <StatusBadge kind="job" id=status />
                " "
                <span class="flag overdue-flag" hidden=not_overdue>{overdue}</span>
                <span class="deleted-note">{deleted_note}</span>
                " "
                <WhyButton job=name.clone() subject=WhySubject::Status shown=status />
            </td>
            <td class="c-account" data-label=label(Text::ColStorageAccount)>
                {fx(|f| f.storage_account.clone())}
            </td>
            <td class="num c-created" data-label=label(Text::ColCreated) title=fx(|f| f.created_at.clone())>
                {fx(|f| f.created.clone())}
            </td>
            <td class="num c-percent" data-label=label(Text::ColPercent)>
                <span class="percent">{percent}</span>
            </td>
            <td class="num c-expires" data-label=label(Text::ColExpiresIn) title=expires_title>
                {expires_text}
                {move || next_rule.get().map(|rule| view! {
                    <WhyButton job=why_name.clone() subject=WhySubject::Countdown shown=rule />
                })}
            </td>
        </tr>
    }
}
