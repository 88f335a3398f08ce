#!/usr/bin/env python3
"""Serves www/ on 127.0.0.1 and prints its URL; stays in the foreground.

    python3 scripts/serve.py [--port 8000]      (--port 0: any free port)

Only the loopback address: the analyzer needs no network, and nothing else
should reach the page.
"""
import argparse
import functools
import http.server
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WWW = os.path.join(ROOT, "www")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".txt": "text/plain; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        # A development server: always the files as they are now.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    args = parser.parse_args()
    if not os.path.exists(os.path.join(WWW, "pkg", "ciyan_bg.wasm")):
        sys.exit("www/pkg is missing: build the wasm first (make serve does both)")
    handler = functools.partial(Handler, directory=WWW)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Ciyan is at http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C stops it)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
