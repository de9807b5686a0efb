//! Model-based exhaustive test: a breadth-first search over every action (and every due
//! timeout) from a fresh job of 1 to 3 drives, import and export, under both rule sets.
//! Every state of both machines must be reached, and every reached job must be consistent.

mod common;
use chrono::TimeDelta;
use common::explore::{key, subsets, t0, Key};
use ie_lifecycle::model::invariants::violations;
use ie_lifecycle::model::*;
use std::collections::{BTreeSet, HashSet, VecDeque};

fn actions(job: &Job, candidates: &[DriveId]) -> Vec<Action> {
    let j = || String::from(&*job.name);
    let mut out = vec![
        Action::UpdateJob {
            job: j(),
            storage_account: None,
        },
        Action::EnterTracking {
            job: j(),
            carrier: "DHL".into(),
            tracking: "1".into(),
        },
        Action::CancelJob { job: j() },
        Action::DeleteJob { job: j() },
        Action::DrivesShippedBack {
            job: j(),
            carrier: "DHL".into(),
            tracking: "2".into(),
        },
    ];
    let extra = DriveId::from_number(0xEEEE);
    for present in subsets(candidates) {
        out.push(Action::PackageDelivered {
            job: j(),
            present: present.clone(),
            extra: vec![],
        });
        out.push(Action::PackageDelivered {
            job: j(),
            present,
            extra: vec![extra.clone()],
        });
    }
    for d in &job.drives {
        let drive = || d.id.clone();
        out.push(Action::DriveArrivedLate {
            job: j(),
            drive: drive(),
        });
        out.push(Action::CopyStarted {
            job: j(),
            drive: drive(),
        });
        out.push(Action::CopyProgress {
            job: j(),
            drive: drive(),
            bytes: d.size_bytes / 2,
        });
        for outcome in CopyOutcome::ALL {
            out.push(Action::CopyFinished {
                job: j(),
                drive: drive(),
                outcome,
                messages: vec![],
            });
        }
    }
    out
}

struct Reached {
    job_states: BTreeSet<JobState>,
    drive_states: BTreeSet<DriveState>,
    combos: BTreeSet<(JobState, bool, Vec<DriveState>)>,
    nodes: usize,
}

fn explore(job_type: JobType, drives: usize, rules: Rules, reached: &mut Reached) {
    let ids: Vec<DriveId> = (0..drives as u32)
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
    // Export packages may also bring a drive the customer did not list.
    let mut candidates = ids.clone();
    if job_type == JobType::Export {
        candidates.push(DriveId::from_number(0xF00D));
    }
    let Ok(first) = create(&spec, t0()) else {
        panic!("cannot create {spec:?}")
    };
    let mut seen: HashSet<Key> = HashSet::new();
    let mut queue = VecDeque::from([first.job]);
    while let Some(job) = queue.pop_front() {
        if !seen.insert(key(&job)) {
            continue;
        }
        let v = violations(&job);
        assert!(v.is_empty(), "{v:?}");
        reached.nodes += 1;
        reached.job_states.insert(job.state);
        reached
            .drive_states
            .extend(job.drives.iter().map(|d| d.state));
        let mut states: Vec<DriveState> = job.drives.iter().map(|d| d.state).collect();
        states.sort();
        reached.combos.insert((job.state, job.is_deleted(), states));

        let now = job.updated_at + TimeDelta::hours(1);
        for action in actions(&job, &candidates) {
            if let Ok(a) = apply(&job, &action, now, &rules) {
                queue.push_back(a.job);
            }
        }
        if let Some((rule, due)) = job.next_time_rule(&rules) {
            let auto =
                AutoEvent::for_rule(rule).unwrap_or_else(|| panic!("{rule} is not a time rule"));
            match fire(&job, auto, due, &rules) {
                Some(a) => queue.push_back(a.job),
                None => panic!("{rule} due at {due} did not fire"),
            }
        }
    }
}

#[test]
fn every_state_of_both_machines_is_reachable() {
    let mut reached = Reached {
        job_states: BTreeSet::new(),
        drive_states: BTreeSet::new(),
        combos: BTreeSet::new(),
        nodes: 0,
    };
    let rule_sets = [
        Rules::default(),
        Rules::new(RuleSet::Y2021, CancelWindow::BeforePackaging),
    ];
    for rules in rule_sets {
        for job_type in JobType::ALL {
            for drives in 1..=3 {
                explore(job_type, drives, rules, &mut reached);
            }
        }
    }
    let all_jobs: BTreeSet<_> = JobState::ALL.into_iter().collect();
    let all_drives: BTreeSet<_> = DriveState::ALL.into_iter().collect();
    assert_eq!(reached.job_states, all_jobs);
    assert_eq!(reached.drive_states, all_drives);
    println!(
        "visited {} distinct job configurations; {} reachable (job state, deleted, sorted drive states) combinations",
        reached.nodes,
        reached.combos.len()
    );
    // Spot-check combinations that the rules must allow and forbid.
    use DriveState as D;
    assert!(reached.combos.contains(&(
        JobState::Closed,
        false,
        vec![D::NeverReceived, D::ShippedBack]
    )));
    assert!(reached.combos.contains(&(
        JobState::Packaging,
        false,
        vec![D::NeverReceived, D::CompletedMoreInfo]
    )));
    assert!(!reached
        .combos
        .iter()
        .any(|(s, _, d)| *s == JobState::Completed && d.contains(&D::NeverReceived)));
    assert!(!reached
        .combos
        .iter()
        .any(|(s, _, d)| *s == JobState::Creating && d.iter().any(|x| *x != D::Specified)));
}

#[test]
fn cancel_never_reaches_canceled_under_2018() {
    let mut reached = Reached {
        job_states: BTreeSet::new(),
        drive_states: BTreeSet::new(),
        combos: BTreeSet::new(),
        nodes: 0,
    };
    explore(JobType::Import, 2, Rules::default(), &mut reached);
    assert!(!reached.job_states.contains(&JobState::Canceled));
}
