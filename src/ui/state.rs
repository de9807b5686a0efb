//! The app-wide state, provided once by `App`: a small controller over the simulation and
//! the clock.
//!
//! Its signals are private: components read through the views (`now()`, `sim()`, ...) and
//! change things only through the methods (`seek`, `perform`, `load`, ...), so each rule of
//! the page ("any move of the clock pauses", "an accepted action marks the world edited")
//! lives in one place instead of in every component that pokes a signal.
//!
//! The simulation and the clock are the only sources of truth; everything shown is derived
//! from `jobs`, the replay of the simulation at `now`. Moving the clock backwards is
//! therefore just setting `now` to an earlier time.

use crate::ui::derived::Derived;

use crate::azure::Warning;

use super::lang_signal::LangSignal;
use super::read::Read;
use super::slot::Slot;
use super::view_prefs::ViewPrefs;
use super::why::LogHighlight;

use super::notice::{Notice, Story};
pub use super::speed::Speed;
use crate::model::{Action, Job, Refusal, Rules, Time};
use crate::share::compare_param::{alt_id, parse_alt};
use crate::share::ScenarioRef;
use crate::sim::compare::Alt;
use crate::sim::{preset, Autopilot, Simulation};

/// The preset a first visit opens.
pub const DEFAULT_PRESET: &str = "happy-import";

/// Everything a scenario load replaces, kept so "Undo" can put an edited world back.
struct Snapshot {
    sim: Simulation,
    source: ScenarioRef,
    edited: bool,
    now: Time,
    selected: Option<String>,
}

/// What the jobs table shows on its current page, for the timeline: past a few hundred jobs
/// its lanes are the table's page, in the table's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TablePage {
    /// The jobs on the page, in the table's order.
    pub names: Vec<String>,
    /// The page's number (0-based) and how many pages there are.
    pub page: usize,
    pub pages: usize,
    /// How many rows the table lists (filtered, deleted ones shown or not).
    pub total: usize,
}

fn speed_index(speed: Speed) -> usize {
    Speed::ALL.iter().position(|s| *s == speed).unwrap_or(0)
}

/// The clock's speed, read like a signal (`get` tracked, `get_untracked` not).
#[derive(Clone, Copy)]
pub struct SpeedSignal(Read<usize>);

impl SpeedSignal {
    fn of(i: usize) -> Speed {
        Speed::ALL.get(i).copied().unwrap_or_default()
    }
    pub fn get(&self) -> Speed {
        Self::of(self.0.get())
    }
    pub fn get_untracked(&self) -> Speed {
        Self::of(self.0.get_untracked())
    }
}

