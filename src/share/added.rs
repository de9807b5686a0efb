//! The short link of an edited preset: `#preset=<name>&add=<base64url, no padding, of a JSON
//! array of events>&t=…`. One edit to the busy datacenter made a `#scenario=` link of 20,049
//! characters, all of it the generated preset written out again; this form carries only what
//! the user added.
//!
//! The events are in the scenario file's own event format and in time order. Reading puts
//! each after the preset's events at or before its time (as the simulation writes its user's
//! events into a scenario), then judges the whole as a `#scenario=` link is judged: same
//! limits, same problems. A problem in an added event points into the `add=` text
//! (`add[2].at (line 1, column 60)`), since that is what the link holds.

use std::cell::RefCell;
use std::rc::Rc;

use crate::json::Value;

use super::{base64url, HashError};
use crate::model::Time;
use crate::sim::scenario::EventEntry;
use crate::sim::{preset, preset_titled, Problem, Scenario, Simulation};

/// The short form of `s` (`preset=<name>` or `preset=<name>&add=…`), when `s` is a built-in
/// preset plus events added after it and nothing else changed; `None` otherwise. The preset
/// is looked for by title, so only one preset is built to compare against.
pub fn short_form(s: &Scenario) -> Option<String> {
    let name = named(s.title.as_deref()?)?;
    let events = added(&*base(name)?, s)?;
    Some(written(name, &events))
}

/// The name of the preset titled `title`.
fn named(title: &str) -> Option<&'static str> {
    preset_titled(title).map(|p| p.name)
}

/// `short_form(&sim.scenario())` for a world loaded from a preset (the one titled as the
/// world), without writing the world out and comparing it with the preset (about 13 ms of each
/// action at 10,000 jobs); `None` when that takes the whole comparison (the world's settings
/// changed since it was loaded).
pub fn short_form_of(sim: &Simulation) -> Option<String> {
    let name = named(sim.title()?)?;
    sim.settings_as_loaded()
        .then(|| written(name, &sim.added_events()))
}

fn written(name: &str, events: &[EventEntry]) -> String {
    if events.is_empty() {
        return format!("preset={name}");
    }
    let json = crate::sim::scenario_write::events(events);
    format!("preset={name}&add={}", base64url::encode(json.as_bytes()))
}

thread_local! {
    /// The preset last built by `base`. The link is written again after every user action,
    /// and building `stress-10000` anew each time to compare against cost about 25 ms of
    /// the action's time (a profile of ten actions). A preset is a pure function of its name,
    /// so the kept copy never goes stale.
    static BASE: RefCell<Option<(&'static str, Rc<Scenario>)>> = const { RefCell::new(None) };
}

/// The built-in preset `name`, built once and kept while it is the one asked for.
fn base(name: &'static str) -> Option<Rc<Scenario>> {
    BASE.with(|kept| {
        if let Some((kept_name, s)) = &*kept.borrow() {
            if *kept_name == name {
                return Some(Rc::clone(s));
            }
        }
        let s = Rc::new(preset(name)?);
        *kept.borrow_mut() = Some((name, Rc::clone(&s)));
        Some(s)
    })
}

/// The events `s` has beyond `base`, in `s`'s order, when `s` is exactly `base` with those
/// events merged in (`merge` gives `s`'s events back); `None` if anything else differs.
pub fn added(base: &Scenario, s: &Scenario) -> Option<Vec<EventEntry>> {
    let same_rest = base.version == s.version
        && base.title == s.title
        && base.description == s.description
        && base.start == s.start
        && base.seed == s.seed
        && base.rules == s.rules
        && base.cancel_window == s.cancel_window
        && base.autopilot == s.autopilot
        && base.jobs == s.jobs
        && base.other == s.other;
    if !same_rest {
        return None;
    }
    let mut extra = Vec::new();
    let mut kept = base.events.iter().peekable();
    for e in &s.events {
        if kept.peek() == Some(&e) {
            kept.next();
        } else {
            extra.push(e.clone());
        }
    }
    if kept.next().is_some() {
        return None;
    }
    // The reader must rebuild exactly these events, or the link would show another world.
    let mut times: Vec<Option<Time>> = Vec::with_capacity(extra.len());
    for e in &extra {
        times.push(Some(e.at));
    }
    let order = merge_order(&base.events, &times);
    if order.len() != s.events.len() {
        return None;
    }
    for (slot, e) in order.iter().zip(&s.events) {
        let rebuilt = match slot {
            Slot::Base(i) => &base.events[*i],
            Slot::Added(j) => &extra[*j],
        };
        if rebuilt != e {
            return None;
        }
    }
    Some(extra)
}

/// Where each event of the merged list comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Base(usize),
    Added(usize),
}

