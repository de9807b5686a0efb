//! The two state machines as data, for drawing: every transition the engine can take (from,
//! trigger, rule, to; time rules with their duration) and a hand-placed layout.
//!
//! `transition.rs` decides; this table only describes. `tests/diagram_edges.rs` walks every
//! action and due time rule through `apply` and `fire` and fails when the two disagree, for
//! both rule sets and every cancel window, so the picture can never drift from the engine.

use super::durations::{ABANDON_AFTER_OVERDUE, CREATING_EXPIRY, RETENTION, SHIPPING_OVERDUE};
use super::event::{ActionKind, AutoEvent, EventLabel};
use super::rules::{RuleId, Rules};
use super::states::{DriveState, JobState};
use super::transition::StateLabel;
use chrono::TimeDelta;

/// Which machine a diagram shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Machine {
    Job,
    Drive,
}

/// A node of a diagram: a state, the deletion pseudo-state, the extra-drive pseudo-state (a
/// drive that came in a job's package but belongs to no job: kept, never copied, sent back
/// with the job's drives), or the start (where a job or a drive comes into being).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    Start,
    Job(JobState),
    Drive(DriveState),
    Deleted,
    Extra,
}

impl Node {
    /// The identifier the page shows and `data-state` carries (never translated).
    pub fn id(self) -> &'static str {
        match self {
            Self::Start => "Start",
            Self::Job(s) => s.id(),
            Self::Drive(s) => s.id(),
            Self::Deleted => "Deleted",
            Self::Extra => "Extra",
        }
    }

    /// Where a job's extra drives are in the drive machine: kept as they came (Extra) until
    /// they go back with the job's drives.
    pub fn of_extra_drives(job: &super::Job) -> Self {
        if job.extras_returned {
            Self::Drive(DriveState::ShippedBack)
        } else {
            Self::Extra
        }
    }

    /// The node a change starts or ends in (`None` is where it begins: the start).
    pub fn of(label: Option<StateLabel>) -> Self {
        match label {
            None => Self::Start,
            Some(StateLabel::Job(s)) => Self::Job(s),
            Some(StateLabel::Drive(s)) => Self::Drive(s),
            Some(StateLabel::Deleted) => Self::Deleted,
            Some(StateLabel::Extra) => Self::Extra,
        }
    }
}

/// When an edge exists besides its own rule: cancel edges need the 2021 rules and a cancel
/// window that allows canceling the job in the given state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Always,
    CancelIn(JobState),
}

/// One transition: `trigger` under `rule` moves a job or drive from `from` to `to`. A time
/// rule has `after`: how long its clock runs (from `durations.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: Node,
    pub to: Node,
    pub trigger: EventLabel,
    pub rule: RuleId,
    pub after: Option<TimeDelta>,
    pub needs: Needs,
}

impl Edge {
    pub fn applies(&self, rules: &Rules) -> bool {
        match self.needs {
            Needs::Always => true,
            Needs::CancelIn(state) => rules.can_cancel() && rules.cancel_window.allows(state),
        }
    }

    pub fn is_time_rule(&self) -> bool {
        self.after.is_some()
    }
}

const fn act(from: Node, kind: ActionKind, rule: RuleId, to: Node) -> Edge {
    Edge {
        from,
        to,
        trigger: EventLabel::Action(kind),
        rule,
        after: None,
        needs: Needs::Always,
    }
}

const fn timed(from: Node, auto: AutoEvent, rule: RuleId, after: TimeDelta, to: Node) -> Edge {
    Edge {
        from,
        to,
        trigger: EventLabel::Auto(auto),
        rule,
        after: Some(after),
        needs: Needs::Always,
    }
}

const fn cancel(from: Node, window_state: JobState, to: Node) -> Edge {
    Edge {
        from,
        to,
        trigger: EventLabel::Action(ActionKind::CancelJob),
        rule: RuleId::Cancel,
        after: None,
        needs: Needs::CancelIn(window_state),
    }
}

const fn with_needs(edge: Edge, needs: Needs) -> Edge {
    Edge { needs, ..edge }
}

use ActionKind as A;
use AutoEvent as T;
use DriveState as D;
use JobState as J;
use RuleId as R;

const fn j(s: JobState) -> Node {
    Node::Job(s)
}
const fn d(s: DriveState) -> Node {
    Node::Drive(s)
}
const START: Node = Node::Start;
const DELETED: Node = Node::Deleted;
const EXTRA: Node = Node::Extra;

