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
    let mut root = object(value, "scenario")?;
    Ok(Scenario {
        version: required(&mut root, "version", |v| {
            v.as_u64().and_then(|n| u32::try_from(n).ok())
        })?,
        title: optional(&mut root, "title", text)?,
        description: optional(&mut root, "description", text)?,
        start: time(&mut root, "start")?,
        seed: optional(&mut root, "seed", Value::as_u64)?,
        rules: optional(&mut root, "rules", |v| {
            label(v).and_then(|s| RuleSet::ALL.into_iter().find(|r| r.id() == s))
        })?,
        cancel_window: optional(&mut root, "cancelWindow", |v| {
            label(v).and_then(|s| CancelWindow::ALL.into_iter().find(|w| w.id() == s))
        })?,
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
        enabled: optional(&mut o, "enabled", Value::as_bool)?,
        load: optional(&mut o, "load", Value::as_f64)?,
        throughput_mbps: optional(&mut o, "throughputMBps", Value::as_f64)?,
        exception_rate: optional(&mut o, "exceptionRate", Value::as_f64)?,
        other: rest(o),
    })
}

fn job(value: Value) -> Result<JobEntry, Unread> {
    let mut o = object(value, "job")?;
    Ok(JobEntry {
        name: required(&mut o, "name", text)?,
        job_type: required(&mut o, "type", |v| label(v)?.parse().ok())?,
        storage_account: required(&mut o, "storageAccount", text)?,
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
        id: required(&mut o, "id", drive_id)?,
        size_gib: required(&mut o, "sizeGiB", Value::as_f64)?,
        other: rest(o),
    })
}

fn event(value: Value) -> Result<EventEntry, Unread> {
    let mut o = object(value, "event")?;
    Ok(EventEntry {
        at: time(&mut o, "at")?,
        kind: required(&mut o, "kind", |v| label(v)?.parse().ok())?,
        job: match take(&mut o, "job") {
            Some(Value::String(name)) => JobRef::Name(name),
            Some(spec @ Value::Object(_)) => JobRef::Spec(Box::new(job(spec)?)),
            _ => return Err("job"),
        },
        storage_account: optional(&mut o, "storageAccount", text)?,
        carrier: optional(&mut o, "carrier", text)?,
        tracking: optional(&mut o, "tracking", text)?,
        present: optional(&mut o, "present", |v| each(v, drive_id))?,
        extra: optional(&mut o, "extra", |v| each(v, drive_id))?,
        drive: optional(&mut o, "drive", drive_id)?,
        bytes: optional(&mut o, "bytes", Value::as_u64)?,
        outcome: optional(&mut o, "outcome", |v| label(v)?.parse().ok())?,
        messages: optional(&mut o, "messages", |v| each(v, text))?,
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

/// Removes a key; the keys left become `other` (`json::Map` keeps keys sorted, as serde_json's
/// does without its `preserve_order` feature, so `other` keeps the same order either way).
fn take(o: &mut Fields, key: &str) -> Option<Value> {
    let i = o.iter().position(|(k, _)| k == key)?;
    Some(o.remove(i).1)
}

/// The fields left, as the map `other` keeps them.
fn rest(o: Fields) -> Map {
    let mut map = Map::new();
    for (k, v) in o {
        map.insert(k, v);
    }
    map
}

fn required<T>(
    o: &mut Fields,
    key: Unread,
    read: impl Fn(&Value) -> Option<T>,
) -> Result<T, Unread> {
    take(o, key).as_ref().and_then(read).ok_or(key)
}

/// Absent and `null` are both "not given", as serde's `Option` reads them.
fn optional<T>(
    o: &mut Fields,
    key: Unread,
    read: impl Fn(&Value) -> Option<T>,
) -> Result<Option<T>, Unread> {
    match take(o, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => read(&v).map(Some).ok_or(key),
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
fn list<T>(
    o: &mut Fields,
    key: Unread,
    each: fn(Value) -> Result<T, Unread>,
) -> Result<Vec<T>, Unread> {
    match take(o, key) {
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
