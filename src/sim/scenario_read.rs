//! The leaf readers and field lists with which `validate.rs` builds a `Scenario` while it
//! checks the file, in one pass: each field the validator judges is converted where it is
//! judged. An event's optional fields are read here for every kind, since the validator
//! judges only those its kind uses; one it does not judge and that cannot be read is a gap in
//! the validator, reported as one problem at the root (the first such field: events in file
//! order, an event's fields in `event_fields`' order; `tests/scenario_one_pass.rs`).
//!
//! Why by hand and not `#[derive(Deserialize)]`: the derive for these structs (flattened
//! `other` maps, an untagged `job`) compiled to about 55 KB of wasm, a quarter of a minimal
//! Leptos app; these readers are a few KB. Leaf values are read by the small typed readers
//! below, not by their serde impls (a `Deserialize` per type, each with its visitor, in the
//! wasm); they accept exactly what serde accepts, which the tests below check.

use crate::json::{Map, Value};

use crate::model::DriveId;

use super::scenario::EventEntry;

/// A field that could not be read: its name, for the one problem reported.
pub type Unread = &'static str;

/// The fields each struct reads; the others are kept in its `other` map.
pub const SCENARIO_KEYS: &[&str] = &[
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
pub const AUTOPILOT_KEYS: &[&str] = &["enabled", "load", "throughputMBps", "exceptionRate"];
pub const JOB_KEYS: &[&str] = &["name", "type", "storageAccount", "createdAt", "drives"];
pub const DRIVE_KEYS: &[&str] = &["id", "sizeGiB"];
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

/// Fills an event's optional fields in place, in file order, and keeps the rest in `other`;
/// `at`, `kind` and `job` are the validator's.
pub fn event_fields(o: &Map, e: &mut EventEntry) -> Result<(), Unread> {
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
    Ok(())
}

/// The fields not in `known`, as the map `other` keeps them (`json::Map` keeps keys sorted,
/// as serde_json's does without its `preserve_order` feature, so `other` keeps the same order
/// either way).
pub fn rest(o: &Map, known: &[&str]) -> Map {
    let mut map = Map::new();
    for (k, v) in o {
        if !known.contains(&k.as_str()) {
            map.insert(k.clone(), v.clone());
        }
    }
    map
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionKind, CancelWindow, CopyOutcome, JobType, RuleSet};
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
