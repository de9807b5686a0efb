//! One job's lane (and, when the job is selected, one lane per drive), written once per change
//! of the job as one SVG fragment (a string the browser parses in one go): nothing in here is
//! reactive, so a playing clock never touches a lane, and a lane that changed costs one
//! `innerHTML` instead of a few dozen view nodes and their closures.

use super::markup::Markup as Svg;
use super::scale::{stamp, Scale, Stamp};
use crate::i18n::{
    deadline_ahead, deadline_defused, deadline_fired, event_line, lane_summary, Lang,
};
use crate::model::{JobState, RuleId, Time};
use crate::sim::lanes::{drive_lanes, job_lane, Cut, Lane, MarkerStatus};
use crate::sim::LogEntry;
use crate::sim::Simulation;

fn minute(t: Time) -> String {
    stamp(t, Stamp::Minute)
}

pub const LANE_H: i32 = 32;
pub const DRIVE_H: i32 = 22;

/// Everything a lane's content depends on: the For key, so a lane is rebuilt only when it
/// changes (its place on the page moves it without a rebuild).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LaneKey {
    pub name: String,
    pub cut: Cut,
    pub expanded: bool,
    pub scale: Scale,
    /// The language's tag.
    pub lang: &'static str,
}

fn lang_of(tag: &str) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| l.tag() == tag)
        .unwrap_or_default()
}

