//! The portal's jobs table: filter, "show deleted", sortable columns, pages (`job_rows::page_size`).

use crate::ui::derived::Derived;
use crate::ui::slot::Slot;

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{acted, find, redraw, Dom, Writer};
use super::job_body::Body;
use super::job_rows::{listed, page_size, row, RowQuery, SortKey};
use super::reach::{extra, widen, Reach};
use super::state::{use_app, TablePage};
use super::use_lang;
use super::why::WhyHost;
use super::why_reason::WhySubject;
use crate::i18n::{count, Lang, Noun, Text};

/// Past this many listed jobs, rows out of view wait for a pause (or a scroll) while playing.
const LAZY_AFTER: usize = 200;
/// The rows a box shows before any scroll, with room to spare.
const VIEW_ROWS: i32 = 24;
/// Rows above and below the view that are kept up to date too.
const MARGIN_ROWS: i32 = 6;
/// How many rows more are brought up to date each frame while paused.
const WIDEN_ROWS: i32 = 12;

/// Writes the table's parts into `root` (the jobs panel, after its heading) and keeps them up
/// to date.
pub fn attach(root: &Element) {
    let app = use_app();
    let lang = use_lang();
    let Some((tools, boxed, table, head, body, pager)) = parts(root) else {
        return;
    };
    crate::ui::fx::effect(move || {
        crate::ui::dom::set(&table, "aria-label", lang.get().t(Text::JobsTableName));
    });
    let query = Slot::new(RowQuery::default());
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
    let rows = Derived::new(move || {
        let q = query.get();
        let now = app.now().get();
        let lang = lang.get();
        let wanted = page.get();
        app.sim().with(|s| {
            let rules = s.rules();
            let all = listed(s.jobs_ref_at(now), &rules, &q);
            let size = page_size(s.job_count());
            let pages = all.len().div_ceil(size).max(1);
            let p = wanted.min(pages - 1);
            let mut shown = Vec::new();
            let page = all.get(p * size..).unwrap_or_default();
            for job in page.get(..size).unwrap_or(page) {
                shown.push(row(job, &rules, now, lang));
            }
            (shown, p, pages, all.len())
        })
    });
    // In a big world only the rows in the box's view (and a margin) take new values at once:
    // per tick the table costs what it shows, not the whole page. While paused, the rows kept
    // up to date widen by a few a frame until they cover the page (a jump shows what is in
    // view first, the rest without one long task); a scroll brings the newly seen ones.
    // Counted in `i32`, as the timeline's pixels are: slots of the same types share
    // their code (`ui::slot`).
    let seen = Slot::new((0, VIEW_ROWS));
    let reach: Reach = Slot::new((None, 0));
    // A function, not a memo: both its readers read `rows` anyway.
    let lazy = move || rows.with(|r| r.3) > LAZY_AFTER;
    // The body is drawn by `job_body` (one keyed pass, no view per cell); this effect hands it
    // the page, the rows to bring up to date and the selection.
    // Owned by the effect, its only user (a slot of its own type would add its own copy of
    // the slot's code).
    let mut drawn = Body::default();
    let tbody = body.clone();
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        let fresh = if lazy() {
            let extra = extra(reach, now);
            let row = |r: i32| usize::try_from(r).unwrap_or(0);
            seen.with(|s| row(s.0 - extra)..row(s.1 + extra))
        } else {
            0..usize::MAX
        };
        let selected = app.selected().get();
        let lang = lang.get();
        rows.with(|(shown, ..)| drawn.show(&tbody, shown, fresh, selected.as_deref(), lang));
    });
    // "Why?" for every row: one card, opened by the clicked button, which gets the focus back.
    let why = WhyHost::create();
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = super::dom::target_in(&ev, "button") else {
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
    widen(
        app,
        reach,
        WIDEN_ROWS,
        Box::new(move || lazy().then(|| page_size(rows.with(|r| r.3)))),
    );
    // The timeline follows the table's page (past a few hundred jobs its lanes are this page).
    crate::ui::fx::effect(move || {
        let page = rows.with(|(shown, page, pages, total)| {
            let mut names = Vec::new();
            for r in shown {
                names.push(r.name.clone());
            }
            TablePage {
                names,
                page: *page,
                pages: *pages,
                total: *total,
            }
        });
        app.set_shown(page);
    });
    // The tools, the headers and the pager are written by `ui::dom`: drawn when the language
    // (or, for the headers, the order) changes; their values are set in place.
    let root = tools.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let lang = lang.get();
        if drawn.flatten() != Some(lang) {
            redraw(&root, &mut |w| draw_tools(w, lang));
        }
        let filter = query.with(|q| q.filter.clone());
        if let Some(f) = find(&root, "[data-act=filter]") {
            if super::dom::value(&f) != filter {
                super::dom::set_value(&f, &filter);
            }
        }
        if let Some(b) = find(&root, "[data-act=deleted]") {
            super::dom::set_checked(&b, app.show_deleted().get());
        }
        if let Some(c) = find(&root, ".row-count") {
            let text = count(lang, rows.with(|r| r.3), Noun::Job);
            if super::dom::text(&c) != text {
                c.set_text_content(Some(&text));
            }
        }
        Some(lang)
    });
    let root = head.clone();
    crate::ui::fx::effect(move || {
        let root = &root;
        let order = query.with(|q| (q.sort, q.descending));
        redraw(root, &mut |w| draw_headers(w, lang.get(), order));
    });
    let root = pager.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let lang = lang.get();
        if drawn.flatten() != Some(lang) {
            redraw(&root, &mut |w| draw_pager(w, lang));
        }
        let (page, pages) = rows.with(|r| (r.1, r.2));
        super::dom::flag(&root, "hidden", pages <= 1);
        let disable = |act: &str, off: bool| {
            if let Some(b) = find(&root, act) {
                super::dom::flag(&b, "disabled", off);
            }
        };
        disable("[data-act=previous]", page == 0);
        disable("[data-act=next]", page + 1 >= pages);
        if let Some(at) = find(&root, "span") {
            at.set_text_content(Some(&format!("{} / {}", page + 1, pages)));
        }
        Some(lang)
    });
    let on_tool = move |ev: web_sys::Event| {
        let Some((el, act)) = acted(&ev) else {
            return;
        };
        match act.as_str() {
            "filter" => {
                let v = super::dom::value(&el);
                query.update(|q| q.filter = v);
                app.set_table_page(0);
            }
            "deleted" => app.set_show_deleted(super::dom::checked(&el)),
            _ => {}
        }
    };
    let on_head = move |ev: web_sys::MouseEvent| {
        let Some(key) =
            acted(&ev).and_then(|(_, act)| COLUMNS.iter().find(|c| c.3 == act).map(|c| c.0))
        else {
            return;
        };
        query.update(|q| {
            if q.sort == key {
                q.descending = !q.descending;
            } else {
                q.sort = key;
                q.descending = false;
            }
        });
    };
    let on_page = move |ev: web_sys::MouseEvent| {
        let page = rows.with_untracked(|r| r.1);
        match acted(&ev).map(|(_, act)| act).as_deref() {
            Some("previous") => app.set_table_page(page.saturating_sub(1)),
            Some("next") => app.set_table_page(page + 1),
            _ => {}
        }
    };
    listen(&tools, "input", false, on_tool);
    listen(&tools, "change", false, on_tool);
    listen(&head, "click", false, move |ev| {
        on_head(ev.unchecked_into())
    });
    listen(&body, "click", false, move |ev| {
        on_click(ev.unchecked_into())
    });
    listen(&pager, "click", false, move |ev| {
        on_page(ev.unchecked_into())
    });
    // The box scrolls (a long list stays beside the selected job's panels); its header sticks.
    listen(&boxed, "scroll", false, move |ev| {
        let Some(el) = super::dom::target(&ev) else {
            return;
        };
        let px = |name| super::dom::num(&el, name) as i32;
        let (top, height, total) = (
            px("scrollTop"),
            px("clientHeight"),
            px("scrollHeight").max(1),
        );
        let n = rows.with_untracked(|r| r.0.len());
        let at = |y: i32| i32::try_from(i64::from(y) * n as i64 / i64::from(total)).unwrap_or(0);
        let range = (
            at(top).saturating_sub(MARGIN_ROWS),
            at(top + height).saturating_add(MARGIN_ROWS),
        );
        if seen.get_untracked() != range {
            seen.set(range);
        }
    });
}

