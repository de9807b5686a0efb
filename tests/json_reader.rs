//! `ie_lifecycle::json::from_str` reads exactly as `serde_json::from_str::<Value>` reads:
//! the same texts accepted with equal values (floats to the bit, keys sorted, the last of a
//! duplicate key kept), the same texts refused with the same words, line and column. Random
//! documents, mutations and truncations of them, and random texts of JSON's characters.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::mutate::mutate;
use ie_lifecycle::json;
use proptest::prelude::*;

/// Fails unless both readers agree on `text`.
fn same(text: &str) -> Result<(), TestCaseError> {
    let ours = json::from_str(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(&serde_json::Value::from(&a), &b, "{:?}", text);
            // Equal as values lets 0.0 be -0.0; the written forms tell them apart.
            prop_assert_eq!(
                ie_lifecycle::sim::json_text(&a),
                b.to_string(),
                "{:?}",
                text
            );
        }
        (Err(a), Err(b)) => {
            prop_assert_eq!(a.to_string(), b.to_string(), "{:?}", text);
            prop_assert_eq!((a.line(), a.column()), (b.line(), b.column()));
        }
        (a, b) => prop_assert!(false, "{:?}: ours {:?}, serde_json {:?}", text, a, b),
    }
    Ok(())
}

fn check(text: &str) {
    if let Err(e) = same(text) {
        panic!("{e}");
    }
}

/// Number texts, valid or nearly: long digit runs (past u64), fractions, exponents (past i32).
fn number() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,24}|[0-9]{0,3})(\\.[0-9]{0,24})?([eE][+-]?[0-9]{0,12})?"
}

fn string() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-z \"/é😀\u{7f}\u{1f}\u{0}\t\n]",
            "\\\\[\"\\\\/bfnrtu x]",
            "\\\\u[0-9a-fA-F]{4}",
            "\\\\u[dD][89abAB][0-9a-f]{2}(\\\\u[dD][c-fC-F][0-9a-f]{2})?",
            "\\\\u[dD][c-fC-F][0-9a-f]{2}",
        ],
        0..6,
    )
    .prop_map(|parts| format!("\"{}\"", parts.concat()))
}

