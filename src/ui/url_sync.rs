//! Keeps the URL hash in step with the view, so the address bar is always a link to this
//! moment; and reads it at start and when someone pastes a new one.

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::share::{hash, HashRequest};

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// What the page should open, from the current hash. A bad hash gives a message and the
/// default scenario; it never stops the page.
pub fn initial_request() -> (Option<HashRequest>, Option<Notice>) {
    match hash::parse(&location_hash()) {
        Ok(request) => (request, None),
        Err(e) => (
            None,
            Some(Notice {
                text: format!(
                    "This link could not be opened: {e}. The default story is shown instead."
                ),
                is_error: true,
            }),
        ),
    }
}

pub fn use_url_sync(app: AppState) {
    // Write: only while paused (a link opens paused), with replaceState so the clock does
    // not flood the history.
    Effect::new(move |_| {
        if app.playing.get() {
            return;
        }
        let text = format!("#{}", hash::format(&app.shareable(), app.now.get()));
        if text != location_hash() {
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&text));
            }
        }
    });
    // Read: a hash typed or pasted into the address bar.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let current = format!(
            "#{}",
            hash::format(&app.shareable(), app.now.get_untracked())
        );
        if location_hash() == current {
            return;
        }
        match hash::parse(&location_hash()) {
            Ok(Some(req)) => {
                app.notice.set(None);
                app.load(req.scenario, req.at);
            }
            Ok(None) => {}
            Err(e) => app.notice.set(Some(Notice {
                text: format!(
                    "This link could not be opened: {e}. The current view stays as it was."
                ),
                is_error: true,
            })),
        }
    });
    on_cleanup(move || handle.remove());
}
