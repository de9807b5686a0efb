//! One row of the jobs table, drawn by `ui::dom` and updated in place. On a phone the same row
//! is a card (style/tables.css): Name, Status and "Expires in" first, the other cells
//! labelled by their `data-label`.
//!
//! Why not `view!`: a hundred rows of `view!` cells were a tree of reactive nodes per cell
//! and about 4.6 KB more of the wasm (gzip). A row here is data (`JobRow`) and one drawing of it; a tick that
//! only moves the countdown rewrites one text node and one attribute, and anything else that
//! changed (status, percent, language) redraws the row's cells. Clicks are handled once for
//! the whole table (`job_table`), by the buttons' `data-name` and `data-why` (not `data-job`:
//! in the page's contract that marks a timeline lane).

use web_sys::Element;

use super::dom::{Dom, Writer};
use super::job_rows::JobRow;
use super::why::question;
use super::why_reason::WhySubject;
use crate::i18n::{Lang, Text};

/// A drawn row and what it shows, to redraw only what changed.
pub struct RowDom {
    pub tr: Element,
    shown: JobRow,
    selected: bool,
}

impl RowDom {
    pub fn new(tr: Element, row: &JobRow, selected: bool) -> Self {
        draw(&tr, row, selected);
        RowDom {
            tr,
            shown: row.clone(),
            selected,
        }
    }

    /// Shows `row`. What a clock step changes (status, percent, countdown) is redrawn in its
    /// own cell; anything else (another job, language or selection) redraws the row. A step
    /// of a 100-job world redrew the whole of a row in about one row in four.
    pub fn set(&mut self, row: &JobRow, selected: bool) {
        if self.shown == *row && self.selected == selected {
            return;
        }
        let old = &self.shown;
        if self.selected != selected || !same_job(old, row) {
            draw(&self.tr, row, selected);
        } else {
            if (old.status, old.overdue, &old.deleted) != (row.status, row.overdue, &row.deleted) {
                self.redraw(":scope > .c-status", status_cell, row);
            }
            if old.percent != row.percent {
                self.redraw(":scope > .c-percent", percent_cell, row);
            }
            if old.next_rule != row.next_rule {
                self.redraw(":scope > :last-child", expires_cell, row);
            }
            if (&old.expires, &old.expires_detail) != (&row.expires, &row.expires_detail) {
                self.set_countdown(row);
            }
        }
        self.shown = row.clone();
        self.selected = selected;
    }

    /// Draws anew what the cell `selector` holds (its own attributes stay).
    fn redraw(&self, selector: &str, body: fn(&mut Dom, &JobRow), row: &JobRow) {
        if let Some(mut w) =
            crate::ui::dom::find(&self.tr, selector).and_then(|td| Dom::replacing(&td, false))
        {
            body(&mut w, row);
        }
    }

    /// Marks the row selected or not, keeping the values it shows.
    pub fn select(&mut self, selected: bool) {
        if self.selected != selected {
            draw(&self.tr, &self.shown, selected);
            self.selected = selected;
        }
    }

    fn set_countdown(&self, row: &JobRow) {
        // The last cell by a selector: `lastElementChild` would be an import of its own.
        let Some(cell) = crate::ui::dom::find(&self.tr, ":scope > :last-child") else {
            return;
        };
        if let Some(text) = crate::ui::dom::node_of(&cell, "firstChild") {
            text.set_text_content(Some(&row.expires));
        }
        match &row.expires_detail {
            Some(detail) => {
                crate::ui::dom::set(&cell, "title", detail);
            }
            None => {
                crate::ui::dom::flag(&cell, "title", false);
            }
        }
    }
}

fn draw(tr: &Element, row: &JobRow, selected: bool) {
    if let Some(mut w) = Dom::replacing(tr, false) {
        draw_cells(&mut w, row, selected);
    }
    match selected {
        true => crate::ui::dom::set(tr, "class", "selected"),
        false => crate::ui::dom::flag(tr, "class", false),
    }
}

/// Whether `b` is `a`'s job in the same language, with the same cells that a clock step does
/// not change.
fn same_job(a: &JobRow, b: &JobRow) -> bool {
    a.name == b.name
        && a.job_type == b.job_type
        && a.storage_account == b.storage_account
        && a.created_at == b.created_at
        && a.lang == b.lang
}

/// A cell labelled for the phone cards, in the row's language.
fn labelled<'w, W: Writer>(w: &'w mut W, class: &str, lang: Lang, label: Text) -> &'w mut W {
    w.open("td")
        .attr("class", class)
        .attr("data-label", lang.t(label))
}

/// "Why?": no text of its own (its name is its `aria-label`, its "?" comes from CSS), so the
/// cell's text stays the state identifier the page's contract promises.
fn why_button<W: Writer>(w: &mut W, lang: Lang, job: &str, subject: WhySubject, shown: &str) {
    let (kind, title) = match subject {
        WhySubject::Countdown => ("countdown", question(lang, job, &subject, shown)),
        _ => ("status", question(lang, job, &WhySubject::Status, shown)),
    };
    w.open("button")
        .attr("class", "why-btn")
        .attr("type", "button")
        .attr("aria-label", &title)
        .attr("title", &title)
        .attr("aria-expanded", "false")
        .attr("data-why", kind)
        .attr("data-name", job)
        .close();
}

