//! Small text helpers the wasm would otherwise get from heavier standard code. Substring search by a plain scan. The places that search (the jobs filter over names,
//! accounts and states; an Azure drive's status words) search short texts, and the standard
//! `str::contains` with a `&str` pattern brings core's two-way searcher (about 1 KB of wasm)
//! for them alone.

/// Whether `needle` occurs in `hay`, as `str::contains` answers. Bytes suffice: in UTF-8 a
/// whole character sequence can only match at character boundaries.
pub fn contains(hay: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    needle.is_empty() || hay.as_bytes().windows(needle.len()).any(|w| w == needle)
}

/// The parts one after another: what `format!` with only text arguments gives, without the
/// formatting machinery's argument list at each call site.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// The parts with `sep` between them, as `parts.join(sep)` gives, by a plain loop: the
/// standard join's copying code (about 400 bytes of wasm) for a few short lists.
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

/// The first `n` characters of `s` (all of it when shorter), as
/// `s.chars().take(n).collect::<String>()` gives, by one cut at a character boundary instead of
/// collecting characters one by one.
pub fn first_chars(s: &str, n: usize) -> String {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::{concat, contains, first_chars, join};

    #[test]
    fn join_is_the_standard_join() {
        for parts in [
            &[][..],
            &["a"],
            &["a", ""],
            &["R4", "R6", "é"],
            &["", "", ""],
        ] {
            for sep in ["", " ", "; "] {
                assert_eq!(join(parts, sep), parts.join(sep), "{parts:?} {sep:?}");
            }
        }
    }

    #[test]
    fn first_chars_cuts_at_a_character() {
        for (s, n) in [
            ("", 3),
            ("abc", 0),
            ("abc", 2),
            ("abc", 3),
            ("abc", 9),
            ("één", 2),
            ("e\u{301}x", 1),
        ] {
            assert_eq!(
                first_chars(s, n),
                s.chars().take(n).collect::<String>(),
                "{s:?} {n}"
            );
        }
    }

    #[test]
    fn concat_joins_in_order() {
        assert_eq!(concat(&[]), "");
        assert_eq!(concat(&["preset=", "é", "", "&t=1"]), "preset=é&t=1");
    }

    #[test]
    fn answers_as_str_contains() {
        let cases = [
            ("", ""),
            ("", "a"),
            ("a", ""),
            ("abc", "abc"),
            ("abc", "abcd"),
            ("xxerrorxx", "error"),
            ("aaab", "aab"),
            ("overdue", "due"),
            ("schijf één", "één"),
            ("één", "é"),
            ("é", "\u{301}"),
            ("completedmoreinfo", "info"),
        ];
        for (hay, needle) in cases {
            assert_eq!(
                contains(hay, needle),
                hay.contains(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    // Native only: proptest is not built for wasm.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn answers_as_str_contains_for_any_text(hay in "[a-cé\u{301}]{0,12}", needle in "[a-cé\u{301}]{0,4}") {
            proptest::prop_assert_eq!(contains(&hay, &needle), hay.contains(needle.as_str()));
        }
    }
}
