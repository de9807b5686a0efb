//! The simulated clock, big enough for a projector, with every way to move it and the
//! autopilot switch. It stays at the top of the window; once the page is scrolled it turns
//! compact (time, play, next event, autopilot), and whole again near the top or while a
//! control inside it has the focus.
//!
//! Drawn by `ui::dom` (a `view!` of its twenty controls cost the bundle about 8 KB gzip): the
//! markup is written once per language, and each change of the clock, the speed or the world
//! rewrites only the values in place (the time's text node, the scrubber's value, a button's
//! `disabled`), so a playing clock touches no more nodes per frame than before. One handler
//! on the bar serves every control, by the `data-act` of the control an event came from.

use chrono::TimeDelta;

use crate::ui::dom::listen;
use web_sys::{Element, Event, Node};

use super::dom::{checked, flag, set_checked, set_value, value};

use super::autopilot_settings::draw_switch;
use super::clock_controls::draw_controls;
use super::dom::{acted, find, Dom, Writer};
use super::format;
use super::scrubber::draw_scrubber;
use super::state::{use_app, AppState, Speed};
use super::use_lang;
use crate::i18n::{Lang, Text};
use crate::model::Time;

/// Scrolled past this many pixels, the bar turns compact; back above `WHOLE_BELOW`, whole.
/// The gap is larger than the height the bar loses, so its change cannot undo itself.
const COMPACT_PAST: f64 = 160.0;
const WHOLE_BELOW: f64 = 24.0;

/// The bar's inner markup in `lang`, with the values left empty for `Parts::update`.
pub fn draw<W: Writer>(w: &mut W, lang: Lang) {
    w.open("div")
        .attr("class", "clock-readout")
        .open("output")
        .attr("class", "clock-time")
        .attr("aria-live", "off")
        .attr("data-testid", "clock")
        .text("")
        .close()
        .open("span")
        .attr("class", "clock-day")
        .attr("data-testid", "day")
        .text("")
        .close()
        .close();
    draw_switch(w, lang);
    draw_scrubber(w, lang);
    draw_controls(w, lang);
}

/// The nodes whose values follow the clock and the world, found once per drawing.
struct Parts {
    lang: Lang,
    /// The clock's `<output>`: a polite live region while paused (a step, a jump or "Go to"
    /// is read out), silent while playing (not one announcement per tick).
    clock: Element,
    time: Node,
    day: Node,
    play: Element,
    play_text: Node,
    speed: Element,
    prev: Element,
    next: Element,
    go_to: Element,
    scrub: Element,
    from: Node,
    to: Node,
    auto: Element,
    auto_state: Node,
}

/// The first (only) text node of the element `selector` finds.
fn text_of(bar: &Element, selector: &str) -> Option<Node> {
    let el = find(bar, selector)?;
    crate::ui::dom::node_of(&el, "firstChild")
}

impl Parts {
    fn find(bar: &Element, lang: Lang) -> Option<Parts> {
        let play = find(bar, "[data-act=play]")?;
        Some(Parts {
            lang,
            clock: find(bar, ".clock-time")?,
            time: text_of(bar, ".clock-time")?,
            day: text_of(bar, ".clock-day")?,
            play_text: crate::ui::dom::node_of(&play, "firstChild")?,
            play,
            speed: find(bar, "[data-act=speed]")?,
            prev: find(bar, "[data-act=prev]")?,
            next: find(bar, "[data-act=next]")?,
            go_to: find(bar, "[data-act=go-to]")?,
            scrub: find(bar, "[data-act=scrub]")?,
            from: text_of(bar, ".scrub-end")?,
            to: text_of(bar, ".scrub-end:last-child")?,
            auto: find(bar, "[data-act=autopilot]")?,
            auto_state: text_of(bar, ".switch-state")?,
        })
    }

