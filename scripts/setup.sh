#!/usr/bin/env bash
# Installs what building, serving and testing need, reusing whatever is already there at the
# right version. Nothing is downloaded except from crates.io, npm and Debian.
#   scripts/setup.sh            build tools (wasm target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --browser  also Chromium + ChromeDriver and the end-to-end test packages
# Tools built from source go to a cache outside the repo ($IE_TOOLS, default
# ~/.cache/ie-lifecycle/tools) so a fresh clone on the same machine finds them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

TRUNK_VERSION=0.22.1
BINARYEN_DIR=tools/node_modules/binaryen

browser=0
[ "${1:-}" = "--browser" ] && browser=1

say() { printf '[setup] %s\n' "$*"; }
as_root_apt() {
  # Installs Debian packages when we can; otherwise says exactly what is missing.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    if ! apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; then
      apt-get update >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null
    fi
  else
    say "missing: $*. Install them (on Debian/Ubuntu: sudo apt-get install $*) and run again."
    exit 1
  fi
}

# 1. The Rust toolchain rust-toolchain.toml pins, with rustfmt, clippy, the wasm32 target and the
#    standard library's source (rust-src: the release build compiles std, see wasm-env.sh). Every
#    cargo run in this repository (cargo install below included) uses that toolchain.
toolchain=$(sed -n 's/^channel *= *"\([^"]*\)".*/\1/p' rust-toolchain.toml)
# (Each list is read whole before grep: under pipefail, `rustup ... | grep -q` can fail on SIGPIPE.)
toolchains=$(rustup toolchain list 2>/dev/null || true)
installed=$(rustup component list --installed 2>/dev/null || true)
if ! grep -q "^$toolchain-" <<<"$toolchains" \
  || ! grep -qx 'rust-std-wasm32-unknown-unknown' <<<"$installed" \
  || ! grep -q '^clippy' <<<"$installed" || ! grep -q '^rustfmt' <<<"$installed" \
  || ! grep -q '^rust-src' <<<"$installed"; then
  say "installing Rust $toolchain with what rust-toolchain.toml lists"
  # rustup 1.28 and later install what rust-toolchain.toml names on `rustup toolchain install`;
  # older ones on `rustup show`.
  rustup_version=$(rustup --version 2>/dev/null | awk '{ print $2; exit }')
  if [ "$(printf '%s\n' 1.28.0 "$rustup_version" | sort -V | head -n 1)" = 1.28.0 ]; then
    rustup toolchain install
  else
    rustup show
  fi
  # An older rustup finding the toolchain already there may not add a component it lacks.
  if ! grep -q '^rust-src' <<<"$(rustup component list --installed 2>/dev/null || true)"; then
    rustup component add rust-src --toolchain "$toolchain"
  fi
fi

# 2. trunk, pinned. trunk 0.22.x declares rust-version 1.96.1; it builds and runs on the pinned
#    toolchain (see rust-toolchain.toml), hence --ignore-rust-version.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION from crates.io (once; about 15 minutes on 2 cores)"
  cargo install "trunk@$TRUNK_VERSION" --locked --ignore-rust-version --root "$IE_TOOLS/trunk-$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli at exactly the version Cargo.lock resolves (trunk would download otherwise).
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then say "could not read wasm-bindgen's version from Cargo.lock"; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  say "building wasm-bindgen-cli $wb_version from crates.io (once; about 4 minutes)"
  # Not --locked: its lockfile pins a webpki-roots release that the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wb_version" --root "$IE_TOOLS/wasm-bindgen-$wb_version"
fi
if ! grep -q "wasm_bindgen = \"$wb_version\"" Trunk.toml; then
  say "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $wb_version: update [tools] in Trunk.toml"
  exit 1
fi

# 4. Node.js and npm for wasm-opt (npm's binaryen; Debian's wasm-opt breaks the app) and the e2e tests.
if ! command -v npm >/dev/null; then as_root_apt nodejs npm; fi
if [ ! -x "$BINARYEN_DIR/bin/wasm-opt" ]; then
  say "installing wasm-opt (npm binaryen, pinned in tools/package-lock.json)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$browser" = 1 ]; then
  # 5. Debian's Chromium and its driver: the browser tests never download a browser.
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  if [ ${#missing[@]} -gt 0 ]; then as_root_apt "${missing[@]}"; fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
    say "installing playwright-core (drives /usr/bin/chromium; no browser download) and axe-core"
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# 6. Crates, so that the offline trunk build finds everything: this crate's, and those of the
#    standard library that the release build compiles from source (scripts/wasm-env.sh).
cargo fetch --quiet
(. scripts/wasm-env.sh && cargo fetch --quiet --target wasm32-unknown-unknown)

# env.sh ran before the tools above existed: source it again so that PATH finds the new ones.
. scripts/env.sh
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
