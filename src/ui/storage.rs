//! `localStorage`, where the browser allows it. Private windows, locked-down profiles and
//! full disks refuse it (reading `localStorage` itself may throw): then nothing is kept and
//! everything still works, so every access goes through here and never fails.

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// The value kept under `key`, if storage works and holds one.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key` (`None` forgets it). A refusal is ignored: remembering is a
/// convenience, never a condition.
pub fn write(key: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}