/// The table's fixed elements, written once: the tools, the scrolling box holding the table
/// (its head and body), and the pager, hidden until there is a second page.
fn parts(root: &Element) -> Option<(Element, Element, Element, Element, Element, Element)> {
    let mut w = Dom::appending(root, false)?;
    w.open("div")
        .attr("class", "table-tools")
        .close()
        .open("div")
        .attr("class", "table-box")
        .open("table")
        .attr("class", "grid job-table")
        .open("thead")
        .close()
        .open("tbody")
        .close()
        .close()
        .close()
        .open("nav")
        .attr("class", "pager")
        .attr("hidden", "")
        .close();
    Some((
        find(root, ":scope>.table-tools")?,
        find(root, ":scope>.table-box")?,
        find(root, ".job-table")?,
        find(root, ".job-table>thead")?,
        find(root, ".job-table>tbody")?,
        find(root, ":scope>.pager")?,
    ))
}

/// The sortable columns: key, heading, what the column means (on hover and as the header's
/// description), and the `data-act` of its button.
const COLUMNS: [(SortKey, Text, Option<Text>, &str); 7] = [
    (SortKey::Name, Text::ColName, None, "name"),
    (SortKey::Type, Text::ColType, None, "type"),
    (SortKey::Status, Text::ColStatus, None, "status"),
    (
        SortKey::StorageAccount,
        Text::ColStorageAccount,
        None,
        "account",
    ),
    (
        SortKey::Created,
        Text::ColCreated,
        Some(Text::CreatedHint),
        "created",
    ),
    (SortKey::Percent, Text::ColPercent, None, "percent"),
    (
        SortKey::Expires,
        Text::ColExpiresIn,
        Some(Text::ExpiresHint),
        "expires",
    ),
];

