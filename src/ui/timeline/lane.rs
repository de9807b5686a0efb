//! One job's lane (and, when the job is selected, one lane per drive), built once per change
//! of the job: nothing in here is reactive, so a playing clock never touches a lane.

use leptos::prelude::*;

use super::scale::{stamp, Scale, Stamp};
use crate::i18n::{
    deadline_ahead, deadline_defused, deadline_fired, event_line, lane_summary, Lang,
};
use crate::model::{JobState, RuleId, Time};
use crate::sim::lanes::{drive_lanes, job_lane, Cut, Lane, MarkerStatus, Segment};
use crate::sim::LogEntry;
use crate::sim::Simulation;

fn minute(t: Time) -> String {
    stamp(t, Stamp::Minute)
}

pub const LANE_H: i32 = 32;
pub const DRIVE_H: i32 = 22;

/// Everything a lane's DOM depends on: the For key, so a lane is rebuilt only when it changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LaneKey {
    pub name: String,
    pub cut: Cut,
    pub y: i32,
    pub h: i32,
    pub expanded: bool,
    pub scale: Scale,
    pub lang: &'static str,
}

fn lang_of(tag: &str) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| l.tag() == tag)
        .unwrap_or_default()
}

/// A state's rectangles and label; `open` segments run to the plot's end and are clipped at
/// the now line by the shared clip path, so the clock moves them without a rebuild.
fn segment(sc: &Scale, id: &'static str, from: Time, to: Option<Time>, h: i32) -> impl IntoView {
    let x = sc.x(from).max(sc.x0 - 2);
    let end = to.map_or(sc.x1, |t| sc.x(t)).min(sc.x1 + 2);
    let w = (end - x).max(1);
    let clip = to.is_none().then_some("url(#tl-past)");
    let fits = w >= 7 * id.len() as i32 + 8;
    view! {
        <rect class="seg" data-state=id x=x y="2" width=w height=h clip-path=clip />
        {fits.then(|| view! { <text class="seg-label" x=x + 4 y=h - 3 clip-path=clip>{id}</text> })}
    }
}

fn marker_text(
    lang: Lang,
    rule: RuleId,
    at: Time,
    status: MarkerStatus,
    state: JobState,
) -> String {
    let on = minute(at);
    match status {
        MarkerStatus::Pending => {
            format!("{}: {}", rule.id(), deadline_ahead(lang, rule, &on, state))
        }
        MarkerStatus::Fired => deadline_fired(lang, rule, &on),
        MarkerStatus::Defused => deadline_defused(lang, rule, &on),
    }
}

fn summary(lang: Lang, name: &str, lane: &Lane) -> String {
    let states: Vec<(JobState, String)> = lane
        .segments
        .iter()
        .map(|s| (s.state, minute(s.from)))
        .collect();
    let next = match (lane.projection, lane.ended) {
        (Some(p), _) => {
            let due = minute(p.due);
            let day = due.get(..10).unwrap_or(&due);
            Some(deadline_ahead(lang, p.rule, day, p.state))
        }
        (None, Some(end)) => Some(format!("⌫ {}", minute(end))),
        (None, None) => None,
    };
    lane_summary(lang, name, &states, next)
}

