//! Azure Import/Export job lifecycle simulator.
//!
//! `model` and `sim` are the pure domain core (no browser, no wall clock); `ui` and `app` are
//! the thin Leptos layer over it.

pub mod app;
pub mod azure;
pub mod clock;
pub mod heap;
pub mod i18n;
pub mod json;
pub mod model;
pub mod panic_banner;
pub mod share;
pub mod sim;
pub mod sort;
pub mod text;
pub mod ui;
