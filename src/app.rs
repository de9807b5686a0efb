//! The page: creates the app-wide state from the URL under the app's owner, starts the one
//! ticker and lays out the views' hosts.
//!
//! The layout (style/base.css, panels.css): the clock bar stays at the top of the window; the
//! jobs table and the selected job's details and diagrams sit on the left, the actions on the
//! right, beside them at every scroll position, so acting and seeing the result need no
//! scrolling. Below ~1200 px wide the same areas stack (jobs, actions, details); on a phone the
//! jobs table's rows become cards. "New job" and the rules fold away.

use leptos::prelude::*;
use web_sys::Element;

use crate::i18n::{Lang, Text};
use crate::share::ScenarioRef;
use crate::ui::keyboard::use_keyboard;
use crate::ui::state::{AppState, DEFAULT_PRESET};
use crate::ui::ticker::use_ticker;
use crate::ui::url_sync::{initial_request, initial_view, use_url_sync};
use crate::ui::view_prefs::ViewPrefs;

use crate::ui::dom::add;

/// Appends a panel with `class`, named by its heading `heading` (the panel draws it).
fn panel(parent: &Element, class: &str, heading: &str) -> Option<Element> {
    add(
        parent,
        "section",
        &[("class", class), ("aria-labelledby", heading)],
    )
}

/// The page's frame inside `main`, in order, each part attached as it is added.
fn frame(main: &Element, set_aside: Option<(String, crate::ui::autosave::SaveProblem)>) {
    use crate::ui::*;
    // Before `main`: the header, the notice's host and the saved work's.
    let saved = crate::ui::dom::previous(main);
    let notice = saved.as_ref().and_then(crate::ui::dom::previous);
    if let Some(h) = notice.as_ref().and_then(crate::ui::dom::previous) {
        header::attach(h);
    }
    if let Some(n) = notice {
        notice::attach(n);
    }
    if let Some(s) = saved {
        autosave_notice::attach(s, set_aside);
    }
    if let Some(p) = panel(main, "panel scenarios", "scenario-heading") {
        scenario_picker::attach(p);
    }
    if let Some(bar) = add(
        main,
        "section",
        &[("class", "clock-bar"), ("data-testid", "clock-bar")],
    ) {
        clock_bar::attach(bar);
    }
    if let Some(p) = panel(main, "quiz panel", "quiz-heading") {
        quiz::attach(p);
    }
    if let Some(fig) = add(
        main,
        "figure",
        &[
            ("class", "timeline panel"),
            ("role", "figure"),
            ("data-testid", "timeline"),
        ],
    ) {
        timeline::attach(fig);
    }
    if let Some(p) = panel(main, "sbs panel", "sbs-heading") {
        side_by_side::attach(p);
    }
    let Some(layout) = add(main, "div", &[("class", "layout")]) else {
        return;
    };
    if let Some(jobs) = panel(&layout, "jobs panel", "jobs-heading") {
        let _ = add(&jobs, "h2", &[("id", "jobs-heading")]);
        job_table::attach(&jobs);
    }
    if let Some(pair) = add(&layout, "div", &[("class", "actions-pair")]) {
        if let Some(p) = panel(&pair, "panel actions customer", "customer-heading") {
            customer_actions::attach(p);
        }
        if let Some(p) = panel(&pair, "panel actions datacenter", "dc-heading") {
            datacenter_actions::attach(&p);
        }
    }
    if let Some(bench) = add(&layout, "div", &[("class", "workbench")]) {
        if let Some(p) = panel(&bench, "panel details", "details-heading") {
            job_details::attach(&p);
        }
    }
    if let Some(fold) = add(&layout, "details", &[("class", "fold azure-fold")]) {
        azure_panel::attach(&fold);
    }
    if let Some(fold) = add(&layout, "details", &[("class", "fold new-job-fold")]) {
        let _ = add(&fold, "summary", &[]);
        if let Some(p) = panel(&fold, "panel new-job", "new-job-heading") {
            new_job_panel::attach(p);
        }
        // A story with no jobs (the Blank one) opens "New job": that is the first thing to do.
        let app = state::use_app();
        crate::ui::fx::effect(move || {
            app.source().track();
            if app.no_jobs_yet() {
                crate::ui::dom::set(&fold, "open", "");
            }
        });
    }
    if let Some(p) = panel(&layout, "panel log", "log-heading") {
        event_log::attach(&p);
    }
    if let Some(fold) = add(&layout, "details", &[("class", "fold rules-fold")]) {
        let _ = add(&fold, "summary", &[]);
        if let Some(p) = panel(&fold, "panel rules", "rules-heading") {
            rules_panel::attach(p);
        }
    }
    // The frame's own words, in the interface language (with `<html lang>`).
    let lang = use_lang();
    crate::ui::fx::effect(move || {
        let lang = lang.get();
        if let Some(root) = crate::ui::dom::page_root() {
            crate::ui::dom::set(&root, "lang", lang.tag());
        }
        for (selector, text) in [
            ("#jobs-heading", Text::JobsHeading),
            (".new-job-fold > summary", Text::NewJobHeading),
            (".rules-fold > summary", Text::RulesHeading),
        ] {
            if let Some(el) = crate::ui::dom::find(&layout, selector) {
                el.set_text_content(Some(lang.t(text)));
            }
        }
    });
}

