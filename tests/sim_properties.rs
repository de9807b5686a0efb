//! The two promises of the simulation, checked on random worlds with proptest:
//! 1. at every instant where something happens (ties included), "the control says allowed"
//!    (`Simulation::check`) equals "`add` accepts", and a refused `add` changes nothing;
//! 2. after any sequence of accepted actions, the scenario file written from the world parses
//!    and replays to the same log (so every link reopens what was on screen).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, TimeDelta};
use common::tape::Tape;
use ie_lifecycle::model::*;
use ie_lifecycle::sim::{Scenario, Simulation};
use proptest::prelude::*;

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

/// A small world: up to three jobs, some scripted events, the autopilot on or off.
fn world(tape: &mut Tape) -> Simulation {
    let autopilot = tape.chance(60);
    let rules = if tape.chance(50) { "2021" } else { "2018" };
    let window =
        ["creating", "creating-or-shipping", "before-packaging"][tape.range(0, 2) as usize];
    let seed = tape.range(0, 1000);
    let mut jobs = Vec::new();
    let mut events = Vec::new();
    for n in 0..tape.range(1, 3) {
        let export = tape.chance(30);
        let drives: Vec<String> = (0..tape.range(1, 3))
            .map(|d| format!(r#"{{"id":"D{n}00000{d}","sizeGiB":{}}}"#, tape.range(1, 4)))
            .collect();
        let created = t0() + TimeDelta::hours(tape.range(0, 48) as i64);
        jobs.push(format!(
            r#"{{"name":"j{n}","type":"{}","storageAccount":"store{n}","createdAt":"{}","drives":[{}]}}"#,
            if export { "Export" } else { "Import" },
            created.to_rfc3339(),
            drives.join(",")
        ));
        if tape.chance(50) {
            let at = created + TimeDelta::hours(tape.range(0, 24 * 20) as i64);
            events.push((at, format!(
                r#"{{"at":"{}","kind":"EnterTracking","job":"j{n}","carrier":"DHL","tracking":"1"}}"#,
                at.to_rfc3339()
            )));
        }
    }
    events.sort_by_key(|e| e.0);
    let events: Vec<String> = events.into_iter().map(|e| e.1).collect();
    let text = format!(
        r#"{{"version":1,"start":"{}","seed":{seed},"rules":"{rules}","cancelWindow":"{window}",
        "autopilot":{{"enabled":{autopilot},"exceptionRate":0.3}},"jobs":[{}],"events":[{}]}}"#,
        t0().to_rfc3339(),
        jobs.join(","),
        events.join(",")
    );
    match Scenario::parse(&text).map(Simulation::new) {
        Ok(Ok(sim)) => sim,
        other => panic!("generated world does not load: {other:?}\n{text}"),
    }
}

/// An instant where something happens (or just before/after one), or a plain time.
fn instant(tape: &mut Tape, sim: &Simulation) -> Time {
    let times: Vec<Time> = sim.full_log().iter().map(|e| e.at).collect();
    match (tape.range(0, 3), tape.pick(&times)) {
        (0, Some(t)) | (1, Some(t)) => *t,
        (2, Some(t)) => *t + TimeDelta::seconds(1),
        _ => t0() + TimeDelta::minutes(tape.range(0, 60 * 24 * 150) as i64),
    }
}

/// Mostly an action the world accepts at `at` (so stories go deep), often any action at all.
fn action(tape: &mut Tape, sim: &Simulation, at: Time) -> Action {
    let mut a = any_action(tape, sim, at);
    if tape.chance(70) {
        for _ in 0..10 {
            if sim.check(at, &a).is_ok() {
                break;
            }
            a = any_action(tape, sim, at);
        }
    }
    a
}