/// The filter, "show deleted" and the row count (its values are set in place).
fn draw_tools<W: Writer>(w: &mut W, lang: Lang) {
    w.open("label")
        .text(lang.t(Text::FilterLabel))
        .text(" ")
        .open("input")
        .attr("type", "search")
        .attr("data-act", "filter")
        .close()
        .close()
        .open("label")
        .open("input")
        .attr("type", "checkbox")
        .attr("data-act", "deleted")
        .close()
        .text(" ")
        .text(lang.t(Text::ShowDeleted))
        .close()
        .open("span")
        .attr("class", "row-count")
        .attr("aria-live", "polite")
        .close();
}

/// The header row: a button per column that toggles the order, with `aria-sort` telling
/// screen readers the current order and an arrow telling everyone else.
fn draw_headers<W: Writer>(w: &mut W, lang: Lang, (sort, descending): (SortKey, bool)) {
    w.open("tr");
    for (key, label, hint, act) in COLUMNS {
        let (aria, arrow) = match (key == sort, descending) {
            (false, _) => ("none", ""),
            (true, false) => ("ascending", " ▲"),
            (true, true) => ("descending", " ▼"),
        };
        w.open("th")
            .attr("scope", "col")
            .attr("aria-sort", aria)
            .open("button")
            .attr("class", "sort")
            .attr("data-act", act);
        if let Some(h) = hint {
            w.attr("title", lang.t(h));
        }
        w.text(lang.t(label));
        w.open("span")
            .attr("aria-hidden", "true")
            .text(arrow)
            .close()
            .close()
            .close();
    }
    w.close();
}

/// The pager's buttons and its "page / pages" (set in place).
fn draw_pager<W: Writer>(w: &mut W, lang: Lang) {
    w.open("button")
        .attr("data-act", "previous")
        .text(lang.t(Text::PreviousPage))
        .close()
        .open("span")
        .close()
        .open("button")
        .attr("data-act", "next")
        .text(lang.t(Text::NextPage))
        .close();
}
