//! The selected job's drives, as the portal lists them, with extra drives beneath.

use leptos::prelude::*;

use crate::ui::tr;

use super::state_diagrams::DrivePick;
use super::status_badge::StatusBadge;
use super::why::WhyButton;
use super::why_reason::WhySubject;
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
    view! {
        <table class="grid drive-table" aria-label=tr(Text::DrivesTableName)>
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
                                    <td class="log">{logs.clone().map_or("—".to_string(), |l| l.0)}</td>
                                    <td class="log">{logs.map_or("—".to_string(), |l| l.1)}</td>
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
    }
}
