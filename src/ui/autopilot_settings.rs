//! The autopilot switch (beside the clock) and its settings (in the datacenter panel).
//! Changing them replays the whole simulation, so the story changes from the start,
//! reproducibly (same settings, same story).

use leptos::prelude::*;

use crate::ui::tr;

use super::dom::Writer;
use super::state::use_app;
use super::use_lang;
use crate::i18n::{Lang, Text};
use crate::sim::Autopilot;

/// The autopilot on/off switch, beside the clock: a student walking a job by hand sees at a
/// glance whether the simulated datacenter will act too. The page's only such switch. Drawn
/// in the clock bar, which sets it (and its "on"/"off") and handles it by `data-act`.
pub fn draw_switch<W: Writer>(w: &mut W, lang: Lang) {
    w.open("label")
        .attr("class", "autopilot-switch")
        .attr("title", lang.t(Text::AutopilotOn))
        .open("input")
        .attr("type", "checkbox")
        .attr("role", "switch")
        .attr("data-testid", "autopilot")
        .attr("data-act", "autopilot")
        .close()
        .text(" ")
        .text(lang.t(Text::Autopilot))
        .text(" ");
    // The switch itself announces its state; this is for the eyes at the back of the room.
    w.open("span")
        .attr("class", "switch-state")
        .attr("aria-hidden", "true")
        .text("")
        .close()
        .close();
}

/// The autopilot's settings, folded: how loaded the datacenter is, how often things go
/// wrong, and the seed of its story.
#[component]
pub fn AutopilotSettings() -> impl IntoView {
    let app = use_app();
    let autopilot = move || app.sim().with(|s| s.autopilot());
    let change = move |f: &dyn Fn(&mut Autopilot)| {
        let mut a = app.sim().with_untracked(|s| s.autopilot());
        f(&mut a);
        app.set_autopilot(a);
    };
    view! {
        <details class="autopilot">
            <summary>{tr(Text::AutopilotSettings)}</summary>
            <PercentSlider
                label=Text::DatacenterLoad
                max=100
                step=5
                value=Signal::derive(move || autopilot().load)
                set=Callback::new(move |v: f64| change(&|a| a.load = v))
            />
            <PercentSlider
                label=Text::ExceptionRate
                max=50
                step=1
                value=Signal::derive(move || autopilot().exception_rate)
                set=Callback::new(move |v: f64| change(&|a| a.exception_rate = v))
            />
            <label>
                {tr(Text::Seed)} " "
                <input
                    type="number"
                    min="0"
                    step="1"
                    data-testid="seed"
                    prop:value=move || app.sim().with(|s| s.seed()).to_string()
                    on:change=move |ev| {
                        // A seed that is not a whole number is ignored; the field shows the seed in use.
                        if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() {
                            app.set_seed(seed);
                        }
                    }
                />
            </label>
        </details>
    }
}

/// A 0..=1 fraction as whole percent (integers only: no float formatting in the wasm).
fn percent(fraction: f64) -> i64 {
    (fraction * 100.0).round() as i64
}

/// A 0..=1 setting shown and edited as a percentage.
#[component]
fn PercentSlider(
    label: Text,
    max: u32,
    step: u32,
    value: Signal<f64>,
    set: Callback<f64>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label>
            {move || lang.get().t(label)} " "
            <input
                type="range"
                min="0"
                max=max
                step=step
                prop:value=move || percent(value.get()).to_string()
                on:change=move |ev| {
                    // A range input's value is a whole number of percent.
                    if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                        set.run((f64::from(v) / 100.0).clamp(0.0, 1.0));
                    }
                }
            />
            <output>{move || format!("{}%", percent(value.get()))}</output>
        </label>
    }
}
