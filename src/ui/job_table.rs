//! The portal's jobs table: filter, "show deleted", sortable columns, pages of 100 rows.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::job_body::Body;
use super::job_rows::{listed, row, RowQuery, SortKey, PAGE_SIZE};
use super::sort_header::SortHeader;
use super::state::{use_app, TablePage};
use super::use_lang;
use super::why::WhyHost;
use super::why_reason::WhySubject;
use crate::i18n::{count, Noun, Text};

/// Past this many listed jobs, rows out of view wait for a pause (or a scroll) while playing.
const LAZY_AFTER: usize = 200;
/// The rows a box shows before any scroll, with room to spare.
const VIEW_ROWS: usize = 24;
/// Rows above and below the view that are kept up to date too.
const MARGIN_ROWS: usize = 6;
/// How many rows more are brought up to date each frame while paused.
const WIDEN_ROWS: usize = 12;

#[component]
pub fn JobTable() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let query = RwSignal::new(RowQuery::default());
    // "Show deleted" lives in the app (the link carries it); the query follows it.
    crate::ui::fx::effect(move || {
        let on = app.show_deleted().get();
        if query.with_untracked(|q| q.show_deleted != on) {
            query.update(|q| q.show_deleted = on);
        }
    });
    let page = app.table_page();
    // Every job is filtered and sorted (borrowed from the simulation, nothing copied); only
    // the shown page's cells are written.
    let rows = Memo::new(move |_| {
        let q = query.get();
        let now = app.now().get();
        let lang = lang.get();
        let wanted = page.get();
        app.sim().with(|s| {
            let all = listed(s.jobs_ref_at(now), &s.rules(), &q);
            let pages = all.len().div_ceil(PAGE_SIZE).max(1);
            let p = wanted.min(pages - 1);
            let shown = all
                .iter()
                .skip(p * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|&(job, next)| row(job, next, now, lang))
                .collect::<Vec<_>>();
            (shown, p, pages, all.len())
        })
    });
    let page_count = move || rows.with(|r| r.2);
    // In a big world only the rows in the box's view (and a margin) take new values at once:
    // per tick the table costs what it shows, not the whole page. While paused, the rows kept
    // up to date widen by a few a frame until they cover the page (a jump shows what is in
    // view first, the rest without one long task); a scroll brings the newly seen ones.
    let seen = RwSignal::new((0usize, VIEW_ROWS));
    let reach = RwSignal::new((None, 0usize));
    let lazy = Memo::new(move |_| rows.with(|r| r.3) > LAZY_AFTER);
    // The body is drawn by `job_body` (one keyed pass, no view per cell); this effect hands it
    // the page, the rows to bring up to date and the selection.
    let body = NodeRef::<html::Tbody>::new();
    let drawn = StoredValue::new_local(Body::default());
    crate::ui::fx::effect(move || {
        let Some(tbody) = body.get() else {
            return;
        };
        let now = app.now().get();
        let fresh = if lazy.get() {
            let extra = reach.with(|r| if r.0 == Some(now) { r.1 } else { 0 });
            seen.with(|s| s.0.saturating_sub(extra)..s.1 + extra)
        } else {
            0..usize::MAX
        };
        let selected = app.selected().get();
        let lang = lang.get();
        rows.with(|(shown, ..)| {
            drawn.update_value(|b| b.show(&tbody, shown, fresh, selected.as_deref(), lang));
        });
    });
    let visible = Memo::new(move |_| {
        rows.with(|(shown, ..)| shown.iter().map(|r| r.name.clone()).collect::<Vec<_>>())
    });
    // "Why?" for every row: one card, opened by the clicked button, which gets the focus back.
    let why = WhyHost::create();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        let Some(job) = button.get_attribute("data-name") else {
            return;
        };
        match button.get_attribute("data-why").as_deref() {
            None => app.select(job),
            Some("countdown") => why.toggle(button, job, WhySubject::Countdown),
            Some(_) => why.toggle(button, job, WhySubject::Status),
        }
    };
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        let extra = reach.with(|r| if r.0 == Some(now) { r.1 } else { 0 });
        if !lazy.get() || app.playing().get() || extra > PAGE_SIZE {
            return;
        }
        request_animation_frame(move || {
            if app.now().get_untracked() == now {
                reach.set((Some(now), extra + WIDEN_ROWS));
            }
        });
    });
    // The timeline follows the table's page (past a few hundred jobs its lanes are this page).
    crate::ui::fx::effect(move || {
        let names = visible.get();
        let (page, pages, total) = rows.with(|r| (r.1, r.2, r.3));
        app.set_shown(TablePage {
            names,
            page,
            pages,
            total,
        });
    });
    let sort_header = move |key: SortKey, label: Text, hint: Option<Text>| view! { <SortHeader key label hint query /> };
    view! {
        <div class="table-tools">
            <label>
                {move || t(Text::FilterLabel)} " "
                <input
                    type="search"
                    prop:value=move || query.with(|q| q.filter.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.filter = v);
                        app.set_table_page(0);
                    }
                />
            </label>
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || app.show_deleted().get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        app.set_show_deleted(on);
                    }
                />
                " " {move || t(Text::ShowDeleted)}
            </label>
            <span class="row-count" aria-live="polite">
                {move || count(lang.get(), rows.with(|r| r.3), Noun::Job)}
            </span>
        </div>
        // The box scrolls (a long list stays beside the selected job's panels); its header sticks.
        <div class="table-box" on:scroll=move |ev| {
            let el = event_target::<web_sys::Element>(&ev);
            let (top, height, total) = (el.scroll_top(), el.client_height(), el.scroll_height().max(1));
            let n = rows.with_untracked(|r| r.0.len());
            let at = |y: i32| usize::try_from(i64::from(y) * n as i64 / i64::from(total)).unwrap_or(0);
            let range = (at(top).saturating_sub(MARGIN_ROWS), at(top + height) + MARGIN_ROWS);
            if seen.get_untracked() != range {
                seen.set(range);
            }
        }>
        <table class="grid job-table" aria-label=move || t(Text::JobsTableName)>
            <thead>
                <tr>
                    {sort_header(SortKey::Name, Text::ColName, None)}
                    {sort_header(SortKey::Type, Text::ColType, None)}
                    {sort_header(SortKey::Status, Text::ColStatus, None)}
                    {sort_header(SortKey::StorageAccount, Text::ColStorageAccount, None)}
                    {sort_header(SortKey::Created, Text::ColCreated, Some(Text::CreatedHint))}
                    {sort_header(SortKey::Percent, Text::ColPercent, None)}
                    {sort_header(SortKey::Expires, Text::ColExpiresIn, Some(Text::ExpiresHint))}
                </tr>
            </thead>
            <tbody node_ref=body on:click=on_click></tbody>
        </table>
        </div>
        <Show when=move || { page_count() > 1 }>
            <nav class="pager" aria-label=move || t(Text::Pages)>
                <button
                    on:click=move |_| app.set_table_page(rows.with_untracked(|r| r.1).saturating_sub(1))
                    disabled=move || rows.with(|r| r.1 == 0)
                >
                    {move || t(Text::PreviousPage)}
                </button>
                <span>{move || format!("{} / {}", rows.with(|r| r.1) + 1, page_count())}</span>
                <button
                    on:click=move |_| app.set_table_page(rows.with_untracked(|r| r.1) + 1)
                    disabled=move || rows.with(|r| r.1 + 1 >= r.2)
                >
                    {move || t(Text::NextPage)}
                </button>
            </nav>
        </Show>
        {why.view()}
    }
}