fn any_action(tape: &mut Tape, sim: &Simulation, at: Time) -> Action {
    let names: Vec<String> = sim
        .jobs_at(at)
        .into_iter()
        .map(|j| String::from(&*j.name))
        .collect();
    let job = match tape.pick(&names) {
        Some(n) if tape.chance(90) => n.clone(),
        _ => format!("j{}", tape.range(0, 3)),
    };
    let own: Vec<DriveId> = sim
        .job_at(&job, at)
        .map(|j| {
            j.drives
                .iter()
                .map(|d| d.id.clone())
                .chain(j.planned_drives.iter().map(|d| d.id.clone()))
                .collect()
        })
        .unwrap_or_default();
    let drives: Vec<DriveId> = ["D000000", "D100000", "D200000", "X000000"]
        .iter()
        .flat_map(|p| (0..3).map(move |d| format!("{p}{d}")))
        .filter_map(|s| DriveId::parse(&s).ok())
        .collect();
    let pool = if own.is_empty() || tape.chance(20) {
        &drives
    } else {
        &own
    };
    let drive = tape
        .pick(pool)
        .cloned()
        .unwrap_or_else(|| DriveId::from_number(1));
    let own_some = |tape: &mut Tape| -> Vec<DriveId> {
        own.iter().filter(|_| tape.chance(70)).cloned().collect()
    };
    let some = |tape: &mut Tape| -> Vec<DriveId> {
        drives
            .iter()
            .filter(|_| tape.chance(10))
            .take(3)
            .cloned()
            .collect()
    };
    match tape.range(0, 12) {
        0 => Action::UpdateJob {
            job,
            storage_account: None,
        },
        1 => Action::EnterTracking {
            job,
            carrier: "UPS".into(),
            tracking: "7".into(),
        },
        2 => Action::CancelJob { job },
        3 => Action::DeleteJob { job },
        4 => Action::PackageDelivered {
            job,
            present: if tape.chance(80) {
                own_some(tape)
            } else {
                some(tape)
            },
            extra: some(tape),
        },
        5 => Action::DriveArrivedLate { job, drive },
        6 => Action::CopyStarted { job, drive },
        7 => Action::CopyProgress {
            job,
            drive,
            bytes: tape.range(0, 5) << 30,
        },
        8 => Action::CopyFinished {
            job,
            drive,
            outcome: CopyOutcome::ALL[tape.range(0, 2) as usize],
            messages: if tape.chance(30) {
                vec!["3 files skipped".into()]
            } else {
                vec![]
            },
        },
        9 => Action::DrivesShippedBack {
            job,
            carrier: "DHL".into(),
            tracking: "9".into(),
        },
        10 => Action::CreateJob(JobSpec {
            name: format!("n{}", tape.range(0, 2)),
            job_type: if tape.chance(50) {
                JobType::Export
            } else {
                JobType::Import
            },
            storage_account: "newstore".into(),
            drives: some(tape)
                .into_iter()
                .map(|id| DriveSpec {
                    id,
                    size_bytes: 1 << 30,
                })
                .collect(),
        }),
        _ => Action::EnterTracking {
            job,
            carrier: String::new(),
            tracking: "1".into(),
        },
    }
}

/// The file written from `sim`, read back: it must parse and replay to the same log.
fn reopened(sim: &Simulation) -> Result<Simulation, String> {
    let text = sim.scenario().to_json();
    let parsed = Scenario::parse(&text).map_err(|e| format!("{e}\n{text}"))?;
    Simulation::new(parsed).map_err(|e| format!("{e}"))
}

static ACCEPTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static REFUSED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn run(values: &[u32]) -> Result<(), TestCaseError> {
    let mut tape = Tape::new(values);
    let mut sim = world(&mut tape);
    let mut steps = 0;
    while !tape.done() && steps < 20 {
        steps += 1;
        let at = instant(&mut tape, &sim);
        let a = action(&mut tape, &sim, at);
        let says = sim.check(at, &a);
        let log_before = sim.full_log().to_vec();
        let added = sim.add(at, a.clone());
        prop_assert_eq!(
            says.is_ok(),
            added.is_ok(),
            "check said {:?} but add said {:?} for {:?} at {}",
            says,
            added,
            a,
            at
        );
        let counter = if added.is_ok() { &ACCEPTED } else { &REFUSED };
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Err(refusal) = added {
            prop_assert_eq!(Err(refusal), says);
            prop_assert_eq!(
                sim.full_log(),
                &log_before[..],
                "a refused add changed the log"
            );
            continue;
        }
        let again = reopened(&sim).map_err(TestCaseError::fail)?;
        prop_assert_eq!(
            again.full_log(),
            sim.full_log(),
            "the written file replays differently"
        );
        let shown = sim.state_at(at);
        let job = shown.job(a.job_name());
        prop_assert!(
            job.is_some(),
            "an accepted action's job is not shown at its time"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(1500),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn control_allowed_equals_add_accepts_and_files_replay_the_same(
        values in proptest::collection::vec(any::<u32>(), 100..800)
    ) {
        run(&values)?;
    }
}

#[test]
fn the_generator_reaches_both_answers() {
    // Runs its own cases so the figures do not depend on the other test's scheduling.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(any::<u32>(), 100..800);
    for _ in 0..300 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let _ = run(&proptest::strategy::ValueTree::current(&tree));
    }
    let accepted = ACCEPTED.load(std::sync::atomic::Ordering::Relaxed);
    let refused = REFUSED.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!("accepted {accepted}, refused {refused}");
    assert!(
        accepted > 300 && refused > 300,
        "weak generator: {accepted} accepted, {refused} refused"
    );
}

/// Failures proptest found once, kept as regression cases (tapes as it printed them).
#[test]
fn regressions() {
    let cases: &[&[u32]] = &[&[]];
    for values in cases {
        if let Err(e) = run(values) {
            panic!("{e}");
        }
    }
}
