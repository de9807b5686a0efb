//! The portal's jobs table: filter, "show deleted", sortable columns, pages of 100 rows.

use std::collections::HashMap;

use leptos::prelude::*;

use super::job_row::JobRowView;
use super::job_rows::{job_rows, JobRow, RowQuery, SortKey, PAGE_SIZE};
use super::sort_header::SortHeader;
use super::state::use_app;
use super::use_lang;
use crate::i18n::{count, Noun, Text};

#[component]
pub fn JobTable() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let query = RwSignal::new(RowQuery::default());
    let page = RwSignal::new(0usize);
    let rows = Memo::new(move |_| {
        let rules = app.sim().with(|s| s.rules());
        let q = query.get();
        let now = app.now().get();
        app.jobs()
            .with(|jobs| job_rows(jobs, now, &rules, &q, lang.get()))
    });
    let page_count = move || rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1));
    // Each row owns its signal; one pass hands every visible row its new values.
    let cells: StoredValue<HashMap<String, ArcRwSignal<JobRow>>> = StoredValue::new(HashMap::new());
    let visible = Memo::new(move |_| {
        let p = page.get().min(page_count() - 1);
        rows.with(|all| {
            let slice = all.iter().skip(p * PAGE_SIZE).take(PAGE_SIZE);
            cells.update_value(|map| {
                for r in slice.clone() {
                    match map.get(&r.name) {
                        Some(cell) if cell.with_untracked(|old| old != r) => cell.set(r.clone()),
                        Some(_) => {}
                        None => {
                            map.insert(r.name.clone(), ArcRwSignal::new(r.clone()));
                        }
                    }
                }
            });
            slice.map(|r| r.name.clone()).collect::<Vec<_>>()
        })
    });
    let cell_for = move |name: &String| cells.with_value(|m| m.get(name).cloned());
    let selected = Selector::new(move || app.selected().get());
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
                        page.set(0);
                    }
                />
            </label>
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || query.with(|q| q.show_deleted)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        query.update(|q| q.show_deleted = on);
                    }
                />
                " " {move || t(Text::ShowDeleted)}
            </label>
            <span class="row-count" aria-live="polite">
                {move || count(lang.get(), rows.with(|r| r.len()), Noun::Job)}
            </span>
        </div>
        // The box scrolls (a long list stays beside the selected job's panels); its header sticks.
        <div class="table-box">
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
            <tbody>
                <For each=move || visible.get() key=|name| name.clone() let:name>
                    {cell_for(&name).map(|cell| {
                        let is_selected = Signal::derive({
                            let name = Some(name.clone());
                            let selected = selected.clone();
                            move || selected.selected(&name)
                        });
                        view! { <JobRowView row=cell is_selected /> }
                    })}
                </For>
                <Show when=move || rows.with(|r| r.is_empty())>
                    <tr>
                        <td colspan="7" class="empty">{move || t(Text::NoJobs)}</td>
                    </tr>
                </Show>
            </tbody>
        </table>
        </div>
        <Show when=move || { page_count() > 1 }>
            <nav class="pager" aria-label=move || t(Text::Pages)>
                <button
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                    disabled=move || page.get() == 0
                >
                    {move || t(Text::PreviousPage)}
                </button>
                <span>{move || format!("{} / {}", page.get().min(page_count() - 1) + 1, page_count())}</span>
                <button
                    on:click=move |_| page.update(|p| *p += 1)
                    disabled=move || page.get() + 1 >= page_count()
                >
                    {move || t(Text::NextPage)}
                </button>
            </nav>
        </Show>
    }
}
