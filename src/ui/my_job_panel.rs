//! "Model my job": type, current state, since when, tracking date and drive states in a short
//! form; the answer is one sentence (the next time rule and its date, or the typical copy
//! time where no rule applies) and the job itself, loaded on a blank story at that moment so
//! the timeline draws the same projection. The model decides everything (`azure::my_job`).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format::{date_time, go_to_text, parse_go_to};
use super::state::use_app;
use super::use_lang;
use crate::azure::{model_my_job, my_job_next, MyJob, Next, MY_JOB};
use crate::i18n::azure::{
    az, azure_problem_line, azure_warning_line, my_job_next as next_line, AzText as T,
};
use crate::model::limits::MAX_DRIVES;
use crate::model::{DriveState, JobState, JobType};
use crate::share::ScenarioRef;
use crate::sim::Simulation;

/// A `<select>`'s value, read when the button is pressed.
fn value(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A text field's value.
fn input(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn MyJobPanel() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let word = move |key: T| move || az(lang.get(), key);
    let root = NodeRef::<html::Section>::new();
    let drives = RwSignal::new(1usize);
    // The answer, one line each, and whether the form was refused (None: nothing yet).
    let result = RwSignal::new((Vec::<String>::new(), None::<bool>));
    let show = move || {
        let Some(root) = root.get_untracked() else {
            return;
        };
        let lang = lang.get_untracked();
        let time = |sel: &str| match input(&root, sel).trim() {
            "" => Ok(None),
            s => parse_go_to(s).map(Some).ok_or(()),
        };
        let (since, tracking) = match (
            time("[data-testid=my-since]"),
            time("[data-testid=my-tracking]"),
        ) {
            (Ok(since), Ok(tracking)) => (since.unwrap_or_else(chrono::Utc::now), tracking),
            _ => {
                result.set((vec![az(lang, T::BadSince).into()], Some(true)));
                return;
            }
        };
        let job_type = value(&root, "[data-testid=my-type]")
            .parse()
            .unwrap_or(JobType::Import);
        let state = value(&root, "[data-testid=my-state]")
            .parse()
            .unwrap_or(JobState::Creating);
        let mut states = Vec::new();
        if let Ok(list) = root.query_selector_all("select[data-drive]") {
            for i in 0..list.length() {
                let v = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .map(|s| s.value())
                    .unwrap_or_default();
                states.push(v.parse().unwrap_or(DriveState::Specified));
            }
        }
        let job = MyJob {
            job_type,
            state,
            since,
            tracking,
            drives: states,
        };
        match model_my_job(&job) {
            Err(problems) => result.set((
                problems
                    .iter()
                    .map(|p| azure_problem_line(lang, p))
                    .collect(),
                Some(true),
            )),
            Ok(imported) => {
                let next = Simulation::new(imported.scenario.clone())
                    .map(|s| my_job_next(&s, imported.at))
                    .unwrap_or(Next::End);
                let (on, to) = match next {
                    Next::Rule(_, at) => (date_time(at), String::new()),
                    Next::TypicalCopy { from, to } => (date_time(from), date_time(to)),
                    Next::Waits | Next::End => (String::new(), String::new()),
                };
                let mut lines = vec![next_line(lang, &next, MY_JOB, state, &on, &to)];
                lines.extend(
                    imported
                        .warnings
                        .iter()
                        .map(|w| azure_warning_line(lang, w)),
                );
                app.load(
                    ScenarioRef::Inline(Box::new(imported.scenario)),
                    Some(imported.at),
                );
                app.select(MY_JOB.to_string());
                result.set((lines, Some(false)));
            }
        }
    };
    let now = move |_| {
        if let Some(i) = root
            .get_untracked()
            .and_then(|r| r.query_selector("[data-testid=my-since]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            i.set_value(&go_to_text(chrono::Utc::now()));
        }
    };
    let options = |ids: &mut dyn Iterator<Item = &'static str>| {
        ids.map(|id| view! { <option value=id>{id}</option> })
            .collect_view()
    };
    let drive_select = move |i: usize| {
        view! {
            <label>
                {word(T::MyDrive)} {format!(" {} ", i + 1)}
                <select data-drive="">{options(&mut DriveState::ALL.into_iter().map(DriveState::id))}</select>
            </label>
            " "
        }
    };
    view! {
        <section class="my-job" node_ref=root aria-labelledby="my-job-heading">
            <h3 id="my-job-heading">{word(T::MyHeading)}</h3>
            <p class="hint">{word(T::MyHint)}</p>
            <label>{word(T::MyType)} " "
                <select data-testid="my-type">{options(&mut JobType::ALL.into_iter().map(JobType::id))}</select>
            </label> " "
            <label>{word(T::MyState)} " "
                <select data-testid="my-state">{options(&mut JobState::ALL.into_iter().map(JobState::id))}</select>
            </label>
            <p>
                <label>{word(T::MySince)} " " <input type="text" data-testid="my-since" placeholder="YYYY-MM-DD HH:MM" /></label>
                " " <button type="button" data-testid="my-now" on:click=now>{word(T::Now)}</button>
            </p>
            <p>
                <label>{word(T::MyTracking)} " " <input type="text" data-testid="my-tracking" placeholder="YYYY-MM-DD HH:MM" /></label>
            </p>
            <fieldset>
                <legend>{word(T::MyDrives)}</legend>
                <For each=move || 0..drives.get() key=|i| *i let:i>{drive_select(i)}</For>
                <button type="button" disabled={move || drives.get() >= MAX_DRIVES}
                    on:click=move |_| drives.update(|n| *n = (*n + 1).min(MAX_DRIVES))>{word(T::MyAddDrive)}</button>
                " "
                <button type="button" disabled=move || drives.get() == 0
                    on:click=move |_| drives.update(|n| *n = n.saturating_sub(1))>{word(T::MyRemoveDrive)}</button>
            </fieldset>
            <button type="button" data-testid="my-show" on:click=move |_| show()>{word(T::MyShow)}</button>
            <div data-testid="my-result" role="status" hidden=move || result.with(|r| r.1.is_none())>
                <ul class:error-text=move || result.with(|r| r.1 == Some(true))>
                    {move || result.with(|r| r.0.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view())}
                </ul>
            </div>
        </section>
    }
}