/// Every job transition.
#[rustfmt::skip]
pub const JOB_EDGES: &[Edge] = &[
    act(START, A::CreateJob, R::JobCreated, j(J::Creating)),
    act(j(J::Creating), A::EnterTracking, R::TrackingEntered, j(J::Shipping)),
    timed(j(J::Creating), T::CreatingExpired, R::CreatingExpiry, CREATING_EXPIRY, DELETED),
    act(j(J::Creating), A::DeleteJob, R::CustomerDelete, DELETED),
    act(j(J::Shipping), A::PackageDelivered, R::PackageDelivered, j(J::Received)),
    act(j(J::Shipping), A::DriveArrivedLate, R::LateDrive, j(J::Received)),
    timed(j(J::Shipping), T::ShippingAbandoned, R::ShippingAbandoned, ABANDON_AFTER_OVERDUE, j(J::Closed)),
    act(j(J::Received), A::CopyStarted, R::CopyStarted, j(J::Transferring)),
    act(j(J::Received), A::DrivesShippedBack, R::ShippedBack, j(J::Completed)),
    act(j(J::Received), A::DrivesShippedBack, R::ShippedBack, j(J::Closed)),
    act(j(J::Transferring), A::CopyFinished, R::CopyFinished, j(J::Packaging)),
    act(j(J::Packaging), A::DrivesShippedBack, R::ShippedBack, j(J::Completed)),
    act(j(J::Packaging), A::DrivesShippedBack, R::ShippedBack, j(J::Closed)),
    timed(j(J::Completed), T::RetentionExpired, R::RetentionExpiry, RETENTION, DELETED),
    act(j(J::Completed), A::DeleteJob, R::CustomerDelete, DELETED),
    timed(j(J::Closed), T::RetentionExpired, R::RetentionExpiry, RETENTION, DELETED),
    cancel(j(J::Creating), J::Creating, j(J::Canceled)),
    cancel(j(J::Shipping), J::Shipping, j(J::Canceled)),
    cancel(j(J::Received), J::Received, j(J::Canceled)),
    cancel(j(J::Transferring), J::Transferring, j(J::Canceled)),
    with_needs(timed(j(J::Canceled), T::RetentionExpired, R::RetentionExpiry, RETENTION, DELETED), Needs::CancelIn(J::Creating)),
];

/// Every drive transition, the job's own drives' and extra drives'.
#[rustfmt::skip]
pub const DRIVE_EDGES: &[Edge] = &[
    act(START, A::CreateJob, R::JobCreated, d(D::Specified)),
    act(START, A::PackageDelivered, R::PackageDelivered, d(D::Received)),
    act(START, A::PackageDelivered, R::PackageDelivered, d(D::NeverReceived)),
    act(d(D::Specified), A::PackageDelivered, R::PackageDelivered, d(D::Received)),
    act(d(D::Specified), A::PackageDelivered, R::PackageDelivered, d(D::NeverReceived)),
    timed(d(D::Specified), T::ShippingOverdue, R::ShippingOverdue, SHIPPING_OVERDUE, d(D::NeverReceived)),
    act(d(D::NeverReceived), A::PackageDelivered, R::PackageDelivered, d(D::Received)),
    act(d(D::NeverReceived), A::DriveArrivedLate, R::LateDrive, d(D::Received)),
    act(d(D::Received), A::CopyStarted, R::CopyStarted, d(D::Transferring)),
    act(d(D::Transferring), A::CopyFinished, R::CopyFinished, d(D::Completed)),
    act(d(D::Transferring), A::CopyFinished, R::CopyFinished, d(D::CompletedMoreInfo)),
    act(d(D::Completed), A::DrivesShippedBack, R::ShippedBack, d(D::ShippedBack)),
    act(d(D::CompletedMoreInfo), A::DrivesShippedBack, R::ShippedBack, d(D::ShippedBack)),
    // A job canceled after its package arrived sends back every drive that came.
    cancel(d(D::Received), J::Received, d(D::ShippedBack)),
    cancel(d(D::Transferring), J::Received, d(D::ShippedBack)),
    cancel(d(D::Completed), J::Received, d(D::ShippedBack)),
    cancel(d(D::CompletedMoreInfo), J::Received, d(D::ShippedBack)),
    // A drive that belongs to no job, found in the package: kept as it came, returned with the
    // job's drives.
    act(START, A::PackageDelivered, R::PackageDelivered, EXTRA),
    act(EXTRA, A::DrivesShippedBack, R::ShippedBack, d(D::ShippedBack)),
    cancel(EXTRA, J::Received, d(D::ShippedBack)),
];

/// Where a node sits: its centre and its box width, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub node: Node,
    pub x: i32,
    pub y: i32,
    pub w: i32,
}

