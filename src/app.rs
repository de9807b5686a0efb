//! The page: creates the app-wide state from the URL, starts the one ticker and lays out
//! the components.
//!
//! The layout (style/base.css, panels.css): the clock bar stays at the top of the window; the
//! jobs table and the selected job's details and diagrams sit on the left, the actions on the
//! right, beside them at every scroll position, so acting and seeing the result need no
//! scrolling. Below ~1200 px wide the same areas stack (jobs, actions, details); on a phone the
//! jobs table's rows become cards. "New job" and the rules fold away.

use leptos::prelude::*;

use crate::ui::tr;

use crate::i18n::{Lang, Text};
use crate::share::ScenarioRef;
use crate::ui::clock_bar::ClockBar;
use crate::ui::customer_actions::CustomerActions;
use crate::ui::datacenter_actions::DatacenterActions;
use crate::ui::event_log::EventLog;
use crate::ui::header::Header;
use crate::ui::job_details::JobDetails;
use crate::ui::job_table::JobTable;
use crate::ui::keyboard::use_keyboard;
use crate::ui::new_job_panel::NewJobPanel;
use crate::ui::notice::NoticeBar;
use crate::ui::rules_panel::RulesPanel;
use crate::ui::scenario_picker::ScenarioPicker;
use crate::ui::state::{AppState, DEFAULT_PRESET};
use crate::ui::ticker::use_ticker;
use crate::ui::url_sync::{initial_request, initial_view, use_url_sync};
use crate::ui::view_prefs::ViewPrefs;

#[component]
pub fn App() -> impl IntoView {
    // The link's look (projector, language) is read before anything renders in it.
    let crate::ui::link_start::Start {
        link: start_link,
        set_aside,
        unpacked,
    } = crate::ui::link_start::take();
    let look = initial_view(&start_link);
    let lang = RwSignal::new(look.lang.unwrap_or(Lang::En));
    provide_context(lang);
    let view = ViewPrefs::provide(look.projector);
    let (request, notice) = initial_request(&start_link, unpacked);
    let (app, warnings) = match request {
        Some(req) => (AppState::new(req.scenario, req.at), req.warnings),
        None => (
            AppState::new(ScenarioRef::Preset(DEFAULT_PRESET.into()), None),
            Vec::new(),
        ),
    };
    app.set_link_warnings(warnings);
    app.set_show_deleted(crate::share::hash::shows_deleted(&start_link));
    app.set_compare(crate::share::compare_param::compare_of(&start_link));
    if let Some(job) = crate::share::hash::selected_job(&start_link) {
        app.select(job);
    }
    app.set_notice(notice);
    provide_context(app);
    use_ticker(app);
    use_url_sync(app, view, lang);
    use_keyboard(app, view, lang);
    crate::ui::fx::effect(move || {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    // A story with no jobs (the Blank one) opens "New job": that is the first thing to do.
    let new_job = NodeRef::<leptos::html::Details>::new();
    crate::ui::fx::effect(move || {
        app.source().track();
        if app.jobs().with_untracked(|jobs| jobs.is_empty()) {
            if let Some(fold) = new_job.get_untracked() {
                fold.set_open(true);
            }
        }
    });
    view! {
        <Header />
        <NoticeBar />
        <crate::ui::autosave_notice::AutosaveNotice saved=set_aside />
        <main id="main">
            <ScenarioPicker />
            <ClockBar />
            <crate::ui::quiz::QuizPanel />
            <crate::ui::timeline::Timeline />
            <crate::ui::side_by_side::SideBySide />
            <div class="layout">
                <section class="jobs panel" aria-labelledby="jobs-heading">
                    <h2 id="jobs-heading">{tr(Text::JobsHeading)}</h2>
                    <JobTable />
                </section>
                <div class="actions-pair">
                    <CustomerActions />
                    <DatacenterActions />
                </div>
                <div class="workbench">
                    <JobDetails />
                </div>
                <crate::ui::azure_panel::AzurePanel />
                <details class="fold new-job-fold" node_ref=new_job>
                    <summary>{tr(Text::NewJobHeading)}</summary>
                    <NewJobPanel />
                </details>
                <EventLog />
                <details class="fold rules-fold">
                    <summary>{tr(Text::RulesHeading)}</summary>
                    <RulesPanel />
                </details>
            </div>
        </main>
    }
}
