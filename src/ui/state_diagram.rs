//! One state machine drawn as SVG from `model::diagram`: built once per rule set; only the
//! current state's and the emphasised arrow's classes follow the clock. A state or an arrow,
//! chosen by click or by Enter/Space, lists its rules beneath.

use crate::ui::slot::Slot;

use super::dom::{find, Dom, Writer};

use super::state::use_app;
use super::use_lang;
use crate::i18n::{after_days, dg, rule_text, DgText, Lang};
use crate::model::diagram::{Arrow, Edge, Machine, Node, Place, NODE_HEIGHT};
use crate::model::Rules;

/// A chosen state, or an arrow (from, to, time rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Node(Node),
    Arrow(Node, Node, bool),
}

impl Pick {
    /// The pick as a number (0 stands for none): the chosen and the flashed pick are kept in
    /// slots of the app's `usize` type, not of `Option<Pick>`, which compiled the slot's
    /// reads and its equality once more (`ui::slot`). Distinct picks have distinct codes.
    pub fn code(self) -> usize {
        fn node(n: Node) -> usize {
            match n {
                Node::Start => 1,
                Node::Deleted => 2,
                Node::Extra => 3,
                Node::Job(s) => 16 + s as usize,
                Node::Drive(s) => 48 + s as usize,
            }
        }
        match self {
            Pick::Node(n) => node(n),
            Pick::Arrow(f, t, timed) => 128 * (2 * node(f) + usize::from(timed)) + node(t),
        }
    }

    /// The pick of `machine` whose code is `code`: every state or arrow drawn is one of an
    /// edge's ends or the edge's arrow.
    fn of_code(machine: Machine, code: usize) -> Option<Pick> {
        for e in machine.edges() {
            for p in [
                Pick::Node(e.from),
                Pick::Node(e.to),
                Pick::Arrow(e.from, e.to, e.is_time_rule()),
            ] {
                if p.code() == code {
                    return Some(p);
                }
            }
        }
        None
    }

    fn covers(self, e: &Edge) -> bool {
        match self {
            Pick::Node(n) => e.from == n || e.to == n,
            Pick::Arrow(f, t, timed) => e.from == f && e.to == t && e.is_time_rule() == timed,
        }
    }
}

/// Where a line leaves the box around (x, y) of half-size (hw, hh) heading for (tx, ty).
fn clip(x: i32, y: i32, hw: i32, hh: i32, tx: i32, ty: i32) -> (i32, i32) {
    let (dx, dy) = (tx - x, ty - y);
    if dx == 0 && dy == 0 {
        (x, y)
    } else if dx.abs() * hh >= dy.abs() * hw {
        (x + dx.signum() * hw, y + dy * hw / dx.abs())
    } else {
        (x + dx * hh / dy.abs(), y + dy.signum() * hh)
    }
}

fn half(p: &Place) -> (i32, i32) {
    if p.node == Node::Start {
        (9, 9)
    } else {
        (p.w / 2, NODE_HEIGHT / 2)
    }
}

/// An arrow's path from box edge to box edge (a quadratic curve when it bends) and where its
/// label goes: at 2/5 of the way for a time rule, 3/5 for an action, so the labels of the two
/// arrows between the same states never sit on each other. Integers only: nothing is
/// formatted as a float.
pub fn arrow_path(a: &Place, b: &Place, bend: i32, timed: bool) -> (String, i32, i32) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = i64::from(dx * dx + dy * dy).isqrt().max(1) as i32;
    let (cx, cy) = (
        (a.x + b.x) / 2 + dy * bend / len,
        (a.y + b.y) / 2 - dx * bend / len,
    );
    let ((ahw, ahh), (bhw, bhh)) = (half(a), half(b));
    let (x1, y1) = clip(a.x, a.y, ahw, ahh, cx, cy);
    let (x2, y2) = clip(b.x, b.y, bhw, bhh, cx, cy);
    let d = if bend == 0 {
        format!("M{x1} {y1}L{x2} {y2}")
    } else {
        format!("M{x1} {y1}Q{cx} {cy} {x2} {y2}")
    };
    // The point at k/5 of a quadratic curve (a straight line is one with its control point
    // in the middle).
    let (cx, cy) = if bend == 0 {
        ((x1 + x2) / 2, (y1 + y2) / 2)
    } else {
        (cx, cy)
    };
    let k = if timed { 2 } else { 3 };
    let at =
        |p1: i32, c: i32, p2: i32| ((5 - k) * (5 - k) * p1 + 2 * k * (5 - k) * c + k * k * p2) / 25;
    (d, at(x1, cx, x2), at(y1, cy, y2))
}

