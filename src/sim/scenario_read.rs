//! Builds a `Scenario` from a JSON value that `validate.rs` has already checked.
//!
//! Why by hand and not `#[derive(Deserialize)]`: the derive for these structs (flattened
//! `other` maps, an untagged `job`) compiled to about 55 KB of wasm, a quarter of a minimal
//! Leptos app; this reader is a few KB. The validator is the file's judge and reports every
//! problem with its place; this reader only moves the checked values into the structs, so a
//! value it cannot read is a gap in the validator, reported as one problem at the root.
//! Leaf values are read by the small typed readers at the end, not by their serde impls
//! (a `Deserialize` per type, each with its visitor, in the wasm); they accept exactly what
//! serde accepts, which the tests below check.

use crate::json::{Map, Value};

use crate::model::rfc3339::parse_rfc3339;
use crate::model::{CancelWindow, DriveId, RuleSet, Time};

use super::scenario::{AutopilotSpec, DriveEntry, EventEntry, JobEntry, JobRef, Scenario};

/// A field that could not be read: its name, for the one problem reported.
pub type Unread = &'static str;

pub fn scenario(value: Value) -> Result<Scenario, Unread> {
    let root = object(&value, "scenario")?;
    let version = required(root, "version", |v| {
        v.as_u64().and_then(|n| u32::try_from(n).ok())
    })?;
    let title = optional(root, "title", text)?;
    let description = optional(root, "description", text)?;
    let start = time(root, "start")?;
    // Filled in place, field by field: a struct literal with a `?` per field drops every
    // field read before it at each `?`, a quadratic heap of drop code in the wasm.
    let mut s = Scenario::new(start);
    s.version = version;
    s.title = title;
    s.description = description;
    s.seed = optional(root, "seed", Value::as_u64)?;
    s.rules = optional(root, "rules", |v| {
        label(v).and_then(|s| RuleSet::ALL.into_iter().find(|r| r.id() == s))
    })?;
    s.cancel_window = optional(root, "cancelWindow", |v| {
        label(v).and_then(|s| CancelWindow::ALL.into_iter().find(|w| w.id() == s))
    })?;
    if let Some(v) = root.get("autopilot") {
        s.autopilot = Some(autopilot(v)?);
    }
    s.jobs = list(root, "jobs", job)?;
    s.events = list(root, "events", event)?;
    s.other = rest(root, SCENARIO_KEYS);
    Ok(s)
}

/// The fields each struct reads; the others are kept in its `other` map.
const SCENARIO_KEYS: &[&str] = &[
    "version",
    "title",
    "description",
    "start",
    "seed",
    "rules",
    "cancelWindow",
    "autopilot",
    "jobs",
    "events",
];
const AUTOPILOT_KEYS: &[&str] = &["enabled", "load", "throughputMBps", "exceptionRate"];
const JOB_KEYS: &[&str] = &["name", "type", "storageAccount", "createdAt", "drives"];
const DRIVE_KEYS: &[&str] = &["id", "sizeGiB"];
const EVENT_KEYS: &[&str] = &[
    "at",
    "kind",
    "job",
    "storageAccount",
    "carrier",
    "tracking",
    "present",
    "extra",
    "drive",
    "bytes",
    "outcome",
    "messages",
];

fn autopilot(value: &Value) -> Result<AutopilotSpec, Unread> {
    let o = object(value, "autopilot")?;
    Ok(AutopilotSpec {
        enabled: optional(o, "enabled", Value::as_bool)?,
        load: optional(o, "load", Value::as_f64)?,
        throughput_mbps: optional(o, "throughputMBps", Value::as_f64)?,
        exception_rate: optional(o, "exceptionRate", Value::as_f64)?,
        other: rest(o, AUTOPILOT_KEYS),
    })
}

fn job(value: &Value) -> Result<JobEntry, Unread> {
    let o = object(value, "job")?;
    let name = required(o, "name", text)?;
    let job_type = required(o, "type", |v| label(v)?.parse().ok())?;
    let storage_account = required(o, "storageAccount", text)?;
    let created_at = optional(o, "createdAt", |v| v.as_str().and_then(parse_rfc3339))?;
    Ok(JobEntry {
        name,
        job_type,
        storage_account,
        created_at,
        drives: list(o, "drives", drive)?,
        other: rest(o, JOB_KEYS),
    })
}

fn drive(value: &Value) -> Result<DriveEntry, Unread> {
    let o = object(value, "drive")?;
    Ok(DriveEntry {
        id: required(o, "id", drive_id)?,
        size_gib: required(o, "sizeGiB", Value::as_f64)?,
        other: rest(o, DRIVE_KEYS),
    })
}

fn event(value: &Value) -> Result<EventEntry, Unread> {
    let o = object(value, "event")?;
    let at = time(o, "at")?;
    let kind = required(o, "kind", |v| label(v)?.parse().ok())?;
    let job = match o.get("job") {
        Some(Value::String(name)) => JobRef::Name(name.clone()),
        Some(spec @ Value::Object(_)) => JobRef::Spec(Box::new(job(spec)?)),
        _ => return Err("job"),
    };
    // Filled in place like the scenario.
    let mut e = EventEntry::blank(at, kind, job);
    e.storage_account = optional(o, "storageAccount", text)?;
    e.carrier = optional(o, "carrier", text)?;
    e.tracking = optional(o, "tracking", text)?;
    e.present = optional(o, "present", |v| each(v, drive_id))?;
    e.extra = optional(o, "extra", |v| each(v, drive_id))?;
    e.drive = optional(o, "drive", drive_id)?;
    e.bytes = optional(o, "bytes", Value::as_u64)?;
    e.outcome = optional(o, "outcome", |v| label(v)?.parse().ok())?;
    e.messages = optional(o, "messages", |v| each(v, text))?;
    e.other = rest(o, EVENT_KEYS);
    Ok(e)
}

