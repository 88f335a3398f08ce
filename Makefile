# The two commands of the README, and their parts.
#
#   make serve   build the page and serve it at http://127.0.0.1:8000/
#                (make serve PORT=9000 for another port)
#   make test    every test: Rust core, CLI, parity, the contract (generated
#                declarations up to date, the page's JS checked against them),
#                the page's modules and the wasm session in Node, browser
#
#   make dist    the page as any static host serves it, in dist/ (with
#                precompressed .br and .gz copies; see the README)
#   make bench   Ciyan beside its peers (benches/run.py)

.PHONY: serve test dist setup-build setup-test wasm contract test-rust test-contract test-node test-browser bench

serve: setup-build dist
	python3 scripts/serve.py $(if $(PORT),--port $(PORT))

test: setup-test test-rust test-contract test-node test-browser

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
# exports, the lists of dist/) and the core's session in the built wasm
# (tests/node/session.test.mjs), in Node: seconds.
test-node: wasm
	node --test tests/node/

# The page's view of the core's contract (www/js/contract/), generated from
# the Rust types; test-contract fails when it is stale, or when the page's
# checked JavaScript (jsconfig.json) disagrees with it.
contract:
	node scripts/contract.mjs

test-contract:
	node scripts/contract.mjs --check
	npx tsc -p jsconfig.json

# Against dist/, served by scripts/serve.py as a user gets it. Each file
# starts its own server and Chromium, and they wait more than they compute
# (one at a time: 10 minutes, 4.7 of them on the CPU), so two run at once.
test-browser: dist
	node --test --test-concurrency=2 tests/browser/

bench: dist
	python3 benches/run.py
