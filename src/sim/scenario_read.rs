//! Builds a `Scenario` from a JSON value that `validate.rs` has already checked.
//!
//! Why by hand and not `#[derive(Deserialize)]`: the derive for these structs (flattened
//! `other` maps, an untagged `job`) compiled to about 55 KB of wasm, a quarter of a minimal
//! Leptos app; this reader is a few KB. The validator is the file's judge and reports every
//! problem with its place; this reader only moves the checked values into the structs, so a
//! value it cannot read is a gap in the validator, reported as one problem at the root.
//! Leaf values (ids, enums, times) still use their own serde impls, which are small.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::model::rfc3339::parse_rfc3339;
use crate::model::Time;

use super::scenario::{AutopilotSpec, DriveEntry, EventEntry, JobEntry, JobRef, Scenario};

/// A field that could not be read: its name, for the one problem reported.
pub type Unread = &'static str;

pub fn scenario(value: Value) -> Result<Scenario, Unread> {
    let mut root = object(value, "scenario")?;
    Ok(Scenario {
        version: required(&mut root, "version")?,
        title: optional(&mut root, "title")?,
        description: optional(&mut root, "description")?,
        start: time(&mut root, "start")?,
        seed: optional(&mut root, "seed")?,
        rules: optional(&mut root, "rules")?,
        cancel_window: optional(&mut root, "cancelWindow")?,
        autopilot: match take(&mut root, "autopilot") {
            Some(v) => Some(autopilot(v)?),
            None => None,
        },
        jobs: list(&mut root, "jobs", job)?,
        events: list(&mut root, "events", event)?,
        other: rest(root),
    })
}

fn autopilot(value: Value) -> Result<AutopilotSpec, Unread> {
    let mut o = object(value, "autopilot")?;
    Ok(AutopilotSpec {
        enabled: optional(&mut o, "enabled")?,
        load: optional(&mut o, "load")?,
        throughput_mbps: optional(&mut o, "throughputMBps")?,
        exception_rate: optional(&mut o, "exceptionRate")?,
        other: rest(o),
    })
}

fn job(value: Value) -> Result<JobEntry, Unread> {
    let mut o = object(value, "job")?;
    Ok(JobEntry {
        name: required(&mut o, "name")?,
        job_type: required(&mut o, "type")?,
        storage_account: required(&mut o, "storageAccount")?,
        created_at: match take(&mut o, "createdAt") {
            None | Some(Value::Null) => None,
            Some(v) => Some(as_time(&v, "createdAt")?),
        },
        drives: list(&mut o, "drives", drive)?,
        other: rest(o),
    })
}

fn drive(value: Value) -> Result<DriveEntry, Unread> {
    let mut o = object(value, "drive")?;
    Ok(DriveEntry {
        id: required(&mut o, "id")?,
        size_gib: required(&mut o, "sizeGiB")?,
        other: rest(o),
    })
}

fn event(value: Value) -> Result<EventEntry, Unread> {
    let mut o = object(value, "event")?;
    Ok(EventEntry {
        at: time(&mut o, "at")?,
        kind: required(&mut o, "kind")?,
        job: match take(&mut o, "job") {
            Some(Value::String(name)) => JobRef::Name(name),
            Some(spec @ Value::Object(_)) => JobRef::Spec(Box::new(job(spec)?)),
            _ => return Err("job"),
        },
        storage_account: optional(&mut o, "storageAccount")?,
        carrier: optional(&mut o, "carrier")?,
        tracking: optional(&mut o, "tracking")?,
        present: optional(&mut o, "present")?,
        extra: optional(&mut o, "extra")?,
        drive: optional(&mut o, "drive")?,
        bytes: optional(&mut o, "bytes")?,
        outcome: optional(&mut o, "outcome")?,
        messages: optional(&mut o, "messages")?,
        other: rest(o),
    })
}

/// Times are read with the model's own RFC 3339 reader (chrono's general parser is not in the
/// wasm), the same one the validator judged them with.
fn time(o: &mut Fields, key: Unread) -> Result<Time, Unread> {
    as_time(&take(o, key).ok_or(key)?, key)
}

fn as_time(value: &Value, key: Unread) -> Result<Time, Unread> {
    value.as_str().and_then(parse_rfc3339).ok_or(key)
}

/// An object's fields as a list, in the map's (sorted) order: taking a field out of a short
/// list is smaller code in the wasm than `BTreeMap::remove` and its rebalancing.
type Fields = Vec<(String, Value)>;

fn object(value: Value, what: Unread) -> Result<Fields, Unread> {
    match value {
        Value::Object(o) => Ok(o.into_iter().collect()),
        _ => Err(what),
    }
}

/// Removes a key; the keys left become `other` (serde_json keeps keys sorted, without its
/// `preserve_order` feature, so `other` keeps the same order either way).
fn take(o: &mut Fields, key: &str) -> Option<Value> {
    let i = o.iter().position(|(k, _)| k == key)?;
    Some(o.remove(i).1)
}

/// The fields left, as the map `other` keeps them.
fn rest(o: Fields) -> Map<String, Value> {
    let mut map = Map::new();
    for (k, v) in o {
        map.insert(k, v);
    }
    map
}

fn read<T: for<'de> Deserialize<'de>>(value: &Value, key: Unread) -> Result<T, Unread> {
    T::deserialize(value).map_err(|_| key)
}

fn required<T: for<'de> Deserialize<'de>>(o: &mut Fields, key: Unread) -> Result<T, Unread> {
    match take(o, key) {
        Some(v) => read(&v, key),
        None => Err(key),
    }
}

/// Absent and `null` are both "not given", as serde's `Option` reads them.
fn optional<T: for<'de> Deserialize<'de>>(
    o: &mut Fields,
    key: Unread,
) -> Result<Option<T>, Unread> {
    match take(o, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => read(&v, key).map(Some),
    }
}

/// An absent list is empty.
fn list<T>(
    o: &mut Fields,
    key: Unread,
    each: fn(Value) -> Result<T, Unread>,
) -> Result<Vec<T>, Unread> {
    match take(o, key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items.into_iter().map(each).collect(),
        Some(_) => Err(key),
    }
}
