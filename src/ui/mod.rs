//! The Leptos components: small, one concern each, named after what they show. All state
//! lives in `state::AppState`; the domain logic lives in `crate::model` and `crate::sim`.

pub mod action_button;
pub mod autopilot_settings;
pub mod autosave;
pub mod autosave_notice;
pub mod azure_panel;
pub mod clock_bar;
pub mod clock_controls;
pub mod compress;
pub mod copy_link;
pub mod customer_actions;
pub mod datacenter_actions;
pub mod derived;
pub mod dom;
pub mod download;
pub mod drive_table;
pub mod event_log;
pub mod format;
pub mod fx;
pub mod go_to;
pub mod header;
pub mod job_body;
pub mod job_details;
pub mod job_form;
pub mod job_row;
pub mod job_rows;
pub mod job_table;
pub mod keyboard;
pub mod lang_signal;
pub mod link_start;
pub mod my_job_panel;
pub mod new_job_panel;
pub mod notice;
pub mod quiz;
pub mod reach;
pub mod read;
pub mod rules_panel;
pub mod scenario_picker;
pub mod scrubber;
pub mod shortcut_sheet;
pub mod side_by_side;
pub mod slot;
pub mod speed;
pub mod state;
pub mod state_diagram;
pub mod state_diagrams;
pub mod storage;
pub mod ticker;
pub mod timeline;
pub mod url_sync;
pub mod view_prefs;
pub mod why;
pub mod why_reason;

/// The interface language chosen in the header, provided by `App`. A missing provider is a
/// programming error, which the panic banner shows.
pub fn use_lang() -> lang_signal::LangSignal {
    state::shared().lang
}

/// The text `key` in the interface language, as a reactive text or attribute value.
///
/// Why a function and not `move || t(key)` at each use: every call returns the same closure
/// type, so Leptos' rendering code for it is compiled once instead of once per use (about a
/// hundred texts; this is one of the levers of the 200 KB budget).
pub fn tr(key: crate::i18n::Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().t(key)
}
