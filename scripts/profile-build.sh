#!/usr/bin/env bash
# Makes target/profile-dist: dist/ with its wasm replaced by the same release build with its
# function names kept (wasm-bindgen's output before wasm-opt, which drops them), so a CPU
# profile (tests/e2e/bench/profile.mjs) names Rust functions. Slower and bigger than dist/:
# for finding where time goes, not for timing figures. Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=target/profile-dist
rm -rf "$out" && cp -r dist "$out"
wasm=$(find "$out" -maxdepth 1 -name '*_bg.wasm')
tmp=$(mktemp -d)
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name app \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/ie-lifecycle.wasm"
# The release glue's fast path for short ASCII strings (scripts/bindgen/wasm-bindgen runs it
# there), so the profile's string decoding is the release's.
node scripts/lean-loader.mjs "$tmp/app.js"
node scripts/ascii-strings.mjs "$tmp/app.js"
cp "$tmp/app_bg.wasm" "$wasm"
cp "$tmp/app.js" "$(find "$out" -maxdepth 1 -name 'ie-lifecycle-*.js')"
rm -rf "$tmp"
# The files changed, so their subresource-integrity hashes in index.html no longer hold.
sed -i -E 's/ integrity=("[^"]*"|[^ >]*)//g' "$out/index.html"
echo "IE_DIST=$out node tests/e2e/bench/profile.mjs [generated-1000|<preset>]"
