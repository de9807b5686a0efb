//! The Leptos components: small, one concern each, named after what they show. All state
//! lives in `state::AppState`; the domain logic lives in `crate::model` and `crate::sim`.

pub mod action_button;
pub mod autopilot_settings;
pub mod clock_bar;
pub mod clock_controls;
pub mod customer_actions;
pub mod datacenter_actions;
pub mod drive_table;
pub mod event_log;
pub mod format;
pub mod go_to;
pub mod header;
pub mod job_details;
pub mod job_form;
pub mod job_row;
pub mod job_rows;
pub mod job_table;
pub mod new_job_panel;
pub mod notice;
pub mod rules_panel;
pub mod scenario_picker;
pub mod scrubber;
pub mod sort_header;
pub mod speed;
pub mod state;
pub mod state_diagram;
pub mod state_diagrams;
pub mod status_badge;
pub mod text_field;
pub mod ticker;
pub mod timeline;
pub mod url_sync;
pub mod why;
pub mod why_reason;

use leptos::prelude::*;

use crate::i18n::Lang;

/// The interface language chosen in the header, provided by `App`. A missing provider is a
/// programming error, which the panic banner shows.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}
