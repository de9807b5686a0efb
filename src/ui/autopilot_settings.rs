//! The autopilot switch and its settings. Changing them replays the whole simulation, so
//! the story changes from the start, reproducibly (same settings, same story).

use leptos::prelude::*;

use super::state::use_app;
use super::use_lang;
use crate::i18n::Text;
use crate::sim::Autopilot;

#[component]
pub fn AutopilotSettings() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |key| lang.get().t(key);
    let autopilot = move || app.sim.with(|s| s.autopilot());
    let change = move |f: &dyn Fn(&mut Autopilot)| {
        let mut a = app.sim.with_untracked(|s| s.autopilot());
        f(&mut a);
        app.sim.update(|s| s.set_autopilot(a));
        app.edited.set(true);
    };
    view! {
        <fieldset class="autopilot">
            <legend>{move || t(Text::Autopilot)}</legend>
            <label>
                <input
                    type="checkbox"
                    role="switch"
                    data-testid="autopilot"
                    prop:checked=move || autopilot().enabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change(&|a| a.enabled = on);
                    }
                />
                " " {move || t(Text::AutopilotOn)}
            </label>
            <label>
                {move || t(Text::DatacenterLoad)} " "
                <input
                    type="range"
                    min="0"
                    max="100"
                    step="5"
                    prop:value=move || ((autopilot().load * 100.0).round() as i64).to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            change(&|a| a.load = (v / 100.0).clamp(0.0, 1.0));
                        }
                    }
                />
                <output>{move || format!("{:.0}%", autopilot().load * 100.0)}</output>
            </label>
            <label>
                {move || t(Text::ExceptionRate)} " "
                <input
                    type="range"
                    min="0"
                    max="50"
                    step="1"
                    prop:value=move || ((autopilot().exception_rate * 100.0).round() as i64).to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            change(&|a| a.exception_rate = (v / 100.0).clamp(0.0, 1.0));
                        }
                    }
                />
                <output>{move || format!("{:.0}%", autopilot().exception_rate * 100.0)}</output>
            </label>
            <label>
                {move || t(Text::Seed)} " "
                <input
                    type="number"
                    min="0"
                    step="1"
                    data-testid="seed"
                    prop:value=move || app.sim.with(|s| s.seed()).to_string()
                    on:change=move |ev| {
                        // A seed that is not a whole number is ignored; the field shows the seed in use.
                        if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() {
                            app.sim.update(|s| s.set_seed(seed));
                            app.edited.set(true);
                        }
                    }
                />
            </label>
        </fieldset>
    }
}
