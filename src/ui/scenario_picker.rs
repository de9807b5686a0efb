//! Choose a built-in story, or paste a scenario file. A file with problems is rejected whole,
//! every problem listed with its place, and the loaded scenario stays as it was.

use leptos::prelude::*;

use crate::ui::tr;

use super::state::use_app;
use super::use_lang;
use crate::i18n::problems::problem_line;
use crate::i18n::{story_summary, story_title, Text};
use crate::share::ScenarioRef;
use crate::sim::{presets, Problem, Scenario};

#[component]
pub fn ScenarioPicker() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let choice = RwSignal::new(String::new());
    let current = move || match app.source().get() {
        ScenarioRef::Preset(name) => name,
        ScenarioRef::Inline(_) => String::new(),
    };
    let summary = move || {
        let name = if choice.get().is_empty() {
            current()
        } else {
            choice.get()
        };
        story_summary(lang.get(), &name)
    };
    // A built-in story is named in the interface language; a file by its own title.
    let title = move || match app.source().get() {
        ScenarioRef::Preset(name) if !app.edited().get() => story_title(lang.get(), &name)
            .unwrap_or_default()
            .to_string(),
        _ => app
            .sim()
            .with(|s| s.title().unwrap_or_default().to_string()),
    };
    let pasted = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let load_pasted = move |_| match Scenario::parse(&pasted.get_untracked()) {
        Ok(s) => {
            problems.set(Vec::new());
            app.load(ScenarioRef::Inline(Box::new(s)), None);
        }
        Err(e) => problems.set(e.problems),
    };
    view! {
        <section class="panel scenarios" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{tr(Text::ScenarioHeading)} ": " <span class="title">{title}</span></h2>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let name = if choice.get_untracked().is_empty() { current() } else { choice.get_untracked() };
                app.load(ScenarioRef::Preset(name), None);
            }>
                <label>
                    {tr(Text::BuiltInStories)} " "
                    <select
                        data-testid="preset"
                        prop:value=move || if choice.get().is_empty() { current() } else { choice.get() }
                        on:change=move |ev| choice.set(event_target_value(&ev))
                    >
                        {presets()
                            .into_iter()
                            .map(|p| view! { <option value=p.name>{move || story_title(lang.get(), p.name).unwrap_or(p.title)}</option> })
                            .collect_view()}
                    </select>
                </label>
                " "
                <button type="submit" data-testid="load-preset">{tr(Text::Load)}</button>
                <p class="hint">{summary}</p>
            </form>
            <details>
                <summary>{tr(Text::PasteScenario)}</summary>
                <label>
                    <span class="visually-hidden">{tr(Text::ScenarioJson)}</span>
                    <textarea
                        rows="8"
                        cols="60"
                        data-testid="scenario-json"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <button type="button" data-testid="load-json" on:click=load_pasted>{tr(Text::LoadJson)}</button>
                <button type="button" on:click=move |_| pasted.set(app.sim().with_untracked(|s| s.scenario().to_json()))>
                    {tr(Text::ShowCurrentJson)}
                </button>
                <div role="alert" data-testid="scenario-problems" hidden=move || problems.with(|p| p.is_empty())>
                    <p class="error-text">{tr(Text::ScenarioRejected)}</p>
                    <ul>{move || {
                        let lang = lang.get();
                        problems.with(|ps| ps.iter().map(|p| view! { <li>{problem_line(lang, p)}</li> }).collect_view())
                    }}</ul>
                </div>
            </details>
        </section>
    }
}
