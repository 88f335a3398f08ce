#!/usr/bin/env python3
"""Ciyan beside its peers, in one run: one table of medians and spreads.

    make bench            (or: python3 benches/run.py [--runs 5])

Runs, on the sample and on 红楼梦 (../shared/corpus/hongloumeng.txt):
  benches/native.rs         native jieba-rs cut and Ciyan's native analysis
  benches/node.mjs          Ciyan's wasm and npm jieba-wasm in Node
  benches/python_jieba.py   Python jieba 0.42.1 cut and extract_tags
  benches/browser.mjs       Ciyan in headless Chromium: page open to first
                            chart (cold and warm), 红楼梦 analysed in the worker
and measures the wasm and the page's assets, raw and compressed.
A benchmark, not a test: the machine is noisy; compare rows of one run.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "www", "samples", "wangyi-press-conference-2024-03-07.txt")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "hongloumeng.txt")


def lines_of(cmd, **kw):
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    out = subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True, **kw).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def sizes():
    """Each asset the page downloads, raw and gzip -9 (brotli where the
    Debian `brotli` tool is installed)."""
    www = os.path.join(ROOT, "www")
    total_raw = total_gz = 0
    rows = []
    for base, _, names in os.walk(www):
        for name in names:
            path = os.path.join(base, name)
            data = open(path, "rb").read()
            gz = len(gzip.compress(data, 9))
            total_raw += len(data)
            total_gz += gz
            if name.endswith(".wasm"):
                rows.append((os.path.relpath(path, ROOT), len(data), gz))
    rows.append(("www/ in all (every asset)", total_raw, total_gz))
    return rows


def fmt_ms(millis):
    med = statistics.median(millis)
    spread = f"{min(millis):.0f}–{max(millis):.0f}" if len(millis) > 1 else "one run"
    return f"{med:9.1f} ms  ({spread})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = str(args.runs)
    files = [SAMPLE] + ([CORPUS] if os.path.exists(CORPUS) else [])
    if len(files) == 1:
        print(f"note: {CORPUS} not found; the sample only", file=sys.stderr)

    rows = []
    rows += lines_of(["cargo", "bench", "--quiet", "--bench", "native", "--", runs, *files])
    rows += lines_of(["node", "benches/node.mjs", runs, *files])
    rows += lines_of([sys.executable, "benches/python_jieba.py", runs, *files])
    browser = os.path.join(ROOT, "benches", "browser.mjs")
    if os.path.exists(browser):
        rows += lines_of(["node", "benches/browser.mjs", runs, *files[1:]])

    print(f"\n{'who':<22} {'what':<26} {'text':<12} {'median (min–max)':>30} {'MB/s':>7}")
    for r in rows:
        text = {"": "-", os.path.basename(SAMPLE): "sample", os.path.basename(CORPUS): "红楼梦"}.get(r["file"], r["file"])
        med = statistics.median(r["millis"])
        rate = f"{r['bytes'] / 1e6 / (med / 1000):7.1f}" if r["bytes"] else ""
        print(f"{r['who']:<22} {r['what']:<26} {text:<12} {fmt_ms(r['millis']):>30} {rate:>7}")

    print(f"\n{'asset':<40} {'raw':>10} {'gzip -9':>10}")
    for name, raw, gz in sizes():
        print(f"{name:<40} {raw / 1e6:8.2f} MB {gz / 1e6:8.2f} MB")


if __name__ == "__main__":
    main()
