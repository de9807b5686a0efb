//! "Why is it like this?" as data, read from the log: the rule and the event that put a job
//! or a drive in its state (or started its countdown), and what can happen next. Pure, and
//! tested natively; `why.rs` only shows it.

use crate::model::diagram::{Edge, Machine, Node};
use crate::model::{
    ActionKind, AutoEvent, Change, DriveId, EventLabel, Job, RuleId, StateLabel, Subject, Time,
};
use crate::sim::{LogEntry, Simulation};

/// What a "Why?" is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhySubject {
    /// The job's Status (Deleted included).
    Status,
    Drive(DriveId),
    /// The countdown to the job's next time rule.
    Countdown,
}

/// The answer, borrowing its cause from the world's log (no entry cloned and dropped per
/// frame of an open card).
#[derive(Clone, Debug, PartialEq)]
pub struct Why<'a> {
    /// The state shown (an identifier), or for a countdown the rule counted down to.
    pub shown: &'static str,
    /// The rule that put it there (for a countdown: the rule that will fire).
    pub rule: Option<RuleId>,
    /// The log entry that set it (for a countdown: that started the clock), with its place
    /// in the whole log, so the log can highlight it.
    pub cause: Option<&'a LogEntry>,
    /// The next time rule that would change it, and when.
    pub due: Option<(RuleId, Time)>,
    /// The actions that can move it on, from the diagram's table.
    pub then: Vec<Edge>,
    /// A countdown's answer: `cause` started the clock rather than set a state.
    pub countdown: bool,
    /// The job is deleted: nothing comes next.
    pub deleted: bool,
}

/// The last accepted entry of `log` up to `now` with a change that `hit` accepts (`&dyn`:
/// one search for the "Why?" card and the diagrams' flashes).
pub fn last_change<'a>(
    log: &'a [LogEntry],
    now: Time,
    hit: &dyn Fn(&Change) -> bool,
) -> Option<(&'a LogEntry, &'a Change)> {
    let upto = &log[..log.partition_point(|e| e.at <= now)];
    // Plain loops: the nested searches compiled their adapters' code of their own.
    for e in upto.iter().rev() {
        if let Ok(changes) = &e.outcome {
            for c in changes.iter().rev() {
                if hit(c) {
                    return Some((e, c));
                }
            }
        }
    }
    None
}

/// The actions that leave `node` under the world's rules. A plain loop: the iterator chain
/// compiled its adapters' code of its own.
fn next_steps(machine: Machine, node: Node, sim: &Simulation) -> Vec<Edge> {
    let rules = sim.rules();
    let mut out = Vec::new();
    for e in machine.edges() {
        if e.from == node && !e.is_time_rule() && e.applies(&rules) {
            out.push(*e);
        }
    }
    out
}

/// The same entry as it stands in the whole log (a job's own log numbers its entries apart).
fn in_full_log<'a>(sim: &'a Simulation, e: &'a LogEntry) -> &'a LogEntry {
    for g in sim.log_until(e.at).iter().rev() {
        if g.at != e.at {
            break;
        }
        if g.job == e.job && g.event == e.event && g.drive == e.drive && g.outcome == e.outcome {
            return g;
        }
    }
    e
}

fn job_node(job: &Job) -> Node {
    if job.is_deleted() {
        Node::Deleted
    } else {
        Node::Job(job.state)
    }
}

