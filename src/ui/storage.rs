//! `localStorage`, where the browser allows it. Private windows, locked-down profiles and
//! full disks refuse it (reading `localStorage` itself may throw): then nothing is kept and
//! everything still works, so every access goes through here and never fails.

fn storage() -> Option<wasm_bindgen::JsValue> {
    // Read through `Reflect.get`, which turns a throw into `undefined` (`ui::dom::prop`).
    let s = super::dom::prop(&leptos::prelude::window(), "localStorage");
    (!s.is_null() && !s.is_undefined()).then_some(s)
}

/// The value kept under `key`, if storage works and holds one.
pub fn read(key: &str) -> Option<String> {
    let s = storage()?;
    super::dom::call(&s, "getItem", &key.into()).as_string()
}

/// Keeps `value` under `key` (`None` forgets it). False when the browser refused it (its
/// storage is full); a browser without storage refuses nothing: remembering is a
/// convenience, never a condition.
pub fn write(key: &str, value: Option<&str>) -> bool {
    let Some(s) = storage() else {
        return true;
    };
    match value {
        // `localStorage[key] = v` is `setItem` (our keys name none of the storage's own
        // methods), through `Reflect.set`, which the app imports anyway: `setItem` would be
        // an import of its own. A full storage's throw comes back as false.
        Some(v) => super::dom::put(&s, key, &v.into()),
        None => {
            let _ = super::dom::call(&s, "removeItem", &key.into());
            true
        }
    }
}
