//! One copy of Leptos' effect machinery for the whole app.
//!
//! `Effect::new` is generic over its closure, and each call site compiled its own copy of the
//! effect's task (the future that waits for a change and reruns the closure): about 0.9 KB of
//! wasm per effect, 37 effects. Here the closure is boxed and handed to one non-generic
//! function, so the task exists once and each effect costs only its own body.

use leptos::prelude::Effect;

/// Runs `body` now and again whenever a signal it read changes, like `Effect::new`.
pub fn effect(body: impl FnMut() + 'static) {
    effect_boxed(Box::new(body));
}

#[inline(never)]
fn effect_boxed(mut body: Box<dyn FnMut()>) {
    Effect::new(move |_| body());
}

/// Like `Effect::new` with a closure that is handed what it returned last time (`None` on the
/// first run): what was drawn, so that a rerun can redraw only what changed.
pub fn effect_with<T: 'static>(mut body: impl FnMut(Option<T>) -> T + 'static) {
    let mut last = None;
    effect(move || last = Some(body(last.take())));
}
