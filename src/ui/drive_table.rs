//! The selected job's drives, as the portal lists them, with extra drives beneath.

use crate::ui::derived::Derived;
use crate::ui::slot::Slot;

use crate::ui::dom::listen;

use super::dom::{acted, find, focused_act, redraw, refocus, Dom, Writer};
use super::download::download;
use super::state_diagrams::DrivePick;
use super::use_lang;
use super::why::{question, WhyHost};
use super::why_reason::WhySubject;
use crate::azure::{drive_log, LogKind};
use crate::i18n::{Lang, Text};
use crate::model::diagram::Node;
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
/// The table's buttons say what they do and for which drive in `data-act` ("error <drive id>").
fn log_cell<W: Writer>(w: &mut W, file: Option<&str>, kind: &str, id: &str) {
    w.open("td").attr("class", "log");
    match file {
        Some(file) => {
            w.open("button")
                .attr("type", "button")
                .attr("class", "link")
                .attr("data-log", kind)
                .attr("data-act", &format!("{kind} {id}"))
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

/// The `data-act` of drive `id`'s button, which the log viewer also gives the focus back to.
fn pick_act(id: &str) -> String {
    format!("pick {id}")
}

/// The row's header: the drive id as a button that shows this drive in the drive diagram
/// (`aria-pressed` says which one is shown).
fn pick<W: Writer>(w: &mut W, id: &str, pressed: bool) {
    w.open("th")
        .attr("scope", "row")
        .open("button")
        .attr("class", "link drive-pick")
        .attr("type", "button")
        .attr("data-act", &pick_act(id))
        .attr("aria-pressed", if pressed { "true" } else { "false" })
        .text(id)
        .close()
        .close();
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
        w.open("tr").attr("data-drive", &id);
        pick(w, &id, shown == Some(&d.id));
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
            .attr("data-act", &format!("why {id}"))
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
        log_cell(w, logs.as_ref().map(|l| l.0.as_str()), "verbose", &id);
        log_cell(w, logs.as_ref().map(|l| l.1.as_str()), "error", &id);
        w.close();
    }
    for extra in &job.extra_drives {
        let id = extra.to_string();
        w.open("tr").attr("class", "extra").attr("data-drive", &id);
        pick(w, &id, shown == Some(extra));
        w.open("td");
        // Kept as it came until it goes back with the job's drives (R9, or a cancel).
        status(w, Node::of_extra_drives(job).id());
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
pub fn drive_table(host: &web_sys::Element, job: Derived<Option<Job>>, drive: DrivePick) {
    let lang = use_lang();
    let Some(mut w) = Dom::appending(host, false) else {
        return;
    };
    frame(&mut w);
    let part = |at: &str| find(host, at);
    let (Some(table), Some(head), Some(tbody), Some(viewer_host)) = (
        part("table"),
        part("thead"),
        part("tbody"),
        part(":scope>div"),
    ) else {
        return;
    };
    crate::ui::fx::effect(move || {
        let lang = lang.get();
        let shown = drive.current();
        // Keep the focus on the same button of the same row across the redraw.
        redraw(&tbody, &mut |w| {
            job.with(|j| draw_rows(w, j.as_ref(), shown.as_ref(), lang))
        });
    });
    // The log viewer: one click handler for every button of the table (its row names the
    // drive, the button what to do). It keeps which log is open (file name, drive, kind), not
    // the log: the log is made from the job as it is at the clock, so the viewer follows the
    // clock and shows nothing while that drive has no such log (before its copy ended, or
    // another job selected).
    let viewer = Slot::new(None::<(String, DriveId, LogKind)>);
    let open_log = move || {
        viewer.with(|v| {
            let (file, id, kind) = v.as_ref()?;
            job.with(|j| {
                let j = j.as_ref()?;
                let d = j.drives.iter().find(|d| d.id == *id)?;
                Some((file.clone(), drive_log(j, d, *kind)?))
            })
        })
    };
    let why = WhyHost::create();
    let shown_log = viewer_host.clone();
    let on_click = move |ev: web_sys::Event| {
        let Some((button, act)) = acted(&ev) else {
            return;
        };
        let (kind, id) = act.split_once(' ').unwrap_or((act.as_str(), ""));
        match kind {
            // What the viewer shows: its heading is the file's name, its `pre` the log.
            "download" => {
                if let (Some(h), Some(pre)) = (find(&shown_log, "h4"), find(&shown_log, "pre")) {
                    use super::dom::text;
                    let _ = download(&text(&h), "application/xml", &text(&pre));
                }
            }
            "dismiss" => viewer.set(None),
            _ => {
                let Ok(id) = DriveId::parse(id) else {
                    return;
                };
                match kind {
                    "pick" => drive.choose(id),
                    "why" => {
                        if let Some(name) =
                            job.with_untracked(|j| j.as_ref().map(|j| String::from(&*j.name)))
                        {
                            why.toggle(button, name, WhySubject::Drive(id));
                        }
                    }
                    _ => {
                        let kind = match kind {
                            "error" => LogKind::Error,
                            _ => LogKind::Verbose,
                        };
                        viewer.set(Some((super::dom::text(&button), id, kind)));
                    }
                }
            }
        }
    };
    listen(host, "click", false, on_click);
    // The table's name and headers, written when the language changes.
    crate::ui::fx::effect(move || {
        let lang = lang.get();
        crate::ui::dom::set(&table, "aria-label", lang.t(Text::DrivesTableName));
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
    // Redrawn as the clock moves with the focus kept on its button; when it goes (dismissed,
    // or the clock moved before the copy ended) with the focus in it, the focus goes to its
    // drive's ID in the table: never to the top of the page.
    let table_host = host.clone();
    let mut drive_of = None::<DriveId>;
    crate::ui::fx::effect(move || {
        let lang = lang.get();
        let log = open_log();
        if let Some(id) = viewer.with(|v| v.as_ref().map(|v| v.1.clone())) {
            drive_of = Some(id);
        }
        let inside = focused_act(&viewer_host).is_some();
        redraw(&viewer_host, &mut |w| draw_viewer(w, log.as_ref(), lang));
        if let Some(id) = drive_of.as_ref().filter(|_| inside && log.is_none()) {
            refocus(&table_host, Some(pick_act(id.as_str())));
        }
    });
}

/// The viewer of the log `file` holds (`xml`): nothing without one.
fn draw_viewer(w: &mut Dom, log: Option<&(String, String)>, lang: Lang) {
    if let Some((file, xml)) = log {
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
