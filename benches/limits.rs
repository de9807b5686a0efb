//! Limits benchmark (not a test): what the largest inputs cost. Prints, for the largest
//! scenario file within the limits and for a 10,000-job world, the parse and replay time and
//! the peak memory, then the time of one user action on the 10,000-job world (target: 50 ms),
//! then how fast each hostile input from review is rejected. Each case runs in its own
//! process so its peak memory (VmHWM) is its own. Run: `cargo bench --bench limits`.

use chrono::{DateTime, TimeDelta, Utc};
use ie_lifecycle::model::{Action, JobState};
use ie_lifecycle::sim::presets::busy_datacenter;
use ie_lifecycle::sim::{Scenario, Simulation};
use std::hint::black_box;
use std::time::Instant;

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// A world of `jobs` jobs over `days`, written to a file and read back as a user would.
fn file_case(jobs: usize, days: i64) {
    let text = busy_datacenter(jobs, days, start(), 42).to_json_compact();
    let base = peak_mib();
    let t = Instant::now();
    let parsed = Scenario::parse(black_box(&text));
    let parse = ms(t);
    let Ok(scenario) = parsed else {
        println!("{jobs} jobs: the generated file does not parse");
        return;
    };
    let t = Instant::now();
    let Ok(sim) = Simulation::new(scenario) else {
        println!("{jobs} jobs: the generated file does not load");
        return;
    };
    let replay = ms(t);
    println!(
        "{jobs:>6} jobs / {days} days: file {:.2} MiB, parse {parse:.0} ms, replay {replay:.0} ms ({} log entries), peak memory +{:.0} MiB",
        text.len() as f64 / 1048576.0,
        sim.full_log().len(),
        peak_mib() - base
    );
    if jobs >= 10_000 {
        actions(sim, days);
    }
}

/// The time of single user actions on a big world, each accepted and stored.
fn actions(mut sim: Simulation, days: i64) {
    let mut times = Vec::new();
    for k in 0..20 {
        let at = start() + TimeDelta::days(days * k / 20) + TimeDelta::minutes(7);
        let candidate = sim
            .jobs_at(at)
            .into_iter()
            .find(|j| !j.is_deleted() && matches!(j.state, JobState::Creating));
        let Some(job) = candidate else { continue };
        let action = Action::UpdateJob {
            job: String::from(&*job.name),
            storage_account: None,
        };
        let t = Instant::now();
        let ok = sim.add(at, action).is_ok();
        times.push(ms(t));
        assert!(ok, "the action was refused");
    }
    times.sort_by(f64::total_cmp);
    if let (Some(first), Some(last)) = (times.first(), times.last()) {
        println!(
            "        one user action: median {:.1} ms, min {first:.1} ms, max {last:.1} ms over {} actions",
            times[times.len() / 2],
            times.len()
        );
    }
}

fn hostile(name: &str, text: String) {
    let t = Instant::now();
    let result = Scenario::parse(black_box(&text));
    let problems = result.err().map_or(0, |e| e.problems.len());
    println!(
        "{name:<44} {:>6.1} ms, {problems} problem(s), input {:.1} MiB",
        ms(t),
        text.len() as f64 / 1048576.0
    );
}

fn head(jobs: &str, events: &str) -> String {
    format!(r#"{{"version":1,"start":"2026-01-05T09:00:00Z","jobs":[{jobs}],"events":[{events}]}}"#)
}

fn hostile_cases() {
    let job_a = r#"{"name":"a","type":"Import","storageAccount":"store1","drives":[{"id":"A0000001","sizeGiB":1}]}"#;
    let job_x = r#"{"name":"x","type":"Export","storageAccount":"store1","drives":[]}"#;
    let ids: Vec<String> = (0..100_000u32).map(|n| format!("\"{n:08X}\"")).collect();
    hostile(
        "100,000 ids in one present list",
        head(
            job_a,
            &format!(
                r#"{{"at":"2026-01-06T09:00:00Z","kind":"PackageDelivered","job":"a","present":[{}]}}"#,
                ids.join(",")
            ),
        ),
    );
    let events: Vec<String> = (0..16_000u32)
        .map(|n| format!(r#"{{"at":"2026-01-06T09:00:00Z","kind":"DriveArrivedLate","job":"x","drive":"{n:08X}"}}"#))
        .collect();
    hostile(
        "16,000 events on one export job",
        head(job_x, &events.join(",")),
    );
    hostile(
        "a 1 MiB copy message",
        head(
            job_a,
            &format!(
                r#"{{"at":"2026-01-06T09:00:00Z","kind":"CopyFinished","job":"a","drive":"A0000001","outcome":"warnings","messages":["{}"]}}"#,
                "m".repeat(1 << 20)
            ),
        ),
    );
    hostile(
        "a 4 MiB job name",
        head(
            &format!(
                r#"{{"name":"{}","type":"Import","storageAccount":"store1","drives":[{{"id":"A0000001","sizeGiB":1}}]}}"#,
                "n".repeat(4 << 20)
            ),
            "",
        ),
    );
    hostile(
        "1,000,000 events",
        head(job_a, &vec!["{}"; 1_000_000].join(",")),
    );
    hostile(
        "50,000 bad events (problems capped at 100)",
        head(
            job_a,
            &vec![r#"{"at":"x","kind":"Nope"}"#; 50_000].join(","),
        ),
    );
    hostile(
        "a 9 MiB file",
        format!("{}{}", head(job_a, ""), " ".repeat(9 << 20)),
    );
}

fn main() {
    // A child runs one case so its peak memory is its own.
    match std::env::var("LIMITS_CASE").as_deref() {
        Ok("largest") => return file_case(20_000, 120),
        Ok("10000") => return file_case(10_000, 120),
        Ok("hostile") => return hostile_cases(),
        _ => {}
    }
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    for case in ["largest", "10000", "hostile"] {
        let status = std::process::Command::new(&me)
            .env("LIMITS_CASE", case)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            println!("case {case} failed");
        }
    }
}
