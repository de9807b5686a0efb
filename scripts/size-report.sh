#!/usr/bin/env bash
# Prints the raw and gzip bytes of what a browser downloads from dist/: the .wasm, the JS glue
# and the CSS. Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run trunk build --release first"; exit 1; }
total_raw=0; total_gz=0
printf '%-8s %10s %10s  %s\n' kind raw gzip file
for pattern in '*.wasm' '*.js' '*.css' 'index.html'; do
  for f in $(find dist -maxdepth 1 -name "$pattern" | sort); do
    raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '%-8s %10d %10d  %s\n' "${f##*.}" "$raw" "$gz" "${f#dist/}"
  done
done
printf '%-8s %10d %10d\n' total "$total_raw" "$total_gz"
