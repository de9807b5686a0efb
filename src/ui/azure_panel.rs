//! "Import from Azure": paste (or drop a file of) what `az import-export show` / `list` or the REST API printed, say
//! when the jobs are in those states ("now" by default), and see them in the tables with what
//! the rules do next. Also saves the current story as files: the scenario, the job and drive
//! tables as CSV, and the jobs as Azure REST JSON. Every text goes into the page as text.
//!
//! Small on purpose (the bundle budget): the inputs are read when a button is pressed, and one
//! click handler on the fold serves every button, by its `data-testid`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::download;
use super::format::{go_to_text, parse_go_to};
use super::state::use_app;
use super::use_lang;
use crate::azure::{drives_csv, import, jobs_csv, rest_list, AzureProblem, AzureProblemKind as A};
use crate::i18n::azure::{az, azure_problem_line, azure_warning_line, AzText as T};
use crate::share::ScenarioRef;

#[component]
pub fn AzurePanel() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let json = NodeRef::<leptos::html::Textarea>::new();
    let since = NodeRef::<leptos::html::Input>::new();
    // What the last import said, one line each, and whether it was refused (None: nothing yet).
    let result = RwSignal::new((Vec::<String>::new(), None::<bool>));
    let word = move |key: T| move || az(lang.get(), key);
    let run = move || {
        let lang = lang.get_untracked();
        let at = match since
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default()
            .trim()
        {
            "" => Some(chrono::Utc::now()),
            s => parse_go_to(s),
        };
        let text = json.get_untracked().map(|t| t.value()).unwrap_or_default();
        let (lines, refused): (Vec<String>, bool) = match at.ok_or(()).map(|at| import(&text, at)) {
            Err(()) => (vec![az(lang, T::BadSince).into()], true),
            Ok(Err(p)) => (
                p.iter().map(|p| azure_problem_line(lang, p)).collect(),
                true,
            ),
            Ok(Ok(i)) => {
                app.load(ScenarioRef::Inline(Box::new(i.scenario)), Some(i.at));
                (
                    i.warnings
                        .iter()
                        .map(|w| azure_warning_line(lang, w))
                        .collect(),
                    false,
                )
            }
        };
        result.set((lines, Some(refused)));
    };
    let save = move |which: &str| {
        let now = app.now().get_untracked();
        let (name, mime, body) = app.sim().with_untracked(|s| match which {
            "export-jobs-csv" => (
                "jobs.csv",
                "text/csv",
                jobs_csv(&s.jobs_at(now), &s.rules()),
            ),
            "export-drives-csv" => ("drives.csv", "text/csv", drives_csv(&s.jobs_at(now))),
            "export-rest-json" => (
                "azure-jobs.json",
                "application/json",
                rest_list(s, now).to_string(),
            ),
            _ => ("scenario.json", "application/json", s.scenario().to_json()),
        });
        let _ = download(name, mime, &body);
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let id = target
            .and_then(|t| t.get_attribute("data-testid"))
            .unwrap_or_default();
        match id.as_str() {
            "azure-import" => run(),
            "azure-now" => {
                if let Some(input) = since.get_untracked() {
                    input.set_value(&go_to_text(chrono::Utc::now()));
                }
            }
            s if s.starts_with("export-") => save(s),
            _ => {}
        }
    };
    // A dropped file is read into the box (a file past the size limit is refused unread).
    let dropped = move |ev: leptos::ev::DragEvent| {
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        ev.prevent_default();
        let bytes = file.size() as usize;
        if bytes > crate::model::limits::MAX_SCENARIO_BYTES {
            let kind = A::Scenario(crate::sim::scenario::ProblemKind::FileTooLarge { bytes });
            let p = AzureProblem {
                path: "$".into(),
                line: None,
                column: None,
                kind,
            };
            result.set((
                vec![azure_problem_line(lang.get_untracked(), &p)],
                Some(true),
            ));
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else {
            return;
        };
        let done = reader.clone();
        let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
            let text = done.result().ok().and_then(|v| v.as_string());
            if let (Some(text), Some(area)) = (text, json.get_untracked()) {
                area.set_value(&text);
            }
        });
        reader.set_onload(Some(onload.unchecked_ref()));
        let _ = reader.read_as_text(&file);
    };
    let refused = move || result.with(|r| r.1 == Some(true));
    // Opened from an `#azure=` link: the same view as after pasting it, warnings included.
    let fold = NodeRef::<leptos::html::Details>::new();
    crate::ui::fx::effect(move || {
        let lines: Vec<String> = app.link_warnings().with(|w| {
            w.iter()
                .map(|w| azure_warning_line(lang.get(), w))
                .collect()
        });
        if !lines.is_empty() {
            result.set((lines, Some(false)));
            if let Some(f) = fold.get() {
                f.set_open(true);
            }
        }
    });
    view! {
        <details class="fold azure-fold" on:click=click node_ref=fold>
            <summary>{word(T::Heading)}</summary>
            <div class="panel">
            <label>{word(T::Paste)} <textarea rows="8" cols="60" data-testid="azure-json" node_ref=json on:dragover=|ev| ev.prevent_default() on:drop=dropped></textarea></label>
            <label>{word(T::Since)} " " <input type="text" data-testid="azure-since" placeholder="YYYY-MM-DD HH:MM" node_ref=since /></label>
            " " <button type="button" data-testid="azure-now">{word(T::Now)}</button>
            " " <button type="button" data-testid="azure-import">{word(T::Import)}</button>
            <div data-testid="azure-result" role="status" hidden=move || result.with(|r| r.1.is_none())>
                <p class:error-text=refused>{move || az(lang.get(), if refused() { T::Rejected } else { T::Imported })}</p>
                <ul>{move || result.with(|r| r.0.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view())}</ul>
            </div>
            <p>
                {word(T::Export)} " "
                <button type="button" data-testid="export-scenario">{word(T::ScenarioJson)}</button> " "
                <button type="button" data-testid="export-jobs-csv">{word(T::JobsCsv)}</button> " "
                <button type="button" data-testid="export-drives-csv">{word(T::DrivesCsv)}</button> " "
                <button type="button" data-testid="export-rest-json">{word(T::RestJson)}</button>
            </p>
            <super::my_job_panel::MyJobPanel />
            </div>
        </details>
    }
}