/// A JSON-ish document: mostly valid, with odd numbers and strings.
fn document() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        number(),
        string(),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        let space = "[ \t\r\n]{0,2}";
        prop_oneof![
            (
                proptest::collection::vec((inner.clone(), space), 0..5),
                space
            )
                .prop_map(|(items, end)| {
                    let parts: Vec<String> = items
                        .into_iter()
                        .map(|(v, s)| format!("{s}{v}{s}"))
                        .collect();
                    format!("[{}{end}]", parts.join(","))
                }),
            proptest::collection::vec(("[a-c]", inner.clone(), space), 0..5).prop_map(|members| {
                let parts: Vec<String> = members
                    .into_iter()
                    .map(|(k, v, s)| format!("{s}\"{k}\"{s}:{s}{v}"))
                    .collect();
                format!("{{{}}}", parts.join(","))
            }),
            proptest::collection::vec((string(), inner), 0..3).prop_map(|members| {
                let parts: Vec<String> = members
                    .into_iter()
                    .map(|(k, v)| format!("{k}:{v}"))
                    .collect();
                format!("{{{}}}", parts.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn documents_read_alike(doc in document(), pad in "[ \t\r\n]{0,2}") {
        same(&format!("{pad}{doc}{pad}"))?;
    }

    #[test]
    fn mutated_documents_read_alike(
        doc in document(),
        ops in proptest::collection::vec(any::<(u8, u16, u16, u8)>(), 1..4),
    ) {
        same(&mutate(&doc, &ops))?;
    }

    #[test]
    fn every_prefix_reads_alike(doc in document()) {
        for (i, _) in doc.char_indices() {
            same(&doc[..i])?;
        }
    }

    #[test]
    fn numbers_read_alike(n in number(), tail in "[ ,\\]}.eE+\\-0-9a]?") {
        same(&n)?;
        same(&format!("[{n}{tail}"))?;
        same(&format!("{{\"k\":{n}{tail}"))?;
    }

    #[test]
    fn random_texts_read_alike(text in "[\\[\\]{}:,\" \t\n\r\\\\/0-9eE+.\\-truefalsn\u{1}é😀\u{feff}]{0,30}") {
        same(&text)?;
    }
}

#[test]
fn named_cases_read_alike() {
    let cases = [
        "",
        " ",
        "null",
        "nul",
        "nulx",
        "true",
        "tru",
        "false",
        "[",
        "]",
        "{",
        "}",
        "[]",
        "{}",
        "[1,]",
        "[1,,2]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "[1 2]",
        "[1}",
        "{\"a\":1]",
        "1 2",
        "\u{feff}{}",
        "\u{feff}",
        "0",
        "-0",
        "-",
        "-a",
        "01",
        "-01",
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "1e-",
        "1ea",
        "1.0",
        "1e5",
        "1E5",
        "1e-5",
        "-0.0",
        "0.1",
        "1.5e300",
        "1e308",
        "1e309",
        "-1e309",
        "1e-400",
        "1e-324",
        "4.9e-324",
        "2.2250738585072014e-308",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "18446744073709551615",
        "18446744073709551616",
        "18446744073709551616.0",
        "184467440737095516150",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890e-10",
        "0.000000000000000000000000000001",
        "1e2147483647",
        "1e2147483648",
        "0e2147483648",
        "1e-2147483648",
        "-1e99999999999",
        "0.1e-99999999999",
        "9007199254740993",
        "9007199254740993.0",
        "1e23",
        "8.5e-323",
        "\"",
        "\"a",
        "\"\\",
        "\"\\x\"",
        "\"\\u\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\u00e9\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\uD83D\"",
        "\"\\uD83D\\\"",
        "\"\\uD83Dx\"",
        "\"\\uD83D\\n\"",
        "\"\\uD83D\\u0041\"",
        "\"\\uDE00\"",
        "\"\\uD83D\\uD83D\"",
        "\"\\uD83D\\u",
        "\"\\uD83D\\uDE",
        "\"a\u{1}b\"",
        "\"a\nb\"",
        "\"\t\"",
        "\"\u{7f}\"",
        "\"é\\é\"",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "{\"\":0,\"\\u0000\":1}",
        "[1,\n2,\n  x]",
        "\n\n  {\"a\":\n tru}",
        "\r\n[\r\n,",
        "[\u{c}]",
        "[\u{b}1]",
        "[1]\u{a0}",
        "[1] x",
        "{\"a\":[{\"b\":[]}]}extra",
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn nesting_is_limited_as_serde_json_limits_it() {
    for depth in [126, 127, 128, 129, 1000, 100_000] {
        check(&"[".repeat(depth));
        check(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        check(&"{\"a\":".repeat(depth));
        check(&format!(
            "{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ));
    }
}

#[test]
fn every_power_of_ten_is_rounded_as_its_literal() {
    for n in -400i32..=400 {
        check(&format!("1e{n}"));
        check(&format!("7e{n}"));
        check(&format!("123456789.987654321e{n}"));
        check(&format!("18446744073709551615e{n}"));
    }
}

#[test]
fn a_long_object_is_read_in_reasonable_time() {
    // 200,000 keys in reverse order: a sorted insert per key would be quadratic.
    let members: Vec<String> = (0..200_000)
        .rev()
        .map(|i| format!("\"k{i:06}\":{i}"))
        .collect();
    let text = format!("{{{}}}", members.join(","));
    let started = std::time::Instant::now();
    let value = json::from_str(&text);
    assert!(started.elapsed().as_secs() < 5);
    let Ok(value) = value else { panic!("reads") };
    assert_eq!(value.as_object().map(json::Map::len), Some(200_000));
    assert_eq!(value.get("k000007").and_then(json::Value::as_u64), Some(7));
    check(&text);
}

#[test]
fn trace_tells_each_value_its_path_and_offset_in_text_order() {
    let text = "{\"a\": [1, {\"b\\n\": 2}], \"a\": 3}";
    let mut seen = Vec::new();
    let value = json::trace(text, &mut |path, at| seen.push((path.to_string(), at)));
    assert!(value.is_ok());
    let want = [
        ("$", 0),
        ("$.a", 6),
        ("$.a[0]", 7),
        ("$.a[1]", 10),
        ("$.a[1].b\n", 18),
        ("$.a", 28),
    ];
    let want: Vec<(String, usize)> = want.iter().map(|(p, at)| (p.to_string(), *at)).collect();
    assert_eq!(seen, want);
}
