//! "Side by side" compared with itself: a world and the same world switched to another rule
//! set, cancel window or seed and back never differ (at any instant, in any job's log), and
//! whenever two worlds differ at an instant, the step where they part lies at or before it.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeDelta};
use ie_lifecycle::model::{CancelWindow, RuleSet, Time};
use ie_lifecycle::sim::compare::{other, rows, why, Alt};
use ie_lifecycle::sim::presets::busy_datacenter;
use ie_lifecycle::sim::{preset, presets, Simulation};
use proptest::prelude::*;

fn t0() -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

/// A built-in story (not the 10,000-job one: too slow for many cases) or a small busy world.
fn world(pick: usize, jobs: usize, seed: u64) -> Simulation {
    let names: Vec<_> = presets()
        .into_iter()
        .map(|p| p.name)
        .filter(|n| *n != "stress-10000")
        .collect();
    let scenario = match names.get(pick) {
        Some(name) => preset(name),
        None => Some(busy_datacenter(jobs, 20, t0(), seed)),
    };
    scenario
        .and_then(|s| Simulation::new(s).ok())
        .unwrap_or_else(|| Simulation::empty(t0()))
}

fn alt(kind: u8, n: u64) -> Alt {
    match kind % 3 {
        0 => Alt::Set(RuleSet::ALL[(n % 2) as usize]),
        1 => Alt::Window(CancelWindow::ALL[(n % 3) as usize]),
        _ => Alt::Seed(n),
    }
}

/// `alt` undone: back to the world's own rules or seed.
fn back(sim: &Simulation, kind: u8) -> Alt {
    match kind % 3 {
        0 => Alt::Set(sim.rules().set),
        1 => match sim.rules().set {
            RuleSet::Y2021 => Alt::Window(sim.rules().cancel_window),
            RuleSet::Y2018 => Alt::Set(RuleSet::Y2018),
        },
        _ => Alt::Seed(sim.seed()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn there_and_back_again_differs_nowhere(
        pick in 0usize..12, jobs in 1usize..12, seed in any::<u64>(),
        kind in any::<u8>(), n in any::<u64>(), hours in 0i64..24 * 200,
    ) {
        let a = world(pick, jobs, seed);
        let b = other(&a, alt(kind, n));
        let again = other(&b, back(&a, kind));
        // (Back from a cancel window to 2018 keeps that window: 2018 has no cancel to use it.)
        prop_assert_eq!(again.rules().set, a.rules().set);
        let t = a.start() + TimeDelta::hours(hours);
        let same = rows(&a, &again, t, 100);
        prop_assert_eq!(same.differ, 0);
        prop_assert_eq!(rows(&a, &a, t, 100).differ, 0);
        for name in a.job_names() {
            prop_assert_eq!(why(&a, &again, name), None, "{}", name);
        }
        // And where the other world differs, the reason is in the past.
        for r in rows(&a, &b, t, 100).rows.iter().filter(|r| r.differs()) {
            let parted = why(&a, &b, &r.name);
            prop_assert!(parted.is_some(), "{} differs with equal logs", r.name);
            if let Some((x, y)) = parted {
                let at = x.into_iter().chain(y).map(|e| e.at).min();
                prop_assert!(at.is_some_and(|at| at <= t), "{} parts at {:?} after {}", r.name, at, t);
            }
        }
    }
}
