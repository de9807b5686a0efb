# The two commands of the README. Everything else lives in scripts/.
# make runs every recipe with /bin/sh, which is dash on Debian and Ubuntu: keep the recipes and
# scripts/env.sh (sourced here) plain POSIX sh. The scripts themselves run under bash.
.PHONY: serve test build bench size setup single-file

# Build tools and crates, then serve the app on http://127.0.0.1:8080 (release build, auto-reload).
# Not minified: Trunk's minifier breaks its own auto-reload script (the address placeholder in it
# is no longer found), and index.html's policy allows that script's unminified text.
serve:
	scripts/setup.sh
	. scripts/env.sh && . scripts/wasm-env.sh && IE_SERVE=1 trunk serve --release --minify false

# Every check and test; ends with "summary: N passed, M failed".
test:
	scripts/test.sh

setup:
	scripts/setup.sh --browser

build:
	scripts/setup.sh
	. scripts/env.sh && . scripts/wasm-env.sh && trunk build --release

# One self-contained .html (wasm, JS glue and CSS inlined) that opens from disk, without a server:
# dist-single/ie-lifecycle.html.
single-file: build
	node scripts/single-file.mjs

size: build
	scripts/size-report.sh --twiggy

# Benchmarks print figures (not pass/fail): replay speed of the domain core, the UI's frame times,
# start-up, the plain-JavaScript baseline and a 365-day soak.
bench: build
	cargo bench --bench replay
	. scripts/env.sh && node tests/e2e/bench/frames.mjs
	. scripts/env.sh && node tests/e2e/bench/startup.mjs
	. scripts/env.sh && node tests/e2e/bench/baseline.mjs
	. scripts/env.sh && node tests/e2e/bench/soak.mjs
