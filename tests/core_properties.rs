//! Property tests with random event sequences on the model and on whole simulations. The
//! choices come from a tape that proptest generates, so a failure shrinks to a minimal
//! sequence, and the printed tape replays it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, TimeDelta};
use common::tape::Tape;
use ie_lifecycle::model::invariants::violations;
use ie_lifecycle::model::*;
use ie_lifecycle::sim::presets::busy_datacenter;
use ie_lifecycle::sim::{Autopilot, Simulation};
use proptest::prelude::*;

const STEPS: usize = 60;

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn ids() -> Vec<DriveId> {
    (0..5u32)
        .map(|n| DriveId::from_number(0xA000_0000 + n))
        .collect()
}

fn random_spec(rng: &mut Tape) -> JobSpec {
    let n = rng.range(0, 4) as usize;
    JobSpec {
        name: "p".into(),
        job_type: if rng.chance(30) {
            JobType::Export
        } else {
            JobType::Import
        },
        storage_account: "store1".into(),
        drives: ids()[..n]
            .iter()
            .map(|id| DriveSpec {
                id: id.clone(),
                size_bytes: rng.range(1, 5000),
            })
            .collect(),
    }
}

fn some_drives(rng: &mut Tape) -> Vec<DriveId> {
    ids().into_iter().filter(|_| rng.chance(50)).collect()
}

fn random_action(rng: &mut Tape, job: &Job) -> Action {
    let j = String::from(&*job.name);
    let own: Vec<DriveId> = job.drives.iter().map(|d| d.id.clone()).collect();
    let pool = if own.is_empty() || rng.chance(15) {
        ids()
    } else {
        own
    };
    let drive = rng
        .pick(&pool)
        .cloned()
        .unwrap_or_else(|| DriveId::from_number(0));
    let size = job.drive(&drive).map_or(100, |d| d.size_bytes);
    let outcome = CopyOutcome::ALL[rng.range(0, 2) as usize];
    match rng.range(0, 12) {
        0 => Action::UpdateJob {
            job: j,
            storage_account: Some("store2".into()),
        },
        1 | 2 => Action::EnterTracking {
            job: j,
            carrier: "DHL".into(),
            tracking: if rng.chance(10) {
                String::new()
            } else {
                "1".into()
            },
        },
        3 => Action::CancelJob { job: j },
        4 if rng.chance(30) => Action::DeleteJob { job: j },
        4 => Action::CopyStarted { job: j, drive },
        5 => Action::PackageDelivered {
            job: j,
            present: some_drives(rng),
            extra: if rng.chance(30) {
                vec![DriveId::from_number(7)]
            } else {
                vec![]
            },
        },
        6 => Action::DriveArrivedLate { job: j, drive },
        7 | 8 => Action::CopyStarted { job: j, drive },
        9 => Action::CopyProgress {
            job: j,
            drive,
            bytes: rng.range(0, size + 10),
        },
        10 => Action::CopyFinished {
            job: j,
            drive,
            outcome,
            messages: vec!["m".into()],
        },
        _ => Action::DrivesShippedBack {
            job: j,
            carrier: "DHL".into(),
            tracking: "2".into(),
        },
    }
}

fn random_rules(rng: &mut Tape) -> Rules {
    let set = if rng.chance(50) {
        RuleSet::Y2018
    } else {
        RuleSet::Y2021
    };
    let window = CancelWindow::ALL[rng.range(0, 2) as usize];
    Rules::new(set, window)
}

/// The drive transitions the documentation allows; anything else is a bug.
fn drive_step_allowed(from: DriveState, to: DriveState, job: JobState) -> bool {
    use DriveState as D;
    // A cancel after arrival sends back whatever had arrived, copied or not.
    let canceled_return = job == JobState::Canceled && from.was_received() && to == D::ShippedBack;
    canceled_return
        || from == to
        || matches!(
            (from, to),
            (D::Specified, D::Received)
                | (D::Specified, D::NeverReceived)
                | (D::NeverReceived, D::Received)
                | (D::Received, D::Transferring)
                | (D::Transferring, D::Completed)
                | (D::Transferring, D::CompletedMoreInfo)
                | (D::Completed, D::ShippedBack)
                | (D::CompletedMoreInfo, D::ShippedBack)
        )
}

fn check_step(seed: u64, before: &Job, after: &Job) {
    let v = violations(after);
    assert!(v.is_empty(), "seed {seed}: {v:?}");
    assert!(
        after.percent() <= 100 && after.drives.iter().all(|d| d.percent() <= 100),
        "seed {seed}"
    );
    assert!(
        !before.is_deleted(),
        "seed {seed}: a deleted job accepted an event"
    );
    for d in &before.drives {
        let now = after.drive(&d.id).map(|x| x.state);
        let Some(now) = now else {
            panic!("seed {seed}: drive {} vanished", d.id)
        };
        assert!(
            drive_step_allowed(d.state, now, after.state),
            "seed {seed}: drive {} went {} -> {}",
            d.id,
            d.state,
            now
        );
    }
}

/// What one random sequence did: how many events were applied and refused, states reached.
#[derive(Default)]
struct Tally {
    applied: usize,
    refused: usize,
    reached: std::collections::BTreeSet<JobState>,
}

