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
#   make screenshots       pictures of the page for people (not run by make test)
#   make docs-screenshots  the READMEs' pictures, into docs/

.PHONY: serve test dist setup-build setup-test wasm contract test-rust test-contract test-node test-browser screenshots docs-screenshots bench

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

test-contract: wasm
	node scripts/contract.mjs --check
	npx tsc -p jsconfig.json

# Against dist/, served by scripts/serve.py as a user gets it: one server
# and one Chromium for every file (tests/browser/run.mjs), a profile of its
# own for each test, two files at a time (they wait more than they compute).
test-browser: dist
	node tests/browser/run.mjs

# Pictures for people, not tests: tests/screenshots/ into
# tests/browser/artifacts/, and the READMEs' pictures into docs/.
screenshots: dist
	node tests/browser/run.mjs tests/screenshots/

docs-screenshots: dist
	node scripts/docs-screenshots.mjs

bench: dist
	python3 benches/run.py
