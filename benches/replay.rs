//! Replay benchmark (not a test): events per second of a full replay, and the time of
//! `state_at` for 10,000 jobs over 120 days, plus the 50-job case the UI replays each frame,
//! and the borrowed jobs at an instant that the page reads at a jump.

use chrono::{DateTime, TimeDelta, Utc};
use ie_lifecycle::sim::presets::busy_datacenter;
use ie_lifecycle::sim::Simulation;
use std::hint::black_box;
use std::time::Instant;

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn measure(jobs: usize, days: i64, state_at_runs: u32) {
    let scenario = busy_datacenter(jobs, days, start(), 42);
    let t = Instant::now();
    let Ok(sim) = Simulation::new(black_box(scenario)) else {
        println!("{jobs} jobs: the generated scenario does not load");
        return;
    };
    let replay = t.elapsed();
    let events = sim.full_log().len();
    println!(
        "{jobs:>6} jobs over {days} days: {events} events replayed in {:.1} ms = {:.0} events/s",
        replay.as_secs_f64() * 1e3,
        events as f64 / replay.as_secs_f64()
    );
    let times: Vec<_> = [0, days / 4, days / 2, days, days + 90]
        .iter()
        .map(|d| start() + TimeDelta::days(*d))
        .collect();
    let t = Instant::now();
    for _ in 0..state_at_runs {
        for at in &times {
            black_box(sim.state_at(*at));
        }
    }
    let per = t.elapsed().as_secs_f64() / f64::from(state_at_runs * times.len() as u32);
    println!(
        "{jobs:>6} jobs: state_at takes {:.3} ms on average (5 instants across the span)",
        per * 1e3
    );
    // What the page reads at a jump: the jobs at the instant, borrowed (state_at copies every
    // job and the log up to the instant into a World of its own).
    let t = Instant::now();
    for _ in 0..state_at_runs {
        for at in &times {
            black_box(sim.jobs_ref_at(*at).filter(|j| !j.is_deleted()).count());
        }
    }
    let per = t.elapsed().as_secs_f64() / f64::from(state_at_runs * times.len() as u32);
    println!(
        "{jobs:>6} jobs: the jobs at an instant, borrowed, take {:.3} ms on average",
        per * 1e3
    );
}

fn main() {
    measure(50, 60, 200);
    measure(10_000, 120, 3);
}
