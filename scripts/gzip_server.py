#!/usr/bin/env python3
"""Serve a built site on 127.0.0.1 the way GitHub Pages does: gzip for text
types and a short Cache-Control max-age, so audits measure real transfer sizes.

Usage: scripts/gzip_server.py [SITE_DIR] [--port N]
"""

import argparse
import functools
import gzip
import http.server
import io
import os
import threading

COMPRESSIBLE = (
    "text/", "application/javascript", "application/json", "application/xml",
    "image/svg+xml", "application/manifest+json",
)
CACHE_SECONDS = 600  # GitHub Pages sends max-age=600


@functools.lru_cache(maxsize=512)
def compressed(path, mtime_ns, size):
    """The gzipped file, compressed once per version of the file: the server
    shares two cores with the browser it is measured by, so it should not
    burn them on recompressing the same bytes for every request."""
    with open(path, "rb") as source:
        return gzip.compress(source.read(), compresslevel=9, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip (when the client accepts it) and Cache-Control.

    Counts the bytes it sends so audits see every transfer, including those
    of web workers and service workers."""

    sent = None  # set per server: a list of (path, bytes, Sec-Fetch-Dest)

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
        super().end_headers()

    def copyfile(self, source, outputfile):
        body = source.read()
        if self.sent is not None:
            self.sent.append((self.path, len(body), self.headers.get("Sec-Fetch-Dest", "")))
        outputfile.write(body)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/") or not os.path.exists(index):
                return super().send_head()
            path = index
        content_type = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and content_type.startswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        body = compressed(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class BackgroundServer:
    """Context manager: serve ``directory`` with ``handler_class`` on
    127.0.0.1 (``port`` 0: a free one) in a background thread."""

    def __init__(self, directory, handler_class, port=0):
        handler = functools.partial(handler_class, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class GzipServer(BackgroundServer):
    """Serve ``directory`` like GitHub Pages, counting the bytes sent."""

    def __init__(self, directory, port=0):
        self.sent = []
        handler_class = type("CountingGzipHandler", (GzipHandler,), {"sent": self.sent})
        super().__init__(directory, handler_class, port)

    def take_sent(self):
        """Bytes sent since the last call, and what they were."""
        taken = list(self.sent)
        del self.sent[: len(taken)]
        return sum(entry[1] for entry in taken), taken


def main():
    parser = argparse.ArgumentParser(description="Sajikan situs hasil build dengan gzip di 127.0.0.1.")
    parser.add_argument("site_dir", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with GzipServer(args.site_dir, args.port) as server:
        print(f"Menyajikan {args.site_dir} di {server.url} (Ctrl+C untuk berhenti)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