const fn at(node: Node, x: i32, y: i32, w: i32) -> Place {
    Place { node, x, y, w }
}

/// Height of every state box.
pub const NODE_HEIGHT: i32 = 44;

/// The hand-placed layout: nodes, and the arrows that curve (positive bends to the left of
/// the arrow's direction); every other arrow is straight.
const JOB_LAYOUT: &[Place] = &[
    at(START, 20, 45, 0),
    at(j(J::Creating), 190, 45, 96),
    at(j(J::Shipping), 340, 45, 96),
    at(j(J::Received), 490, 45, 96),
    at(j(J::Transferring), 490, 160, 112),
    at(j(J::Packaging), 490, 275, 104),
    at(j(J::Canceled), 190, 160, 100),
    at(j(J::Closed), 190, 275, 84),
    at(j(J::Completed), 190, 390, 104),
    at(DELETED, 55, 160, 90),
];
const JOB_BENDS: &[(Node, Node, bool, i32)] = &[
    (j(J::Creating), DELETED, true, -30),
    (j(J::Creating), DELETED, false, 20),
    (j(J::Completed), DELETED, true, 30),
    (j(J::Completed), DELETED, false, -20),
];

const DRIVE_LAYOUT: &[Place] = &[
    at(START, 190, 150, 0),
    at(d(D::Specified), 75, 45, 100),
    at(d(D::NeverReceived), 75, 255, 130),
    at(d(D::Received), 300, 150, 96),
    at(d(D::Transferring), 465, 150, 112),
    at(d(D::Completed), 390, 265, 104),
    at(d(D::CompletedMoreInfo), 465, 370, 164),
    at(d(D::ShippedBack), 190, 370, 116),
    at(EXTRA, 300, 470, 80),
];
const DRIVE_BENDS: &[(Node, Node, bool, i32)] = &[
    (d(D::Specified), d(D::NeverReceived), true, 40),
    (d(D::Specified), d(D::NeverReceived), false, -40),
    // The cancel arrow would clip Completed's corner.
    (d(D::Transferring), d(D::ShippedBack), false, -40),
    // Away from ShippedBack, which the straight line would graze.
    (START, EXTRA, false, 100),
];

impl Machine {
    pub const ALL: [Self; 2] = [Self::Job, Self::Drive];

    /// Every transition of this machine, under any rules.
    pub fn edges(self) -> &'static [Edge] {
        match self {
            Self::Job => JOB_EDGES,
            Self::Drive => DRIVE_EDGES,
        }
    }

    pub fn layout(self) -> &'static [Place] {
        match self {
            Self::Job => JOB_LAYOUT,
            Self::Drive => DRIVE_LAYOUT,
        }
    }

    /// Width and height of the drawing, in SVG user units.
    pub fn size(self) -> (i32, i32) {
        match self {
            Self::Job => (556, 420),
            Self::Drive => (550, 500),
        }
    }

    fn bends(self) -> &'static [(Node, Node, bool, i32)] {
        match self {
            Self::Job => JOB_BENDS,
            Self::Drive => DRIVE_BENDS,
        }
    }

    pub fn place(self, node: Node) -> Option<Place> {
        self.layout().iter().copied().find(|p| p.node == node)
    }

    /// The nodes drawn under `rules`: those some applying edge touches (so Canceled only
    /// under 2021), in layout order.
    pub fn nodes(self, rules: &Rules) -> Vec<Place> {
        let used = |n: Node| {
            self.edges()
                .iter()
                .any(|e| e.applies(rules) && (e.from == n || e.to == n))
        };
        // A plain loop: the copied-filter pipeline compiled its own `next`.
        let mut out = Vec::new();
        for p in self.layout() {
            if used(p.node) {
                out.push(*p);
            }
        }
        out
    }

    /// The arrows drawn under `rules`: applying edges grouped by (from, to, time rule or
    /// not), in table order, each with its bend.
    pub fn arrows(self, rules: &Rules) -> Vec<Arrow> {
        let mut out: Vec<Arrow> = Vec::new();
        for e in self.edges().iter().filter(|e| e.applies(rules)) {
            let timed = e.is_time_rule();
            match out
                .iter_mut()
                .find(|a| a.from == e.from && a.to == e.to && a.timed == timed)
            {
                Some(a) => a.edges.push(*e),
                None => out.push(Arrow {
                    from: e.from,
                    to: e.to,
                    timed,
                    after: e.after,
                    bend: self
                        .bends()
                        .iter()
                        .find(|b| b.0 == e.from && b.1 == e.to && b.2 == timed)
                        .map_or(0, |b| b.3),
                    edges: vec![*e],
                }),
            }
        }
        out
    }
}

