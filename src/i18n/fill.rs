//! Sentences with values in them, filled from a template: `{0}`, `{1}`, ... name the
//! arguments. One plain function instead of a `format!` per sentence and language, each of
//! which was its own code in the wasm; the two languages' templates share one argument list.

/// `template` with each `{i}` (one digit) replaced by `args[i]`; other braces are kept.
pub(crate) fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.as_bytes() {
            [d @ b'0'..=b'9', b'}', ..] => {
                out.push_str(args.get(usize::from(d - b'0')).copied().unwrap_or_default());
                rest = &after[2..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_numbered_places_and_keeps_other_braces() {
        assert_eq!(fill("{1} and {0}", &["a", "b"]), "b and a");
        assert_eq!(fill("{ \"v\": {0} }", &["1"]), "{ \"v\": 1 }");
        assert_eq!(fill("{0}{}{", &["{1}"]), "{1}{}{");
        assert_eq!(fill("ü {0}", &["é"]), "ü é");
    }
}