/// The app's state: a handle to its slots, one word wide. The slots themselves are 17
/// handles; every view and every closure that keeps the state would copy all of them, and
/// each copy is code in the wasm. The slots are made once per mounted app and kept for the
/// page's life (the browser tests mount a few apps: a few hundred bytes each).
#[derive(Clone, Copy)]
pub struct AppState(&'static AppSlots);

impl std::ops::Deref for AppState {
    type Target = AppSlots;
    fn deref(&self) -> &AppSlots {
        self.0
    }
}

pub struct AppSlots {
    sim: Slot<Simulation>,
    /// Where the loaded scenario came from: a preset keeps links short while unchanged.
    source: Slot<ScenarioRef>,
    /// True once the user changed the world: the link must then carry the whole scenario.
    edited: Slot<bool>,
    now: Slot<Time>,
    playing: Slot<bool>,
    /// The speed's place in `Speed::ALL`: a slot of `Speed`'s own type would add its own
    /// copy of the slot's code (`ui::slot`); this one shares the table page's.
    speed: Slot<usize>,
    selected: Slot<Option<String>>,
    notice: Slot<Option<Notice>>,
    /// The selected job as it is at `now` (None if nothing is selected or it does not exist yet).
    selected_job: Derived<Option<Job>>,
    /// The jobs table's page: the table sets it, its pager and the timeline turn it.
    table_page: Slot<usize>,
    /// What that page shows (written by the table once its rows are known).
    shown: Slot<TablePage>,
    /// The world the last load replaced, while its "Undo" is on offer.
    undo: Slot<Option<Snapshot>>,
    /// Set by a load the user chose: the address bar then gets a new history entry, so Back
    /// returns to the previous story instead of leaving the app.
    new_history_step: Slot<bool>,
    /// What did not fit the rules in the `#azure=` link the world was opened from (the Azure
    /// panel shows them as after a paste); cleared by any other load.
    link_warnings: Slot<Vec<Warning>>,
    /// The jobs table lists deleted jobs too (part of the link: `&deleted=1`).
    show_deleted: Slot<bool>,
    /// What "Side by side" compares the world with (part of the link: `&compare=`), as the
    /// link writes it (`compare_param::alt_id`). Text rather than an `Alt`: a slot of a
    /// type of its own adds its own copy of the slot's code (`ui::slot`); this one shares the
    /// selection's.
    compare: Slot<Option<String>>,
}

impl AppState {
    pub fn new(scenario: ScenarioRef, at: Option<Time>) -> Self {
        let loaded = resolve(&scenario);
        let start = loaded.start();
        let sim = Slot::new(loaded);
        let now = Slot::new(at.unwrap_or(start));
        let selected = Slot::new(None::<String>);
        // One job copied per frame, and subscribers woken only when it changed.
        let selected_job = Derived::new(move || {
            let t = now.get();
            selected.with(|name| {
                let name = name.as_deref()?;
                sim.with(|s| s.job_at(name, t).cloned())
            })
        });
        AppState(Box::leak(Box::new(AppSlots {
            sim,
            source: Slot::new(scenario),
            edited: Slot::new(false),
            now,
            playing: Slot::new(false),
            speed: Slot::new(speed_index(Speed::default())),
            selected,
            notice: Slot::new(None),
            selected_job,
            table_page: Slot::new(0),
            shown: Slot::new(TablePage::default()),
            undo: Slot::new(None),
            new_history_step: Slot::new(false),
            link_warnings: Slot::new(Vec::new()),
            show_deleted: Slot::new(false),
            compare: Slot::new(None),
        })))
    }

    /// What "Side by side" compares with (`None`: off), tracked.
    pub fn compare(&self) -> Option<Alt> {
        self.compare.with(|c| c.as_deref().and_then(parse_alt))
    }

    /// Turns "Side by side" on with `alt`, or off; nobody is woken if nothing changed.
    pub fn set_compare(&self, alt: Option<Alt>) {
        let id = alt.map(alt_id);
        if self.compare.with_untracked(|c| *c != id) {
            self.compare.set(id);
        }
    }

    pub fn show_deleted(&self) -> Read<bool> {
        Read::of(self.show_deleted)
    }

    pub fn set_show_deleted(&self, on: bool) {
        if self.show_deleted.get_untracked() != on {
            self.show_deleted.set(on);
        }
    }

    pub fn link_warnings(&self) -> Read<Vec<Warning>> {
        Read::of(self.link_warnings)
    }

    /// The warnings of the `#azure=` link just opened.
    pub fn set_link_warnings(&self, warnings: Vec<Warning>) {
        self.link_warnings.set(warnings);
    }

    // ---- read-only views ----

    pub fn sim(&self) -> Read<Simulation> {
        Read::of(self.sim)
    }
    pub fn now(&self) -> Read<Time> {
        Read::of(self.now)
    }
    pub fn playing(&self) -> Read<bool> {
        Read::of(self.playing)
    }
    pub fn speed(&self) -> SpeedSignal {
        SpeedSignal(Read::of(self.speed))
    }
    pub fn selected(&self) -> Read<Option<String>> {
        Read::of(self.selected)
    }
    /// Whether the world differs from the loaded scenario (the link then carries it whole).
    pub fn edited(&self) -> Read<bool> {
        Read::of(self.edited)
    }
    pub fn source(&self) -> Read<ScenarioRef> {
        Read::of(self.source)
    }
    pub fn notice(&self) -> Read<Option<Notice>> {
        Read::of(self.notice)
    }
    /// Whether no job exists at `now` (untracked). Views borrow the jobs they show from
    /// `sim`: a memo of every job's copy was most of a frame at 1,000 jobs.
    pub fn no_jobs_yet(&self) -> bool {
        let t = self.now.get_untracked();
        self.sim
            .with_untracked(|s| s.jobs_ref_at(t).next().is_none())
    }
    pub fn selected_job(&self) -> Derived<Option<Job>> {
        self.selected_job
    }

    /// The jobs table's page (0-based).
    pub fn table_page(&self) -> Read<usize> {
        Read::of(self.table_page)
    }

    /// Turns the jobs table to page `page` (clamped by the table).
    pub fn set_table_page(&self, page: usize) {
        self.table_page.set(page);
    }

    /// What the jobs table's page shows (for the timeline).
    pub fn shown(&self) -> Read<TablePage> {
        Read::of(self.shown)
    }

    /// The table says what its page shows; nobody is woken if nothing changed.
    pub fn set_shown(&self, page: TablePage) {
        if self.shown.with_untracked(|p| *p != page) {
            self.shown.set(page);
        }
    }

    /// A copy of the job named `name` as it is at `now`, tracked.
    pub fn job(&self, name: &str) -> Option<Job> {
        let t = self.now.get();
        self.sim.with(|s| s.job_at(name, t).cloned())
    }

    /// The scenario as a link would carry it.
    pub fn shareable(&self) -> ScenarioRef {
        if self.edited.get() {
            ScenarioRef::Inline(Box::new(self.sim.with(|s| s.scenario())))
        } else {
            self.source.get()
        }
    }

    // ---- the clock ----

    /// Moves the clock to `t` and pauses: every way of moving the clock is a pause, so the
    /// moment the user asked for stays on screen.
    pub fn seek(&self, t: Time) {
        self.playing.set(false);
        self.now.set(t);
    }

    pub fn play(&self) {
        self.playing.set(true);
    }

    pub fn pause(&self) {
        self.playing.set(false);
    }

    pub fn toggle_play(&self) {
        self.playing.set(!self.playing.get_untracked());
    }

    pub fn set_speed(&self, speed: Speed) {
        self.speed.set(speed_index(speed));
    }

    /// One frame of the ticker: the clock moves without pausing, and stops at `end`.
    pub(super) fn advance_to(&self, t: Time, end: Time) {
        if t >= end {
            self.seek(end);
        } else {
            self.now.set(t);
        }
    }

    // ---- acting on the world ----

    /// THE question every control asks: would `action` be accepted now? One small method,
    /// so every control agrees with the engine.
    pub fn check(&self, action: &Action) -> Result<(), Refusal> {
        let at = self.now.get();
        self.sim.with(|s| s.check(at, action))
    }

    /// `check` without subscribing: for event handlers.
    pub fn check_untracked(&self, action: &Action) -> Result<(), Refusal> {
        let at = self.now.get_untracked();
        self.sim.with_untracked(|s| s.check(at, action))
    }

    /// Adds `action` at the current simulated time, editing the simulation in place (a copy
    /// of a 20,000-job world costs a second and half a gigabyte). A refused action changes
    /// nothing and notifies nobody; an accepted one pauses the clock and marks the world edited.
    pub fn perform(&self, action: Action) -> Result<(), Refusal> {
        let at = self.now.get_untracked();
        let outcome = self.sim.try_maybe_update(|s| {
            let result = s.add(at, action);
            (result.is_ok(), result)
        });
        // `None` only if the state was disposed, i.e. the page is going away.
        outcome.unwrap_or(Ok(()))?;
        self.playing.set(false);
        self.edited.set(true);
        Ok(())
    }

    pub fn set_rules(&self, rules: Rules) {
        self.edit(|s| s.set_rules(rules));
    }

    pub fn set_autopilot(&self, autopilot: Autopilot) {
        self.edit(|s| s.set_autopilot(autopilot));
    }

    pub fn set_seed(&self, seed: u64) {
        self.edit(|s| s.set_seed(seed));
    }

    fn edit(&self, f: impl FnOnce(&mut Simulation)) {
        self.sim.update(f);
        self.edited.set(true);
    }

    /// Selects a job by name (`None` clears the selection).
    pub fn select(&self, job: impl Into<Option<String>>) {
        self.selected.set(job.into());
    }

    // ---- loading ----

    /// Loads a scenario the user chose: clock to its start (or `at`), paused, nothing
    /// selected, and a new browser-history step. If the world had edits, they are kept for
    /// `undo` and a notice offers it.
    pub fn load(&self, scenario: ScenarioRef, at: Option<Time>) {
        let had_edits = self.edited.get_untracked();
        let previous = had_edits.then(|| {
            (
                self.source.get_untracked(),
                self.now.get_untracked(),
                self.selected.get_untracked(),
            )
        });
        // The replaced world itself is kept, not a copy of it (copying stress-10000 took
        // 180–340 ms natively).
        let old = self.replace(scenario, at);
        self.new_history_step.set(true);
        self.undo.set(
            previous
                .zip(old)
                .map(|((source, now, selected), sim)| Snapshot {
                    sim,
                    source,
                    edited: true,
                    now,
                    selected,
                }),
        );
        if had_edits {
            self.notice
                .set(Some(Notice::Loaded(self.story_untracked())));
        } else if self
            .notice
            .with_untracked(|n| matches!(n, Some(Notice::Loaded(_))))
        {
            // An earlier offer would now undo the wrong load.
            self.notice.set(None);
        }
    }

    /// Opens what the address bar names (a pasted link, Back or Forward): no new history
    /// step, and no Undo (the history itself is the way back).
    pub fn follow_link(&self, scenario: ScenarioRef, at: Option<Time>) {
        self.undo.set(None);
        self.replace(scenario, at);
    }

    /// Puts back the world the last `load` replaced. Does nothing if there is none.
    pub fn undo(&self) {
        let Some(s) = self.undo.try_update(Option::take).flatten() else {
            return;
        };
        self.playing.set(false);
        self.sim.set(s.sim);
        self.source.set(s.source);
        self.edited.set(s.edited);
        self.now.set(s.now);
        self.selected.set(s.selected);
        self.notice.set(None);
    }

    /// Whether the next address written should be a new history entry; reading it clears it.
    pub fn take_history_step(&self) -> bool {
        self.new_history_step
            .try_update(std::mem::take)
            .unwrap_or(false)
    }

    pub fn set_notice(&self, notice: Option<Notice>) {
        if notice.is_none() {
            self.undo.set(None);
        }
        self.notice.set(notice);
    }

    /// Loads `scenario` in place of the world, which it returns.
    fn replace(&self, scenario: ScenarioRef, at: Option<Time>) -> Option<Simulation> {
        let loaded = resolve(&scenario);
        let start = loaded.start();
        self.playing.set(false);
        self.selected.set(None);
        self.table_page.set(0);
        let old = self.sim.try_update(|s| std::mem::replace(s, loaded));
        self.source.set(scenario);
        self.edited.set(false);
        self.now.set(at.unwrap_or(start));
        if self.link_warnings.with_untracked(|w| !w.is_empty()) {
            self.link_warnings.set(Vec::new());
        }
        old
    }

    /// The loaded story, for naming it in a notice.
    fn story_untracked(&self) -> Story {
        match self.source.get_untracked() {
            ScenarioRef::Preset(name) => Story::Preset(name),
            ScenarioRef::Inline(s) => Story::File(s.title.clone().unwrap_or_default()),
        }
    }
}

/// The world a reference names. An unknown preset falls back to the default one, which
/// always loads (a test checks every preset); a parsed file always loads too. The blank
/// world is only reachable if the built-in presets were broken, and keeps the page alive.
fn resolve(scenario: &ScenarioRef) -> Simulation {
    let named = match scenario {
        ScenarioRef::Preset(name) => preset(name),
        ScenarioRef::Inline(s) => Some((**s).clone()),
    };
    named
        .and_then(|s| Simulation::new(s).ok())
        .or_else(|| preset(DEFAULT_PRESET).and_then(|s| Simulation::new(s).ok()))
        .unwrap_or_else(|| Simulation::empty(chrono::DateTime::UNIX_EPOCH))
}

/// What `App` provides to every part: the app state, the interface language, the look and the
/// log entry a "Why?" link points at.
/// Kept in a cell of the page's one thread, not as a Leptos context: the context code (the
/// provide, the search up the owners, the type check, the map of contexts by type id) then
/// leaves the wasm, since nothing else provides one.
#[derive(Clone, Copy)]
pub struct Shared {
    pub app: AppState,
    pub lang: LangSignal,
    pub view: ViewPrefs,
    pub highlight: LogHighlight,
}

thread_local! {
    /// The mounted app's `Shared`; the browser tests mount one app after another, and each
    /// start replaces it before any part reads it.
    static SHARED: std::cell::Cell<Option<Shared>> = const { std::cell::Cell::new(None) };
}

/// Provides the app's state, language and look, and a fresh log highlight, to every part the
/// app mounts from now on.
pub fn provide(app: AppState, lang: LangSignal, view: ViewPrefs) {
    let highlight = LogHighlight::create();
    SHARED.set(Some(Shared {
        app,
        lang,
        view,
        highlight,
    }));
}

/// What `App` provided. A missing provider is a programming error, and the panic banner
/// shows it; a silent fallback world would hide it.
#[inline(never)]
pub fn shared() -> Shared {
    match SHARED.get() {
        Some(shared) => shared,
        None => panic!("the app state is read before App provided it"),
    }
}

/// The app state `App` provides (`shared`).
pub fn use_app() -> AppState {
    shared().app
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::{GetUntracked, Memo, Owner};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn happy() -> AppState {
        Owner::new().set();
        AppState::new(ScenarioRef::Preset(DEFAULT_PRESET.into()), None)
    }

    fn tracking() -> Action {
        Action::EnterTracking {
            job: "lab-a".into(),
            carrier: "DHL".into(),
            tracking: "T-1".into(),
        }
    }

    fn status(app: &AppState) -> Option<&'static str> {
        app.job("lab-a").map(|j| j.state.id())
    }

    #[test]
    fn a_refused_action_changes_nothing_and_wakes_nobody() {
        let app = happy();
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&runs);
        let watcher = Memo::new(move |_| {
            app.sim().track();
            counted.fetch_add(1, Ordering::SeqCst)
        });
        watcher.get_untracked();
        app.play();
        let ship = Action::DrivesShippedBack {
            job: "lab-a".into(),
            carrier: "DHL".into(),
            tracking: "R-1".into(),
        };
        assert_eq!(app.check(&ship), app.perform(ship).map(|_| ()));
        assert!(app.check(&tracking()).is_ok());
        watcher.get_untracked();
        assert_eq!(runs.load(Ordering::SeqCst), 1, "subscribers were notified");
        assert!(app.playing().get_untracked(), "a refusal does not pause");
        assert!(!app.edited().get_untracked());

        assert_eq!(app.perform(tracking()), Ok(()));
        watcher.get_untracked();
        assert_eq!(runs.load(Ordering::SeqCst), 2);
        assert!(!app.playing().get_untracked(), "an accepted action pauses");
        assert!(app.edited().get_untracked());
        assert_eq!(status(&app), Some("Shipping"));
    }

    #[test]
    fn undo_brings_back_the_edited_world_its_moment_and_selection() {
        let app = happy();
        app.seek(app.now().get_untracked() + chrono::TimeDelta::hours(5));
        assert_eq!(app.perform(tracking()), Ok(()));
        app.select("lab-a".to_string());
        let moment = app.now().get_untracked();

        app.load(ScenarioRef::Preset("abandoned".into()), None);
        assert!(
            matches!(app.notice().get_untracked(), Some(Notice::Loaded(Story::Preset(ref p))) if p == "abandoned")
        );
        assert!(app.take_history_step(), "a load is a history step");
        assert!(!app.take_history_step(), "taken once");
        assert_eq!(status(&app), None);

        app.undo();
        assert_eq!(status(&app), Some("Shipping"));
        assert_eq!(app.now().get_untracked(), moment);
        assert_eq!(app.selected().get_untracked().as_deref(), Some("lab-a"));
        assert!(app.edited().get_untracked());
        assert_eq!(app.notice().get_untracked(), None);
    }

    #[test]
    fn loading_an_unedited_world_offers_no_undo_and_following_a_link_is_no_new_step() {
        let app = happy();
        app.load(ScenarioRef::Preset("abandoned".into()), None);
        assert_eq!(app.notice().get_untracked(), None);
        app.undo();
        assert!(app.job("forgotten").is_some(), "nothing to undo");
        app.take_history_step();
        app.follow_link(ScenarioRef::Preset(DEFAULT_PRESET.into()), None);
        assert!(!app.take_history_step());
        assert_eq!(status(&app), Some("Creating"));
    }
}
