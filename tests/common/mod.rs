// Each test file uses some of these helpers, not all.
#![allow(dead_code)]

pub mod explore;
pub mod mutate;
pub mod tape;
