//! The app-wide reactive state, provided once by `App` and read by every component.
//!
//! The simulation and the clock are the only sources of truth; everything shown is derived
//! from `jobs`, the replay of the simulation at `now`. Moving the clock backwards is
//! therefore just setting `now` to an earlier time.

use leptos::prelude::*;

use crate::model::Job;
use crate::model::Time;
use crate::share::ScenarioRef;
use crate::sim::{preset, Scenario, Simulation};

/// The preset a first visit opens.
pub const DEFAULT_PRESET: &str = "happy-import";

/// Simulated time per real second while playing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Speed {
    Hour,
    SixHours,
    #[default]
    Day,
    Week,
}

impl Speed {
    pub const ALL: [Speed; 4] = [Speed::Hour, Speed::SixHours, Speed::Day, Speed::Week];

    pub fn per_second(self) -> chrono::TimeDelta {
        match self {
            Speed::Hour => chrono::TimeDelta::hours(1),
            Speed::SixHours => chrono::TimeDelta::hours(6),
            Speed::Day => chrono::TimeDelta::days(1),
            Speed::Week => chrono::TimeDelta::weeks(1),
        }
    }

    /// Stable value for the `<select>`.
    pub fn id(self) -> &'static str {
        match self {
            Speed::Hour => "1h",
            Speed::SixHours => "6h",
            Speed::Day => "1d",
            Speed::Week => "1w",
        }
    }
}

/// A message shown at the top of the page (for example a bad link), with how serious it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub sim: RwSignal<Simulation>,
    /// Where the loaded scenario came from: a preset keeps links short while unchanged.
    pub source: RwSignal<ScenarioRef>,
    /// True once the user added an event: the link must then carry the whole scenario.
    pub edited: RwSignal<bool>,
    pub now: RwSignal<Time>,
    pub playing: RwSignal<bool>,
    pub speed: RwSignal<Speed>,
    pub selected: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The jobs at `now`, replayed from the log (deleted ones included, creation order).
    pub jobs: Memo<Vec<Job>>,
    /// The selected job as it is at `now` (None if nothing is selected or it does not exist yet).
    pub selected_job: Memo<Option<Job>>,
}

impl AppState {
    pub fn new(scenario: ScenarioRef, at: Option<Time>) -> Self {
        let loaded = resolve(&scenario);
        let start = loaded.start;
        let sim = RwSignal::new(Simulation::new(loaded));
        let now = RwSignal::new(at.unwrap_or(start));
        let jobs = Memo::new(move |_| {
            let t = now.get();
            sim.with(|s| s.jobs_at(t))
        });
        let selected = RwSignal::new(None::<String>);
        let selected_job = Memo::new(move |_| {
            let name = selected.get()?;
            jobs.with(|jobs| jobs.iter().find(|j| j.name == name).cloned())
        });
        AppState {
            sim,
            source: RwSignal::new(scenario),
            edited: RwSignal::new(false),
            now,
            playing: RwSignal::new(false),
            speed: RwSignal::new(Speed::default()),
            selected,
            notice: RwSignal::new(None),
            jobs,
            selected_job,
        }
    }

    /// Replaces the scenario: clock to its start (or `at`), paused, nothing selected.
    pub fn load(&self, scenario: ScenarioRef, at: Option<Time>) {
        let loaded = resolve(&scenario);
        let start = loaded.start;
        self.playing.set(false);
        self.selected.set(None);
        self.sim.set(Simulation::new(loaded));
        self.source.set(scenario);
        self.edited.set(false);
        self.now.set(at.unwrap_or(start));
    }

    /// A copy of the job named `name` as it is at `now`, tracked.
    pub fn job(&self, name: &str) -> Option<Job> {
        self.jobs
            .with(|jobs| jobs.iter().find(|j| j.name == name).cloned())
    }

    /// The scenario as a link would carry it.
    pub fn shareable(&self) -> ScenarioRef {
        if self.edited.get() {
            ScenarioRef::Inline(Box::new(self.sim.with(|s| s.scenario())))
        } else {
            self.source.get()
        }
    }
}

/// The scenario a reference names; an unknown preset falls back to the default one, which
/// always exists (a test checks it).
fn resolve(scenario: &ScenarioRef) -> Scenario {
    match scenario {
        ScenarioRef::Preset(name) => preset(name).or_else(|| preset(DEFAULT_PRESET)),
        ScenarioRef::Inline(s) => Some((**s).clone()),
    }
    .unwrap_or_else(empty_scenario)
}

/// Only reachable if the built-in presets were broken; keeps the page alive regardless.
fn empty_scenario() -> Scenario {
    Scenario::new(chrono::DateTime::UNIX_EPOCH)
}

pub fn use_app() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| AppState::new(ScenarioRef::Preset(DEFAULT_PRESET.into()), None))
}