/// Times are read with the model's own RFC 3339 reader (chrono's general parser is not in the
/// wasm), the same one the validator judged them with.
fn time(o: &Map, key: Unread) -> Result<Time, Unread> {
    required(o, key, |v| v.as_str().and_then(parse_rfc3339))
}

/// The values are read where they are, borrowed (each text is copied, as before): taking
/// each field out of an owned list compiled a drop of the taken value at every field.
fn object(value: &Value, what: Unread) -> Result<&Map, Unread> {
    value.as_object().ok_or(what)
}

/// The fields not in `known`, as the map `other` keeps them (`json::Map` keeps keys sorted,
/// as serde_json's does without its `preserve_order` feature, so `other` keeps the same order
/// either way).
fn rest(o: &Map, known: &[&str]) -> Map {
    let mut map = Map::new();
    for (k, v) in o {
        if !known.contains(&k.as_str()) {
            map.insert(k.clone(), v.clone());
        }
    }
    map
}

fn required<T>(o: &Map, key: Unread, read: fn(&Value) -> Option<T>) -> Result<T, Unread> {
    o.get(key).and_then(read).ok_or(key)
}

/// Absent and `null` are both "not given", as serde's `Option` reads them.
fn optional<T>(o: &Map, key: Unread, read: fn(&Value) -> Option<T>) -> Result<Option<T>, Unread> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => read(v).map(Some).ok_or(key),
    }
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

fn drive_id(value: &Value) -> Option<DriveId> {
    DriveId::parse(value.as_str()?).ok()
}

/// A list whose every item reads.
fn each<T>(value: &Value, read: fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    let items = value.as_array()?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(read(item)?);
    }
    Some(out)
}

/// The name of a fieldless enum's value, in the two forms serde reads one in: `"name"`, or
/// an object with that one key and `null`.
fn label(value: &Value) -> Option<&str> {
    match value {
        Value::String(name) => Some(name),
        Value::Object(map) if map.len() == 1 => {
            let (name, v) = map.iter().next()?;
            v.is_null().then_some(name.as_str())
        }
        _ => None,
    }
}

/// An absent list is empty.
fn list<T>(o: &Map, key: Unread, each: fn(&Value) -> Result<T, Unread>) -> Result<Vec<T>, Unread> {
    match o.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            // A plain loop: `collect` into `Result<Vec<_>>` compiled its in-place collection
            // machinery once per item type.
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(each(item)?);
            }
            Ok(out)
        }
        Some(_) => Err(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionKind, CopyOutcome, JobType};
    use serde::Deserialize;
    use serde_json::json;

    fn serde<T: for<'de> Deserialize<'de>>(v: &serde_json::Value) -> Option<T> {
        T::deserialize(v).ok()
    }

    #[test]
    fn leaf_readers_accept_what_serde_accepts() {
        let values = [
            json!(null),
            json!(true),
            json!(0),
            json!(1),
            json!(4294967296u64),
            json!(-1),
            json!(1.5),
            json!(1e300),
            json!(""),
            json!("2018"),
            json!("2021"),
            json!("creating"),
            json!("before-packaging"),
            json!("Import"),
            json!("Export"),
            json!("import"),
            json!("CreateJob"),
            json!("CopyFinished"),
            json!("clean"),
            json!("Clean"),
            json!("warnings"),
            json!("9ca995bb"),
            json!("9CA995BB"),
            json!("9CA995B"),
            json!(["9CA995BB", "A0000001"]),
            json!(["9CA995BB", 1]),
            json!(["a", "b"]),
            json!([]),
            json!({}),
            json!({"clean": null}),
            json!({"clean": 1}),
            json!({"clean": null, "errors": null}),
            json!({"Import": null}),
            json!({"CreateJob": null}),
            json!({"2021": null}),
            json!({"creating": null}),
            json!({"9CA995BB": null}),
        ];
        for sv in &values {
            // Our readers on our value; serde's on serde_json's of the same JSON.
            let v = &Value::from(sv.clone());
            assert_eq!(text(v), serde::<String>(sv), "{sv}");
            assert_eq!(v.as_u64(), serde::<u64>(sv), "{sv}");
            assert_eq!(
                v.as_u64().and_then(|n| u32::try_from(n).ok()),
                serde::<u32>(sv),
                "{sv}"
            );
            assert_eq!(v.as_f64(), serde::<f64>(sv), "{sv}");
            assert_eq!(v.as_bool(), serde::<bool>(sv), "{sv}");
            assert_eq!(drive_id(v), serde::<DriveId>(sv), "{sv}");
            assert_eq!(each(v, drive_id), serde::<Vec<DriveId>>(sv), "{sv}");
            assert_eq!(each(v, text), serde::<Vec<String>>(sv), "{sv}");
            let rules = label(v).and_then(|s| RuleSet::ALL.into_iter().find(|r| r.id() == s));
            assert_eq!(rules, serde::<RuleSet>(sv), "{sv}");
            let window = label(v).and_then(|s| CancelWindow::ALL.into_iter().find(|w| w.id() == s));
            assert_eq!(window, serde::<CancelWindow>(sv), "{sv}");
            let job_type: Option<JobType> = label(v).and_then(|s| s.parse().ok());
            assert_eq!(job_type, serde::<JobType>(sv), "{sv}");
            let kind: Option<ActionKind> = label(v).and_then(|s| s.parse().ok());
            assert_eq!(kind, serde::<ActionKind>(sv), "{sv}");
            let outcome: Option<CopyOutcome> = label(v).and_then(|s| s.parse().ok());
            assert_eq!(outcome, serde::<CopyOutcome>(sv), "{sv}");
        }
    }
}
