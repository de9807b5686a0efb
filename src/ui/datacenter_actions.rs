//! What the datacenter does to the selected job, by hand: deliver the package, process late
//! drives, copy, ship back. The autopilot does the same on its own when switched on.

use leptos::prelude::*;

use crate::ui::tr;

use super::action_button::ActionButton;
use super::autopilot_settings::AutopilotSettings;
use super::state::use_app;
use super::text_field::TextField;
use super::use_lang;
use crate::i18n::problems::drive_id_text;
use crate::i18n::{outcome_label, Text};
use crate::model::{Action, CopyOutcome, DriveId, DriveIdError, DriveState, Job};

/// The drives a package could hold: those not yet received, and an export job's announced ones.
fn deliverable(job: &Job) -> Vec<DriveId> {
    let mut ids: Vec<DriveId> = job
        .drives
        .iter()
        .filter(|d| matches!(d.state, DriveState::Specified | DriveState::NeverReceived))
        .map(|d| d.id.clone())
        .collect();
    for planned in &job.planned_drives {
        if job.drive(&planned.id).is_none() && !ids.contains(&planned.id) {
            ids.push(planned.id.clone());
        }
    }
    ids
}

/// Parses the "extra drives" field: ids separated by spaces, commas or semicolons. The
/// error keeps the text that is not an id, to quote it beside the field.
pub fn parse_extra(text: &str) -> Result<Vec<DriveId>, (String, DriveIdError)> {
    text.split([',', ' ', ';'])
        .filter(|s| !s.is_empty())
        .map(|s| DriveId::parse(s).map_err(|e| (s.to_string(), e)))
        .collect()
}

#[component]
pub fn DatacenterActions() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let job = app.selected_job();
    let candidates =
        Memo::new(move |_| job.with(|j| j.as_ref().map(deliverable).unwrap_or_default()));
    // Drives left out of the package (unchecked); everything else is in it.
    let left_out = RwSignal::new(Vec::<DriveId>::new());
    let extra = RwSignal::new(String::new());
    let extra_error = move || {
        parse_extra(&extra.get())
            .err()
            .map(|(text, e)| format!("“{text}”: {}", drive_id_text(lang.get(), &e)))
    };
    let delivered = Signal::derive(move || {
        let name = job.with(|j| j.as_ref().map(|j| j.name.clone()))?;
        let out = left_out.get();
        let present = candidates
            .get()
            .into_iter()
            .filter(|id| !out.contains(id))
            .collect();
        let extra = parse_extra(&extra.get()).ok()?;
        Some(Action::PackageDelivered {
            job: name,
            present,
            extra,
        })
    });
    let ship_carrier = RwSignal::new(String::from("DHL"));
    let ship_number = RwSignal::new(String::from("RET-1"));
    let ship_back = Signal::derive(move || {
        let job = job.with(|j| j.as_ref().map(|j| j.name.clone()))?;
        Some(Action::DrivesShippedBack {
            job,
            carrier: ship_carrier.get(),
            tracking: ship_number.get(),
        })
    });
    let outcome = RwSignal::new(CopyOutcome::Clean);
    view! {
        <section class="panel actions datacenter" aria-labelledby="dc-heading">
            <h2 id="dc-heading">
                {tr(Text::DatacenterHeading)}
                {move || job.with(|j| j.as_ref().map(|j| format!(": {}", j.name)))}
            </h2>
            <Show when=move || job.with(|j| j.is_some()) fallback=move || view! { <p class="hint">{tr(Text::SelectAJob)}</p> }>
                <fieldset>
                    <legend>{tr(Text::PackageDelivered)}</legend>
                    <div class="checks">
                        {move || {
                            candidates
                                .get()
                                .into_iter()
                                .map(|id| {
                                    let key = id.clone();
                                    let toggle = id.clone();
                                    view! {
                                        <label>
                                            <input
                                                type="checkbox"
                                                prop:checked=move || !left_out.with(|o| o.contains(&key))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    left_out.update(|o| {
                                                        o.retain(|x| x != &toggle);
                                                        if !on {
                                                            o.push(toggle.clone());
                                                        }
                                                    });
                                                }
                                            />
                                            " " {id.to_string()}
                                        </label>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                    <label>
                        {tr(Text::ExtraDriveIds)} " "
                        <input
                            type="text"
                            size="12"
                            data-testid="extra-drives"
                            aria-invalid=move || extra_error().is_some().to_string()
                            prop:value=move || extra.get()
                            on:input=move |ev| extra.set(event_target_value(&ev))
                        />
                    </label>
                    <span class="error-text" role="alert" hidden=move || extra_error().is_none()>{extra_error}</span>
                    <ActionButton label=Text::PackageDelivered action=delivered testid="package-delivered" />
                </fieldset>
                <DriveOperations job outcome />
                <fieldset>
                    <legend>{tr(Text::ShipBack)}</legend>
                    <TextField label=Text::Carrier value=ship_carrier size=8 />
                    <TextField label=Text::TrackingNumber value=ship_number size=10 />
                    <ActionButton label=Text::ShipBack action=ship_back testid="ship-back" />
                </fieldset>
            </Show>
            <AutopilotSettings />
        </section>
    }
}

/// Per-drive buttons: a late arrival, start copy, finish copy with the chosen outcome.
#[component]
fn DriveOperations(job: Memo<Option<Job>>, outcome: RwSignal<CopyOutcome>) -> impl IntoView {
    let lang = use_lang();
    let drive_ids = Memo::new(move |_| {
        job.with(|j| {
            j.as_ref()
                .map(|j| j.drives.iter().map(|d| d.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let name = move || job.with(|j| j.as_ref().map(|j| j.name.clone()));
    view! {
        <fieldset>
            <legend>{tr(Text::DriveOperations)}</legend>
            <label>
                {tr(Text::CopyOutcome)} " "
                <select
                    data-testid="outcome"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(o) = CopyOutcome::ALL.into_iter().find(|o| o.id() == v) {
                            outcome.set(o);
                        }
                    }
                    prop:value=move || outcome.get().id()
                >
                    {CopyOutcome::ALL
                        .into_iter()
                        .map(|o| view! { <option value=o.id()>{move || outcome_label(lang.get(), o)}</option> })
                        .collect_view()}
                </select>
            </label>
            <ul class="drive-ops">
                <For each=move || drive_ids.get() key=|id| id.clone() let:id>
                    {
                        let late = Signal::derive({
                            let id = id.clone();
                            move || name().map(|job| Action::DriveArrivedLate { job, drive: id.clone() })
                        });
                        let start = Signal::derive({
                            let id = id.clone();
                            move || name().map(|job| Action::CopyStarted { job, drive: id.clone() })
                        });
                        let finish = Signal::derive({
                            let id = id.clone();
                            move || {
                                name().map(|job| Action::CopyFinished {
                                    job,
                                    drive: id.clone(),
                                    outcome: outcome.get(),
                                    messages: Vec::new(),
                                })
                            }
                        });
                        let tid = id.to_string();
                        view! {
                            <li>
                                <span class="drive-id">{id.to_string()}</span>
                                <ActionButton label=Text::ArrivedLate action=late testid=format!("late-{tid}") />
                                <ActionButton label=Text::StartCopy action=start testid=format!("start-{tid}") />
                                <ActionButton label=Text::FinishCopy action=finish testid=format!("finish-{tid}") />
                            </li>
                        }
                    }
                </For>
            </ul>
        </fieldset>
    }
}
