//! The timeline: one swimlane per job over the scenario's span, what happened solid, what the
//! rules will do next dashed, every deadline and event marked. The page contract: one
//! `role="figure"` named "Timeline"; lanes `data-job`, segments `data-state` (projected ones
//! `data-projected="true"`), markers `data-rule` + `data-at`.
//!
//! Per frame only three attributes move (the now line and the two clip rectangles that cut
//! every open shape at it); a lane is rebuilt only when its job changes (its `Cut`), and then
//! by the plain DOM writer (`lane::draw_lane`, `ui::dom`). Past a few hundred jobs the lanes are the jobs
//! table's page, in its order, under a band of state counts.

mod axis;
pub mod band;
mod lane;
mod lanes_dom;
pub mod scale;

use crate::ui::derived::Derived;
use chrono::TimeDelta;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::axis::{
    band_bins, draw_axis, draw_band, draw_legend, draw_patterns, grid_path, AXIS_H, BAND_H,
};
use self::band::Band;
use self::lane::{tick_text, LaneKey, DRIVE_H, LANE_H};
use self::lanes_dom::Lanes;
use self::scale::Scale;
use super::slot::Slot;
use super::state::{use_app, AppState};
use super::use_lang;
use crate::i18n::Lang;
use crate::i18n::{count, lanes_range, tl, Noun, TlText};
use crate::model::Time;
use crate::sim::lanes::Cut;
use crate::sim::LogEntry;
use crate::ui::dom::{acted, all, find, focused_act, listen, refocus as refocus_act, Dom, Writer};
use crate::ui::job_rows::page_size;
use crate::ui::reach::{extra, widen, Reach};

/// Lanes this far (px) above or below the scroll box's view follow the clock with it: one
/// lane. A scroll redraws the lanes it brings into view before the next frame, and while paused
/// the others follow a frame or two later (`widen`), so a jump draws what is seen first.
const LANE_MARGIN: i32 = 32;
/// How far (px) the lanes kept up to date widen each frame while paused.
const WIDEN_PX: i32 = 320;

/// Past this many jobs the lanes aggregate into one band, with the jobs table's page of lanes
/// below it.
const AGGREGATE_AFTER: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zoom {
    Whole,
    Month,
    Week,
}

impl Zoom {
    fn span(self) -> Option<TimeDelta> {
        match self {
            Zoom::Whole => None,
            Zoom::Month => Some(TimeDelta::days(30)),
            Zoom::Week => Some(TimeDelta::days(7)),
        }
    }
}

/// What part of the story the figure shows, and how wide it is. One signal rather than
/// three: each signal of its own type compiled Leptos' signal code once more.
#[derive(Clone, Copy, PartialEq)]
struct View {
    zoom: Zoom,
    /// Where a zoomed view starts (`None`: the whole story).
    start: Option<Time>,
    /// The figure's width in pixels.
    width: i32,
}

/// The item a pointer or focus is on: a marker or tick (`data-at`) or a lane's name.
fn item(ev: &web_sys::Event) -> Option<web_sys::Element> {
    crate::ui::dom::target_in(ev, "[data-at],[data-i],[data-select]")
}

/// The log entry a tick stands for: its lane's job and its index in that job's log.
fn entry_of<T>(app: AppState, el: &web_sys::Element, f: impl FnOnce(&LogEntry) -> T) -> Option<T> {
    let i: usize = el.get_attribute("data-i")?.parse().ok()?;
    let job = crate::ui::dom::closest(el, "[data-job]")?.get_attribute("data-job")?;
    app.sim().with_untracked(|s| s.job_log(&job).get(i).map(f))
}

/// Click or Enter on an item: a marker or tick moves the clock there (and pauses); a lane's
/// name selects the job (its drive lanes open) or, selected already, closes it.
fn activate(app: AppState, el: &web_sys::Element) {
    if let Some(name) = el.get_attribute("data-select") {
        let open = app.selected().get_untracked().as_deref() == Some(name.as_str());
        app.select(if open { None } else { Some(name) });
    } else if let Some(t) = el
        .get_attribute("data-at")
        .and_then(|at| crate::model::rfc3339::parse_rfc3339(&at))
        .or_else(|| entry_of(app, el, |e| e.at))
    {
        app.seek(t);
        refocus(el);
    }
}

