# The two commands of the README, and their parts.
#
#   make serve   build the page and serve it at http://127.0.0.1:8000/
#                (make serve PORT=9000 for another port)
#   make test    every test: Rust core, CLI, parity, the page's modules in Node,
#                wasm (Node and Chromium), browser
#
#   make dist    the page as any static host serves it, in dist/ (with
#                precompressed .br and .gz copies; see the README)
#   make bench   Ciyan beside its peers (benches/run.py)

.PHONY: serve test dist setup-build setup-test wasm test-rust test-node test-wasm test-browser bench

serve: setup-build dist
	python3 scripts/serve.py $(if $(PORT),--port $(PORT))

test: setup-test test-rust test-node test-wasm test-browser

dist: wasm
	node scripts/dist.mjs

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

wasm:
	python3 scripts/build-wasm.py

test-rust:
	cargo test

# The page's modules that need no browser (state, layouts, catalogs,
# exports, the lists of dist/), in Node: a second or two.
test-node:
	node --test tests/node/

# The bindings' tests, in Node and in a dedicated worker of headless Chromium.
test-wasm:
	cargo test --release --target wasm32-unknown-unknown --test wasm
	WASM_BINDGEN_USE_DEDICATED_WORKER=1 CHROMEDRIVER=$${CHROMEDRIVER:-/usr/bin/chromedriver} \
		cargo test --release --target wasm32-unknown-unknown --test wasm

# Against dist/, served by scripts/serve.py as a user gets it. Each file
# starts its own server and Chromium, and they wait more than they compute
# (one at a time: 10 minutes, 4.7 of them on the CPU), so two run at once.
test-browser: dist
	node --test --test-concurrency=2 tests/browser/

bench: dist
	python3 benches/run.py
