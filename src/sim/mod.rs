//! The simulation: an append-only event log over time, replayed to give the world at any
//! instant, plus scenario files, built-in presets and the datacenter autopilot.

pub mod autopilot;
pub mod compare;
pub mod engine;
pub(crate) mod json_path;
pub mod lanes;
pub(crate) mod locate;
pub mod log;
pub mod presets;
pub mod quiz;
mod replay;
pub mod rng;
pub mod scenario;
mod scenario_read;
pub(crate) mod scenario_write;
mod validate;

pub use autopilot::Autopilot;
pub use engine::{Simulation, World};
pub use log::LogEntry;
pub use presets::{preset, preset_named, preset_titled, presets, Preset};
pub use replay::{order_at_instant, Kind as InstantKind};
pub use scenario::{Problem, Scenario, ScenarioErrors};
pub use scenario_write::json_text;
