//! Which rules the simulation follows, switchable, with every rule in one line and the
//! choices the simulator makes where Microsoft's articles say nothing.

use leptos::prelude::*;

use crate::ui::tr;

use super::header::ARTICLE_URL;
use super::state::use_app;
use super::use_lang;
use crate::i18n::{rule_text, Text};
use crate::model::{CancelWindow, RuleId, RuleSet, Rules};

fn window_label(w: CancelWindow) -> Text {
    match w {
        CancelWindow::CreatingOnly => Text::CancelCreating,
        CancelWindow::CreatingOrShipping => Text::CancelCreatingOrShipping,
        CancelWindow::BeforePackaging => Text::CancelBeforePackaging,
    }
}

#[component]
pub fn RulesPanel() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let rules = move || app.sim().with(|s| s.rules());
    let set_rules = move |r: Rules| app.set_rules(r);
    view! {
        <section class="panel rules" aria-labelledby="rules-heading">
            <h2 id="rules-heading">{tr(Text::RulesHeading)}</h2>
            <label>
                {tr(Text::RuleSetLabel)} " "
                <select
                    data-testid="rule-set"
                    prop:value=move || rules().set.id()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(set) = RuleSet::ALL.into_iter().find(|s| s.id() == v) {
                            set_rules(Rules { set, ..rules() });
                        }
                    }
                >
                    <option value="2018">{tr(Text::RuleSet2018)}</option>
                    <option value="2021">{tr(Text::RuleSet2021)}</option>
                </select>
            </label>
            <label>
                {tr(Text::CancelWindowLabel)} " "
                <select
                    data-testid="cancel-window"
                    disabled=move || !rules().can_cancel()
                    prop:value=move || rules().cancel_window.id()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(w) = CancelWindow::ALL.into_iter().find(|w| w.id() == v) {
                            set_rules(Rules { cancel_window: w, ..rules() });
                        }
                    }
                >
                    {CancelWindow::ALL
                        .into_iter()
                        .map(|w| view! { <option value=w.id()>{move || t(window_label(w))}</option> })
                        .collect_view()}
                </select>
            </label>
            <p class="hint">{tr(Text::CancelWindowNote)}</p>
            <details>
                <summary>{tr(Text::AllRules)}</summary>
                <dl class="rule-list">
                    {RuleId::ALL
                        .into_iter()
                        .map(|r| view! {
                            <dt class="rule-id">{r.id()}</dt>
                            <dd>{move || rule_text(lang.get(), r)}</dd>
                        })
                        .collect_view()}
                </dl>
                <h3>{tr(Text::OpenQuestions)}</h3>
                <ul>
                    <li>{tr(Text::ChoiceNeverReceived)}</li>
                    <li>{tr(Text::ChoiceWarnings)}</li>
                    <li>{tr(Text::ChoicePercent)}</li>
                    <li>{tr(Text::ChoiceUpdate)}</li>
                </ul>
                <p><a href=ARTICLE_URL target="_blank" rel="noopener noreferrer">{tr(Text::ArticleLink)}</a></p>
            </details>
        </section>
    }
}
