#!/usr/bin/env python3
"""Builds the wasm package with the settings of wasm-pack.toml.

    python3 scripts/build-wasm.py

Runs `wasm-pack build` (its own wasm-opt off), then, if wasm-pack.toml says
so, the wasm-opt of the npm package binaryen; copies the dictionary file that
build.rs wrote (`ciyan.dict`, which the worker fetches) next to the wasm, and
prints the sizes.

When Cargo's wasm, the dictionary and wasm-pack.toml are those of the last
build (a stamp in the output folder says so), wasm-bindgen and wasm-opt are
skipped: they take half a minute, and `make test` asks for the wasm after
every change, most of them to the page.
"""
import gzip
import hashlib
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
    dictionary, cargo_wasm = build_library(profile)
    stamp_path = os.path.join(out_dir, ".built-from")
    stamp = build_stamp(cargo_wasm, dictionary)
    wasm = os.path.join(out_dir, settings["out-name"] + "_bg.wasm")
    if os.path.exists(wasm) and read(stamp_path) == stamp:
        print_sizes((wasm, os.path.join(out_dir, "ciyan.dict")), "(unchanged)")
        return
    subprocess.run(
        ["wasm-pack", "--quiet", "build", ROOT, profile, "--no-opt", "--no-pack",
         "--target", settings["target"], "--out-dir", out_dir, "--out-name", settings["out-name"]],
        check=True,
    )
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
    with open(stamp_path, "w") as f:
        f.write(stamp)
    print_sizes((wasm, os.path.join(out_dir, "ciyan.dict")))


def print_sizes(paths, note=""):
    for path in paths:
        data = open(path, "rb").read()
        print(f"{os.path.relpath(path, ROOT)}: {len(data) / 1e6:.2f} MB, {len(gzip.compress(data, 9)) / 1e6:.2f} MB gzip {note}".rstrip())


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return None


def build_stamp(*inputs):
    """What the package was built from: the contents of Cargo's wasm and the
    dictionary, and the settings (wasm-pack.toml)."""
    digest = hashlib.sha256()
    for path in (*inputs, os.path.join(ROOT, "wasm-pack.toml")):
        with open(path, "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    return digest.hexdigest()


def build_library(profile):
    """Builds the library for wasm32 as wasm-pack will (so its build is then a
    no-op) and returns the paths of the ciyan.dict that build.rs wrote and of
    the wasm Cargo made, read from Cargo's own report of the build."""
    cargo_profile = ["--release"] if profile == "--release" else []
    out = subprocess.run(
        ["cargo", "build", "--lib", *cargo_profile, "--target", "wasm32-unknown-unknown",
         "--message-format", "json-render-diagnostics"],
        cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    dictionary = cargo_wasm = None
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "build-script-executed":
            # out_dir is <target>/.../build/ciyan-<hash>/out for this package.
            if os.path.basename(os.path.dirname(message["out_dir"])).startswith("ciyan-"):
                dictionary = os.path.join(message["out_dir"], "ciyan.dict")
        elif message.get("reason") == "compiler-artifact" and message["target"]["name"] == "ciyan":
            cargo_wasm = next((f for f in message["filenames"] if f.endswith(".wasm")), cargo_wasm)
    if not dictionary:
        sys.exit("cargo did not report ciyan's build script output (ciyan.dict)")
    if not cargo_wasm:
        sys.exit("cargo did not report the wasm it built")
    return dictionary, cargo_wasm


if __name__ == "__main__":
    main()