/// One random job's life under random rules, checking every step; panics on a broken rule.
fn job_sequence(values: &[u32], tally: &mut Tally) {
    let seed = 0;
    let mut tape = Tape::new(values);
    let rng = &mut tape;
    let rules = random_rules(rng);
    let mut now = t0();
    let Ok(created) = create(&random_spec(rng), now) else {
        return;
    };
    let mut job = created.job;
    assert!(violations(&job).is_empty(), "seed {seed}");
    for _ in 0..STEPS {
        if rng.done() {
            break;
        }
        if job.is_deleted() && rng.chance(50) {
            // Start over with a fresh job so sequences reach the later states.
            if let Ok(a) = create(&random_spec(rng), job.updated_at) {
                job = a.job;
            }
        }
        // Mostly forward, sometimes a big jump past a deadline, rarely backwards.
        let minutes = match rng.range(0, 30) {
            0 => -60,
            1 => 60 * 24 * rng.range(10, 40) as i64,
            _ => rng.range(0, 60 * 24 * 3) as i64,
        };
        now += TimeDelta::minutes(minutes);
        if let Some((rule, due)) = job.next_time_rule(&rules) {
            if due <= now {
                let auto = AutoEvent::for_rule(rule)
                    .unwrap_or_else(|| panic!("seed {seed}: {rule} is not a time rule"));
                let Some(a) = fire(&job, auto, due, &rules) else {
                    panic!("seed {seed}: due {rule} did not fire")
                };
                check_step(seed, &job, &a.job);
                job = a.job;
                continue;
            }
        }
        // Bias towards accepted actions so sequences go deep, but keep many refusals.
        let mut action = random_action(rng, &job);
        if rng.chance(70) {
            for _ in 0..12 {
                if apply(&job, &action, now, &rules).is_ok() {
                    break;
                }
                action = random_action(rng, &job);
            }
        }
        let copy = job.clone();
        match apply(&job, &action, now, &rules) {
            Ok(a) => {
                check_step(seed, &job, &a.job);
                assert_eq!(a.rule, action.kind().rule(), "seed {seed}");
                assert_eq!(
                    check(&job, &action, &rules),
                    Ok(()),
                    "seed {seed}: check disagrees with apply"
                );
                job = a.job;
                tally.reached.insert(job.state);
                tally.applied += 1;
            }
            Err(r) => {
                assert_eq!(job, copy, "seed {seed}: a refusal changed the job");
                assert!(!r.to_string().is_empty());
                tally.refused += 1;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_event_sequences_keep_every_invariant(
        values in proptest::collection::vec(any::<u32>(), 40..1200)
    ) {
        job_sequence(&values, &mut Tally::default());
    }
}

#[test]
fn the_sequences_reach_every_state_and_both_answers() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(any::<u32>(), 40..1200);
    let mut tally = Tally::default();
    for _ in 0..400 {
        if let Ok(tree) = strategy.new_tree(&mut runner) {
            job_sequence(&proptest::strategy::ValueTree::current(&tree), &mut tally);
        }
    }
    assert_eq!(
        tally.reached.len(),
        JobState::ALL.len(),
        "states reached: {:?}",
        tally.reached
    );
    assert!(
        tally.applied > 1_500 && tally.refused > 1_500,
        "weak generator: {} applied, {} refused",
        tally.applied,
        tally.refused
    );
}

#[test]
fn deleted_jobs_refuse_every_action() {
    let values: Vec<u32> = (0..4000u32)
        .map(|i| i.wrapping_mul(2_654_435_761))
        .collect();
    let mut rng = Tape::new(&values);
    let job = create(&random_spec(&mut rng), t0()).map(|a| a.job);
    let Ok(job) = job else { return };
    let deleted = fire(
        &job,
        AutoEvent::CreatingExpired,
        t0() + TimeDelta::days(14),
        &Rules::default(),
    )
    .map(|a| a.job)
    .unwrap_or_else(|| panic!("expiry did not fire"));
    for _ in 0..500 {
        let action = random_action(&mut rng, &deleted);
        let r = apply(
            &deleted,
            &action,
            t0() + TimeDelta::days(20),
            &Rules::new(RuleSet::Y2021, CancelWindow::BeforePackaging),
        );
        assert!(matches!(r, Err(Refusal::JobDeleted { .. })));
    }
}

#[test]
fn random_simulations_with_user_actions_hold_invariants_at_random_times() {
    for seed in 0..40u64 {
        let values: Vec<u32> = (0..2000u32)
            .map(|i| (i ^ (seed as u32) << 16).wrapping_mul(2_654_435_761))
            .collect();
        let mut rng = Tape::new(&values);
        let mut scenario = busy_datacenter(6, 5, t0(), seed);
        scenario.autopilot = Some(
            Autopilot {
                enabled: rng.chance(80),
                load: f64::from(rng.next()) / f64::from(u32::MAX),
                throughput_mbps: 10.0 + 300.0 * f64::from(rng.next()) / f64::from(u32::MAX),
                exception_rate: f64::from(rng.next()) / f64::from(u32::MAX),
            }
            .to_spec(),
        );
        let mut sim = Simulation::new(scenario).expect("loads");
        for _ in 0..20 {
            let t = t0() + TimeDelta::hours(rng.range(0, 24 * 60) as i64);
            let world = sim.state_at(t);
            let Some(job) = rng.pick(&world.jobs).cloned() else {
                continue;
            };
            let before = sim.state_at(sim.span_end());
            if sim.add(t, random_action(&mut rng, &job)).is_err() {
                assert_eq!(
                    sim.state_at(sim.span_end()),
                    before,
                    "seed {seed}: a refused add changed the world"
                );
            }
        }
        let mut last_len = 0;
        let mut t = sim.start();
        while t <= sim.span_end() {
            let w = sim.state_at(t);
            for j in &w.jobs {
                let v = violations(j);
                assert!(v.is_empty(), "seed {seed} at {t}: {v:?}");
            }
            assert!(
                w.log.len() >= last_len && w.log.windows(2).all(|p| p[0].at <= p[1].at),
                "seed {seed}"
            );
            last_len = w.log.len();
            t += TimeDelta::hours(rng.range(1, 24 * 5) as i64);
        }
    }
}
