#!/usr/bin/env python3
"""Builds the wasm package with the settings of wasm-pack.toml.

    python3 scripts/build-wasm.py

Runs `wasm-pack build` (its own wasm-opt off), then, if wasm-pack.toml says
so, the wasm-opt of the npm package binaryen, and prints the sizes.
"""
import gzip
import hashlib
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
    write_build_id(out_dir)
    data = open(wasm, "rb").read()
    print(f"{os.path.relpath(wasm, ROOT)}: {len(data) / 1e6:.2f} MB, {len(gzip.compress(data, 9)) / 1e6:.2f} MB gzip")


def write_build_id(out_dir):
    """Writes pkg/build-id.js: a hash of every file of www/, which names the
    service worker's cache (www/sw.js), so a build that changes any file
    replaces what browsers keep offline."""
    www = os.path.join(ROOT, "www")
    target = os.path.join(out_dir, "build-id.js")
    digest = hashlib.sha256()
    for base, dirs, names in sorted(os.walk(www)):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(base, name)
            if path != target:
                digest.update(os.path.relpath(path, www).encode() + b"\0" + open(path, "rb").read())
    with open(target, "w") as f:
        f.write("// Written by scripts/build-wasm.py: names the service worker's cache.\n")
        f.write(f'self.CIYAN_BUILD_ID = "{digest.hexdigest()[:16]}";\n')


if __name__ == "__main__":
    main()
