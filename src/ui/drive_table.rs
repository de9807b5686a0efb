//! The selected job's drives, as the portal lists them, with extra drives beneath.

use leptos::prelude::*;

use crate::ui::dom::listen;
use wasm_bindgen::JsCast;

use super::dom::{acted, find, framed, Dom, Writer};
use super::download::download;
use super::state_diagrams::DrivePick;
use super::use_lang;
use super::why::{question, WhyHost};
use super::why_reason::WhySubject;
use crate::azure::{drive_log, LogKind};
use crate::i18n::{Lang, Text};
use crate::model::{CopyOutcome, Drive, DriveId, DriveState, Job};

/// The REST API's `copyStatus`: absent before Transferring, then how the copy went.
pub fn copy_status(drive: &Drive) -> &'static str {
    match (drive.state, drive.outcome) {
        (DriveState::Specified | DriveState::Received | DriveState::NeverReceived, _) => "—",
        (DriveState::Transferring, _) => "InProgress",
        (_, Some(CopyOutcome::Clean)) | (_, None) => "Completed",
        (_, Some(CopyOutcome::Warnings)) => "CompletedWithWarnings",
        (_, Some(CopyOutcome::Errors)) => "CompletedWithErrors",
    }
}

/// The log files the service writes once a drive is processed (named as the service names
/// them: drive id, then the kind of log). `None` until the copy has finished.
pub fn log_names(drive: &Drive) -> Option<(String, String)> {
    drive.outcome.is_some().then(|| {
        (
            format!("{}_verbose.xml", drive.id),
            format!("{}_error.xml", drive.id),
        )
    })
}

/// A log file's name as a button that opens it, or "—" before the copy has finished.
fn log_cell<W: Writer>(w: &mut W, file: Option<&str>, kind: &str) {
    w.open("td").attr("class", "log");
    match file {
        Some(file) => {
            w.open("button")
                .attr("type", "button")
                .attr("class", "link")
                .attr("data-log", kind)
                .text(file)
                .close();
        }
        None => {
            w.text("—");
        }
    }
    w.close();
}

/// The state as text and shape (the shape from CSS by state), like the jobs table's status.
fn status<W: Writer>(w: &mut W, id: &str) {
    let mut class = String::from("status drive-status status-");
    class.push_str(id);
    w.open("span").attr("class", &class).text(id).close();
}

/// The body's rows: the job's drives, its extra drives, or a line saying there are none.
/// The drive-id buttons say which drive the drive diagram shows (`aria-pressed`).
fn draw_rows<W: Writer>(w: &mut W, job: Option<&Job>, shown: Option<&DriveId>, lang: Lang) {
    let Some(job) = job.filter(|j| !j.drives.is_empty() || !j.extra_drives.is_empty()) else {
        w.open("tr")
            .open("td")
            .attr("colspan", "6")
            .attr("class", "empty")
            .text(lang.t(Text::NoDrivesYet))
            .close()
            .close();
        return;
    };
    for d in &job.drives {
        let id = d.id.to_string();
        let state = d.state.id();
        w.open("tr")
            .attr("data-drive", &id)
            .open("th")
            .attr("scope", "row");
        w.open("button")
            .attr("class", "link drive-pick")
            .attr("type", "button")
            .attr(
                "aria-pressed",
                if shown == Some(&d.id) {
                    "true"
                } else {
                    "false"
                },
            )
            .text(&id)
            .close()
            .close();
        w.open("td");
        status(w, state);
        let question = question(lang, &job.name, &WhySubject::Drive(d.id.clone()), state);
        w.text(" ")
            .open("button")
            .attr("class", "why-btn")
            .attr("type", "button")
            .attr("aria-label", &question)
            .attr("title", &question)
            .attr("aria-expanded", "false")
            .attr("data-why", "drive")
            .close()
            .close();
        w.open("td")
            .attr("class", "num")
            .text(&format!("{}%", d.percent()))
            .close();
        let messages = d.messages.join("; ");
        w.open("td")
            .attr("title", &messages)
            .text(copy_status(d))
            .leaf("span", "messages", &messages)
            .close();
        let logs = log_names(d);
        log_cell(w, logs.as_ref().map(|l| l.0.as_str()), "verbose");
        log_cell(w, logs.as_ref().map(|l| l.1.as_str()), "error");
        w.close();
    }
    for id in &job.extra_drives {
        let id = id.to_string();
        w.open("tr")
            .attr("class", "extra")
            .attr("data-drive", &id)
            .open("th")
            .attr("scope", "row")
            .text(&id)
            .close()
            .open("td");
        status(w, "Extra");
        w.close()
            .leaf("td", "num", "—")
            .leaf("td", "extra-note", lang.t(Text::ExtraDriveNote))
            .open("td")
            .text("—")
            .close()
            .open("td")
            .text("—")
            .close()
            .close();
    }
}

/// The table (its name and headers set when the language changes) and the log viewer's place.
fn frame(w: &mut Dom) {
    w.open("table")
        .attr("class", "grid drive-table")
        .open("thead")
        .close()
        .open("tbody")
        .close()
        .close()
        .open("div")
        .close();
}

