//! The state diagrams draw exactly what the engine does: a breadth-first walk over every
//! action and every due time rule (as in `core_exhaustive.rs`) from fresh jobs of 0 to 3
//! drives, import and export, records each (from, event, to, rule) that `create`, `apply`
//! and `fire` actually produce, and compares it with the diagram's edge table, for the 2018
//! rules and for the 2021 rules under every cancel window.

mod common;
use chrono::TimeDelta;
use common::explore::{key, subsets, t0, Key};
use ie_lifecycle::model::diagram::{Machine, Node};
use ie_lifecycle::model::*;
use std::collections::{BTreeSet, HashSet, VecDeque};

type Seen = BTreeSet<(Machine, Node, String, Node, RuleId)>;

fn actions(job: &Job, candidates: &[DriveId]) -> Vec<Action> {
    let j = || String::from(&*job.name);
    let tracking = |n: &str| (String::from("DHL"), n.to_string());
    let (carrier, number) = tracking("1");
    let (back_carrier, back_number) = tracking("2");
    let mut out = vec![
        Action::UpdateJob {
            job: j(),
            storage_account: None,
        },
        Action::EnterTracking {
            job: j(),
            carrier,
            tracking: number,
        },
        Action::CancelJob { job: j() },
        Action::DeleteJob { job: j() },
        Action::DrivesShippedBack {
            job: j(),
            carrier: back_carrier,
            tracking: back_number,
        },
    ];
    let extra = DriveId::from_number(0xEEEE);
    for present in subsets(candidates) {
        for extras in [vec![], vec![extra.clone()]] {
            out.push(Action::PackageDelivered {
                job: j(),
                present: present.clone(),
                extra: extras,
            });
        }
    }
    for drive in job.drives.iter().map(|d| d.id.clone()) {
        let one = |f: fn(String, DriveId) -> Action| f(j(), drive.clone());
        out.push(one(|job, drive| Action::DriveArrivedLate { job, drive }));
        out.push(one(|job, drive| Action::CopyStarted { job, drive }));
        for outcome in CopyOutcome::ALL {
            out.push(Action::CopyFinished {
                job: j(),
                drive: drive.clone(),
                outcome,
                messages: vec![],
            });
        }
    }
    out
}

fn record(seen: &mut Seen, event: EventLabel, applied: &Applied) {
    for c in &applied.changes {
        let machine = match c.subject {
            Subject::Job => Machine::Job,
            Subject::Drive(_) | Subject::ExtraDrive(_) => Machine::Drive,
        };
        let (from, to) = (Node::of(c.from), Node::of(Some(c.to)));
        seen.insert((machine, from, event.id().to_string(), to, applied.rule));
    }
}

/// Every transition the engine takes from fresh jobs under `rules`.
fn taken(rules: Rules) -> Seen {
    let mut seen = Seen::new();
    for job_type in JobType::ALL {
        let min = if job_type == JobType::Import { 1 } else { 0 };
        for drives in min..=3u32 {
            explore(job_type, drives, rules, &mut seen);
        }
    }
    seen
}

fn explore(job_type: JobType, drives: u32, rules: Rules, seen: &mut Seen) {
    let ids: Vec<DriveId> = (0..drives)
        .map(|n| DriveId::from_number(0xD000 + n))
        .collect();
    let spec = JobSpec {
        name: "x".into(),
        job_type,
        storage_account: "store1".into(),
        drives: ids
            .iter()
            .map(|id| DriveSpec {
                id: id.clone(),
                size_bytes: 1 << 30,
            })
            .collect(),
    };
    let mut candidates = ids.clone();
    if job_type == JobType::Export {
        candidates.push(DriveId::from_number(0xF00D));
    }
    let Ok(first) = create(&spec, t0()) else {
        panic!("cannot create {spec:?}")
    };
    record(seen, EventLabel::Action(ActionKind::CreateJob), &first);
    let mut visited: HashSet<Key> = HashSet::new();
    let mut queue = VecDeque::from([first.job]);
    while let Some(job) = queue.pop_front() {
        if !visited.insert(key(&job)) {
            continue;
        }
        let now = job.updated_at + TimeDelta::hours(1);
        for action in actions(&job, &candidates) {
            if let Ok(a) = apply(&job, &action, now, &rules) {
                record(seen, EventLabel::Action(action.kind()), &a);
                queue.push_back(a.job);
            }
        }
        if let Some((rule, due)) = job.next_time_rule(&rules) {
            let Some(auto) = AutoEvent::for_rule(rule) else {
                panic!("{rule} is not a time rule")
            };
            let Some(a) = fire(&job, auto, due, &rules) else {
                panic!("{rule} due at {due} did not fire")
            };
            record(seen, EventLabel::Auto(auto), &a);
            queue.push_back(a.job);
        }
    }
}

/// What the diagrams draw under `rules`, in the same shape.
fn drawn(rules: Rules) -> Seen {
    Machine::ALL
        .into_iter()
        .flat_map(|m| {
            m.arrows(&rules).into_iter().flat_map(move |a| {
                a.edges
                    .into_iter()
                    .map(move |e| (m, e.from, e.trigger.id().to_string(), e.to, e.rule))
            })
        })
        .collect()
}

fn all_rules() -> Vec<Rules> {
    let mut out = vec![Rules::default()];
    out.extend(
        CancelWindow::ALL
            .into_iter()
            .map(|w| Rules::new(RuleSet::Y2021, w)),
    );
    out
}

#[test]
fn the_diagrams_draw_every_transition_the_engine_takes_and_nothing_else() {
    for rules in all_rules() {
        let engine = taken(rules);
        let diagram = drawn(rules);
        let missing: Vec<_> = engine.difference(&diagram).collect();
        let extra: Vec<_> = diagram.difference(&engine).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "rules {rules:?}\nthe engine takes, the diagram lacks: {missing:#?}\nthe diagram draws, the engine never takes: {extra:#?}"
        );
    }
}

#[test]
fn time_rule_arrows_carry_the_durations_the_engine_waits() {
    use ie_lifecycle::model::durations::{
        ABANDON_AFTER_OVERDUE, CREATING_EXPIRY, RETENTION, SHIPPING_OVERDUE,
    };
    let rules = Rules::new(RuleSet::Y2021, CancelWindow::CreatingOnly);
    let mut timed = BTreeSet::new();
    for m in Machine::ALL {
        for a in m.arrows(&rules).into_iter().filter(|a| a.timed) {
            for e in &a.edges {
                let expected = match e.rule {
                    RuleId::CreatingExpiry => CREATING_EXPIRY,
                    RuleId::ShippingOverdue => SHIPPING_OVERDUE,
                    RuleId::ShippingAbandoned => ABANDON_AFTER_OVERDUE,
                    RuleId::RetentionExpiry => RETENTION,
                    other => panic!("{other} drawn as a time rule"),
                };
                assert_eq!(e.after, Some(expected), "{e:?}");
                assert_eq!(a.after, e.after);
                timed.insert(e.rule);
            }
        }
    }
    assert_eq!(timed.len(), 4, "every time rule is drawn: {timed:?}");
}

#[test]
fn canceled_and_cancel_arrows_appear_only_under_2021() {
    let cancels = |rules: Rules| {
        drawn(rules)
            .into_iter()
            .filter(|(_, from, _, to, _)| {
                *to == Node::Job(JobState::Canceled) || *from == Node::Job(JobState::Canceled)
            })
            .count()
    };
    assert_eq!(cancels(Rules::default()), 0);
    assert!(cancels(Rules::new(RuleSet::Y2021, CancelWindow::CreatingOnly)) >= 2);
}
