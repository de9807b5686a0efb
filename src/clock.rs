//! The wall clock, kept out of the pure core: only the my-job and Azure panels read it ("now",
//! for a real job's dates). In the browser it is `Date.now()` rather than chrono's `clock`
//! and `wasmbind` features, which brought their own copy of the JS date bindings.

use crate::model::Time;

/// The current time, to the millisecond.
pub fn now() -> Time {
    Time::from_timestamp_millis(millis()).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn millis() -> i64 {
    web_sys::js_sys::Date::now() as i64
}

#[cfg(not(target_arch = "wasm32"))]
fn millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
