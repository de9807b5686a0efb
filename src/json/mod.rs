//! JSON values and a strict reader for them, in place of serde_json's in the wasm.
//!
//! Why our own: serde_json's parser, its float tables and its map monomorphs were about 20 KB
//! of the shipped wasm, for reading a few small files. This reader accepts exactly what
//! `serde_json::from_str::<serde_json::Value>` accepts, gives the same values (keys sorted, the
//! last of a duplicate key kept, integers exact, floats rounded as serde_json rounds them) and
//! the same error words, line and column; `tests/json_reader.rs` checks that against
//! serde_json itself. serde_json stays the reference in the native tests (`serde.rs`).

mod float;
mod map;
mod number;
mod parse;
mod serde;
mod value;

pub use map::Map;
pub use number::Number;
pub use parse::{from_str, trace, Error};
pub use value::Value;
