# Sourced (after scripts/env.sh) by the recipes that build the release wasm: `make build`, `make
# serve` and scripts/profile-build.sh. It makes the release build compile Rust's standard library
# from source (the rust-src component rust-toolchain.toml pins) with this crate's size settings,
# and turns a panic into an immediate abort: no panic message, location or formatting code is
# left in the bundle. That is 17 KB gzip of the 200 KB budget (270,262 -> 253,189 bytes gzip of
# the wasm, measured 2026-11-27), about 5 KB from std built for size and 12 KB from the panic
# machinery.
# Both are unstable cargo/rustc features; RUSTC_BOOTSTRAP=1 lets the pinned stable toolchain use
# them, so the toolchain stays the one rust-toolchain.toml names. The variables reach only this
# build: the tests, clippy and the browser tests build as before.
# A panic now stops the wasm with a trap instead of calling the panic hook; src/panic_banner.rs
# shows the banner for that trap as well.
# Plain POSIX sh (see scripts/env.sh); source it from the repository's root.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Replaces [target.wasm32-unknown-unknown] rustflags in .cargo/config.toml for this build, so it
# repeats that file's flag.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
# wasm-bindgen's import names, shortened after it runs (scripts/short-names.mjs): about 1.7 KB gzip.
# Trunk finds wasm-bindgen on PATH, so the stand-in goes first and calls the real one.
if [ -z "${IE_REAL_WASM_BINDGEN:-}" ]; then
  IE_REAL_WASM_BINDGEN=$(command -v wasm-bindgen)
  IE_ROOT=$(pwd)
  PATH="$IE_ROOT/scripts/bindgen:$PATH"
  export IE_REAL_WASM_BINDGEN IE_ROOT PATH
  hash -r 2>/dev/null || true
fi
