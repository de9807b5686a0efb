//! Shareable links: the URL hash that reproduces a view. Pure (no browser), tested natively.

pub mod added;
pub mod base64url;
pub mod compare_param;
pub mod form;
pub mod hash;
pub mod packed;

pub use hash::{HashError, HashRequest, ScenarioRef, ViewParams};
