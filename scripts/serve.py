#!/usr/bin/env python3
"""Serves Ciyan as a production host would, on 127.0.0.1; stays in the foreground.

    python3 scripts/serve.py [--port 8000] [--dir dist] [--log FILE]

--port 0 takes any free port. --dir is the folder `node scripts/dist.mjs`
wrote (make dist): each file with its precompressed .br and .gz copies.

What a browser gets, as from nginx with brotli_static and gzip_static:
  - the brotli copy if it accepts br, else the gzip copy if it accepts gzip,
    else the file itself, with Content-Encoding and Vary: Accept-Encoding;
  - the Content-Type of the file (application/wasm, text/javascript, …);
  - Cache-Control: no-cache with an ETag: the browser keeps each file and
    asks before using it again, and the answer is a body-less 304 when the
    file did not change. The service worker's copies are made the same way,
    so they cost a 304 each, not a second download.
--log FILE appends one JSON line per response (path, status, encoding,
bytes of the body sent): the benchmark adds up a first visit with it.

Only the loopback address: the analyzer needs no network, and nothing else
should reach the page.
"""
import argparse
import email.utils
import http.server
import json
import mimetypes
import os
import posixpath
import sys
import threading
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".dict": "application/octet-stream",
    ".png": "image/png",
}

# Content-Encoding → the suffix of its precompressed copy, best first.
ENCODINGS = [("br", ".br"), ("gzip", ".gz")]


def accepted_encodings(header):
    """The codings an Accept-Encoding header allows (q > 0)."""
    accepted = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name and q > 0:
            accepted.add(name.strip().lower())
    return accepted


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "CiyanServe"
    # HTTP/1.1: Chromium ignores the ETag of an HTTP/1.0 response (and
    # revalidates by date only), and keep-alive saves a connection per file.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: with Nagle's algorithm on, the
    # body waits for the client's delayed ACK of the headers, 40 ms a file on
    # Linux, which made the ~60 files of the first screen take 0.8 s.
    disable_nagle_algorithm = True
    directory = "."
    log_file = None
    log_lock = threading.Lock()

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body):
        path = self.local_path()
        if path is None:
            return self.fail(404)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        encoding, chosen = None, path
        for name, suffix in ENCODINGS:
            if name in accepted and os.path.isfile(path + suffix):
                encoding, chosen = name, path + suffix
                break
        stat = os.stat(chosen)
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-" + encoding if encoding else ""}"'
        compressible = any(os.path.isfile(path + suffix) for _, suffix in ENCODINGS)
        headers = {
            "Content-Type": TYPES.get(os.path.splitext(path)[1]) or mimetypes.guess_type(path)[0] or "application/octet-stream",
            "Cache-Control": "no-cache",
            "ETag": etag,
            "Last-Modified": email.utils.formatdate(stat.st_mtime, usegmt=True),
            "X-Content-Type-Options": "nosniff",
        }
        if compressible:
            headers["Vary"] = "Accept-Encoding"
        if encoding:
            headers["Content-Encoding"] = encoding
        if self.not_modified(etag, stat.st_mtime):
            self.send_response(304)
            for key in ("Cache-Control", "ETag", "Vary"):
                if key in headers:
                    self.send_header(key, headers[key])
            self.end_headers()
            return self.record(304, encoding, 0)
        with open(chosen, "rb") as f:
            body = f.read()
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)
        self.record(200, encoding, len(body) if send_body else 0)

    def not_modified(self, etag, mtime):
        """Whether the request's validators match (If-None-Match first, as
        RFC 9110 says; else If-Modified-Since, to the second)."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def local_path(self):
        """The file a request names inside the served folder, or None."""
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        parts = [p for p in posixpath.normpath(url_path).split("/") if p not in ("", ".", "..")]
        path = os.path.join(self.directory, *parts)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        return path if os.path.isfile(path) else None

    def fail(self, status):
        body = f"{status} {self.responses[status][0]}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.record(status, None, len(body))

    def record(self, status, encoding, sent):
        if not self.log_file:
            return
        line = json.dumps({"path": urllib.parse.urlsplit(self.path).path, "status": status, "encoding": encoding, "bytes": sent})
        with self.log_lock, open(self.log_file, "a", encoding="utf-8") as log:
            log.write(line + "\n")

    def log_message(self, format, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # The listen backlog: socketserver's 5 is smaller than the connections a
    # page opens at once (six a browser context, and the tests run two
    # contexts); a connection past it waits for the client's SYN to be sent
    # again, one second later, then three. A first fetch of 50 files took
    # 7.5 s with 5, 0.05 s with this.
    request_queue_size = 256


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    parser.add_argument("--dir", default=os.path.join(ROOT, "dist"))
    parser.add_argument("--log", help="append a JSON line per response to this file")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.dir, "pkg", "ciyan_bg.wasm")):
        sys.exit(f"{args.dir} has no pkg/ciyan_bg.wasm: build it first (make dist; make serve does both)")
    Handler.directory = os.path.abspath(args.dir)
    Handler.log_file = args.log
    with Server(("127.0.0.1", args.port), Handler) as server:
        print(f"Ciyan is at http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C stops it)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
