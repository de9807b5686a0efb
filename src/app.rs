//! The page: creates the app-wide state from the URL, starts the one ticker and lays out
//! the components.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::share::ScenarioRef;
use crate::ui::clock_bar::ClockBar;
use crate::ui::customer_actions::CustomerActions;
use crate::ui::datacenter_actions::DatacenterActions;
use crate::ui::event_log::EventLog;
use crate::ui::header::Header;
use crate::ui::job_details::JobDetails;
use crate::ui::job_table::JobTable;
use crate::ui::new_job_panel::NewJobPanel;
use crate::ui::notice::NoticeBar;
use crate::ui::rules_panel::RulesPanel;
use crate::ui::scenario_picker::ScenarioPicker;
use crate::ui::state::{AppState, DEFAULT_PRESET};
use crate::ui::ticker::use_ticker;
use crate::ui::url_sync::{initial_request, use_url_sync};

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::En);
    provide_context(lang);
    let (request, notice) = initial_request();
    let app = match request {
        Some(req) => AppState::new(req.scenario, req.at),
        None => AppState::new(ScenarioRef::Preset(DEFAULT_PRESET.into()), None),
    };
    app.set_notice(notice);
    provide_context(app);
    use_ticker(app);
    use_url_sync(app);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    view! {
        <Header />
        <NoticeBar />
        <main id="main">
            <ClockBar />
            <crate::ui::timeline::Timeline />
            <div class="layout">
                <div class="primary-column">
                    <section class="jobs panel" aria-labelledby="jobs-heading">
                        <h2 id="jobs-heading">{move || lang.get().t(Text::JobsHeading)}</h2>
                        <JobTable />
                    </section>
                    <JobDetails />
                    <EventLog />
                </div>
                <div class="side-column">
                    <ScenarioPicker />
                    <CustomerActions />
                    <DatacenterActions />
                    <NewJobPanel />
                    <RulesPanel />
                </div>
            </div>
        </main>
    }
}
