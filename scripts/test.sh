#!/usr/bin/env bash
# Runs every check: formatting, lints (host and wasm32), native tests, browser tests, the
# release build (`make build`), end-to-end tests against the built dist/, the size report and a
# smoke test of `make serve`.
# Exits non-zero if anything failed and ends with one line: "summary: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser || { echo "summary: 0 passed, 1 failed"; exit 1; }

# The README's commands (make build, make serve) run with the environment this script started
# with, not with what env.sh adds below: they must find the tools on their own, as for a user.
readme_env=(env)
for v in IE_TOOLS TRUNK_SKIP_VERSION_CHECK; do [ -n "${!v+x}" ] || readme_env+=(-u "$v"); done
readme_env+=("PATH=$PATH")
as_user() { "${readme_env[@]}" "$@"; }

. scripts/env.sh

logs=target/test-logs
mkdir -p "$logs"
passed=0
failed=0
failed_steps=()
results=()

# step NAME COMMAND...: runs a step, keeps its log, counts tests from its log (or 1 check).
step() {
  local name=$1; shift
  local log="$logs/$name.log" start end rc
  printf '\n== %s: %s\n' "$name" "$*"
  start=$(date +%s)
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  end=$(date +%s)
  local p f
  read -r p f < <(count_tests "$log")
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then
    # A check without test counts (fmt, clippy, build) counts as one.
    if [ "$rc" = 0 ]; then p=1; else f=1; fi
  fi
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  results+=("$(printf '%-14s %s  %4s passed %3s failed  %ss' "$name" "$([ "$rc" = 0 ] && echo ok || echo FAIL)" "$p" "$f" $((end - start)))")
  [ "$rc" = 0 ] || failed_steps+=("$name")
}

# Sums "test result: ok. N passed; M failed" (cargo, wasm-bindgen-test) and "# pass N"/"# fail N" (node --test).
count_tests() {
  awk '
    /test result: / { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;?$/) p += $i; if ($(i+1) ~ /^failed;?$/) f += $i } }
    /^# pass / { p += $3 } /^# fail / { f += $3 }
    END { print p + 0, f + 0 }' "$1"
}

step fmt cargo fmt --all -- --check
step clippy-host cargo clippy --all-targets --offline -- -D warnings
step clippy-wasm cargo clippy --all-targets --offline --target wasm32-unknown-unknown -- -D warnings
step native-tests cargo test --offline
step browser-tests cargo test --offline --target wasm32-unknown-unknown --test web
step build as_user make build
step e2e node --test --test-concurrency=1 tests/e2e/
step size scripts/size-report.sh
# Last: trunk serve rebuilds dist/ (with its auto-reload script) while it serves.
step serve-smoke as_user node --test tests/e2e/serve.smoke.mjs

printf '\n== results\n'
printf '%s\n' "${results[@]}"
if [ ${#failed_steps[@]} -gt 0 ]; then printf 'failed steps: %s\n' "${failed_steps[*]}"; fi
echo "summary: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ ${#failed_steps[@]} = 0 ]
