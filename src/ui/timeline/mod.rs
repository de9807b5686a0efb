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
mod lane;
mod lanes_dom;
pub mod scale;

use std::collections::HashMap;

use chrono::TimeDelta;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::axis::{draw_axis, draw_band, draw_legend, draw_patterns, grid_path, AXIS_H, BAND_H};
use self::lane::{tick_text, LaneKey, DRIVE_H, LANE_H};
use self::lanes_dom::Lanes;
use self::scale::Scale;
use super::state::{use_app, AppState};
use super::use_lang;
use crate::i18n::{count, lanes_range, tl, Noun, TlText};
use crate::model::Time;
use crate::sim::lanes::Cut;
use crate::sim::LogEntry;
use crate::ui::dom::Dom;
use crate::ui::job_rows::PAGE_SIZE;

/// Lanes this far (px) above or below the scroll box's view follow the clock with it.
const LANE_MARGIN: i32 = 160;
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

/// The item a pointer or focus is on: a marker or tick (`data-at`) or a lane's name.
fn item(ev: &web_sys::Event) -> Option<web_sys::Element> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest("[data-at],[data-i],[data-select]")
        .ok()
        .flatten()
}

/// The log entry a tick stands for: its lane's job and its index in that job's log.
fn entry_of<T>(app: AppState, el: &web_sys::Element, f: impl FnOnce(&LogEntry) -> T) -> Option<T> {
    let i: usize = el.get_attribute("data-i")?.parse().ok()?;
    let job = el
        .closest("[data-job]")
        .ok()
        .flatten()?
        .get_attribute("data-job")?;
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
    let attrs = ["data-rule", "data-at", "data-i"].map(|a| el.get_attribute(a));
    let Some(job) = el
        .closest("[data-job]")
        .ok()
        .flatten()
        .and_then(|g| g.get_attribute("data-job"))
    else {
        return;
    };
    request_animation_frame(move || {
        let Ok(lanes) = document().query_selector_all("[data-job]") else {
            return;
        };
        let lane = (0..lanes.length())
            .filter_map(|i| lanes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|g| g.get_attribute("data-job").as_deref() == Some(job.as_str()));
        let Some(Ok(marks)) = lane.map(|g| g.query_selector_all("[data-at],[data-i]")) else {
            return;
        };
        let same = (0..marks.length())
            .filter_map(|i| marks.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|m| ["data-rule", "data-at", "data-i"].map(|a| m.get_attribute(a)) == attrs);
        if let Some(m) = same {
            // `focus` is called on the element itself, so it works on SVG elements too.
            let _ = m.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

#[component]
pub fn Timeline() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let t = move |k| tl(lang.get(), k);
    let host = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(960);
    let measure = move || {
        if let Some(el) = host.get_untracked() {
            let w = el.client_width();
            if w > 0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    crate::ui::fx::effect(move || {
        host.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let zoom = RwSignal::new(Zoom::Whole);
    let view_start = RwSignal::new(None::<Time>);
    let scale = Memo::new(move |_| {
        let (start, end) = app.sim().with(|s| (s.start(), s.span_end()));
        let (t0, t1) = match (zoom.get().span(), view_start.get()) {
            (Some(span), Some(t0)) => (t0, t0 + span),
            _ => (start, end),
        };
        Scale::new(t0, t1, width.get(), start)
    });
    // Zoomed in, the view turns a page when the clock leaves it (only the clock: a pan away
    // from it stays put).
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        let Some(span) = zoom.get_untracked().span() else {
            return;
        };
        let sc = scale.get_untracked();
        if now < sc.t0 || now > sc.t1 {
            view_start.set(Some(now - span / 8));
        }
    });
    let set_zoom = move |z: Zoom| {
        zoom.set(z);
        view_start.set(z.span().map(|s| app.now().get_untracked() - s / 4));
    };
    let pan = move |dir: i32| {
        if let (Some(span), Some(t0)) = (zoom.get_untracked().span(), view_start.get_untracked()) {
            view_start.set(Some(t0 + span / 2 * dir));
        }
    };
    let now_x = Memo::new(move |_| scale.with(|s| s.x(app.now().get()).clamp(s.x0, s.x1)));
    let total = Memo::new(move |_| app.sim().with(|s| s.job_count()));
    let aggregated = move || total.get() > AGGREGATE_AFTER;
    // Past a few hundred jobs, only the lanes in the scroll box's view (and a margin) follow
    // the clock at once; the others keep what they drew. While paused, the band of lanes kept
    // up to date widens by a few lanes a frame until it covers them all, so a jump draws what
    // is in view first and the rest without one long task; while playing it stays at the view.
    let seen = RwSignal::new((0, 640));
    let reach = RwSignal::new((None::<Time>, 0));
    let drawn: StoredValue<HashMap<String, LaneKey>> = StoredValue::new(HashMap::new());
    // Each lane with its top and height; only lanes whose job exists at now.
    let rows = Memo::new(move |_| {
        let now = app.now().get();
        let lazy = aggregated();
        let (y0, y1) = seen.get();
        let extra = reach.with(|r| if r.0 == Some(now) { r.1 } else { 0 });
        let (y0, y1) = (y0 - LANE_MARGIN - extra, y1 + LANE_MARGIN + extra);
        let sc = scale.get();
        let lang = lang.get().tag();
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
            let out_of_view = lazy && (*y < y0 || top > y1);
            let key = match out_of_view {
                true => drawn
                    .with_value(|d| {
                        d.get(name)
                            .filter(|k| (k.expanded, k.scale, k.lang) == (expanded, sc, lang))
                            .cloned()
                    })
                    .unwrap_or(key),
                false => key,
            };
            Some((key, top))
        };
        let mut y = 0;
        let out: Vec<(LaneKey, i32)> = app.sim().with(|s| {
            if aggregated() {
                app.shown()
                    .with(|p| p.names.iter().filter_map(|n| lane(s, n, &mut y)).collect())
            } else {
                s.job_names().filter_map(|n| lane(s, n, &mut y)).collect()
            }
        });
        (out, y.max(LANE_H))
    });
    let height = move || rows.with(|r| r.1);
    crate::ui::fx::effect(move || {
        let now = app.now().get();
        let extra = reach.with(|r| if r.0 == Some(now) { r.1 } else { 0 });
        if !aggregated() || app.playing().get() || extra > rows.with(|r| r.1) {
            return;
        }
        request_animation_frame(move || {
            if app.now().get_untracked() == now {
                reach.set((Some(now), extra + WIDEN_PX));
            }
        });
    });
    // The lanes are drawn by `lanes_dom` (a lane that moves is moved, not rebuilt); the axis,
    // the band, the patterns and the legend by `axis`, each through `ui::dom`.
    let lanes_g = NodeRef::<leptos::svg::G>::new();
    let lanes = StoredValue::new_local(Lanes::default());
    crate::ui::fx::effect(move || {
        let Some(g) = lanes_g.get() else {
            return;
        };
        rows.with(|(rows, _)| {
            drawn.update_value(|d| {
                for (k, _) in rows {
                    d.insert(k.name.clone(), k.clone());
                }
            });
            app.sim()
                .with_untracked(|s| lanes.update_value(|l| l.show(&g, s, rows)));
        });
    });
    let axis_g = NodeRef::<leptos::svg::G>::new();
    crate::ui::fx::effect(move || {
        let (Some(g), lang) = (axis_g.get(), lang.get()) else {
            return;
        };
        if let Some(mut w) = Dom::replacing(&g, true) {
            scale.with(|sc| draw_axis(&mut w, sc, lang));
        }
    });
    let band_g = NodeRef::<leptos::svg::G>::new();
    crate::ui::fx::effect(move || {
        let Some(g) = band_g.get() else {
            return;
        };
        if let Some(mut w) = Dom::replacing(&g, true) {
            app.sim()
                .with(|s| scale.with(|sc| draw_band(&mut w, s, sc)));
        }
    });
    let patterns = NodeRef::<leptos::svg::Defs>::new();
    let legend = NodeRef::<leptos::html::Ul>::new();
    crate::ui::fx::effect(move || {
        if let Some(mut w) = patterns.get().and_then(|d| Dom::replacing(&d, true)) {
            draw_patterns(&mut w);
        }
        if let Some(mut w) = legend.get().and_then(|u| Dom::replacing(&u, false)) {
            draw_legend(&mut w);
        }
    });
    let shown = app.shown();
    let tip = RwSignal::new(None::<String>);
    let show_tip = move |ev: &web_sys::Event| {
        tip.set(item(ev).and_then(|el| {
            let lang = lang.get_untracked();
            entry_of(app, &el, |e| tick_text(lang, e)).or_else(|| el.get_attribute("aria-label"))
        }));
    };
    let scrub = move |ev: web_sys::PointerEvent| {
        app.seek(scale.get_untracked().t(ev.offset_x()));
    };
    let dragging = StoredValue::new(false);
    view! {
        <figure class="timeline panel" role="figure" aria-label=move || t(TlText::Name) data-testid="timeline">
            <div class="tl-tools">
                <div role="group" aria-label=move || t(TlText::Zoom)>
                    {[(Zoom::Whole, TlText::WholeSpan), (Zoom::Month, TlText::Month), (Zoom::Week, TlText::Week)]
                        .into_iter()
                        .map(|(z, label)| view! {
                            <button aria-pressed=move || if zoom.get() == z { "true" } else { "false" }
                                on:click=move |_| set_zoom(z)>{move || t(label)}</button>
                        })
                        .collect_view()}
                </div>
                <button on:click=move |_| pan(-1) disabled=move || zoom.get() == Zoom::Whole>{move || t(TlText::Earlier)}</button>
                <button on:click=move |_| pan(1) disabled=move || zoom.get() == Zoom::Whole>{move || t(TlText::Later)}</button>
                <p class="tl-tip" id="tl-tip" data-testid="timeline-tip">{move || tip.get().unwrap_or_else(|| t(TlText::Hint).into())}</p>
            </div>
            <div class="tl-host" node_ref=host>
                <svg class="tl-axis" width=move || width.get() height=AXIS_H aria-hidden="true"
                    on:pointerdown=move |ev| {
                        dragging.set_value(true);
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            let _ = el.set_pointer_capture(ev.pointer_id());
                        }
                        scrub(ev);
                    }
                    on:pointermove=move |ev| if dragging.get_value() { scrub(ev) }
                    on:pointerup=move |_| dragging.set_value(false)
                    on:pointercancel=move |_| dragging.set_value(false)>
                    <g node_ref=axis_g></g>
                    <path class="now-line" d=move || format!("M{} 0v{AXIS_H}", now_x.get()) />
                </svg>
                <Show when=aggregated>
                    <svg class="tl-band" width=move || width.get() height=BAND_H role="img" aria-label=move || t(TlText::BandName)>
                        <g node_ref=band_g></g>
                        <text class="lane-name band-count" x="4" y="14">{move || count(lang.get(), total.get(), Noun::Job)}</text>
                        <path class="now-line" d=move || format!("M{} 0v{BAND_H}", now_x.get()) />
                    </svg>
                    // The lanes are the jobs table's page: these buttons turn it.
                    <p class="tl-range">
                        <button on:click=move |_| app.set_table_page(shown.with_untracked(|p| p.page).saturating_sub(1))
                            disabled=move || shown.with(|p| p.page == 0)>
                            {move || t(TlText::PreviousLanes)}
                        </button>
                        " " {move || shown.with(|p| {
                            let a = p.page * PAGE_SIZE;
                            lanes_range(lang.get(), (a + 1).min(p.total), a + p.names.len(), p.total)
                        })} " "
                        <button on:click=move |_| app.set_table_page(shown.with_untracked(|p| p.page) + 1)
                            disabled=move || shown.with(|p| p.page + 1 >= p.pages)>
                            {move || t(TlText::NextLanes)}
                        </button>
                    </p>
                </Show>
                <div class="tl-scroll"
                    on:scroll=move |ev| {
                        let el = event_target::<web_sys::Element>(&ev);
                        let range = (el.scroll_top(), el.scroll_top() + el.client_height());
                        if seen.get_untracked() != range {
                            seen.set(range);
                        }
                    }
                    on:click=move |ev| if let Some(el) = item(&ev) { activate(app, &el) }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            if let Some(el) = item(&ev) { ev.prevent_default(); activate(app, &el) }
                        }
                    }
                    on:pointerover=move |ev| show_tip(&ev)
                    on:focusin=move |ev| show_tip(&ev)
                    on:pointerleave=move |_| tip.set(None)>
                    <svg class="tl-lanes" width=move || width.get() height=height>
                        <defs node_ref=patterns></defs>
                        // The two clip paths that split every open shape at the now line.
                        <defs>
                            <clipPath id="tl-past">
                                <rect x="-1000" y="-100000" width=move || now_x.get() + 1000 height="1000000" />
                            </clipPath>
                            <clipPath id="tl-future">
                                <rect x=move || now_x.get() y="-100000" width="100000" height="1000000" />
                            </clipPath>
                        </defs>
                        <path class="grid" d=move || scale.with(grid_path) />
                        <g node_ref=lanes_g></g>
                        <path class="now-line" d=move || format!("M{} 0v{}", now_x.get(), height()) />
                    </svg>
                </div>
            </div>
            <ul class="tl-legend" node_ref=legend></ul>
        </figure>
    }
}
