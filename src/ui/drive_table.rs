//! The selected job's drives, as the portal lists them, with extra drives beneath.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::tr;

use super::azure_panel::download;
use super::state_diagrams::DrivePick;
use super::status_badge::StatusBadge;
use super::why::WhyButton;
use super::why_reason::WhySubject;
use crate::azure::{drive_log, LogKind};
use crate::i18n::Text;
use crate::model::{CopyOutcome, Drive, DriveState, Job};

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

#[component]
pub fn DriveTable(job: Memo<Option<Job>>, drive: DrivePick) -> impl IntoView {
    let drives = move || job.with(|j| j.as_ref().map(|j| j.drives.clone()).unwrap_or_default());
    let name = move || job.with(|j| j.as_ref().map(|j| j.name.clone()).unwrap_or_default());
    let extras = move || {
        job.with(|j| {
            j.as_ref()
                .map(|j| j.extra_drives.clone())
                .unwrap_or_default()
        })
    };
    // The log viewer: one click handler for every log button of the table (its row names the
    // drive, the button the kind of log); the log is generated when opened.
    let viewer = RwSignal::new(None::<(String, String)>);
    let open_log = move |ev: web_sys::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-log]").ok().flatten())
        else {
            return;
        };
        let kind = match button.get_attribute("data-log").as_deref() {
            Some("error") => LogKind::Error,
            _ => LogKind::Verbose,
        };
        let id = button
            .closest("tr[data-drive]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-drive"));
        let shown = job.with_untracked(|j| {
            let j = j.as_ref()?;
            let d = j.drives.iter().find(|d| Some(d.id.to_string()) == id)?;
            Some((button.text_content()?, drive_log(j, d, kind)?))
        });
        viewer.set(shown);
    };
    view! {
        <table class="grid drive-table" aria-label=tr(Text::DrivesTableName) on:click=open_log>
            <thead>
                <tr>
                    <th scope="col">{tr(Text::ColDriveId)}</th>
                    <th scope="col">{tr(Text::ColState)}</th>
                    <th scope="col" class="num">{tr(Text::ColPercent)}</th>
                    <th scope="col">{tr(Text::ColCopyStatus)}</th>
                    <th scope="col">{tr(Text::ColVerboseLog)}</th>
                    <th scope="col">{tr(Text::ColErrorLog)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let name = name();
                    drives()
                        .into_iter()
                        .map(|d| {
                            let state = d.state.id();
                            let id = d.id.clone();
                            let shown = d.id.clone();
                            let logs = log_names(&d);
                            let messages = d.messages.join("; ");
                            let messages_title = messages.clone();
                            view! {
                                <tr data-drive=d.id.to_string()>
                                    <th scope="row">
                                        <button class="link drive-pick" type="button"
                                            aria-pressed=move || (drive.current.get().as_ref() == Some(&shown)).to_string()
                                            on:click={
                                                let id = id.clone();
                                                move |_| drive.choose(id.clone())
                                            }>{d.id.to_string()}</button>
                                    </th>
                                    <td>
                                        <StatusBadge kind="drive" id=Signal::derive(move || state) />
                                        " "
                                        <WhyButton job=name.clone() subject=WhySubject::Drive(id) shown=state />
                                    </td>
                                    <td class="num">{format!("{}%", d.percent())}</td>
                                    <td title=messages_title>
                                        {copy_status(&d)}
                                        <span class="messages">{messages}</span>
                                    </td>
                                    <td class="log">{log_cell(logs.clone().map(|l| l.0), "verbose")}</td>
                                    <td class="log">{log_cell(logs.map(|l| l.1), "error")}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
                {move || {
                    extras()
                        .into_iter()
                        .map(|id| {
                            view! {
                                <tr class="extra" data-drive=id.to_string()>
                                    <th scope="row">{id.to_string()}</th>
                                    <td>
                                        <StatusBadge kind="drive" id=Signal::derive(|| "Extra") />
                                    </td>
                                    <td class="num">"—"</td>
                                    <td class="extra-note">{tr(Text::ExtraDriveNote)}</td>
                                    <td>"—"</td>
                                    <td>"—"</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
                <Show when=move || drives().is_empty() && extras().is_empty()>
                    <tr>
                        <td colspan="6" class="empty">{tr(Text::NoDrivesYet)}</td>
                    </tr>
                </Show>
            </tbody>
        </table>
        {move || viewer.get().map(|(file, xml)| {
            let (name, body) = (file.clone(), xml.clone());
            view! {
                <section class="log-viewer" aria-label=tr(Text::LogViewerName)>
                    <h4>{file}</h4>
                    <p class="hint">{tr(Text::LogViewerName)}</p>
                    <pre data-testid="drive-log">{xml}</pre>
                    <button type="button" on:click=move |_| { let _ = download(&name, "application/xml", &body); }>
                        {tr(Text::DownloadXml)}
                    </button>
                    " "
                    <button type="button" on:click=move |_| viewer.set(None)>{tr(Text::Dismiss)}</button>
                </section>
            }
        })}
    }
}

/// A log file's name as a button that opens it, or "—" before the copy has finished.
fn log_cell(file: Option<String>, kind: &'static str) -> impl IntoView {
    match file {
        Some(file) => view! {
            <button type="button" class="link" data-log=kind>{file}</button>
        }
        .into_any(),
        None => "—".into_any(),
    }
}
