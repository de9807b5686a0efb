//! What an action redoes only in part must equal doing it all again, on random stories over
//! the presets: after every action (accepted or refused) and every change of settings,
//! - the world (log with its `seq`, creation order, every job's history) equals the world
//!   replayed whole from its scenario file (`Simulation::add` merges only the acted job);
//! - the timeline band's counts, kept job by job across the steps (`timeline::band::Band`),
//!   equal the counts of every job done again (`sim::lanes::state_counts`);
//! - the short link written from the world's own record (`added::short_form_of`) equals the
//!   one found by writing the whole scenario out and comparing it with the preset;
//! - the jobs listed at an instant (`jobs_ref_at`, which stops at the first job in creation
//!   order that does not exist yet) are every job that exists then, in creation order.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::TimeDelta;
use common::tape::Tape;
use ie_lifecycle::model::*;
use ie_lifecycle::share::added::{short_form, short_form_of};
use ie_lifecycle::sim::lanes::state_counts;
use ie_lifecycle::sim::{preset, Simulation};
use ie_lifecycle::ui::timeline::band::Band;
use proptest::prelude::*;

const PRESETS: [&str; 4] = [
    "busy-datacenter",
    "happy-import",
    "abandoned",
    "never-arrives",
];

fn loaded(name: &str) -> Simulation {
    let Some(s) = preset(name) else {
        panic!("preset {name}")
    };
    Simulation::new(s).unwrap_or_else(|e| panic!("{e}"))
}

/// An instant where something happens (or a second after one), or any time in the story.
fn instant(tape: &mut Tape, sim: &Simulation) -> Time {
    let times: Vec<Time> = sim.full_log().iter().map(|e| e.at).collect();
    match (tape.range(0, 2), tape.pick(&times)) {
        (0, Some(t)) => *t,
        (1, Some(t)) => *t + TimeDelta::seconds(1),
        _ => sim.start() + TimeDelta::minutes(tape.range(0, 60 * 24 * 150) as i64),
    }
}

fn action(tape: &mut Tape, sim: &Simulation, at: Time) -> Action {
    let names: Vec<String> = sim
        .jobs_ref_at(at)
        .map(|j| String::from(&*j.name))
        .collect();
    let job = tape
        .pick(&names)
        .cloned()
        .unwrap_or_else(|| "nobody".into());
    let drives: Vec<DriveId> = sim
        .job_at(&job, at)
        .map(|j| j.drives.iter().map(|d| d.id.clone()).collect())
        .unwrap_or_default();
    let drive = tape
        .pick(&drives)
        .cloned()
        .unwrap_or_else(|| DriveId::from_number(7));
    match tape.range(0, 9) {
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
            present: drives.iter().filter(|_| tape.chance(80)).cloned().collect(),
            extra: Vec::new(),
        },
        5 => Action::CopyStarted { job, drive },
        6 => Action::CopyFinished {
            job,
            drive,
            outcome: CopyOutcome::ALL[tape.range(0, 2) as usize],
            messages: Vec::new(),
        },
        7 => Action::DrivesShippedBack {
            job,
            carrier: "DHL".into(),
            tracking: "9".into(),
        },
        _ => Action::CreateJob(JobSpec {
            name: format!("new-{}", tape.range(0, 3)),
            job_type: if tape.chance(50) {
                JobType::Export
            } else {
                JobType::Import
            },
            storage_account: "newstore".into(),
            drives: vec![DriveSpec {
                id: DriveId::from_number(900_000 + tape.range(0, 5) as u32),
                size_bytes: 1 << 30,
            }],
        }),
    }
}

fn same_as_replayed_whole(sim: &Simulation) -> Result<(), TestCaseError> {
    let whole = Simulation::new(sim.scenario()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let (a, b) = (whole.full_log(), sim.full_log());
    let first = a.iter().zip(b).position(|(x, y)| x != y);
    prop_assert!(
        a.len() == b.len() && first.is_none(),
        "the log differs ({} against {} entries) first at {:?}: {:?} against {:?}",
        a.len(),
        b.len(),
        first,
        first.map(|k| &a[k]),
        first.map(|k| &b[k])
    );
    let names: Vec<&str> = sim.job_names().collect();
    prop_assert_eq!(whole.job_names().collect::<Vec<_>>(), names.clone());
    for name in names {
        prop_assert_eq!(whole.job_history(name), sim.job_history(name), "{}", name);
        prop_assert_eq!(whole.job_log(name), sim.job_log(name), "{}", name);
    }
    Ok(())
}

static ACCEPTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn run(values: &[u32]) -> Result<(), TestCaseError> {
    let mut tape = Tape::new(values);
    let name = PRESETS[tape.range(0, PRESETS.len() as u64 - 1) as usize];
    let mut sim = loaded(name);
    let mut band = Band::default();
    let (t0, t1) = (sim.start(), sim.span_end());
    let mut steps = 0;
    while !tape.done() && steps < 12 {
        steps += 1;
        match tape.range(0, 19) {
            0 => sim.set_seed(tape.range(0, 5)),
            1 => sim.set_rules(Rules::new(
                RuleSet::ALL[tape.range(0, 1) as usize],
                CancelWindow::ALL[tape.range(0, 2) as usize],
            )),
            _ => {
                let at = instant(&mut tape, &sim);
                let a = action(&mut tape, &sim, at);
                if sim.add(at, a).is_ok() {
                    ACCEPTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
        same_as_replayed_whole(&sim)?;
        let bins = [2, 37, 300][tape.range(0, 2) as usize];
        let all = state_counts(sim.job_names().map(|n| sim.job_history(n)), t0, t1, bins);
        prop_assert_eq!(band.counts(&sim, t0, t1, bins), all, "band, {} bins", bins);
        if sim.settings_as_loaded() {
            prop_assert_eq!(short_form_of(&sim), short_form(&sim.scenario()));
        }
        let at = instant(&mut tape, &sim);
        let listed: Vec<&str> = sim.jobs_ref_at(at).map(|j| &*j.name).collect();
        let every: Vec<&str> = sim
            .job_names()
            .filter(|n| sim.job_at(n, at).is_some())
            .collect();
        prop_assert_eq!(listed, every, "the jobs at {}", at);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn partial_work_equals_the_whole_done_again(
        values in proptest::collection::vec(any::<u32>(), 20..200)
    ) {
        run(&values)?;
    }
}

#[test]
fn the_generator_acts() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(any::<u32>(), 20..200);
    for _ in 0..60 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let _ = run(&proptest::strategy::ValueTree::current(&tree));
    }
    let accepted = ACCEPTED.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!("accepted {accepted}");
    assert!(
        accepted > 100,
        "weak generator: {accepted} actions accepted"
    );
}