/// The row's seven cells, in the columns' order. The expires cell is last and starts with its
/// text (`set_countdown` relies on both).
pub fn draw_cells<W: Writer>(w: &mut W, r: &JobRow, selected: bool) {
    let lang = r.lang;
    w.open("td").attr("class", "c-name").open("button");
    w.attr("class", "link job-link")
        .attr("type", "button")
        .attr("data-name", &r.name);
    if selected {
        // A plain table has no selectable rows in ARIA; the selected job is "current".
        w.attr("aria-current", "true");
    }
    w.text(&r.name).close().close();
    labelled(w, "c-type", lang, Text::ColType)
        .text(r.job_type)
        .close();

    w.open("td").attr("class", "c-status");
    status_cell(w, r);
    w.close();

    labelled(w, "c-account", lang, Text::ColStorageAccount)
        .text(&r.storage_account)
        .close();
    labelled(w, "num c-created", lang, Text::ColCreated)
        .attr("title", &r.created_at)
        .text(&r.created)
        .close();
    labelled(w, "num c-percent", lang, Text::ColPercent);
    percent_cell(w, r);
    w.close();

    labelled(w, "num c-expires", lang, Text::ColExpiresIn);
    if let Some(detail) = &r.expires_detail {
        w.attr("title", detail);
    }
    expires_cell(w, r);
    w.close();
}

/// What the Status cell holds: the state identifier first (the page's contract), its flags,
/// and its "Why?".
fn status_cell<W: Writer>(w: &mut W, r: &JobRow) {
    let lang = r.lang;
    // The shape comes from CSS by state (`status-<id>`), the text is the identifier.
    let mut class = String::from("status job-status status-");
    class.push_str(r.status);
    w.open("span")
        .attr("class", &class)
        .text(r.status)
        .close()
        .text(" ");
    w.open("span").attr("class", "flag overdue-flag");
    if r.overdue {
        w.text(lang.t(Text::FlagOverdue));
    } else {
        w.attr("hidden", "");
    }
    w.close().open("span").attr("class", "deleted-note");
    if let Some((at, rule)) = &r.deleted {
        let note = format!("{} {at} ({})", lang.t(Text::DeletedAt), rule.id());
        w.text(&note);
    }
    w.close().text(" ");
    why_button(w, lang, &r.name, WhySubject::Status, r.status);
}

fn percent_cell<W: Writer>(w: &mut W, r: &JobRow) {
    w.open("span")
        .attr("class", "percent")
        .text(&format!("{}%", r.percent))
        .close();
}

/// What the "Expires in" cell holds: the countdown's text first (`set_countdown` relies on
/// it), then its "Why?".
fn expires_cell<W: Writer>(w: &mut W, r: &JobRow) {
    w.text(&r.expires);
    if let Some(rule) = r.next_rule {
        why_button(w, r.lang, &r.name, WhySubject::Countdown, rule);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RuleId;
    use crate::ui::dom::Outline;

    fn sample() -> JobRow {
        JobRow {
            name: "<b>x</b>".into(),
            job_type: "Import",
            status: "Deleted",
            overdue: false,
            storage_account: "acct".into(),
            created: "2026-01-05".into(),
            created_at: "2026-01-05 09:00 UTC".into(),
            percent: 0,
            expires: "—".into(),
            expires_detail: None,
            next_rule: None,
            deleted: Some(("2026-01-19 09:00 UTC".into(), RuleId::CreatingExpiry)),
            lang: Lang::En,
        }
    }

    #[test]
    fn a_row_keeps_the_contract_and_its_data_as_text() {
        let mut o = Outline::default();
        draw_cells(&mut o, &sample(), true);
        let out = o.out;
        // The Status cell's text starts with the state identifier.
        assert!(
            out.contains("<td class=\"c-status\"><span class=\"status job-status status-Deleted\">Deleted</span>"),
            "{out}"
        );
        assert!(
            out.contains("aria-current=\"true\">&lt;b&gt;x&lt;/b&gt;</button>"),
            "{out}"
        );
        assert!(
            out.contains("<span class=\"deleted-note\">Deleted 2026-01-19 09:00 UTC (R2)</span>"),
            "{out}"
        );
        // No countdown rule: no "Why?" in the expires cell, which ends the row.
        assert!(
            out.ends_with("<td class=\"num c-expires\" data-label=\"Expires in\">—</td>"),
            "{out}"
        );
    }

    #[test]
    fn a_countdown_has_its_why_button_after_its_text() {
        let mut row = sample();
        row.status = "Creating";
        row.deleted = None;
        row.expires = "deleted in 9\u{a0}d".into();
        row.expires_detail = Some("R2 · 2026-01-29 09:00 UTC".into());
        row.next_rule = Some("R2");
        let mut o = Outline::default();
        draw_cells(&mut o, &row, false);
        let out = o.out;
        assert!(
            out.contains(
                "title=\"R2 · 2026-01-29 09:00 UTC\">deleted in 9\u{a0}d<button class=\"why-btn\""
            ),
            "{out}"
        );
        assert!(out.contains("data-why=\"countdown\""), "{out}");
        assert!(!out.contains("aria-current"), "{out}");
    }
}
