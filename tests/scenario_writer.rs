//! The scenario file is a public format: the hand writer (`Scenario::to_json_compact`,
//! `to_json`) must write byte for byte what serde_json writes from the `Serialize` derives,
//! for the presets and for random scenarios full of odd texts, numbers and unknown fields;
//! and `sim::json_text` what `Value::to_string` writes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::DateTime;
use common::tape::Tape;
use ie_lifecycle::model::*;
use ie_lifecycle::sim::scenario::{AutopilotSpec, DriveEntry, EventEntry, JobEntry, JobRef};
use ie_lifecycle::sim::Scenario;
use proptest::prelude::*;
use serde_json::{Map, Value};

fn same_as_serde(s: &Scenario) -> Result<(), TestCaseError> {
    let compact = serde_json::to_string(s).unwrap_or_default();
    prop_assert_eq!(s.to_json_compact(), compact);
    let pretty = serde_json::to_string_pretty(s).unwrap_or_default();
    prop_assert_eq!(s.to_json(), pretty);
    Ok(())
}

const PIECES: [&str; 14] = [
    "a", "é", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{0}", "\u{1f}", "\u{7f}",
    "\u{202e}", "😀",
];

fn text(tape: &mut Tape) -> String {
    (0..tape.range(0, 6))
        .filter_map(|_| tape.pick(&PIECES).copied())
        .collect()
}

fn float(tape: &mut Tape) -> f64 {
    let odd = [
        0.0,
        -0.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e-300,
        1e300,
        0.1,
        2.5,
        1.0 / 3.0,
        123456789.0,
        f64::MIN_POSITIVE,
    ];
    match tape.pick(&odd) {
        Some(x) if tape.chance(50) => *x,
        _ => f64::from_bits(u64::from(tape.next()) << 32 | u64::from(tape.next())),
    }
}

fn value(tape: &mut Tape, depth: u32) -> Value {
    match tape.range(0, if depth > 2 { 4 } else { 6 }) {
        0 => Value::Null,
        1 => Value::Bool(tape.chance(50)),
        2 => Value::from(tape.next() as i64 - i64::from(u32::MAX / 2)),
        3 => Value::from(float(tape)),
        4 => Value::String(text(tape)),
        5 => Value::Array(
            (0..tape.range(0, 3))
                .map(|_| value(tape, depth + 1))
                .collect(),
        ),
        _ => Value::Object(members(tape, depth + 1)),
    }
}

fn members(tape: &mut Tape, depth: u32) -> Map<String, Value> {
    (0..tape.range(0, 2))
        .map(|_| (text(tape), value(tape, depth)))
        .collect()
}

/// Unknown fields, made as serde_json values and kept as the crate's own.
fn other(tape: &mut Tape, depth: u32) -> ie_lifecycle::json::Map {
    members(tape, depth).into()
}

fn some<T>(tape: &mut Tape, make: impl FnOnce(&mut Tape) -> T) -> Option<T> {
    tape.chance(50).then(|| make(tape))
}

fn time(tape: &mut Tape) -> Time {
    DateTime::from_timestamp(
        i64::from(tape.next() % 2_000_000_000),
        if tape.chance(50) {
            0
        } else {
            tape.next() % 1_000_000_000
        },
    )
    .unwrap_or_default()
}

fn drive_id(tape: &mut Tape) -> DriveId {
    DriveId::from_number(tape.next())
}

fn drives(tape: &mut Tape) -> Vec<DriveId> {
    (0..tape.range(0, 3)).map(|_| drive_id(tape)).collect()
}

fn job(tape: &mut Tape) -> JobEntry {
    JobEntry {
        name: text(tape),
        job_type: if tape.chance(50) {
            JobType::Import
        } else {
            JobType::Export
        },
        storage_account: text(tape),
        created_at: some(tape, time),
        drives: (0..tape.range(0, 2))
            .map(|_| DriveEntry {
                id: drive_id(tape),
                size_gib: float(tape),
                other: other(tape, 0),
            })
            .collect(),
        other: other(tape, 0),
    }
}

fn event(tape: &mut Tape) -> EventEntry {
    let kind = tape
        .pick(&ActionKind::ALL)
        .copied()
        .unwrap_or(ActionKind::CreateJob);
    EventEntry {
        at: time(tape),
        kind,
        job: if tape.chance(30) {
            JobRef::Spec(Box::new(job(tape)))
        } else {
            JobRef::Name(text(tape))
        },
        storage_account: some(tape, text),
        carrier: some(tape, text),
        tracking: some(tape, text),
        present: some(tape, drives),
        extra: some(tape, drives),
        drive: some(tape, drive_id),
        bytes: some(tape, |t| u64::from(t.next()) << 20 | u64::from(t.next())),
        outcome: some(tape, |t| {
            t.pick(&CopyOutcome::ALL)
                .copied()
                .unwrap_or(CopyOutcome::Clean)
        }),
        messages: some(tape, |t| (0..t.range(0, 2)).map(|_| text(t)).collect()),
        other: other(tape, 0),
    }
}

fn scenario(tape: &mut Tape) -> Scenario {
    let mut s = Scenario::new(time(tape));
    s.version = tape.next();
    s.title = some(tape, text);
    s.description = some(tape, text);
    s.seed = some(tape, |t| u64::from(t.next()) << 32 | u64::from(t.next()));
    s.rules = some(tape, |t| t.pick(&RuleSet::ALL).copied().unwrap_or_default());
    s.cancel_window = some(tape, |t| {
        t.pick(&CancelWindow::ALL).copied().unwrap_or_default()
    });
    s.autopilot = some(tape, |t| AutopilotSpec {
        enabled: some(t, |t| t.chance(50)),
        load: some(t, float),
        throughput_mbps: some(t, float),
        exception_rate: some(t, float),
        other: other(t, 0),
    });
    s.jobs = (0..tape.range(0, 2)).map(|_| job(tape)).collect();
    s.events = (0..tape.range(0, 3)).map(|_| event(tape)).collect();
    s.other = other(tape, 0);
    s
}

#[test]
fn presets_are_written_as_serde_json_writes_them() {
    for p in ie_lifecycle::sim::presets() {
        let Some(s) = ie_lifecycle::sim::preset(p.name) else {
            panic!("{} loads", p.name)
        };
        assert_eq!(
            s.to_json_compact(),
            serde_json::to_string(&s).unwrap_or_default(),
            "{}",
            p.name
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_scenarios_are_written_as_serde_json_writes_them(
        values in proptest::collection::vec(any::<u32>(), 0..400)
    ) {
        same_as_serde(&scenario(&mut Tape::new(&values)))?;
    }

    /// `json_text` stands in for `Value::to_string` wherever the core writes a JSON value
    /// (unknown fields, messages' `found` values, short links, the Azure export).
    #[test]
    fn any_value_is_written_as_serde_json_writes_it(
        values in proptest::collection::vec(any::<u32>(), 0..400)
    ) {
        let v = value(&mut Tape::new(&values), 0);
        let ours = ie_lifecycle::json::Value::from(v.clone());
        prop_assert_eq!(ie_lifecycle::sim::json_text(&ours), v.to_string());
    }
}
