//! The selected job: its facts, the next time rule and its drives.

use leptos::prelude::*;

use crate::ui::tr;

use super::download::download;
use super::drive_table::DriveTable;
use super::format;
use super::job_rows::status_id;
use super::state::use_app;
use super::state_diagrams::{DrivePick, StateDiagrams};
use super::status_badge::StatusBadge;
use super::use_lang;
use super::why::{question, WhyHost};
use super::why_reason::WhySubject;
use crate::azure::rest_one;
use crate::i18n::azure::{az, AzText};
use crate::i18n::{rule_text, Lang, Text};
use crate::model::{Job, Time, Tracking};
use wasm_bindgen::JsCast;

#[component]
pub fn JobDetails() -> impl IntoView {
    let app = use_app();
    let job = app.selected_job();
    let selected = app.selected();
    let missing = move || selected.get().is_some() && job.with(|j| j.is_none());
    let drive = DrivePick::new(job);
    let why = WhyHost::create();
    view! {
        <section class="panel details" aria-labelledby="details-heading">
            <h2 id="details-heading">
                {tr(Text::DetailsHeading)}
                {move || selected.get().map(|n| format!(": {n}"))}
            </h2>
            <Show when=move || selected.get().is_none()>
                <p class="hint">{tr(Text::SelectAJob)}</p>
            </Show>
            <Show when=missing>
                <p class="hint">{tr(Text::JobNotYetCreated)}</p>
            </Show>
            {move || job.get().map(|j| view! { <JobFacts job=j why /> })}
            {why.view()}
            <Show when=move || job.with(|j| j.is_some())>
                <DriveTable job drive />
                <StateDiagrams job drive />
            </Show>
        </section>
    }
}

#[component]
fn JobFacts(job: Job, why: WhyHost) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let rules = app.sim().with_untracked(|s| s.rules());
    let next = job.next_time_rule(&rules);
    let tracking = |tr: &Option<Tracking>| {
        tr.as_ref().map_or_else(
            || "—".to_string(),
            |t| format!("{} {}", t.carrier, t.number),
        )
    };
    let status = status_id(&job);
    let flags = [
        (job.overdue, Text::FlagOverdue),
        (job.customer_contacted, Text::FlagContacted),
    ];
    let deleted = job.deleted;
    let is_deleted = job.is_deleted();
    let name = job.name.clone();
    let file = job.name.clone();
    view! {
        <dl class="facts">
            <dt>{tr(Text::ColStatus)}</dt>
            <dd data-testid="detail-status">
                <StatusBadge kind="job" id=Signal::derive(move || status) />
                {flags
                    .into_iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, key)| view! { <span class="flag">{move || t(key)}</span> })
                    .collect_view()}
                " "
                {why_button(why, lang, name.clone(), WhySubject::Status, status)}
            </dd>
            <dt>{tr(Text::ColType)}</dt>
            <dd>{job.job_type.id()}</dd>
            <dt>{tr(Text::ColStorageAccount)}</dt>
            <dd>{job.storage_account.clone()}</dd>
            <dt>{tr(Text::ColCreated)}</dt>
            <dd>{format::date_time(job.created_at)}</dd>
            <dt>{tr(Text::StateEntered)}</dt>
            <dd data-testid="state-since">{format::date_time(state_since(&job))}</dd>
            <dt>{tr(Text::Tracking)}</dt>
            <dd>{tracking(&job.tracking)}</dd>
            <dt>{tr(Text::ReturnTracking)}</dt>
            <dd>{tracking(&job.return_tracking)}</dd>
            <dt>{tr(Text::NextRule)}</dt>
            <dd data-testid="next-rule">
                {match next {
                    Some((rule, at)) => {
                        view! {
                            <span class="rule-id">{rule.id()}</span>
                            " "
                            {move || rule_text(lang.get(), rule)}
                            " · "
                            {format::date_time(at)}
                            " ("
                            {move || format::countdown(lang.get(), at - app.now().get())}
                            ") "
                            {why_button(why, lang, name.clone(), WhySubject::Countdown, rule.id())}
                        }
                            .into_any()
                    }
                    None if is_deleted => view! { {tr(Text::NoTimeRuleDeleted)} }.into_any(),
                    None => view! { {tr(Text::NoTimeRule)} }.into_any(),
                }}
            </dd>
            {deleted
                .map(|d| {
                    view! {
                        <dt>{tr(Text::DeletedAt)}</dt>
                        <dd>
                            {format::date_time(d.at)} " · " <span class="rule-id">{d.reason.rule().id()}</span> " "
                            {move || rule_text(lang.get(), d.reason.rule())}
                        </dd>
                    }
                })}
        </dl>
        <p>
            <button type="button" data-testid="export-job-json" disabled=is_deleted
                on:click=move |_| {
                    let now = app.now().get_untracked();
                    if let Some(json) = app.sim().with_untracked(|s| rest_one(s, &file, now)) {
                        let _ = download(&format!("{file}.json"), "application/json", &json.to_string());
                    }
                }>
                {move || az(lang.get(), AzText::JobJson)}
            </button>
        </p>
    }
}

/// "Why?" beside a fact: its question is its name (and its "?" comes from CSS).
fn why_button(
    why: WhyHost,
    lang: RwSignal<Lang>,
    job: String,
    subject: WhySubject,
    shown: &'static str,
) -> impl IntoView {
    let asked = (job.clone(), subject.clone());
    let title = move || question(lang.get(), &asked.0, &asked.1, shown);
    view! {
        <button class="why-btn" type="button" aria-expanded="false" aria-label=title.clone() title=title
            on:click=move |ev| {
                if let Some(b) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    why.toggle(b, job.clone(), subject.clone());
                }
            }></button>
    }
}

/// When the job entered what its Status cell shows: for a deleted job that is the deletion
/// (its Status reads "Deleted"), not the state it was in before.
pub fn state_since(job: &Job) -> Time {
    job.deleted.as_ref().map_or(job.state_entered_at, |d| d.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{preset, Simulation};
    use chrono::TimeDelta;

    #[test]
    fn a_deleted_job_is_in_its_state_since_its_deletion() {
        let Some(scenario) = preset("abandoned") else {
            panic!("preset exists")
        };
        let sim = Simulation::new(scenario).expect("the test scenario loads");
        let day_20 = sim.start() + TimeDelta::days(20);
        let jobs = sim.jobs_at(day_20);
        let Some(gone) = jobs.iter().find(|j| j.name == "forgotten") else {
            panic!("the abandoned job")
        };
        let Some(deletion) = gone.deleted.as_ref() else {
            panic!("deleted by day 20")
        };
        assert_eq!(state_since(gone), deletion.at);
        assert_ne!(state_since(gone), gone.state_entered_at);
        let Some(alive) = sim.jobs_at(sim.start()).into_iter().next() else {
            panic!("a job")
        };
        assert_eq!(state_since(&alive), alive.state_entered_at);
    }
}