/// Moving the clock may rebuild the lane that held the focused mark: once it is redrawn,
/// focus the same mark (same job, same rule and time, or same event) again, so a keyboard
/// user stays where they were.
fn refocus(el: &web_sys::Element) {
    let attrs = mark_of(el);
    let Some(job) =
        crate::ui::dom::closest(el, "[data-job]").and_then(|g| g.get_attribute("data-job"))
    else {
        return;
    };
    crate::ui::dom::next_frame(move || {
        let Some(body) = crate::ui::dom::body() else {
            return;
        };
        let Some(lane) = crate::ui::dom::with_attr(&body, "[data-job]", "data-job", &job) else {
            return;
        };
        for m in all(&lane, "[data-at],[data-i]") {
            if mark_of(&m) == attrs {
                crate::ui::dom::focus(&m);
                return;
            }
        }
    });
}

/// What tells a marker or tick from the others of its lane: its rule, time and event index
/// (one reading for the mark left and the marks searched after the redraw).
#[inline(never)]
fn mark_of(el: &web_sys::Element) -> [Option<String>; 3] {
    ["data-rule", "data-at", "data-i"].map(|a| el.get_attribute(a))
}

/// The rows of the lanes' scroll box in view: from its top to its bottom edge (pixels).
fn in_view(el: &web_sys::Element) -> (i32, i32) {
    let top = crate::ui::dom::num(el, "scrollTop") as i32;
    (top, top + crate::ui::dom::num(el, "clientHeight") as i32)
}

/// Sets `attr` only when it differs: a tick writes only what moved.
fn set(el: Option<web_sys::Element>, attr: &str, value: &str) {
    if let Some(el) = el {
        if el.get_attribute(attr).as_deref() != Some(value) {
            let _ = el.set_attribute(attr, value);
        }
    }
}

/// Sets or removes a boolean attribute (`disabled`, `hidden`).
fn flag(el: Option<web_sys::Element>, attr: &str, on: bool) {
    if let Some(el) = el {
        if crate::ui::dom::has(&el, attr) != on {
            crate::ui::dom::flag(&el, attr, on);
        }
    }
}

fn button<W: Writer>(w: &mut W, act: &str, label: &str) {
    w.open("button")
        .attr("type", "button")
        .attr("data-act", act)
        .text(label)
        .close();
}

/// The figure's parts, in `lang`; what changes is set in place by the effects (`data-part`
/// names what they look for). The band and its lane buttons are there but hidden until the
/// world has more than `AGGREGATE_AFTER` jobs.
fn draw_frame<W: Writer>(w: &mut W, lang: Lang) {
    let t = |k| tl(lang, k);
    w.open("div")
        .attr("class", "tl-tools")
        .open("div")
        .attr("role", "group")
        .attr("aria-label", t(TlText::Zoom));
    button(w, "whole", t(TlText::WholeSpan));
    button(w, "month", t(TlText::Month));
    button(w, "week", t(TlText::Week));
    w.close();
    button(w, "earlier", t(TlText::Earlier));
    button(w, "later", t(TlText::Later));
    w.open("p")
        .attr("class", "tl-tip")
        .attr("id", "tl-tip")
        .attr("data-testid", "timeline-tip")
        .close()
        .close()
        .open("div")
        .attr("class", "tl-host")
        .open("svg")
        .attr("class", "tl-axis")
        .num("height", i64::from(AXIS_H))
        .attr("aria-hidden", "true")
        .attr("data-part", "axis")
        .open("g")
        .close()
        .open("path")
        .attr("class", "now-line")
        .close()
        .close()
        .open("div")
        .attr("data-part", "aggregated")
        .attr("hidden", "")
        .open("svg")
        .attr("class", "tl-band")
        .num("height", i64::from(BAND_H))
        .attr("role", "img")
        .attr("aria-label", t(TlText::BandName))
        .open("g")
        .close()
        .open("text")
        .attr("class", "lane-name band-count")
        .attr("x", "4")
        .attr("y", "14")
        .close()
        .open("path")
        .attr("class", "now-line")
        .close()
        .close()
        // The lanes are the jobs table's page: these buttons turn it.
        .open("p")
        .attr("class", "tl-range");
    button(w, "previous", t(TlText::PreviousLanes));
    w.text(" ").open("span").close().text(" ");
    button(w, "next", t(TlText::NextLanes));
    w.close()
        .close()
        .open("div")
        .attr("class", "tl-scroll")
        .open("svg")
        .attr("class", "tl-lanes")
        .open("defs")
        .attr("data-part", "patterns")
        .close()
        // The two clip paths that split every open shape at the now line.
        .open("defs")
        .open("clipPath")
        .attr("id", "tl-past")
        .open("rect")
        .attr("x", "-1000")
        .attr("y", "-100000")
        .attr("height", "1000000")
        .close()
        .close()
        .open("clipPath")
        .attr("id", "tl-future")
        .open("rect")
        .attr("y", "-100000")
        .attr("width", "100000")
        .attr("height", "1000000")
        .close()
        .close()
        .close()
        .open("path")
        .attr("class", "grid")
        .close()
        .open("g")
        .attr("data-part", "lanes")
        .close()
        .open("path")
        .attr("class", "now-line")
        .close()
        .close()
        .close()
        .close()
        .open("ul")
        .attr("class", "tl-legend")
        .attr("data-part", "legend")
        .close();
}