/// Why `subject` of job `name` is as it is at `now`; `None` if the job or drive does not
/// exist then (or, for a countdown, no time rule is ahead).
pub fn explain<'a>(
    sim: &'a Simulation,
    name: &str,
    subject: &WhySubject,
    now: Time,
) -> Option<Why<'a>> {
    let job = sim.job_at(name, now)?;
    let log = sim.job_log(name);
    let rules = sim.rules();
    let found = |hit: &dyn Fn(&Change) -> bool| {
        last_change(log, now, hit).map(|(e, _)| in_full_log(sim, e))
    };
    match subject {
        WhySubject::Status => {
            let node = job_node(job);
            let cause =
                found(&|c: &Change| c.subject == Subject::Job && Node::of(Some(c.to)) == node);
            let rule = job
                .deleted
                .map(|d| d.reason.rule())
                .or(cause.as_ref().map(|e| e.rule));
            Some(Why {
                shown: node.id(),
                rule,
                cause,
                due: job.next_time_rule(&rules),
                then: next_steps(Machine::Job, node, sim),
                countdown: false,
                deleted: job.is_deleted(),
            })
        }
        WhySubject::Drive(id) => {
            let drive = job.drive(id)?;
            let node = Node::Drive(drive.state);
            let cause = found(&|c: &Change| {
                c.subject == Subject::Drive(id.clone()) && c.to == StateLabel::Drive(drive.state)
            });
            let due = job.next_time_rule(&rules).filter(|(r, _)| {
                *r == RuleId::ShippingOverdue
                    && node == Node::Drive(crate::model::DriveState::Specified)
            });
            Some(Why {
                shown: node.id(),
                rule: cause.as_ref().map(|e| e.rule),
                cause,
                due,
                then: if job.is_deleted() {
                    Vec::new()
                } else {
                    next_steps(Machine::Drive, node, sim)
                },
                countdown: false,
                deleted: job.is_deleted(),
            })
        }
        WhySubject::Countdown => {
            let (rule, at) = job.next_time_rule(&rules)?;
            let started = match rule {
                RuleId::CreatingExpiry => Some(job.creating_clock_from),
                RuleId::ShippingOverdue => job.tracking_entered_at,
                RuleId::ShippingAbandoned => job.overdue_at,
                _ => Some(job.state_entered_at),
            };
            let starts: &[EventLabel] = match rule {
                RuleId::CreatingExpiry => &[
                    EventLabel::Action(ActionKind::CreateJob),
                    EventLabel::Action(ActionKind::UpdateJob),
                ],
                RuleId::ShippingOverdue => &[EventLabel::Action(ActionKind::EnterTracking)],
                RuleId::ShippingAbandoned => &[EventLabel::Auto(AutoEvent::ShippingOverdue)],
                _ => &[],
            };
            let cause = if starts.is_empty() {
                let node = job_node(job);
                found(&|c: &Change| c.subject == Subject::Job && Node::of(Some(c.to)) == node)
            } else {
                let upto = &log[..log.partition_point(|e| Some(e.at) <= started)];
                let mut first = None;
                for e in upto.iter().rev() {
                    if !e.is_refused() && Some(e.at) == started && starts.contains(&e.event) {
                        first = Some(in_full_log(sim, e));
                        break;
                    }
                }
                first
            };
            Some(Why {
                shown: rule.id(),
                rule: Some(rule),
                cause,
                due: Some((rule, at)),
                then: next_steps(Machine::Job, job_node(job), sim),
                countdown: true,
                deleted: job.is_deleted(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::preset;
    use chrono::TimeDelta;

    fn sim(name: &str) -> Simulation {
        let Some(scenario) = preset(name) else {
            panic!("preset {name}")
        };
        match Simulation::new(scenario) {
            Ok(s) => s,
            Err(e) => panic!("{name} loads: {e:?}"),
        }
    }

    #[test]
    fn a_job_deleted_in_creating_names_r2_and_the_expiry_event() {
        let s = sim("abandoned");
        let t = s.start() + TimeDelta::days(20);
        let Some(why) = explain(&s, "forgotten", &WhySubject::Status, t) else {
            panic!("the job exists")
        };
        assert_eq!(why.shown, "Deleted");
        assert_eq!(why.rule, Some(RuleId::CreatingExpiry));
        let Some(cause) = why.cause else {
            panic!("a cause")
        };
        assert_eq!(cause.event, EventLabel::Auto(AutoEvent::CreatingExpired));
        assert_eq!(
            s.full_log().get(cause.seq as usize),
            Some(cause),
            "global seq"
        );
        assert_eq!(why.due, None);
        assert!(why.then.is_empty());
    }

    #[test]
    fn the_happy_import_explains_status_drives_and_countdown() {
        let s = sim("happy-import");
        let t = s.start() + TimeDelta::days(1) + TimeDelta::hours(1);
        let Some(job) = s.job_at("lab-a", t) else {
            panic!("lab-a")
        };
        assert_eq!(job.state.id(), "Shipping");
        let Some(why) = explain(&s, "lab-a", &WhySubject::Status, t) else {
            panic!("status")
        };
        assert_eq!(why.rule, Some(RuleId::TrackingEntered));
        assert_eq!(
            why.cause.map(|e| e.event),
            Some(EventLabel::Action(ActionKind::EnterTracking))
        );
        assert!(why.then.iter().any(|e| e.rule == RuleId::PackageDelivered));

        let Some(countdown) = explain(&s, "lab-a", &WhySubject::Countdown, t) else {
            panic!("countdown")
        };
        assert_eq!(countdown.rule, Some(RuleId::ShippingOverdue));
        assert_eq!(
            countdown.cause.map(|e| e.event),
            Some(EventLabel::Action(ActionKind::EnterTracking))
        );

        let Some(drive) = job.drives.first().map(|d| d.id.clone()) else {
            panic!("a drive")
        };
        let Some(d) = explain(&s, "lab-a", &WhySubject::Drive(drive), t) else {
            panic!("drive")
        };
        assert_eq!(d.shown, "Specified");
        assert_eq!(d.rule, Some(RuleId::JobCreated));
        assert_eq!(d.due.map(|(r, _)| r), Some(RuleId::ShippingOverdue));
    }
}