/// One drawn arrow: every edge between two nodes of the same kind (action or time rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    pub from: Node,
    pub to: Node,
    pub timed: bool,
    pub after: Option<TimeDelta>,
    pub bend: i32,
    pub edges: Vec<Edge>,
}

impl Arrow {
    /// The rule ids on the arrow, each once, in table order ("R4 R6").
    pub fn rule_ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        for e in &self.edges {
            if !ids.contains(&e.rule.id()) {
                ids.push(e.rule.id());
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CancelWindow, RuleSet};

    #[test]
    fn every_edge_end_has_a_place_and_time_rules_are_auto_events() {
        for m in Machine::ALL {
            for e in m.edges() {
                assert!(
                    m.place(e.from).is_some() && m.place(e.to).is_some(),
                    "{e:?}"
                );
                assert_eq!(e.is_time_rule(), matches!(e.trigger, EventLabel::Auto(_)));
                if let EventLabel::Auto(auto) = e.trigger {
                    assert_eq!(auto.rule(), e.rule);
                }
            }
        }
    }

    #[test]
    fn canceled_is_drawn_only_under_2021() {
        let has_canceled = |rules: Rules| {
            Machine::Job
                .nodes(&rules)
                .iter()
                .any(|p| p.node == Node::Job(JobState::Canceled))
        };
        assert!(!has_canceled(Rules::default()));
        for w in CancelWindow::ALL {
            assert!(has_canceled(Rules::new(RuleSet::Y2021, w)));
        }
    }

    #[test]
    fn boxes_stay_inside_the_drawing_and_do_not_overlap() {
        for m in Machine::ALL {
            let (w, h) = m.size();
            let places = m.layout();
            for p in places {
                assert!(p.x - p.w / 2 >= 0 && p.x + p.w / 2 <= w, "{p:?}");
                assert!(
                    p.y - NODE_HEIGHT / 2 >= 0 && p.y + NODE_HEIGHT / 2 <= h,
                    "{p:?}"
                );
                for q in places.iter().filter(|q| q.node != p.node) {
                    let apart_x = (p.x - q.x).abs() * 2 >= p.w + q.w + 20;
                    let apart_y = (p.y - q.y).abs() >= NODE_HEIGHT + 20;
                    assert!(apart_x || apart_y, "{p:?} overlaps {q:?}");
                }
            }
        }
    }

    /// Whether the segment a→b passes through the box `p` (sampled every 2 units: the
    /// drawings are a few hundred units wide).
    fn crosses(a: (i32, i32), b: (i32, i32), p: &Place) -> bool {
        let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / 2).max(1);
        (0..=steps).any(|i| {
            let x = a.0 + (b.0 - a.0) * i / steps;
            let y = a.1 + (b.1 - a.1) * i / steps;
            (x - p.x).abs() * 2 < p.w && (y - p.y).abs() * 2 < NODE_HEIGHT
        })
    }

    #[test]
    fn straight_arrows_pass_through_no_other_box() {
        let all = [
            Rules::default(),
            Rules::new(RuleSet::Y2021, CancelWindow::BeforePackaging),
        ];
        for m in Machine::ALL {
            for rules in &all {
                for a in m.arrows(rules).iter().filter(|a| a.bend == 0) {
                    let (Some(f), Some(t)) = (m.place(a.from), m.place(a.to)) else {
                        panic!("{a:?} has no place")
                    };
                    for p in m.nodes(rules) {
                        if p.node == a.from || p.node == a.to {
                            continue;
                        }
                        assert!(
                            !crosses((f.x, f.y), (t.x, t.y), &p),
                            "{:?} → {:?} crosses {:?}",
                            a.from,
                            a.to,
                            p.node
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn extra_drives_are_extra_until_they_go_back_with_the_jobs_drives() {
        let sim = crate::sim::presets::loaded("late-and-extra-drive");
        let at = |text: &str| {
            let Some(t) = crate::model::rfc3339::parse_rfc3339(text) else {
                panic!("{text}")
            };
            let Some(job) = sim.job_at("three-drives", t) else {
                panic!("the job at {text}")
            };
            assert_eq!(job.extra_drives.len(), 1);
            Node::of_extra_drives(job)
        };
        assert_eq!(at("2026-01-10T09:00:00Z"), Node::Extra);
        assert_eq!(
            at("2026-01-20T09:00:00Z"),
            Node::Drive(DriveState::ShippedBack)
        );
    }
}