fn lane_parts(sim: &Simulation, sc: &Scale, lang: Lang, name: &str, lane: &Lane) -> impl IntoView {
    let log = sim.job_log(name);
    let last_state = lane.segments.last().map_or(JobState::Creating, |s| s.state);
    let segs = lane
        .segments
        .iter()
        .map(|s| segment(sc, s.state.id(), s.from, s.to, 17))
        .collect_view();
    let proj = lane.projection.map(|p| {
        let x = sc.x(p.from).max(sc.x0 - 2);
        let w = (sc.x(p.due).min(sc.x1 + 2) - x).max(1);
        view! {
            <rect class="seg projected" data-state=p.state.id() data-projected="true" x=x y="2" width=w height="17"
                clip-path="url(#tl-future)" />
        }
    });
    let end = lane
        .ended
        .map(|t| view! { <path class="lane-end" d=format!("M{} 0v20", sc.x(t)) /> });
    let ticks = lane
        .ticks
        .iter()
        .filter_map(|&i| log.get(i).map(|e| (i, e)))
        .filter(|(_, e)| sc.shows(e.at))
        .map(|(i, e)| {
            let x = sc.x(e.at);
            let refused = e.is_refused();
            let d = if refused {
                format!("M{x} 20v11M{} 29l8-7", x - 4)
            } else {
                format!("M{x} 20v11")
            };
            // The one-line description is written on hover or focus (`tick_text`), not here.
            view! {
                <path class="tick" class:refused=refused d=d data-i=i tabindex="0" role="button"
                    aria-label=e.event.id() aria-describedby="tl-tip" />
            }
        })
        .collect_view();
    let marks = lane
        .markers
        .iter()
        .filter(|m| sc.shows(m.at))
        .map(|m| {
            let status = match m.status {
                MarkerStatus::Pending => "marker pending",
                MarkerStatus::Fired => "marker fired",
                MarkerStatus::Defused => "marker defused",
            };
            let tip = marker_text(lang, m.rule, m.at, m.status, last_state);
            view! {
                <g class=status data-rule=m.rule.id() data-at=stamp(m.at, Stamp::Rfc3339)
                    transform=format!("translate({} 0)", sc.x(m.at)) tabindex="0" role="button" aria-label=tip>
                    <rect class="hit" x="-6" width="24" height="32" />
                    <path class="marker-line" d="M0 0v32" />
                    <path class="diamond" d="M0 20l5 5-5 5-5-5z" />
                    <text x="7" y="30">{m.rule.id()}</text>
                </g>
            }
        })
        .collect_view();
    view! { {segs} {proj} {end} {ticks} {marks} }
}

fn drive_views(sim: &Simulation, sc: &Scale, name: &str, cut: Cut, y: i32) -> impl IntoView {
    drive_lanes(sim.job_history(name), cut)
        .into_iter()
        .enumerate()
        .map(|(i, (id, segs))| {
            let dy = y + LANE_H + i as i32 * DRIVE_H;
            let parts = segs
                .iter()
                .map(|s: &Segment<_>| segment(sc, s.state.id(), s.from, s.to, 14))
                .collect_view();
            view! {
                <g class="drive-lane" data-drive-lane=id.to_string() transform=format!("translate(0 {dy})")>
                    <text class="lane-name drive-name" x="18" y="13">{id.to_string()}</text>
                    {parts}
                </g>
            }
        })
        .collect_view()
}

/// A tick's one line: "2026-01-06 09:00 UTC EnterTracking (R3: …)" or its refusal.
pub fn tick_text(lang: Lang, e: &LogEntry) -> String {
    event_line(
        lang,
        &minute(e.at),
        e.event.id(),
        e.rule,
        e.outcome.as_ref().err(),
    )
}

/// The lane's SVG: a `<g data-job>` holding its segments in time order, its projection,
/// ticks and markers, then its drive lanes if expanded.
pub fn lane_view(sim: &Simulation, k: &LaneKey) -> Option<impl IntoView> {
    let lang = lang_of(k.lang);
    let (h, l) = (sim.job_history(&k.name), sim.job_log(&k.name));
    let lane = job_lane(h, l, &sim.rules(), k.cut)?;
    let label: String = if k.name.chars().count() > 17 {
        k.name.chars().take(16).chain(['…']).collect()
    } else {
        k.name.clone()
    };
    let parts = lane_parts(sim, &k.scale, lang, &k.name, &lane);
    let drives = k
        .expanded
        .then(|| drive_views(sim, &k.scale, &k.name, k.cut, k.y));
    Some(view! {
        <g class="lane" class:expanded=k.expanded data-job=k.name.clone() role="group"
            aria-label=summary(lang, &k.name, &lane) transform=format!("translate(0 {})", k.y)>
            <text class="lane-name" x="4" y="15" data-select=k.name.clone() tabindex="0" role="button"
                aria-expanded=if k.expanded { "true" } else { "false" }>{label}</text>
            {parts}
        </g>
        {drives}
    })
}
