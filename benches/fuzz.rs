//! Fuzz benchmark (not a test): a million inputs through the scenario parser and the link
//! reader, random text and mutations of every built-in story, from a fixed seed. It prints
//! how many were read, accepted and rejected and how fast; a panic stops it (and would be a
//! bug: keep the input in tests/fuzz_inputs.rs's REGRESSIONS). Run: `cargo bench --bench fuzz`.

#[path = "../tests/common/mutate.rs"]
mod mutate;

use ie_lifecycle::share::{base64url, hash};
use ie_lifecycle::sim::rng::SplitMix64;
use ie_lifecycle::sim::{preset, presets, Scenario, Simulation};
use std::time::Instant;

const INPUTS: u64 = 1_000_000;

fn main() {
    let seeds: Vec<String> = presets()
        .into_iter()
        .filter_map(|p| preset(p.name))
        .filter(|s| s.jobs.len() <= 10)
        .map(|s| s.to_json_compact())
        .collect();
    let mut rng = SplitMix64::new(20_261_126);
    let (mut accepted, mut rejected, mut links_ok) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    for n in 0..INPUTS {
        let text = if n % 4 == 0 {
            let len = rng.range(0, 200) as usize;
            (0..len)
                .map(|_| char::from_u32(rng.range(0, 0x2100) as u32).unwrap_or('?'))
                .collect()
        } else {
            let seed = &seeds[rng.range(0, seeds.len() as u64 - 1) as usize];
            let ops: Vec<(u8, u16, u16, u8)> = (0..rng.range(1, 5))
                .map(|_| {
                    (
                        rng.next_u32() as u8,
                        rng.next_u32() as u16,
                        rng.next_u32() as u16,
                        rng.next_u32() as u8,
                    )
                })
                .collect();
            mutate::mutate(seed, &ops)
        };
        match Scenario::parse(&text) {
            Ok(s) => {
                accepted += 1;
                if let Ok(sim) = Simulation::new(s) {
                    let _ = sim.state_at(sim.span_end());
                }
            }
            Err(_) => rejected += 1,
        }
        if hash::parse(&format!("#scenario={}", base64url::encode(text.as_bytes()))).is_ok() {
            links_ok += 1;
        }
        let _ = hash::parse(&text);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{INPUTS} inputs in {secs:.1} s ({:.0}/s): {accepted} accepted, {rejected} rejected, {links_ok} links opened; no panic",
        INPUTS as f64 / secs
    );
}
