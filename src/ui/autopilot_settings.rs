//! The autopilot switch (beside the clock) and its settings (in the datacenter panel).
//! Changing them replays the whole simulation, so the story changes from the start,
//! reproducibly (same settings, same story).

use crate::ui::dom::listen;
use web_sys::Element;

use super::dom::{acted, find, redraw, Writer};
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

/// A 0..=1 fraction as whole percent (integers only: no float formatting in the wasm).
fn percent(fraction: f64) -> i64 {
    (fraction * 100.0).round() as i64
}

/// A 0..=1 setting shown and edited as a percentage, up to `max`: `data-act` names it.
fn slider<W: Writer>(w: &mut W, label: &str, act: &str, max: &str, step: &str) {
    w.open("label")
        .text(label)
        .text(" ")
        .open("input")
        .attr("type", "range")
        .attr("min", "0")
        .attr("max", max)
        .attr("step", step)
        .attr("data-act", act)
        .close()
        .open("output")
        .text("")
        .close()
        .close();
}

/// The settings' content in `lang`; the values are written by `show`.
pub fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("summary")
        .text(lang.t(Text::AutopilotSettings))
        .close();
    slider(w, lang.t(Text::DatacenterLoad), "load", "100", "5");
    slider(w, lang.t(Text::ExceptionRate), "exceptions", "50", "1");
    w.open("label")
        .text(lang.t(Text::Seed))
        .text(" ")
        .open("input")
        .attr("type", "number")
        .attr("min", "0")
        .attr("step", "1")
        .attr("data-testid", "seed")
        .attr("data-act", "seed")
        .close()
        .close();
}

/// Writes the settings in use into the fields and the percentages beside them.
fn show(root: &Element, a: Autopilot, seed: u64) {
    for (act, value) in [
        ("load", percent(a.load)),
        ("exceptions", percent(a.exception_rate)),
    ] {
        let Some(input) = find(root, &format!("[data-act={act}]")) else {
            continue;
        };
        let text = value.to_string();
        super::dom::set_value(&input, &text);
        if let Some(out) = crate::ui::dom::next(&input) {
            out.set_text_content(Some(&format!("{text}%")));
        }
    }
    if let Some(input) = find(root, "[data-act=seed]") {
        super::dom::set_value(&input, &seed.to_string());
    }
}

/// The autopilot's settings, folded: how loaded the datacenter is, how often things go
/// wrong, and the seed of its story. Drawn by `ui::dom` once per language (focus kept), the
/// values written in place; one handler for the three fields.
pub fn attach(root: Element) {
    let app = use_app();
    let lang = use_lang();
    let on_change = move |ev: web_sys::Event| {
        let Some((el, act)) = acted(&ev) else {
            return;
        };
        let value = super::dom::value(&el);
        let mut a = app.sim().with_untracked(|s| s.autopilot());
        // A range input's value is a whole number of percent; a seed that is not a whole
        // number is ignored (the field shows the seed in use again).
        let fraction = value
            .parse::<u32>()
            .map(|v| (f64::from(v) / 100.0).clamp(0.0, 1.0));
        match (act.as_str(), fraction) {
            ("load", Ok(f)) => a.load = f,
            ("exceptions", Ok(f)) => a.exception_rate = f,
            ("seed", _) => {
                if let Ok(seed) = value.trim().parse::<u64>() {
                    app.set_seed(seed);
                } else {
                    let seed = app.sim().with_untracked(|s| s.seed()).to_string();
                    super::dom::set_value(&el, &seed);
                }
                return;
            }
            _ => return,
        }
        app.set_autopilot(a);
    };
    listen(&root, "change", false, on_change);
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let lang = lang.get();
        if drawn.flatten() != Some(lang) {
            redraw(&root, &mut |w| draw(w, lang));
        }
        app.sim().with(|s| show(&root, s.autopilot(), s.seed()));
        Some(lang)
    });
}