/// The drives table, drawn by `ui::dom` into `host`. Its rows are redrawn whole when the job,
/// the shown drive or the language change (at most ten drives and five extras); clicks on the
/// table and the log viewer are handled once, on `host`.
pub fn drive_table(host: NodeRef<leptos::html::Div>, job: Memo<Option<Job>>, drive: DrivePick) {
    let lang = use_lang();
    let root = move || framed(host.get().map(Into::into), frame);
    let part = move |at: &str| find(&root()?, at);
    crate::ui::fx::effect(move || {
        let Some(tbody) = part("tbody") else {
            return;
        };
        let lang = lang.get();
        let shown = drive.current.get();
        // Keep the focus on the same button of the same row across the redraw.
        let focused = document()
            .active_element()
            .filter(|a| tbody.contains(Some(a)))
            .and_then(|a| {
                let row = a
                    .closest("tr[data-drive]")
                    .ok()??
                    .get_attribute("data-drive")?;
                let n = a
                    .closest("tr")
                    .ok()??
                    .query_selector_all("button")
                    .ok()
                    .and_then(|all| {
                        (0..all.length())
                            .find(|&i| all.item(i).is_some_and(|b| b.is_same_node(Some(&a))))
                    })?;
                Some((row, n))
            });
        if let Some(mut w) = Dom::replacing(&tbody, false) {
            job.with(|j| draw_rows(&mut w, j.as_ref(), shown.as_ref(), lang));
        }
        if let Some((row, n)) = focused {
            let buttons = tbody.query_selector_all("tr[data-drive] button").ok();
            let again = buttons.and_then(|all| {
                (0..all.length())
                    .filter_map(|i| all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                    .filter(|b| {
                        b.closest("tr")
                            .ok()
                            .flatten()
                            .and_then(|r| r.get_attribute("data-drive"))
                            .as_deref()
                            == Some(row.as_str())
                    })
                    .nth(n as usize)
            });
            if let Some(b) = again {
                let _ = b.focus();
            }
        }
    });
    // The log viewer: one click handler for every button of the table (its row names the
    // drive, the button what to do); a log is generated when opened.
    let viewer = RwSignal::new(None::<(String, String)>);
    let why = WhyHost::create();
    let on_click = move |ev: web_sys::Event| {
        match acted(&ev).map(|(_, act)| act).as_deref() {
            Some("download") => {
                return viewer.with_untracked(|v| {
                    if let Some((name, body)) = v {
                        let _ = download(name, "application/xml", body);
                    }
                })
            }
            Some("dismiss") => return viewer.set(None),
            _ => {}
        }
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten())
        else {
            return;
        };
        let Some(id) = button
            .closest("tr[data-drive]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-drive"))
            .and_then(|id| DriveId::parse(&id).ok())
        else {
            return;
        };
        if let Some(kind) = button.get_attribute("data-log") {
            let kind = if kind == "error" {
                LogKind::Error
            } else {
                LogKind::Verbose
            };
            let shown = job.with_untracked(|j| {
                let j = j.as_ref()?;
                let d = j.drives.iter().find(|d| d.id == id)?;
                Some((button.text_content()?, drive_log(j, d, kind)?))
            });
            viewer.set(shown);
        } else if button.has_attribute("data-why") {
            if let Some(name) = job.with_untracked(|j| j.as_ref().map(|j| j.name.clone())) {
                why.toggle(button, name, WhySubject::Drive(id));
            }
        } else {
            drive.choose(id);
        }
    };
    crate::ui::dom::mounted(host, move |el| listen(&el, "click", false, on_click));
    // The table's name and headers, written when the language changes.
    crate::ui::fx::effect(move || {
        let (Some(table), Some(head), lang) = (part("table"), part("thead"), lang.get()) else {
            return;
        };
        let _ = table.set_attribute("aria-label", lang.t(Text::DrivesTableName));
        if let Some(mut w) = Dom::replacing(&head, false) {
            w.open("tr");
            for (key, class) in HEADERS {
                w.open("th").attr("scope", "col");
                if !class.is_empty() {
                    w.attr("class", class);
                }
                w.text(lang.t(key)).close();
            }
            w.close();
        }
    });
    // The log viewer, while a log is open: its file name, the log, Download and Dismiss.
    crate::ui::fx::effect(move || {
        let (Some(host), lang) = (part(":scope>div"), lang.get()) else {
            return;
        };
        let Some(mut w) = Dom::replacing(&host, false) else {
            return;
        };
        viewer.with(|v| {
            if let Some((file, xml)) = v {
                let name = lang.t(Text::LogViewerName);
                w.open("section")
                    .attr("class", "log-viewer")
                    .attr("aria-label", name)
                    .open("h4")
                    .text(file)
                    .close()
                    .leaf("p", "hint", name)
                    .open("pre")
                    .attr("data-testid", "drive-log")
                    .text(xml)
                    .close()
                    .open("button")
                    .attr("type", "button")
                    .attr("data-act", "download")
                    .text(lang.t(Text::DownloadXml))
                    .close()
                    .text(" ")
                    .open("button")
                    .attr("type", "button")
                    .attr("data-act", "dismiss")
                    .text(lang.t(Text::Dismiss))
                    .close()
                    .close();
            }
        });
    });
}

/// The columns' headings, and their classes.
const HEADERS: [(Text, &str); 6] = [
    (Text::ColDriveId, ""),
    (Text::ColState, ""),
    (Text::ColPercent, "num"),
    (Text::ColCopyStatus, ""),
    (Text::ColVerboseLog, ""),
    (Text::ColErrorLog, ""),
];