/// "R4 R6", or "R2 · 14 d" for a time rule.
fn arrow_label(a: &Arrow) -> String {
    let ids = crate::text::join(&a.rule_ids(), " ");
    match a.after {
        Some(d) => format!("{ids} · {} d", d.num_days()),
        None => ids,
    }
}

fn toggle(picked: Slot<usize>, pick: Pick) {
    let code = pick.code();
    let again = picked.get_untracked() == code;
    picked.set(if again { 0 } else { code });
}

/// What one drawing shows besides the machine itself: it is redrawn only when this changed.
#[derive(Clone, Copy, PartialEq)]
struct Marks {
    rules: Rules,
    lang: Lang,
    current: Option<Node>,
    /// `Pick::code`s (0: none).
    flash: usize,
    picked: usize,
}

fn class_of(base: &str, on: &[(bool, &str)]) -> String {
    let mut class = String::from(base);
    for (yes, name) in on {
        if *yes {
            class.push(' ');
            class.push_str(name);
        }
    }
    class
}

/// The machine's arrows and states, as SVG. Each state and arrow is a focusable button whose
/// `data-pick` is its index in `picks` (clicks and keys are handled once, on the diagram).
fn draw_svg<W: Writer>(
    w: &mut W,
    machine: Machine,
    rules: &Rules,
    m: &Marks,
    picks: &mut Vec<Pick>,
) {
    let head = head(machine);
    w.open("defs").open("marker");
    for (k, v) in [
        ("id", head),
        ("viewBox", "0 0 10 10"),
        ("refX", "10"),
        ("refY", "5"),
        ("markerUnits", "userSpaceOnUse"),
        ("markerWidth", "11"),
        ("markerHeight", "11"),
        ("orient", "auto-start-reverse"),
    ] {
        w.attr(k, v);
    }
    w.open("path")
        .attr("d", "M0 0L10 5L0 10z")
        .close()
        .close()
        .close();
    let end = format!("url(#{head})");
    for a in machine.arrows(rules) {
        let (Some(pa), Some(pb)) = (machine.place(a.from), machine.place(a.to)) else {
            continue;
        };
        let (d, lx, ly) = arrow_path(&pa, &pb, a.bend, a.timed);
        let pick = Pick::Arrow(a.from, a.to, a.timed);
        let label = arrow_label(&a);
        let class = class_of(
            "edge",
            &[
                (a.timed, "timed"),
                (m.flash == pick.code(), "flash"),
                (m.picked == pick.code(), "picked"),
            ],
        );
        w.open("g")
            .attr("class", &class)
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr(
                "aria-label",
                &format!("{} → {}: {label}", a.from.id(), a.to.id()),
            )
            .num("data-pick", picks.len() as i64);
        picks.push(pick);
        w.open("path").attr("class", "hit").attr("d", &d).close();
        w.open("path")
            .attr("class", "line")
            .attr("d", &d)
            .attr("marker-end", &end)
            .close();
        w.open("text")
            .attr("class", "edge-label")
            .num("x", lx.into())
            .num("y", ly.into())
            .text(&label)
            .close()
            .close();
    }
    for p in machine.nodes(rules) {
        if p.node == Node::Start {
            w.open("circle")
                .attr("class", "start")
                .num("cx", p.x.into())
                .num("cy", p.y.into())
                .attr("r", "9")
                .close();
            continue;
        }
        let here = m.current == Some(p.node);
        let pick = Pick::Node(p.node);
        let (x, y) = (i64::from(p.x - p.w / 2), i64::from(p.y - NODE_HEIGHT / 2));
        let class = class_of(
            "node",
            &[
                (here, "current"),
                (p.node == Node::Deleted, "deleted"),
                (m.picked == pick.code(), "picked"),
            ],
        );
        w.open("g")
            .attr("class", &class)
            .attr("data-state", p.node.id());
        if here {
            w.attr("aria-current", "true").attr(
                "aria-label",
                &format!("{}, {}", p.node.id(), dg(m.lang, DgText::CurrentState)),
            );
        } else {
            w.attr("aria-label", p.node.id());
        }
        w.attr("tabindex", "0")
            .attr("role", "button")
            .num("data-pick", picks.len() as i64);
        picks.push(pick);
        let (pw, nh) = (i64::from(p.w), i64::from(NODE_HEIGHT));
        w.open("rect")
            .attr("class", "ring")
            .num("x", x - 6)
            .num("y", y - 6)
            .num("width", pw + 12)
            .num("height", nh + 12)
            .attr("rx", "12")
            .close();
        w.open("rect")
            .attr("class", "box")
            .num("x", x)
            .num("y", y)
            .num("width", pw)
            .num("height", nh)
            .attr("rx", "8")
            .close();
        w.open("text")
            .attr("class", "name")
            .num("x", p.x.into())
            .num("y", p.y.into())
            .text(p.node.id())
            .close();
        w.open("text")
            .attr("class", "now")
            .num("x", p.x.into())
            .num("y", y - 12)
            .text(dg(m.lang, DgText::Now))
            .close()
            .close();
    }
}