/// The app in the page, as `mount` left it. Dropping it takes out what it added and lets go
/// of its owner (the browser tests mount an app per test); the page keeps its one (`forget`).
#[must_use = "dropping it takes the app out of the page"]
pub struct Mounted {
    _owner: Owner,
    nodes: Vec<Element>,
}

impl Mounted {
    /// Keeps the app for as long as the page lives.
    pub fn forget(self) {
        std::mem::forget(self);
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        for node in &self.nodes {
            crate::ui::dom::remove(node);
        }
    }
}

/// Appends the app to `parent`, set up under an owner of its own: every part finds the app's
/// contexts (`use_app`, `use_lang`) through it.
pub fn mount(parent: &Element) -> Mounted {
    // Effects run from the browser's microtasks (an error only says an earlier mount set
    // that up already).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let nodes = owner.with(|| start(parent));
    Mounted {
        _owner: owner,
        nodes,
    }
}

/// The app-wide state and its contexts, then the page's four hosts: the header, the notice's,
/// the saved work's and `main`.
fn start(parent: &Element) -> Vec<Element> {
    // The link's look (projector, language) is read before anything renders in it.
    let crate::ui::link_start::Start {
        link: start_link,
        set_aside,
        unpacked,
    } = crate::ui::link_start::take();
    let look = initial_view(&start_link);
    let lang = crate::ui::lang_signal::LangSignal::new(look.lang.unwrap_or(Lang::En));
    let view = ViewPrefs::new(look.projector);
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
    crate::ui::state::provide(app, lang, view);
    use_ticker(app);
    use_url_sync(app, view, lang);
    use_keyboard(app, view, lang);
    let mut nodes = Vec::new();
    let mut host = |tag, attrs: &[(&str, &str)]| {
        let el = add(parent, tag, attrs);
        nodes.extend(el.clone());
        el
    };
    host("header", &[("class", "app-header")]);
    host("div", &[("class", "notice-host")]);
    host("div", &[]);
    let main = host("main", &[("id", "main")]);
    // The frame is written on the effects' first turn, after the app's own effects (ticker,
    // link, keys) first ran, as when `main` was a view's node written once in the page; under
    // the app's owner, not the effect's.
    if let Some(main) = main {
        let owner = Owner::current();
        let mut once = Some((main, set_aside));
        crate::ui::fx::effect(move || {
            let Some((main, set_aside)) = once.take() else {
                return;
            };
            let start = move || untrack(|| frame(&main, set_aside));
            match &owner {
                Some(owner) => owner.with(start),
                None => start(),
            }
        });
    }
    nodes
}