/// The merged order: each added event after the base events at or before its time, added
/// events in their own order. An added event without a readable time goes where it stands,
/// for the validator to name.
fn merge_order(base: &[EventEntry], added: &[Option<Time>]) -> Vec<Slot> {
    let mut out = Vec::with_capacity(base.len() + added.len());
    let mut i = 0;
    for (j, at) in added.iter().enumerate() {
        if let Some(at) = at {
            while i < base.len() && base[i].at <= *at {
                out.push(Slot::Base(i));
                i += 1;
            }
        }
        out.push(Slot::Added(j));
    }
    for rest in i..base.len() {
        out.push(Slot::Base(rest));
    }
    out
}

/// Reads `add=<value>` beside `preset=<name>`: the preset with the events merged in, judged
/// as a scenario file. Nothing is changed on failure; every problem is named.
pub fn read(name: &str, value: &str) -> Result<Scenario, HashError> {
    let base = preset(name).ok_or_else(|| HashError::UnknownPreset(name.to_string()))?;
    let text = super::hash::decoded(value)?;
    let bad = |problems: Vec<Problem>| HashError::BadScenario(problems.into());
    let limit = crate::model::limits::MAX_SCENARIO_BYTES;
    if text.len() > limit {
        return Err(bad(vec![at_add(
            crate::sim::scenario::ProblemKind::FileTooLarge { bytes: text.len() },
        )]));
    }
    let added: Vec<Value> = match crate::json::from_str(&text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            return Err(bad(vec![at_add(
                crate::sim::scenario::ProblemKind::NotAList,
            )]))
        }
        Err(e) => {
            return Err(bad(vec![Problem {
                line: Some(e.line()),
                column: Some(e.column()),
                ..at_add(crate::sim::scenario::ProblemKind::NotJson {
                    detail: e.to_string(),
                })
            }]))
        }
    };
    let mut times: Vec<Option<Time>> = Vec::with_capacity(added.len());
    for e in &added {
        times.push(
            e.get("at")
                .and_then(Value::as_str)
                .and_then(crate::model::rfc3339::parse_rfc3339),
        );
    }
    let order = merge_order(&base.events, &times);
    // Through the text, not `to_value`: the JSON writer for text is in the wasm already.
    let Ok(Value::Object(mut root)) = crate::json::from_str(&base.to_json_compact()) else {
        return Err(HashError::UnknownPreset(name.to_string()));
    };
    // Taken out in place (`insert` below puts the merged list back): no `BTreeMap::remove`.
    let mut base_events = match root.get_mut("events").map(Value::take) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let mut added = added;
    // Each slot is in the order once, so each event is taken out of its list once.
    let mut merged: Vec<Value> = Vec::with_capacity(order.len());
    for slot in &order {
        let v = match slot {
            Slot::Base(i) => base_events.get_mut(*i),
            Slot::Added(j) => added.get_mut(*j),
        };
        if let Some(v) = v {
            merged.push(v.take());
        }
    }
    root.insert("events".into(), Value::Array(merged));
    let whole = crate::sim::json_text(&Value::Object(root));
    Scenario::parse(&whole).map_err(|errors| bad(point_into(errors.problems, &order, &text)))
}

/// A problem with the `add=` text as a whole.
fn at_add(kind: crate::sim::scenario::ProblemKind) -> Problem {
    Problem {
        path: "add".into(),
        line: None,
        column: None,
        kind,
    }
}

/// Rewrites the merged scenario's paths for the person holding the link: an added event's
/// problem points into the `add=` text (`add[j]…`, with its line and column there); a
/// preset's event keeps its place in the preset (`$.events[i]…`). Positions in the merged
/// text, which nobody sees, are dropped.
fn point_into(problems: Vec<Problem>, order: &[Slot], text: &str) -> Vec<Problem> {
    let mut out = problems;
    for p in &mut out {
        p.line = None;
        p.column = None;
        let slot = p
            .path
            .strip_prefix("$.events[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(k, rest)| Some((order.get(k.parse::<usize>().ok()?)?, rest)));
        match slot {
            Some((Slot::Added(j), rest)) => p.path = format!("add[{j}]{rest}"),
            Some((Slot::Base(i), rest)) => p.path = format!("$.events[{i}]{rest}"),
            None => {}
        }
    }
    let in_add = |p: &Problem| p.path.strip_prefix("add").map(|rest| format!("${rest}"));
    let mut paths: Vec<String> = Vec::new();
    for p in &out {
        if let Some(path) = in_add(p) {
            paths.push(path);
        }
    }
    let mut names = Vec::with_capacity(paths.len());
    for path in &paths {
        names.push(path.as_str());
    }
    let positions = crate::sim::json_path::positions(text, &names);
    for p in &mut out {
        if let Some(path) = in_add(p) {
            if let Some((line, column)) = crate::sim::locate::locate(&positions, &path) {
                p.line = Some(line);
                p.column = Some(column);
            }
        }
    }
    out
}
