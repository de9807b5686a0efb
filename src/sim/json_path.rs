//! JSON paths for problems (`$.events[3].at`), built by plain functions: the validators
//! name a path in many places, and each `format!` there was its own code in the wasm.

/// `path.key`.
pub(crate) fn dot(path: &str, key: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1 + key.len());
    out.push_str(path);
    out.push('.');
    out.push_str(key);
    out
}

/// `path[i]`.
pub(crate) fn item(path: &str, i: usize) -> String {
    let mut out = String::with_capacity(path.len() + 6);
    out.push_str(path);
    out.push('[');
    out.push_str(&i.to_string());
    out.push(']');
    out
}

/// Where each of `paths` is in `text` (`locate::positions_of`), out of line: the Azure
/// reader and the link's added events share this one copy instead of each inlining the
/// generic original for its own iterator.
#[inline(never)]
pub(crate) fn positions(text: &str, paths: &[&str]) -> super::locate::Positions {
    super::locate::positions_of(text, paths.iter().copied())
}

/// `path.key[i]`.
pub(crate) fn index(path: &str, key: &str, i: usize) -> String {
    item(&dot(path, key), i)
}