    /// Writes every value (tracked: the clock, the world, play and speed).
    fn update(&self, app: AppState) {
        let (now, lang) = (app.now().get(), self.lang);
        let playing = app.playing().get();
        crate::ui::dom::set(&self.play, "aria-pressed", bool_str(playing));
        let live = if playing { "off" } else { "polite" };
        crate::ui::dom::set(&self.clock, "aria-live", live);
        self.play_text.set_text_content(Some(lang.t(if playing {
            Text::Pause
        } else {
            Text::Play
        })));
        set_value(&self.speed, app.speed().get().id());
        let stamp = format::date_time(now);
        self.time.set_text_content(Some(&stamp));
        app.sim().with(|s| {
            let (start, end) = (s.start(), s.span_end());
            let day = format!(
                "{} {}",
                lang.t(Text::DayOfScenario),
                format::day_of(start, now)
            );
            self.day.set_text_content(Some(&day));
            flag(&self.prev, "disabled", s.prev_due(now).is_none());
            flag(&self.next, "disabled", s.next_due(now).is_none());
            let max = (end - start).num_minutes().max(1);
            crate::ui::dom::set(&self.scrub, "max", &max.to_string());
            let at = (now - start).num_minutes().clamp(0, max);
            set_value(&self.scrub, &at.to_string());
            crate::ui::dom::set(&self.scrub, "aria-valuetext", &stamp);
            self.from.set_text_content(Some(&format::date(start)));
            self.to.set_text_content(Some(&format::date(end)));
            let on = s.autopilot().enabled;
            set_checked(&self.auto, on);
            self.auto_state.set_text_content(Some(lang.t(if on {
                Text::SwitchOn
            } else {
                Text::SwitchOff
            })));
        });
        // A time being typed stays until it is submitted.
        if !crate::ui::dom::has(&self.go_to, "data-typed") {
            set_value(&self.go_to, &format::go_to_text(now));
        }
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Marks the "Go to" field (in `form`) as unreadable or fine, and shows or hides why.
fn set_invalid(form: &Element, invalid: bool) {
    if let Some(field) = find(form, "input") {
        crate::ui::dom::set(&field, "aria-invalid", bool_str(invalid));
    }
    if let Some(error) = find(form, ".error-text") {
        flag(&error, "hidden", !invalid);
    }
}

/// Seeks to `at`, or pauses where there is nowhere to go.
fn go(app: AppState, at: Option<Time>) {
    match at {
        Some(at) => app.seek(at),
        None => app.pause(),
    }
}

/// A count this page wrote (the scrubber's minutes from its `min` of 0, a jump's days): read
/// as a `u64`, the parser the autopilot's seed needs anyway, not as an `i64`, which would be
/// one more copy of the integer parser (~550 bytes) for these two.
fn count(text: &str) -> Option<i64> {
    text.parse::<u64>().ok().and_then(|n| i64::try_from(n).ok())
}

/// Every control of the bar, by the `data-act` of the element the event came from. Every move
/// of the clock goes through `AppState::seek`, which pauses.
fn handle(app: AppState, ev: &Event) {
    let Some(target) = super::dom::target(ev) else {
        return;
    };
    let kind = crate::ui::dom::text_of(ev, "type");
    if kind == "submit" {
        crate::ui::dom::call0(ev, "preventDefault");
        let Some(field) = find(&target, "input").filter(|f| crate::ui::dom::has(f, "data-typed"))
        else {
            return;
        };
        match format::parse_go_to(&value(&field)) {
            Some(at) => {
                set_invalid(&target, false);
                super::dom::flag(&field, "data-typed", false);
                app.seek(at);
            }
            None => set_invalid(&target, true),
        }
        return;
    }
    let Some((el, act)) = acted(ev) else {
        return;
    };
    let value = || value(&el);
    let (sim, now) = (app.sim(), app.now().get_untracked());
    match (kind.as_str(), act.as_str()) {
        ("click", "play") => app.toggle_play(),
        ("click", "prev") => go(app, sim.with_untracked(|s| s.prev_due(now))),
        ("click", "next") => go(app, sim.with_untracked(|s| s.next_due(now))),
        ("change", "speed") => {
            let v = value();
            if let Some(s) = Speed::ALL.into_iter().find(|s| s.id() == v) {
                app.set_speed(s);
            }
        }
        ("change", "autopilot") => {
            let mut a = sim.with_untracked(|s| s.autopilot());
            a.enabled = checked(&el);
            app.set_autopilot(a);
        }
        ("input", "scrub") => {
            if let Some(m) = count(&value()) {
                let start = sim.with_untracked(|s| s.start());
                go(app, start.checked_add_signed(TimeDelta::minutes(m)));
            }
        }
        ("input", "go-to") => {
            crate::ui::dom::set(&el, "data-typed", "");
            if let Some(form) = crate::ui::dom::closest(&el, "form") {
                set_invalid(&form, false);
            }
        }
        // The jumps: `data-act` is the number of days.
        ("click", days) => {
            if let Some(d) = count(days) {
                go(app, now.checked_add_signed(TimeDelta::days(d)));
            }
        }
        _ => {}
    }
}

/// Draws the clock bar into `bar` (the page's `section.clock-bar`) and keeps it current.
pub fn attach(bar: Element) {
    let app = use_app();
    let lang = use_lang();
    let el = bar.clone();
    let scrolled = bar.clone();
    crate::ui::dom::listen_window("scroll", move |_| {
        // The page's scroll as the root's (the same in standards mode): `scrollY` would be an
        // import of its own.
        let y = crate::ui::dom::page_root().map_or(0.0, |r| crate::ui::dom::num(&r, "scrollTop"));
        let compact = crate::ui::dom::has_class(&scrolled, "compact");
        if !compact && y > COMPACT_PAST {
            crate::ui::dom::set_class(&scrolled, "compact", true);
        } else if compact && y < WHOLE_BELOW {
            crate::ui::dom::set_class(&scrolled, "compact", false);
        }
    });
    // Drawn anew when the language changes (a time being typed survives it); otherwise the
    // values are rewritten in place.
    crate::ui::fx::effect_with(move |parts: Option<Option<Parts>>| {
        let lang = lang.get();
        let parts = match parts.flatten().filter(|p| p.lang == lang) {
            Some(parts) => parts,
            None => {
                crate::ui::dom::set(&bar, "aria-label", lang.t(Text::ClockLabel));
                let typed = find(&bar, "[data-typed]").map(|f| value(&f));
                draw(&mut Dom::replacing(&bar, false)?, lang);
                let parts = Parts::find(&bar, lang)?;
                if let Some(typed) = typed {
                    set_value(&parts.go_to, &typed);
                    crate::ui::dom::set(&parts.go_to, "data-typed", "");
                }
                parts
            }
        };
        parts.update(app);
        Some(parts)
    });
    let on = move |ev: Event| handle(app, &ev);
    listen(&el, "click", false, on);
    listen(&el, "change", false, on);
    listen(&el, "input", false, on);
    listen(&el, "submit", false, on);
}
