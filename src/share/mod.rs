//! Shareable links: the URL hash that reproduces a view. Pure (no browser), tested natively.

pub mod base64url;
pub mod compare_param;
pub mod hash;

pub use hash::{HashError, HashRequest, ScenarioRef, ViewParams};
