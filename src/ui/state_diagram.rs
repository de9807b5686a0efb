//! One state machine drawn as SVG from `model::diagram`: built once per rule set; only the
//! current state's and the emphasised arrow's classes follow the clock. A state or an arrow,
//! chosen by click or by Enter/Space, lists its rules beneath.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::use_lang;
use crate::i18n::{after_days, dg, rule_text, DgText};
use crate::model::diagram::{Arrow, Edge, Machine, Node, Place, NODE_HEIGHT};
use crate::model::{RuleId, Rules};

/// A chosen state, or an arrow (from, to, time rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Node(Node),
    Arrow(Node, Node, bool),
}

impl Pick {
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
    let ids = a.rule_ids().join(" ");
    match a.after {
        Some(d) => format!("{ids} · {} d", d.num_days()),
        None => ids,
    }
}

/// Enter and Space act like a click, as on a button.
fn on_activate(f: impl Fn() + 'static) -> impl Fn(KeyboardEvent) + 'static {
    move |ev: KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            f();
        }
    }
}

fn toggle(picked: RwSignal<Option<Pick>>, pick: Pick) {
    picked.update(|p| *p = if *p == Some(pick) { None } else { Some(pick) });
}

#[component]
pub fn StateDiagram(
    machine: Machine,
    #[prop(into)] current: Signal<Option<Node>>,
    #[prop(into)] flash: Signal<Option<Pick>>,
    rules: Memo<Rules>,
) -> impl IntoView {
    let picked = RwSignal::new(None::<Pick>);
    view! {
        <div class="diagram">
            {move || draw(machine, &rules.get(), current, flash, picked)}
            <RuleLines machine picked rules />
        </div>
    }
}

fn draw(
    machine: Machine,
    rules: &Rules,
    current: Signal<Option<Node>>,
    flash: Signal<Option<Pick>>,
    picked: RwSignal<Option<Pick>>,
) -> impl IntoView {
    let lang = use_lang();
    let (w, h) = machine.size();
    let (name, head) = match machine {
        Machine::Job => (DgText::JobStates, "job-head"),
        Machine::Drive => (DgText::DriveStates, "drive-head"),
    };
    let arrows = machine.arrows(rules).into_iter().map(|a| {
        let (Some(pa), Some(pb)) = (machine.place(a.from), machine.place(a.to)) else {
            return ().into_any();
        };
        let (d, lx, ly) = arrow_path(&pa, &pb, a.bend, a.timed);
        let pick = Pick::Arrow(a.from, a.to, a.timed);
        let label = arrow_label(&a);
        let aria = format!("{} → {}: {label}", a.from.id(), a.to.id());
        view! {
            <g class="edge" class:timed=a.timed class:flash=move || flash.get() == Some(pick)
                class:picked=move || picked.get() == Some(pick) tabindex="0" role="button"
                aria-label=aria on:click=move |_| toggle(picked, pick)
                on:keydown=on_activate(move || toggle(picked, pick))>
                <path class="hit" d=d.clone() />
                <path class="line" d=d marker-end=format!("url(#{head})") />
                <text class="edge-label" x=lx y=ly>{label}</text>
            </g>
        }
        .into_any()
    });
    let nodes = machine.nodes(rules).into_iter().map(move |p| {
        if p.node == Node::Start {
            return view! { <circle class="start" cx=p.x cy=p.y r="9" /> }.into_any();
        }
        let here = move || current.get() == Some(p.node);
        let pick = Pick::Node(p.node);
        let (x, y) = (p.x - p.w / 2, p.y - NODE_HEIGHT / 2);
        let aria = move || match here() {
            true => format!("{}, {}", p.node.id(), dg(lang.get(), DgText::CurrentState)),
            false => p.node.id().to_string(),
        };
        view! {
            <g class="node" class:current=here class:deleted=p.node == Node::Deleted
                class:picked=move || picked.get() == Some(pick) data-state=p.node.id()
                aria-current=move || here().then_some("true") tabindex="0" role="button"
                aria-label=aria on:click=move |_| toggle(picked, pick)
                on:keydown=on_activate(move || toggle(picked, pick))>
                <rect class="ring" x=x - 6 y=y - 6 width=p.w + 12 height=NODE_HEIGHT + 12 rx="12" />
                <rect class="box" x=x y=y width=p.w height=NODE_HEIGHT rx="8" />
                <text class="name" x=p.x y=p.y>{p.node.id()}</text>
                <text class="now" x=p.x y=y - 12>{move || dg(lang.get(), DgText::Now)}</text>
            </g>
        }
        .into_any()
    });
    view! {
        <svg class="state-diagram" data-machine=head role="group"
            aria-label=move || dg(lang.get(), name) viewBox=format!("0 0 {w} {h}")
            width=w height=h>
            <defs>
                <marker id=head viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="11"
                    markerHeight="11" orient="auto-start-reverse">
                    <path d="M0 0L10 5L0 10z" />
                </marker>
            </defs>
            {arrows.collect_view()}
            {nodes.collect_view()}
        </svg>
    }
}

/// The chosen state's or arrow's rules, one line each: id, words, and the transitions.
#[component]
fn RuleLines(
    machine: Machine,
    picked: RwSignal<Option<Pick>>,
    rules: Memo<Rules>,
) -> impl IntoView {
    let lang = use_lang();
    let lines = move || {
        let pick = picked.get()?;
        let rules = rules.get();
        let mut groups: Vec<(RuleId, Vec<Edge>)> = Vec::new();
        for e in machine
            .edges()
            .iter()
            .filter(|e| e.applies(&rules) && pick.covers(e))
        {
            match groups.iter_mut().find(|g| g.0 == e.rule) {
                Some(g) => g.1.push(*e),
                None => groups.push((e.rule, vec![*e])),
            }
        }
        let title = match pick {
            Pick::Node(n) => n.id().to_string(),
            Pick::Arrow(f, t, _) => format!("{} → {}", f.id(), t.id()),
        };
        Some((title, groups))
    };
    view! {
        <div class="diagram-rules" aria-live="polite">
            {move || {
                let lang = lang.get();
                lines()
                    .map(|(title, groups)| {
                        view! {
                            <p class="rules-of">{dg(lang, DgText::RulesOf)} " " <strong>{title}</strong></p>
                            <ul>
                                {groups
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
                                        view! {
                                            <li>
                                                <span class="rule-id">{rule.id()}</span> " " {rule_text(lang, rule)}
                                                " — " <span class="how">{how}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
        </div>
    }
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
