//! Writes the scenario file's compact JSON by hand, byte for byte what serde_json writes from
//! the `Serialize` derives in `scenario.rs` (field order, absent optional fields left out,
//! unknown fields last in key order, serde_json's string escapes and number forms).
//!
//! Why by hand: the derives compiled into the wasm a serializer per type and per writer,
//! several kilobytes; these few non-generic functions do the same for one format. The
//! derives stay as the reference the native tests compare this writer with.

use super::scenario::{AutopilotSpec, DriveEntry, EventEntry, JobEntry, JobRef, Scenario};
use crate::json::{Map, Number, Value};
use crate::model::rfc3339::write_rfc3339;
use crate::model::{DriveId, Time};

pub(super) fn scenario(s: &Scenario) -> String {
    let mut o = Obj::open(String::with_capacity(256));
    o.key("version").push_str(&s.version.to_string());
    o.some_text("title", &s.title);
    o.some_text("description", &s.description);
    time(o.key("start"), s.start);
    if let Some(seed) = s.seed {
        o.key("seed").push_str(&seed.to_string());
    }
    if let Some(rules) = s.rules {
        text(o.key("rules"), rules.id());
    }
    if let Some(window) = s.cancel_window {
        text(o.key("cancelWindow"), window.id());
    }
    if let Some(a) = &s.autopilot {
        autopilot(o.key("autopilot"), a);
    }
    list(o.key("jobs"), &s.jobs, job);
    events_into(o.key("events"), &s.events);
    o.close(&s.other)
}

/// A JSON array of events, as the `add=` part of a short link carries them.
pub(crate) fn events(events: &[EventEntry]) -> String {
    let mut out = String::new();
    events_into(&mut out, events);
    out
}

fn events_into(out: &mut String, events: &[EventEntry]) {
    list(out, events, event);
}

fn autopilot(out: &mut String, a: &AutopilotSpec) {
    let mut o = Obj::open(std::mem::take(out));
    if let Some(enabled) = a.enabled {
        o.key("enabled")
            .push_str(if enabled { "true" } else { "false" });
    }
    o.some_number("load", a.load);
    o.some_number("throughputMBps", a.throughput_mbps);
    o.some_number("exceptionRate", a.exception_rate);
    *out = o.close(&a.other);
}

fn job(out: &mut String, j: &JobEntry) {
    let mut o = Obj::open(std::mem::take(out));
    text(o.key("name"), &j.name);
    text(o.key("type"), j.job_type.id());
    text(o.key("storageAccount"), &j.storage_account);
    if let Some(at) = j.created_at {
        time(o.key("createdAt"), at);
    }
    list(o.key("drives"), &j.drives, drive);
    *out = o.close(&j.other);
}

fn drive(out: &mut String, d: &DriveEntry) {
    let mut o = Obj::open(std::mem::take(out));
    text(o.key("id"), d.id.as_str());
    number(o.key("sizeGiB"), d.size_gib);
    *out = o.close(&d.other);
}

fn event(out: &mut String, e: &EventEntry) {
    let mut o = Obj::open(std::mem::take(out));
    time(o.key("at"), e.at);
    text(o.key("kind"), e.kind.id());
    match &e.job {
        JobRef::Name(name) => text(o.key("job"), name),
        JobRef::Spec(spec) => job(o.key("job"), spec),
    }
    o.some_text("storageAccount", &e.storage_account);
    o.some_text("carrier", &e.carrier);
    o.some_text("tracking", &e.tracking);
    o.some_drives("present", &e.present);
    o.some_drives("extra", &e.extra);
    if let Some(d) = &e.drive {
        text(o.key("drive"), d.as_str());
    }
    if let Some(bytes) = e.bytes {
        o.key("bytes").push_str(&bytes.to_string());
    }
    if let Some(outcome) = e.outcome {
        text(o.key("outcome"), outcome.id());
    }
    if let Some(messages) = &e.messages {
        list(o.key("messages"), messages, |out, m| text(out, m));
    }
    *out = o.close(&e.other);
}

/// An object being written: `key` puts the comma before every member but the first.
struct Obj {
    out: String,
    first: bool,
}

impl Obj {
    fn open(mut out: String) -> Self {
        out.push('{');
        Self { out, first: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        text(&mut self.out, key);
        self.out.push(':');
        &mut self.out
    }

    fn some_text(&mut self, key: &str, value: &Option<String>) {
        if let Some(value) = value {
            text(self.key(key), value);
        }
    }

    fn some_number(&mut self, key: &str, value: Option<f64>) {
        if let Some(value) = value {
            number(self.key(key), value);
        }
    }

    fn some_drives(&mut self, key: &str, value: &Option<Vec<DriveId>>) {
        if let Some(ids) = value {
            list(self.key(key), ids, |out, id| text(out, id.as_str()));
        }
    }

    /// Ends the object with the fields the file had that this simulator does not know.
    fn close(mut self, other: &Map) -> String {
        for (key, value) in other {
            value_into(self.key(key), value);
        }
        self.out.push('}');
        self.out
    }
}

/// Any JSON value as compact text, what `Value::to_string` writes. The wasm's one JSON writer:
/// serde_json's `Serialize` and its formatter (about 2 KB) stay out of it.
pub fn json_text(value: &Value) -> String {
    let mut out = String::new();
    value_into(&mut out, value);
    out
}

fn value_into(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => n.write(out),
        Value::String(s) => text(out, s),
        Value::Array(items) => list(out, items, value_into),
        Value::Object(map) => {
            let o = Obj::open(std::mem::take(out));
            *out = o.close(map);
        }
    }
}

fn list<T>(out: &mut String, items: &[T], write: impl Fn(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn time(out: &mut String, t: Time) {
    text(out, &write_rfc3339(t, true, true));
}

/// serde_json's float form; a value that is not finite is `null`, as serde_json writes it.
fn number(out: &mut String, x: f64) {
    match Number::from_f64(x) {
        Some(n) => n.write(out),
        None => out.push_str("null"),
    }
}

/// A JSON string with serde_json's escapes: `"`, `\` and control characters only.
fn text(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