/// Draws the timeline into `root` (its figure) and keeps it up to the clock and the table.
pub fn attach(root: web_sys::Element) {
    let app = use_app();
    let lang = use_lang();
    // An `Option`: slots of `Option<Element>` exist already, and each slot type adds its own
    // copy of the slot's code (`ui::slot`).
    let fig = Slot::new(Some(root.clone()));
    // Bumped each time the figure's parts are drawn anew (the language changed): the effects
    // that fill a part look it up again.
    let frame = Slot::new(0usize);
    let part = move |selector: &str| fig.with_value(|f| find(f.as_ref()?, selector));
    let view = Slot::new(View {
        zoom: Zoom::Whole,
        start: None,
        width: 960,
    });
    // Only the lanes in the scroll box's view (and a margin) follow the clock at once; the
    // others keep what they drew. While paused, the band of lanes kept up to date widens by a
    // few lanes a frame until it covers them all, so a jump draws what is in view first and
    // the rest in the next frames; while playing it stays at the view. (Drawing all of the
    // busy datacenter's 24 lanes at once made its jumps the slowest of all worlds.)
    let seen = Slot::new((0, 640));
    let measure = move || {
        if let Some(el) = part(".tl-host") {
            let w = crate::ui::dom::num(&el, "clientWidth") as i32;
            if w > 0 && w != view.with_untracked(|v| v.width) {
                view.update(|v| v.width = w);
            }
        }
        if let Some(el) = part(".tl-scroll") {
            let range = in_view(&el);
            if range.1 > range.0 && seen.get_untracked() != range {
                seen.set(range);
            }
        }
    };
    crate::ui::fx::effect(move || {
        frame.track();
        measure();
    });
    crate::ui::dom::listen_window("resize", move |_| measure());

    // A function, not a memo (a few sums, read by effects that compare what they drew or
    // read the world anyway; a memo of its own type compiled Leptos' memo code once more).
    let scale = move || {
        let (start, end) = app.sim().with(|s| (s.start(), s.span_end()));
        let v = view.get();
        let (t0, t1) = match (v.zoom.span(), v.start) {
            (Some(span), Some(t0)) => (t0, t0 + span),
            _ => (start, end),
        };
        Scale::new(t0, t1, v.width, start)
    };
    // Zoomed in, the view turns a page when the clock leaves it (only the clock: a pan away
    // from it stays put).
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        let Some(span) = view.with_untracked(|v| v.zoom.span()) else {
            return;
        };
        let sc = untrack(scale);
        if now < sc.t0 || now > sc.t1 {
            view.update(|v| v.start = Some(now - span / 8));
        }
    });
    let set_zoom = move |zoom: Zoom| {
        let start = zoom.span().map(|s| app.now().get_untracked() - s / 4);
        view.update(|v| (v.zoom, v.start) = (zoom, start));
    };
    let pan = move |dir: i32| {
        let v = view.get_untracked();
        if let (Some(span), Some(t0)) = (v.zoom.span(), v.start) {
            view.update(|v| v.start = Some(t0 + span / 2 * dir));
        }
    };
    // Plain functions, not memos: the job count changes only with the world (whose readers
    // rerun then anyway), and each memo compiled Leptos' memo code once more.
    let total = move || app.sim().with(|s| s.job_count());
    let aggregated = move || total() > AGGREGATE_AFTER;
    let reach: Reach = Slot::new((None, 0));
    // The lanes in the page (drawn by `lanes_dom`): a lane out of view keeps the key it was
    // drawn with.
    let lanes = Slot::new(Lanes::default());
    // Each lane with its top and height; only lanes whose job exists at now.
    let rows = Derived::new(move || {
        let now = app.now().get();
        let (y0, y1) = seen.get();
        let extra = extra(reach, now);
        let (y0, y1) = (y0 - LANE_MARGIN - extra, y1 + LANE_MARGIN + extra);
        let sc = scale();
        let lang = lang.get();
        let sel = app.selected().get();
        let lane = |s: &crate::sim::Simulation, name: &str, y: &mut i32| {
            let (h, l) = (s.job_history(name), s.job_log(name));
            let cut = Cut::at(h, l, now);
            let (_, job) = cut.snapshots.checked_sub(1).and_then(|k| h.get(k))?;
            let expanded = sel.as_deref() == Some(name);
            let drives = if expanded { job.drives.len() as i32 } else { 0 };
            let top = *y;
            *y += LANE_H + drives * DRIVE_H;
            let key = LaneKey {
                name: name.to_string(),
                cut,
                expanded,
                scale: sc,
                lang,
            };
            let out_of_view = *y < y0 || top > y1;
            // Out of view, a lane never drawn at this scale and language starts empty (no
            // cut) and is drawn when the band reaches it, a frame or a few later: a page
            // opening on 100 jobs drew all 100 lanes before its first paint (~50 ms).
            let key = match out_of_view {
                true => lanes
                    .with_value(|l| {
                        l.key(name)
                            .filter(|k| (k.expanded, k.scale, k.lang) == (expanded, sc, lang))
                            .cloned()
                    })
                    .unwrap_or(LaneKey {
                        cut: Cut::default(),
                        ..key
                    }),
                false => key,
            };
            Some((key, top))
        };
        let mut y = 0;
        let mut out: Vec<(LaneKey, i32)> = Vec::new();
        app.sim().with(|s| {
            // Plain loops: an iterator chain collected is compiled once per chain.
            let mut add = |name: &str| out.extend(lane(s, name, &mut y));
            if aggregated() {
                app.shown().with(|p| {
                    for name in &p.names {
                        add(name);
                    }
                });
            } else {
                for name in s.job_names() {
                    add(name);
                }
            }
        });
        (out, y.max(LANE_H))
    });
    widen(
        app,
        reach,
        WIDEN_PX,
        Box::new(move || Some(usize::try_from(rows.with(|r| r.1)).unwrap_or(0))),
    );
    // The figure's parts, drawn anew when the language changes (the lanes then start over).
    crate::ui::fx::effect_with(move |drawn: Option<Option<Lang>>| {
        let root = fig.get_value()?;
        let lang = lang.get();
        if drawn.flatten() != Some(lang) {
            let focused = focused_act(&root);
            draw_frame(&mut Dom::replacing(&root, false)?, lang);
            // The patterns and the legend with the frame that holds them: one effect fewer.
            if let Some(mut w) = part("[data-part=patterns]").and_then(|d| Dom::replacing(&d, true))
            {
                draw_patterns(&mut w);
            }
            if let Some(mut w) = part("[data-part=legend]").and_then(|u| Dom::replacing(&u, false))
            {
                draw_legend(&mut w);
            }
            let _ = root.set_attribute("aria-label", tl(lang, TlText::Name));
            lanes.set_value(Lanes::default());
            frame.set(frame.get_untracked() + 1);
            refocus_act(&root, focused);
        }
        Some(lang)
    });
    // The lanes are drawn by `lanes_dom` (a lane that moves is moved, not rebuilt); the axis,
    // the band, the patterns and the legend by `axis`, each through `ui::dom`.
    crate::ui::fx::effect(move || {
        frame.track();
        let Some(g) = part("[data-part=lanes]") else {
            return;
        };
        rows.with(|(rows, _)| {
            app.sim()
                .with_untracked(|s| lanes.update_value(|l| l.show(&g, s, rows)));
        });
    });
    // Redrawn only when the scale, the language or the frame changed.
    crate::ui::fx::effect_with(move |drawn: Option<(usize, Lang, Scale)>| {
        let key = (frame.get(), lang.get(), scale());
        if drawn != Some(key) {
            if let Some(mut w) = part(".tl-axis g").and_then(|g| Dom::replacing(&g, true)) {
                draw_axis(&mut w, &key.2, key.1);
            }
        }
        key
    });
    // Each job's share of the band's counts, so an action counts its own job again, not all.
    let mut band = Band::default();
    crate::ui::fx::effect(move || {
        frame.track();
        let on = aggregated();
        flag(part("[data-part=aggregated]"), "hidden", !on);
        let Some(g) = part(".tl-band g").filter(|_| on) else {
            return;
        };
        let sc = scale();
        let counts = app
            .sim()
            .with(|s| band.counts(s, sc.t0, sc.t1, band_bins(&sc)));
        if let Some(mut w) = Dom::replacing(&g, true) {
            draw_band(&mut w, &counts, &sc);
        }
    });
    // What moves is set in place: the now lines and the clip rectangles each tick, the widths
    // when the figure resizes, the buttons when the zoom or the table's page changes.
    // Written only when the now line's pixel, the lanes' height or the frame changed: the
    // clock moves less than a pixel per tick at slow speeds.
    crate::ui::fx::effect_with(move |last: Option<(usize, i32, i32)>| {
        let s = scale();
        let x = s.x(app.now().get()).clamp(s.x0, s.x1);
        let key = (frame.get(), x, rows.with(|r| r.1));
        if last == Some(key) {
            return key;
        }
        let h = key.2;
        let line = |height: i32| format!("M{x} 0v{height}");
        set(part(".tl-axis .now-line"), "d", &line(AXIS_H));
        set(part(".tl-band .now-line"), "d", &line(BAND_H));
        set(part(".tl-lanes .now-line"), "d", &line(h));
        set(part("#tl-past rect"), "width", &(x + 1000).to_string());
        set(part("#tl-future rect"), "x", &x.to_string());
        set(part(".tl-lanes"), "height", &h.to_string());
        key
    });
    crate::ui::fx::effect(move || {
        frame.track();
        let w = view.with(|v| v.width).to_string();
        for svg in [".tl-axis", ".tl-band", ".tl-lanes"] {
            set(part(svg), "width", &w);
        }
        set(part(".tl-lanes .grid"), "d", &grid_path(&scale()));
        // The zoom buttons here too (they follow the view as the widths do): one effect fewer.
        let z = view.with(|v| v.zoom);
        for (act, is) in [
            ("whole", Zoom::Whole),
            ("month", Zoom::Month),
            ("week", Zoom::Week),
        ] {
            let pressed = if z == is { "true" } else { "false" };
            set(part(&format!("[data-act={act}]")), "aria-pressed", pressed);
        }
        flag(part("[data-act=earlier]"), "disabled", z == Zoom::Whole);
        flag(part("[data-act=later]"), "disabled", z == Zoom::Whole);
    });
    let shown = app.shown();
    crate::ui::fx::effect(move || {
        frame.track();
        let lang = lang.get();
        if let Some(c) = part(".band-count") {
            c.set_text_content(Some(&count(lang, total(), Noun::Job)));
        }
        shown.with(|p| {
            let a = p.page * page_size(total());
            let range = lanes_range(lang, (a + 1).min(p.total), a + p.names.len(), p.total);
            if let Some(span) = part(".tl-range span") {
                span.set_text_content(Some(&range));
            }
            flag(
                part(".tl-range [data-act=previous]"),
                "disabled",
                p.page == 0,
            );
            flag(
                part(".tl-range [data-act=next]"),
                "disabled",
                p.page + 1 >= p.pages,
            );
        });
    });
    let tip = Slot::new(None::<String>);
    crate::ui::fx::effect(move || {
        frame.track();
        let text = tip
            .get()
            .unwrap_or_else(|| tl(lang.get(), TlText::Hint).into());
        if let Some(p) = part(".tl-tip") {
            p.set_text_content(Some(&text));
        }
    });
    let in_lanes = |ev: &web_sys::Event| crate::ui::dom::target_in(ev, ".tl-scroll");
    let show_tip = move |ev: &web_sys::Event| {
        if in_lanes(ev).is_none() {
            return;
        }
        tip.set(item(ev).and_then(|el| {
            let lang = lang.get_untracked();
            entry_of(app, &el, |e| tick_text(lang, e)).or_else(|| el.get_attribute("aria-label"))
        }));
    };
    let dragging = Slot::new(false);
    let on_axis = |ev: &web_sys::Event| {
        crate::ui::dom::target(ev).filter(|el| crate::ui::dom::closest(el, ".tl-axis").is_some())
    };
    let scrub = move |ev: &web_sys::PointerEvent| {
        app.seek(untrack(scale).t(crate::ui::dom::num(ev, "offsetX") as i32));
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((_, act)) = acted(&ev) {
            let page = shown.with_untracked(|p| p.page);
            match act.as_str() {
                "whole" => set_zoom(Zoom::Whole),
                "month" => set_zoom(Zoom::Month),
                "week" => set_zoom(Zoom::Week),
                "earlier" => pan(-1),
                "later" => pan(1),
                "previous" => app.set_table_page(page.saturating_sub(1)),
                "next" => app.set_table_page(page + 1),
                _ => {}
            }
        } else if let (Some(_), Some(el)) = (in_lanes(&ev), item(&ev)) {
            activate(app, &el);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if matches!(crate::ui::dom::text_of(&ev, "key").as_str(), "Enter" | " ") {
            if let (Some(_), Some(el)) = (in_lanes(&ev), item(&ev)) {
                crate::ui::dom::call0(&ev, "preventDefault");
                activate(app, &el);
            }
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if let Some(el) = on_axis(&ev) {
            dragging.set_value(true);
            let id = crate::ui::dom::prop(&ev, "pointerId");
            let _ = crate::ui::dom::call(&el, "setPointerCapture", &id);
            scrub(&ev);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if dragging.get_value() && on_axis(&ev).is_some() {
            scrub(&ev);
        }
    };
    // Leaving the lanes (for anything outside them) clears the tip.
    let on_out = move |ev: web_sys::PointerEvent| {
        let to = crate::ui::dom::element_of(&ev, "relatedTarget")
            .and_then(|el| crate::ui::dom::closest(&el, ".tl-scroll"));
        if in_lanes(&ev).is_some() && to.is_none() {
            tip.set(None);
        }
    };
    // A scroll does not bubble: the lanes' box is listened to where it is (in the capture
    // phase, at the figure).
    let on_scroll = move |ev: web_sys::Event| {
        let Some(el) =
            crate::ui::dom::target(&ev).filter(|el| crate::ui::dom::has_class(el, "tl-scroll"))
        else {
            return;
        };
        let range = in_view(&el);
        if seen.get_untracked() != range {
            seen.set(range);
        }
    };
    // One listener per kind of event, on the figure.
    {
        let root = &root;
        listen(root, "click", false, move |ev| {
            on_click(ev.unchecked_into())
        });
        listen(root, "keydown", false, move |ev| {
            on_key(ev.unchecked_into())
        });
        listen(root, "pointerover", false, move |ev| show_tip(&ev));
        listen(root, "focusin", false, move |ev| show_tip(&ev));
        listen(root, "pointerout", false, move |ev| {
            on_out(ev.unchecked_into())
        });
        listen(root, "pointerdown", false, move |ev| {
            on_down(ev.unchecked_into())
        });
        listen(root, "pointermove", false, move |ev| {
            on_move(ev.unchecked_into())
        });
        listen(root, "pointerup", false, move |_| dragging.set_value(false));
        listen(root, "pointercancel", false, move |_| {
            dragging.set_value(false)
        });
        listen(root, "scroll", true, on_scroll);
    }
}