/// The `data-machine` of a machine's `svg` (also its arrowhead's id).
fn head(machine: Machine) -> &'static str {
    match machine {
        Machine::Job => "job-head",
        Machine::Drive => "drive-head",
    }
}

/// One drawn machine: what it marks, and the state or arrow chosen in it.
#[derive(Clone, Copy)]
pub struct Diagram {
    machine: Machine,
    /// The chosen pick's `Pick::code` (0: none).
    picked: Slot<usize>,
    picks: Slot<Vec<Pick>>,
}

/// The empty diagram of `machine` (its `svg` and the place of its rules), filled by `diagram`.
pub fn draw_frame<W: Writer>(w: &mut W, machine: Machine) {
    let (width, height) = machine.size();
    w.open("div")
        .attr("class", "diagram")
        .open("svg")
        .attr("class", "state-diagram")
        .attr("data-machine", head(machine))
        .attr("role", "group")
        .attr("viewBox", &format!("0 0 {width} {height}"))
        .num("width", width.into())
        .num("height", height.into())
        .close()
        .open("div")
        .attr("class", "diagram-rules")
        .attr("aria-live", "polite")
        .close()
        .close();
}

/// Drawn by `ui::dom` (one non-generic writer instead of a `view!` per state and arrow) into
/// its frame under `root` (`draw_frame`, drawn before): the picture is redrawn whole when the rules, the language, the current
/// state, the flash or the pick change (a few dozen elements, a few times a minute), and the
/// focus stays on the same state or arrow across a redraw. Clicks and keys reach it through
/// `on_pick`, from one listener on the frames' parent.
pub fn diagram(
    root: &web_sys::Element,
    machine: Machine,
    current: Box<dyn Fn() -> Option<Node>>,
    flash: super::read::Read<usize>,
) -> Diagram {
    let lang = use_lang();
    let app = use_app();
    // The rules change only with the world; a memo of them compiled Leptos' memo code once
    // more, so they are read here and compared with the other marks.
    let rules = move || app.sim().with(|s| s.rules());
    let d = Diagram {
        machine,
        picked: Slot::new(0),
        picks: Slot::new(Vec::new()),
    };
    let Some(svg) = find(root, &format!("svg[data-machine={}]", head(machine))) else {
        return d;
    };
    let el = svg.clone();
    crate::ui::fx::effect_with(move |drawn: Option<Marks>| {
        let marks = Marks {
            rules: rules(),
            lang: lang.get(),
            current: current(),
            flash: flash.get(),
            picked: d.picked.get(),
        };
        if drawn == Some(marks) {
            return marks;
        }
        let name = match machine {
            Machine::Job => DgText::JobStates,
            Machine::Drive => DgText::DriveStates,
        };
        crate::ui::dom::set(&el, "aria-label", dg(marks.lang, name));
        let focused = crate::ui::dom::active(&el)
            .filter(|a| crate::ui::dom::contains(&el, a))
            .and_then(|a| a.get_attribute("data-pick"));
        let mut list = Vec::new();
        if let Some(mut out) = Dom::replacing(&el, true) {
            draw_svg(&mut out, machine, &marks.rules, &marks, &mut list);
        }
        d.picks.set_value(list);
        if let Some(again) = focused.and_then(|k| find(&el, &format!("[data-pick=\"{k}\"]"))) {
            crate::ui::dom::focus(&again);
        }
        marks
    });
    crate::ui::fx::effect_with(move |drawn: Option<(usize, Lang, Rules)>| {
        let shown = (d.picked.get(), lang.get(), rules());
        if drawn == Some(shown) {
            return shown;
        }
        let Some(mut w) = crate::ui::dom::next(&svg).and_then(|div| Dom::replacing(&div, false))
        else {
            return shown;
        };
        if let Some(pick) = Pick::of_code(machine, shown.0) {
            draw_rules(&mut w, machine, pick, &shown.2, shown.1);
        }
        shown
    });
    d
}

