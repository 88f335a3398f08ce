# The two commands of the README, and their parts.
#
#   make serve   build the wasm and serve the analyzer at http://127.0.0.1:8000/
#                (make serve PORT=9000 for another port)
#   make test    every test: Rust core, CLI, parity, wasm (Node and Chromium), browser

.PHONY: serve test setup-build setup-test wasm test-rust test-wasm test-browser bench

serve: setup-build wasm
	python3 scripts/serve.py $(if $(PORT),--port $(PORT))

test: setup-test test-rust test-wasm wasm test-browser

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

wasm:
	python3 scripts/build-wasm.py

test-rust:
	cargo test

# The bindings' tests, in Node and in a dedicated worker of headless Chromium.
test-wasm:
	cargo test --release --target wasm32-unknown-unknown --test wasm
	WASM_BINDGEN_USE_DEDICATED_WORKER=1 CHROMEDRIVER=$${CHROMEDRIVER:-/usr/bin/chromedriver} \
		cargo test --release --target wasm32-unknown-unknown --test wasm

test-browser: wasm
	node --test --test-concurrency=1 tests/browser/

bench:
	python3 benches/run.py