/// A state's rectangle and label; `open` segments run to the plot's end and are clipped at
/// the now line by the shared clip path, so the clock moves them without a rebuild.
fn segment(out: &mut Svg, sc: &Scale, id: &str, from: Time, to: Option<Time>, h: i32) {
    let x = sc.x(from).max(sc.x0 - 2);
    let end = to.map_or(sc.x1, |t| sc.x(t)).min(sc.x1 + 2);
    let w = (end - x).max(1);
    let clip = if to.is_none() {
        " clip-path=\"url(#tl-past)\""
    } else {
        ""
    };
    out.raw("<rect class=\"seg\" data-state=\"")
        .raw(id)
        .raw("\" x=\"")
        .num(x)
        .raw("\" y=\"2\" width=\"")
        .num(w)
        .raw("\" height=\"")
        .num(h)
        .raw("\"")
        .raw(clip)
        .raw("/>");
    if w >= 7 * id.len() as i32 + 8 {
        out.raw("<text class=\"seg-label\" x=\"")
            .num(x + 4)
            .raw("\" y=\"")
            .num(h - 3)
            .raw("\"")
            .raw(clip)
            .raw(">")
            .raw(id)
            .raw("</text>");
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

fn lane_parts(out: &mut Svg, sim: &Simulation, sc: &Scale, lang: Lang, name: &str, lane: &Lane) {
    let log = sim.job_log(name);
    let last_state = lane.segments.last().map_or(JobState::Creating, |s| s.state);
    for s in &lane.segments {
        segment(out, sc, s.state.id(), s.from, s.to, 17);
    }
    if let Some(p) = lane.projection {
        let x = sc.x(p.from).max(sc.x0 - 2);
        let w = (sc.x(p.due).min(sc.x1 + 2) - x).max(1);
        out.raw("<rect class=\"seg projected\" data-state=\"")
            .raw(p.state.id())
            .raw("\" data-projected=\"true\" x=\"")
            .num(x)
            .raw("\" y=\"2\" width=\"")
            .num(w)
            .raw("\" height=\"17\" clip-path=\"url(#tl-future)\"/>");
    }
    if let Some(t) = lane.ended {
        out.raw("<path class=\"lane-end\" d=\"M")
            .num(sc.x(t))
            .raw(" 0v20\"/>");
    }
    for (i, e) in lane
        .ticks
        .iter()
        .filter_map(|&i| log.get(i).map(|e| (i, e)))
        .filter(|(_, e)| sc.shows(e.at))
    {
        let x = sc.x(e.at);
        let refused = e.is_refused();
        // The one-line description is written on hover or focus (`tick_text`), not here.
        out.raw(if refused {
            "<path class=\"tick refused\" d=\"M"
        } else {
            "<path class=\"tick\" d=\"M"
        })
        .num(x)
        .raw(" 20v11");
        if refused {
            out.raw("M").num(x - 4).raw(" 29l8-7");
        }
        out.raw("\" data-i=\"")
            .num(i as i64)
            .raw("\" tabindex=\"0\" role=\"button\" aria-label=\"")
            .raw(e.event.id())
            .raw("\" aria-describedby=\"tl-tip\"/>");
    }
    for m in lane.markers.iter().filter(|m| sc.shows(m.at)) {
        let status = match m.status {
            MarkerStatus::Pending => "marker pending",
            MarkerStatus::Fired => "marker fired",
            MarkerStatus::Defused => "marker defused",
        };
        out.raw("<g class=\"")
            .raw(status)
            .raw("\" data-rule=\"")
            .raw(m.rule.id())
            .raw("\" data-at=\"")
            .raw(&stamp(m.at, Stamp::Rfc3339))
            .raw("\" transform=\"translate(")
            .num(sc.x(m.at))
            .raw(" 0)\" tabindex=\"0\" role=\"button\" aria-label=\"")
            .text(&marker_text(lang, m.rule, m.at, m.status, last_state))
            .raw("\"><rect class=\"hit\" x=\"-6\" width=\"24\" height=\"32\"/>")
            .raw("<path class=\"marker-line\" d=\"M0 0v32\"/>")
            .raw("<path class=\"diamond\" d=\"M0 20l5 5-5 5-5-5z\"/><text x=\"7\" y=\"30\">")
            .raw(m.rule.id())
            .raw("</text></g>");
    }
}

/// The selected job's drive lanes, below its own lane (`y` relative to it).
fn drive_parts(out: &mut Svg, sim: &Simulation, sc: &Scale, name: &str, cut: Cut) {
    for (i, (id, segs)) in drive_lanes(sim.job_history(name), cut)
        .into_iter()
        .enumerate()
    {
        let id = id.to_string();
        out.raw("<g class=\"drive-lane\" data-drive-lane=\"")
            .text(&id)
            .raw("\" transform=\"translate(0 ")
            .num(LANE_H + i as i32 * DRIVE_H)
            .raw(")\"><text class=\"lane-name drive-name\" x=\"18\" y=\"13\">")
            .text(&id)
            .raw("</text>");
        for s in &segs {
            segment(out, sc, s.state.id(), s.from, s.to, 14);
        }
        out.raw("</g>");
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

/// The lane's SVG, placed at its lane's top: a `<g data-job>` holding its segments in time
/// order, its projection, ticks and markers, then its drive lanes if expanded. Empty if the
/// job does not exist yet.
pub fn lane_svg(sim: &Simulation, k: &LaneKey) -> String {
    let (h, l) = (sim.job_history(&k.name), sim.job_log(&k.name));
    let Some(lane) = job_lane(h, l, &sim.rules(), k.cut) else {
        return String::new();
    };
    let label: String = if k.name.chars().count() > 17 {
        k.name.chars().take(16).chain(['…']).collect()
    } else {
        k.name.clone()
    };
    let lang = lang_of(k.lang);
    let mut out = Svg::with_capacity(2048);
    out.raw(if k.expanded {
        "<g class=\"lane expanded\" data-job=\""
    } else {
        "<g class=\"lane\" data-job=\""
    })
    .text(&k.name)
    .raw("\" role=\"group\" aria-label=\"")
    .text(&summary(lang, &k.name, &lane))
    .raw("\"><text class=\"lane-name\" x=\"4\" y=\"15\" data-select=\"")
    .text(&k.name)
    .raw("\" tabindex=\"0\" role=\"button\" aria-expanded=\"")
    .raw(if k.expanded { "true" } else { "false" })
    .raw("\">")
    .text(&label)
    .raw("</text>");
    lane_parts(&mut out, sim, &k.scale, lang, &k.name, &lane);
    out.raw("</g>");
    if k.expanded {
        drive_parts(&mut out, sim, &k.scale, &k.name, k.cut);
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::preset;

    #[test]
    fn a_lane_is_one_fragment_with_the_page_contract_and_escaped_text() {
        let s = Simulation::new(preset("happy-import").expect("preset")).expect("loads");
        let sc = Scale::new(s.start(), s.span_end(), 1000, s.start());
        let (h, l) = (s.job_history("lab-a"), s.job_log("lab-a"));
        let key = LaneKey {
            name: "lab-a".into(),
            cut: Cut::at(h, l, s.span_end()),
            expanded: true,
            scale: sc,
            lang: "en",
        };
        let svg = lane_svg(&s, &key);
        assert!(svg.starts_with("<g class=\"lane expanded\" data-job=\"lab-a\""));
        assert!(svg.contains("data-state=\"Creating\""));
        assert!(svg.contains("data-rule=\"R10\" data-at=\""));
        assert!(svg.contains("data-drive-lane="));
        let early = LaneKey {
            cut: Cut::default(),
            ..key
        };
        assert_eq!(lane_svg(&s, &early), "");
    }
}