/// A click, or Enter or Space (which act like a click, as on a button), on a state or an
/// arrow of one of `diagrams`: chooses it, or unchooses it when it was chosen.
pub fn on_pick(ev: &web_sys::Event, diagrams: &[Diagram]) {
    // The listener's events are clicks and keydowns: the type says which, no type check.
    if crate::ui::dom::text_of(ev, "type") == "keydown" {
        let key = crate::ui::dom::text_of(ev, "key");
        if key != "Enter" && key != " " {
            return;
        }
    }
    let found = || {
        let el = super::dom::target_in(ev, "[data-pick]")?;
        let i: usize = el.get_attribute("data-pick")?.parse().ok()?;
        let machine = crate::ui::dom::closest(&el, "svg")?.get_attribute("data-machine")?;
        let d = diagrams.iter().find(|d| head(d.machine) == machine)?;
        Some((d.picked, d.picks.with_value(|p| p.get(i).copied())?))
    };
    if let Some((picked, pick)) = found() {
        crate::ui::dom::call0(ev, "preventDefault");
        toggle(picked, pick);
    }
}

/// The chosen state's or arrow's rules, one line each: id, words, and the transitions.
fn draw_rules<W: Writer>(w: &mut W, machine: Machine, pick: Pick, rules: &Rules, lang: Lang) {
    let edges = machine.edges();
    let shown = |e: &Edge| e.applies(rules) && pick.covers(e);
    let title = match pick {
        Pick::Node(n) => n.id().to_string(),
        Pick::Arrow(f, t, _) => format!("{} → {}", f.id(), t.id()),
    };
    w.open("p")
        .attr("class", "rules-of")
        .text(dg(lang, DgText::RulesOf))
        .text(" ")
        .open("strong")
        .text(&title)
        .close()
        .close()
        .open("ul");
    // One line per rule, in the order of its first shown edge, with all its shown edges: found
    // by plain loops over the table (a few dozen edges), no list of groups built.
    for (i, e) in edges.iter().enumerate() {
        if !shown(e) || edges[..i].iter().any(|d| d.rule == e.rule && shown(d)) {
            continue;
        }
        let mut how = String::new();
        for d in &edges[i..] {
            if d.rule != e.rule || !shown(d) {
                continue;
            }
            if !how.is_empty() {
                how.push_str("; ");
            }
            for part in [d.trigger.id(), ": ", d.from.id(), " → ", d.to.id()] {
                how.push_str(part);
            }
            if let Some(t) = d.after {
                how.push_str(" (");
                how.push_str(&after_days(lang, t.num_days()));
                how.push(')');
            }
        }
        w.open("li")
            .leaf("span", "rule-id", e.rule.id())
            .text(" ")
            .text(rule_text(lang, e.rule))
            .text(" — ")
            .leaf("span", "how", &how)
            .close();
    }
    w.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(x: i32, y: i32, w: i32) -> Place {
        Place {
            node: Node::Deleted,
            x,
            y,
            w,
        }
    }

    /// The rules list as it was written before (edges grouped by rule in a list first).
    fn grouped_rules(machine: Machine, pick: Pick, rules: &Rules, lang: Lang) -> Vec<String> {
        let mut groups: Vec<(crate::model::RuleId, Vec<Edge>)> = Vec::new();
        for e in machine
            .edges()
            .iter()
            .filter(|e| e.applies(rules) && pick.covers(e))
        {
            match groups.iter_mut().find(|g| g.0 == e.rule) {
                Some(g) => g.1.push(*e),
                None => groups.push((e.rule, vec![*e])),
            }
        }
        groups
            .into_iter()
            .map(|(rule, edges)| {
                let how = edges
                    .iter()
                    .map(|e| {
                        let after = e
                            .after
                            .map(|d| format!(" ({})", after_days(lang, d.num_days())))
                            .unwrap_or_default();
                        format!("{}: {} → {}{after}", e.trigger.id(), e.from.id(), e.to.id())
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                format!("{} {} — {how}", rule.id(), rule_text(lang, rule))
            })
            .collect()
    }

    #[test]
    fn the_rules_list_has_one_line_per_rule_in_the_order_of_its_first_edge() {
        use crate::model::{CancelWindow, RuleSet};
        use crate::ui::dom::Outline;
        for machine in [Machine::Job, Machine::Drive] {
            let mut picks = Vec::new();
            for e in machine.edges() {
                picks.push(Pick::Node(e.from));
                picks.push(Pick::Node(e.to));
                picks.push(Pick::Arrow(e.from, e.to, e.is_time_rule()));
            }
            for set in RuleSet::ALL {
                for window in CancelWindow::ALL {
                    let rules = Rules::new(set, window);
                    for &pick in &picks {
                        for lang in Lang::ALL {
                            let mut out = Outline::default();
                            draw_rules(&mut out, machine, pick, &rules, lang);
                            let mut expected = String::new();
                            for line in grouped_rules(machine, pick, &rules, lang) {
                                let Some((id, rest)) = line.split_once(' ') else {
                                    panic!("{line}")
                                };
                                let Some((words, how)) = rest.split_once(" — ") else {
                                    panic!("{line}")
                                };
                                expected.push_str(&format!(
                                    "<li><span class=\"rule-id\">{id}</span> {words} — <span class=\"how\">{how}</span></li>"
                                ));
                            }
                            assert!(
                                out.out.contains(&format!("<ul>{expected}</ul>")),
                                "{machine:?} {pick:?}: {}",
                                out.out
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_pick_has_its_own_code_and_is_found_by_it() {
        for machine in [Machine::Job, Machine::Drive] {
            let mut seen: Vec<(usize, Pick)> = Vec::new();
            for e in machine.edges() {
                for p in [
                    Pick::Node(e.from),
                    Pick::Node(e.to),
                    Pick::Arrow(e.from, e.to, e.is_time_rule()),
                ] {
                    assert_ne!(p.code(), 0);
                    assert_eq!(Pick::of_code(machine, p.code()), Some(p));
                    for (c, q) in &seen {
                        assert!((*c == p.code()) == (*q == p), "{p:?} {q:?}");
                    }
                    seen.push((p.code(), p));
                }
            }
        }
        for s in crate::model::JobState::ALL {
            assert!((s as usize) < 32);
        }
        for s in crate::model::DriveState::ALL {
            assert!((s as usize) < 32);
        }
    }

    #[test]
    fn straight_arrows_run_from_box_edge_to_box_edge() {
        let (d, lx, ly) = arrow_path(&place(100, 50, 140), &place(300, 50, 140), 0, false);
        assert_eq!(d, "M170 50L230 50");
        assert_eq!((lx, ly), (206, 50));
        let (_, lx, _) = arrow_path(&place(100, 50, 140), &place(300, 50, 140), 0, true);
        assert_eq!(lx, 194);
        let (d, _, _) = arrow_path(&place(100, 50, 140), &place(100, 200, 140), 0, false);
        assert_eq!(
            d,
            format!(
                "M100 {}L100 {}",
                50 + NODE_HEIGHT / 2,
                200 - NODE_HEIGHT / 2
            )
        );
    }

    #[test]
    fn a_positive_bend_curves_to_the_left_of_the_direction() {
        // Heading east, left is up (smaller y).
        let (d, _, ly) = arrow_path(&place(100, 100, 100), &place(400, 100, 100), 40, false);
        assert!(d.contains('Q'), "{d}");
        assert!(ly < 100, "{d} label at {ly}");
    }
}
