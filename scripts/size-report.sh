#!/usr/bin/env bash
# Prints the raw, gzip and brotli bytes of every file in dist/ (what a browser downloads: the
# .wasm, the JS glue, the CSS, index.html and the icon), then checks the total against the size
# budget.
# Run after `trunk build --release`. `--twiggy` also lists the largest functions of the release
# wasm (names kept, before wasm-bindgen and wasm-opt) with twiggy, installed on first use from
# crates.io into the tools cache.
#
# The issue's budget is 200 KB gzip (204,800 bytes) for all of dist/, every file counted, and the
# test command fails when a build passes it. It holds since stop 23 (README, "Bundle"); it is
# never raised to let a run pass: a feature that needs bytes cuts them first.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=204800
[ -d dist ] || { echo "no dist/: run trunk build --release first"; exit 1; }
brotli_size() {
  node -e 'process.stdout.write(String(require("zlib").brotliCompressSync(require("fs").readFileSync(process.argv[1]), {params: {[require("zlib").constants.BROTLI_PARAM_QUALITY]: 11}}).length))' "$1"
}
total_raw=0; total_gz=0; total_br=0
printf '%-8s %10s %10s %10s  %s\n' kind raw gzip brotli file
# Every file (not Trunk's empty lock file), not a list of kinds: a file added to dist/ later
# counts without anyone editing this. The largest first.
for f in $(find dist -type f ! -name '.*' -printf '%s %p\n' | sort -rn | cut -d' ' -f2); do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli_size "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-8s %10d %10d %10d  %s\n' "${f##*.}" "$raw" "$gz" "$br" "${f#dist/}"
done
printf '%-8s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
printf 'budget: %d bytes gzip (200 KB); this build leaves %d bytes\n' "$BUDGET" $((BUDGET - total_gz))
if [ "${1:-}" = --twiggy ]; then
  . scripts/env.sh
  if ! command -v twiggy > /dev/null; then
    cargo install twiggy --version 0.8.0 --locked --root "$IE_TOOLS/twiggy-0.8.0"
    . scripts/env.sh
  fi
  twiggy top -n 40 target/wasm32-unknown-unknown/release/ie-lifecycle.wasm
fi
if [ "$total_gz" -gt "$BUDGET" ]; then
  echo "size: $total_gz bytes gzip is over the budget of $BUDGET: find what grew (make size shows twiggy's top)"
  exit 1
fi
echo "size: $total_gz bytes gzip, within the budget of $BUDGET"
