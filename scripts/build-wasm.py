#!/usr/bin/env python3
"""Builds the wasm package with the settings of wasm-pack.toml.

    python3 scripts/build-wasm.py

Runs `wasm-pack build` (its own wasm-opt off), then, if wasm-pack.toml says
so, the wasm-opt of the npm package binaryen; copies the dictionary file that
build.rs wrote (`ciyan.dict`, which the worker fetches) next to the wasm, and
prints the sizes.
"""
import gzip
import json
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
    dictionary = build_dictionary(profile)
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
    shutil.copyfile(dictionary, os.path.join(out_dir, "ciyan.dict"))
    for path in (wasm, os.path.join(out_dir, "ciyan.dict")):
        data = open(path, "rb").read()
        print(f"{os.path.relpath(path, ROOT)}: {len(data) / 1e6:.2f} MB, {len(gzip.compress(data, 9)) / 1e6:.2f} MB gzip")


def build_dictionary(profile):
    """Builds the library for wasm32 as wasm-pack will (so its build is then a
    no-op) and returns the path of the ciyan.dict that build.rs wrote, read
    from Cargo's own report of the build script's output directory."""
    cargo_profile = ["--release"] if profile == "--release" else []
    out = subprocess.run(
        ["cargo", "build", "--lib", *cargo_profile, "--target", "wasm32-unknown-unknown",
         "--message-format", "json-render-diagnostics"],
        cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") != "build-script-executed":
            continue
        # out_dir is <target>/.../build/ciyan-<hash>/out for this package.
        if os.path.basename(os.path.dirname(message["out_dir"])).startswith("ciyan-"):
            return os.path.join(message["out_dir"], "ciyan.dict")
    sys.exit("cargo did not report ciyan's build script output (ciyan.dict)")


if __name__ == "__main__":
    main()
