//! Fuzzing the two readers of outside input, the scenario parser and the link reader, with
//! random and mutated inputs: they never panic, and whatever the parser accepts loads, replays
//! and writes back to a file that reads the same. A few thousand cases here; `cargo bench
//! --bench fuzz` runs a million. Every input that ever failed is kept in `REGRESSIONS`.
#![cfg(not(target_arch = "wasm32"))]

use common::mutate::mutate;
use ie_lifecycle::share::{base64url, hash};
use ie_lifecycle::sim::{preset, presets, Scenario, Simulation};
use proptest::prelude::*;

mod common;

/// Inputs that once broke a reader (none yet from this harness; earlier finds by hand:
/// a '%' before a multi-byte character in a link).
const REGRESSIONS: &[&str] = &[
    "#preset=%é%&t=%ü",
    "#scenario=%",
    "{\"version\":1,\"start\":\"+10000-01-01T00:00:00Z\"}",
];

fn seeds() -> Vec<String> {
    presets()
        .into_iter()
        .filter_map(|p| preset(p.name))
        .filter(|s| s.jobs.len() <= 10)
        .map(|s| s.to_json_compact())
        .collect()
}

/// The whole promise for one text: no panic; if accepted, it loads, and its own file reads
/// back the same.
fn check_text(text: &str) -> Result<(), String> {
    let Ok(scenario) = Scenario::parse(text) else {
        return Ok(());
    };
    let sim =
        Simulation::new(scenario.clone()).map_err(|e| format!("parsed but did not load: {e}"))?;
    let _ = sim.state_at(sim.span_end());
    let again = Scenario::parse(&scenario.to_json()).map_err(|e| format!("its own file: {e}"))?;
    if again != scenario {
        return Err("the written file reads back differently".into());
    }
    Ok(())
}

fn check_link(link: &str) {
    let _ = hash::parse(link);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_text_never_breaks_the_parser(text in ".{0,400}") {
        prop_assert_eq!(check_text(&text), Ok(()));
        check_link(&text);
    }

    #[test]
    fn mutated_scenarios_never_break_the_parser(
        which in 0usize..8,
        ops in proptest::collection::vec((any::<u8>(), any::<u16>(), any::<u16>(), any::<u8>()), 1..6)
    ) {
        let seeds = seeds();
        let seed = &seeds[which % seeds.len()];
        let text = mutate(seed, &ops);
        prop_assert_eq!(check_text(&text), Ok(()));
        // The same mutation as a link.
        check_link(&format!("#scenario={}&t=2026-01-05T09:00:00Z", base64url::encode(text.as_bytes())));
        check_link(&mutate(&format!("#preset=happy-import&t=2026-01-05T09:00:00Z&scenario={}", base64url::encode(seed.as_bytes())), &ops));
    }
}

#[test]
fn inputs_that_once_failed_still_pass() {
    for text in REGRESSIONS {
        assert_eq!(check_text(text), Ok(()), "{text}");
        check_link(text);
    }
}
