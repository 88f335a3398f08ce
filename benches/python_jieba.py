#!/usr/bin/env python3
"""Python jieba 0.42.1 timings for benches/run.py.

    python3 benches/python_jieba.py RUNS FILE...

Prints one JSON object per line, as benches/native.rs does. Load is
`jieba.initialize()` in this fresh process, with jieba's model cache warm
(as a user has it after the first run).
"""
import json
import logging
import os
import sys
import time

import jieba
import jieba.analyse


def report(what, file, size, millis):
    print(json.dumps({"who": "python-jieba", "what": what, "file": file, "bytes": size,
                      "millis": [round(m, 3) for m in millis]}), flush=True)


def timed(runs, f):
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main():
    jieba.setLogLevel(logging.WARNING)
    runs = int(sys.argv[1])
    start = time.perf_counter()
    jieba.initialize()
    report("load", "", 0, [(time.perf_counter() - start) * 1000])
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        name, size = os.path.basename(path), len(text.encode("utf-8"))
        # Python is slow on large texts: fewer runs there keep the bench short.
        n = runs if size < 5_000_000 else 1
        report("cut", name, size, timed(n, lambda: list(jieba.cut(text))))
        report("extract_tags", name, size, timed(n, lambda: jieba.analyse.extract_tags(text, topK=20)))


if __name__ == "__main__":
    main()
