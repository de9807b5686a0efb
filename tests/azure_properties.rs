//! The Azure importer under random and mutated input: it never panics; whatever it accepts is a
//! valid scenario file that loads, and exporting it as REST JSON and importing that again gives
//! the same scenario (lossless round trip).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, TimeDelta};
use common::mutate::mutate;
use ie_lifecycle::azure::{drive_log, drives_csv, import, jobs_csv, rest_list, LogKind};
use ie_lifecycle::model::{Rules, Time};
use ie_lifecycle::sim::{Scenario, Simulation};
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    include_str!("../src/azure/samples/get-import-job.json"),
    include_str!("../src/azure/samples/get-export-job.json"),
    include_str!("../src/azure/samples/list-jobs-in-resource-group.json"),
];

const STATES: &[&str] = &[
    "Creating",
    "Shipping",
    "Received",
    "Transferring",
    "Packaging",
    "Completed",
    "Closed",
    "Canceled",
    "odd",
];
const DRIVE_STATES: &[&str] = &[
    "Specified",
    "Received",
    "NeverReceived",
    "Transferring",
    "Completed",
    "CompletedMoreInfo",
    "ShippedBack",
    "weird",
];

fn at(day: i64) -> Time {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
        + TimeDelta::days(day)
}

/// The whole promise for one text at one instant.
fn check(text: &str, since: Time) -> Result<(), String> {
    let Ok(first) = import(text, since) else {
        return Ok(());
    };
    let again =
        Scenario::parse(&first.scenario.to_json()).map_err(|e| format!("not a valid file: {e}"))?;
    if again != first.scenario {
        return Err("the scenario file reads back differently".into());
    }
    let sim = Simulation::new(first.scenario.clone()).map_err(|e| format!("does not load: {e}"))?;
    let jobs = sim.jobs_at(since);
    let _ = (jobs_csv(&jobs, &Rules::default()), drives_csv(&jobs));
    for j in &jobs {
        for d in &j.drives {
            let _ = drive_log(j, d, LogKind::Verbose);
            let _ = drive_log(j, d, LogKind::Error);
        }
    }
    let out = rest_list(&sim, since).to_string();
    let second = import(&out, since).map_err(|p| format!("its export is refused: {p:?}"))?;
    if second.scenario != first.scenario {
        return Err(format!("export → import differs:\n{out}"));
    }
    Ok(())
}

/// A random job resource built from the shape's parts.
fn job(
    state: usize,
    drives: &[(usize, u8)],
    pct: Option<u8>,
    ship_day: Option<i64>,
    export: bool,
) -> String {
    let list: Vec<String> = drives
        .iter()
        .enumerate()
        .map(|(k, (s, p))| {
            format!(
                r#"{{"driveId": "D{k:07}", "state": "{}", "percentComplete": {}, "copyStatus": "{}"}}"#,
                DRIVE_STATES[s % DRIVE_STATES.len()],
                p % 101,
                ["Completed", "CompletedWithWarnings", "CompletedWithErrors"][usize::from(*p) % 3]
            )
        })
        .collect();
    let ship = ship_day
        .map(|d| {
            let t = at(d);
            format!(r#", "deliveryPackage": {{"carrierName": "DHL", "trackingNumber": "T1", "shipDate": "{}"}}"#, ie_lifecycle::azure::us_date(t))
        })
        .unwrap_or_default();
    let pct = pct
        .map(|p| format!(r#", "percentComplete": {}"#, p % 101))
        .unwrap_or_default();
    format!(
        r#"{{"name": "job", "properties": {{"storageAccountId": "/s/storageAccounts/store1", "jobType": "{}", "state": "{}"{pct}{ship}, "driveList": [{}]}}}}"#,
        if export { "Export" } else { "Import" },
        STATES[state % STATES.len()],
        list.join(", ")
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_text_never_breaks_the_importer(text in ".{0,300}") {
        prop_assert_eq!(check(&text, at(0)), Ok(()));
    }

    #[test]
    fn mutated_samples_never_break_the_importer(
        which in 0usize..3,
        ops in proptest::collection::vec((any::<u8>(), any::<u16>(), any::<u16>(), any::<u8>()), 1..6),
        day in 0i64..3000,
    ) {
        let text = mutate(SEEDS[which], &ops);
        prop_assert_eq!(check(&text, at(day)), Ok(()));
    }

    #[test]
    fn random_jobs_import_and_round_trip(
        state in 0usize..9,
        drives in proptest::collection::vec((0usize..8, any::<u8>()), 0..13),
        pct in proptest::option::of(any::<u8>()),
        ship in proptest::option::of(-60i64..10),
        export in any::<bool>(),
        day in 0i64..60,
    ) {
        let text = job(state, &drives, pct, ship.map(|s| s + day), export);
        prop_assert_eq!(check(&text, at(day)), Ok(()));
        let list = format!("{{\"value\": [{text}, {text}]}}");
        prop_assert_eq!(check(&list, at(day)), Ok(()));
    }
}
