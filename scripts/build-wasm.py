#!/usr/bin/env python3
"""Builds the wasm package with the settings of wasm-pack.toml.

    python3 scripts/build-wasm.py

Runs `wasm-pack build` (its own wasm-opt off), then, if wasm-pack.toml says
so, the wasm-opt of the npm package binaryen, and prints the sizes.
"""
import gzip
import os
import shutil
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    with open(os.path.join(ROOT, "wasm-pack.toml"), "rb") as f:
        settings = tomllib.load(f)
    out_dir = os.path.join(ROOT, settings["out-dir"])
    profile = {"release": "--release", "dev": "--dev"}[settings["profile"]]
    subprocess.run(
        ["wasm-pack", "--quiet", "build", ROOT, profile, "--no-opt", "--no-pack",
         "--target", settings["target"], "--out-dir", out_dir, "--out-name", settings["out-name"]],
        check=True,
    )
    wasm = os.path.join(out_dir, settings["out-name"] + "_bg.wasm")
    opt = settings.get("wasm-opt", {})
    if opt.get("enabled"):
        wasm_opt = shutil.which("wasm-opt", path=os.path.join(ROOT, "node_modules", ".bin"))
        if not wasm_opt:
            sys.exit("wasm-opt not found: run `npm ci` (package binaryen), or set [wasm-opt] enabled = false")
        subprocess.run([wasm_opt, *opt.get("args", []), wasm, "-o", wasm], check=True)
    # wasm-pack writes a .gitignore of "*" there; the folder is ignored at the top instead.
    for extra in (".gitignore",):
        path = os.path.join(out_dir, extra)
        if os.path.exists(path):
            os.remove(path)
    data = open(wasm, "rb").read()
    print(f"{os.path.relpath(wasm, ROOT)}: {len(data) / 1e6:.2f} MB, {len(gzip.compress(data, 9)) / 1e6:.2f} MB gzip")


if __name__ == "__main__":
    main()
