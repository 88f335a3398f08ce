#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) Ciyan needs, when it is
# missing; quick when everything is there.
#
#   scripts/setup.sh build    the wasm32 target, wasm-pack, wasm-bindgen-cli, npm packages
#   scripts/setup.sh test     the same, plus Chromium and a CJK font
#
# What it cannot install: Rust (rustup), Node.js with npm, Python 3.11 and a
# C compiler (cc: the native tests build jieba-rs's zstd-compressed data).
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: Chromium and a CJK font serve the browser
# tests. The build itself needs none (the wasm build compiles no C).
packages=()
[ "$what" = test ] && packages+=(chromium fonts-wqy-zenhei)
missing=()
for p in ${packages[@]+"${packages[@]}"}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  say "cargo install wasm-pack"
  cargo install --quiet wasm-pack --version 0.15.1
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in
# Cargo.lock (wasm-pack's own download cannot work offline).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli $want (have: ${have:-none})"
  cargo install --quiet --locked --force wasm-bindgen-cli --version "$want"
fi

# npm packages: binaryen (wasm-opt) for the build, playwright-core, axe-core
# (the accessibility audit) and fake-indexeddb (the Node tests of what the
# page keeps) for the tests.
if [ ! -d node_modules/binaryen ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
  || [ ! -d node_modules/fake-indexeddb ] || [ package-lock.json -nt node_modules ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
