//! One job's lane (and, when the job is selected, one lane per drive), drawn once per change
//! of the job by the plain DOM writer (`ui::dom`): nothing in here is reactive, so a playing
//! clock never touches a lane, and a lane that changed costs a few dozen DOM calls instead of a
//! few dozen view nodes and their closures. Text from files (job names, drive ids) becomes
//! attribute values and text nodes, never markup.

use super::scale::Scale;
use crate::i18n::{
    deadline_ahead, deadline_defused, deadline_fired, event_line, lane_summary, Lang,
};
use crate::model::{JobState, RuleId, Time};
use crate::sim::lanes::{drive_lanes, job_lane, Cut, Lane, MarkerStatus};
use crate::sim::LogEntry;
use crate::sim::Simulation;
use crate::ui::dom::Writer;
use crate::ui::format;

fn minute(t: Time) -> String {
    format::date_time(t)
}

pub const LANE_H: i32 = 32;
pub const DRIVE_H: i32 = 22;

/// Everything a lane's content depends on: the For key, so a lane is rebuilt only when it
/// changes (its place on the page moves it without a rebuild).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaneKey {
    pub name: String,
    pub cut: Cut,
    pub expanded: bool,
    pub scale: Scale,
    pub lang: Lang,
}

/// A state's rectangle and label; `open` segments run to the plot's end and are clipped at
/// the now line by the shared clip path, so the clock moves them without a rebuild.
fn segment(out: &mut impl Writer, sc: &Scale, id: &str, from: Time, to: Option<Time>, h: i32) {
    let x = sc.x(from).max(sc.x0 - 2);
    let end = to.map_or(sc.x1, |t| sc.x(t)).min(sc.x1 + 2);
    let w = (end - x).max(1);
    let open = to.is_none();
    out.open("rect")
        .attr("class", "seg")
        .attr("data-state", id)
        .num("x", x.into())
        .attr("y", "2")
        .num("width", w.into())
        .num("height", h.into());
    if open {
        out.attr("clip-path", "url(#tl-past)");
    }
    out.close();
    if w >= 7 * id.len() as i32 + 8 {
        out.open("text")
            .attr("class", "seg-label")
            .num("x", (x + 4).into())
            .num("y", (h - 3).into());
        if open {
            out.attr("clip-path", "url(#tl-past)");
        }
        out.text(id).close();
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
    let mut states = Vec::new();
    for s in &lane.segments {
        states.push((s.state, minute(s.from)));
    }
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

fn lane_parts(
    out: &mut impl Writer,
    sim: &Simulation,
    sc: &Scale,
    lang: Lang,
    name: &str,
    lane: &Lane,
) {
    let log = sim.job_log(name);
    let last_state = lane.segments.last().map_or(JobState::Creating, |s| s.state);
    for s in &lane.segments {
        segment(out, sc, s.state.id(), s.from, s.to, 17);
    }
    if let Some(p) = lane.projection {
        let x = sc.x(p.from).max(sc.x0 - 2);
        let w = (sc.x(p.due).min(sc.x1 + 2) - x).max(1);
        out.open("rect")
            .attr("class", "seg projected")
            .attr("data-state", p.state.id())
            .attr("data-projected", "true")
            .num("x", x.into())
            .attr("y", "2")
            .num("width", w.into())
            .attr("height", "17")
            .attr("clip-path", "url(#tl-future)")
            .close();
    }
    if let Some(t) = lane.ended {
        out.open("path")
            .attr("class", "lane-end")
            .attr("d", &format!("M{} 0v20", sc.x(t)))
            .close();
    }
    for &i in &lane.ticks {
        let Some(e) = log.get(i).filter(|e| sc.shows(e.at)) else {
            continue;
        };
        let x = sc.x(e.at);
        let refused = e.is_refused();
        // The one-line description is written on hover or focus (`tick_text`), not here.
        let d = match refused {
            true => format!("M{x} 20v11M{} 29l8-7", x - 4),
            false => format!("M{x} 20v11"),
        };
        out.open("path")
            .attr("class", if refused { "tick refused" } else { "tick" })
            .attr("d", &d)
            .num("data-i", i as i64)
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr("aria-label", e.event.id())
            .attr("aria-describedby", "tl-tip")
            .close();
    }
    for m in &lane.markers {
        if !sc.shows(m.at) {
            continue;
        }
        let status = match m.status {
            MarkerStatus::Pending => "marker pending",
            MarkerStatus::Fired => "marker fired",
            MarkerStatus::Defused => "marker defused",
        };
        out.open("g")
            .attr("class", status)
            .attr("data-rule", m.rule.id())
            .attr("data-at", &format::rfc3339(m.at))
            .attr("transform", &format!("translate({} 0)", sc.x(m.at)))
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr(
                "aria-label",
                &marker_text(lang, m.rule, m.at, m.status, last_state),
            )
            .open("rect")
            .attr("class", "hit")
            .attr("x", "-6")
            .attr("width", "24")
            .attr("height", "32")
            .close()
            .open("path")
            .attr("class", "marker-line")
            .attr("d", "M0 0v32")
            .close()
            .open("path")
            .attr("class", "diamond")
            .attr("d", "M0 20l5 5-5 5-5-5z")
            .close()
            .open("text")
            .attr("x", "7")
            .attr("y", "30")
            .text(m.rule.id())
            .close()
            .close();
    }
}

/// The selected job's drive lanes, below its own lane (`y` relative to it).
fn drive_parts(out: &mut impl Writer, sim: &Simulation, sc: &Scale, name: &str, cut: Cut) {
    for (i, (id, segs)) in drive_lanes(sim.job_history(name), cut)
        .into_iter()
        .enumerate()
    {
        let id = id.to_string();
        out.open("g")
            .attr("class", "drive-lane")
            .attr("data-drive-lane", &id)
            .attr(
                "transform",
                &format!("translate(0 {})", LANE_H + i as i32 * DRIVE_H),
            )
            .open("text")
            .attr("class", "lane-name drive-name")
            .attr("x", "18")
            .attr("y", "13")
            .text(&id)
            .close();
        for s in &segs {
            segment(out, sc, s.state.id(), s.from, s.to, 14);
        }
        out.close();
    }
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

/// Draws the lane into `out`, placed at its lane's top: a `<g data-job>` holding its segments
/// in time order, its projection, ticks and markers, then its drive lanes if expanded. Nothing
/// if the job does not exist yet; its group and name only for `Cut::default()`.
pub fn draw_lane(out: &mut impl Writer, sim: &Simulation, k: &LaneKey) {
    let (h, l) = (sim.job_history(&k.name), sim.job_log(&k.name));
    let lane = job_lane(h, l, &sim.rules(), k.cut);
    // A lane out of view not drawn yet (`Cut::default()`, see `timeline::attach`) is its group
    // and name only, so the page's lanes and their names are all there at once.
    if lane.is_none() && k.cut != Cut::default() {
        return;
    }
    // Past 17 characters: the first 16 and an ellipsis (the cut the validator's 64-character
    // cuts share, `text::first_chars`).
    let label = match k.name.char_indices().nth(17) {
        Some(_) => crate::text::first_chars(&k.name, 16) + "…",
        None => k.name.clone(),
    };
    let lang = k.lang;
    out.open("g")
        .attr("class", if k.expanded { "lane expanded" } else { "lane" })
        .attr("data-job", &k.name)
        .attr("role", "group")
        .attr(
            "aria-label",
            &lane
                .as_ref()
                .map_or(k.name.clone(), |l| summary(lang, &k.name, l)),
        )
        .open("text")
        .attr("class", "lane-name")
        .attr("x", "4")
        .attr("y", "15")
        .attr("data-select", &k.name)
        .attr("tabindex", "0")
        .attr("role", "button")
        .attr("aria-expanded", if k.expanded { "true" } else { "false" })
        .text(&label)
        .close();
    if let Some(lane) = &lane {
        lane_parts(out, sim, &k.scale, lang, &k.name, lane);
    }
    out.close();
    if k.expanded {
        drive_parts(out, sim, &k.scale, &k.name, k.cut);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::preset;
    use crate::ui::dom::Outline;

    #[test]
    fn a_lane_carries_the_page_contract() {
        let s = Simulation::new(preset("happy-import").expect("preset")).expect("loads");
        let sc = Scale::new(s.start(), s.span_end(), 1000, s.start());
        let (h, l) = (s.job_history("lab-a"), s.job_log("lab-a"));
        let key = LaneKey {
            name: "lab-a".into(),
            cut: Cut::at(h, l, s.span_end()),
            expanded: true,
            scale: sc,
            lang: Lang::En,
        };
        let draw = |key: &LaneKey| {
            let mut out = Outline::default();
            draw_lane(&mut out, &s, key);
            out.out
        };
        let svg = draw(&key);
        assert!(svg.starts_with("<g class=\"lane expanded\" data-job=\"lab-a\""));
        assert!(svg.contains("data-state=\"Creating\""));
        assert!(svg.contains("data-rule=\"R10\" data-at=\""));
        assert!(svg.contains("data-drive-lane="));
        let not_yet = LaneKey {
            cut: Cut::default(),
            ..key.clone()
        };
        let svg = draw(&not_yet);
        assert!(svg.starts_with("<g class=\"lane expanded\" data-job=\"lab-a\""));
        assert!(svg.contains(">lab-a</text></g>"), "{svg}");
        assert!(!svg.contains("data-state="), "no segment yet: {svg}");
        let early = LaneKey {
            cut: Cut {
                snapshots: 0,
                entries: 1,
            },
            ..key
        };
        assert_eq!(
            draw(&early),
            "",
            "a job that does not exist yet has no lane"
        );
    }
}
