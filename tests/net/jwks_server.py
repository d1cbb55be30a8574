#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A local HTTP and HTTPS server for the JWKS fetch tests (python3 standard library only).

Binds 127.0.0.1 on two ephemeral ports, one plain HTTP and one HTTPS (the certificate and key the test generated
with `openssl req -x509`), and prints one line "http=<port> https=<port>" on stdout once both listen. Runs until
stdin closes or the process is killed. Every path behaves the same on both ports; see ROUTES below.
"""

import argparse
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Handler(BaseHTTPRequestHandler):
    # HTTP/1.0 responses: the connection closes after each one, as the client expects.
    protocol_version = "HTTP/1.0"
    server_version = "assay-test-jwks"
    sys_version = ""

    def log_message(self, fmt, *args):  # keep the test output clean
        pass

    def base(self):
        scheme = "https" if self.server.is_tls else "http"
        return f"{scheme}://{self.headers.get('Host', '127.0.0.1')}"

    def send(self, status, body, content_type="application/json", extra=None, length=True):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout and size tests)

    def redirect(self, location, status=302):
        self.send(status, "", content_type="text/plain", extra={"Location": location})

    def metadata(self, issuer, jwks_uri):
        self.send(200, json.dumps({"issuer": issuer, "jwks_uri": jwks_uri}))

    def do_GET(self):
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        opts = self.server.options
        base = self.base()

        if path == "/jwks.json":
            self.send(200, opts.jwks_bytes, "application/jwk-set+json")
        elif path == "/jwks-text":
            # Valid JSON under a wrong content type: tolerated because it parses.
            self.send(200, opts.jwks_bytes, "text/plain")
        elif path == "/private-jwks.json":
            self.send(200, opts.private_jwks_bytes)
        elif path == "/empty-keys":
            self.send(200, '{"keys":[]}')
        elif path == "/no-keys-member":
            self.send(200, '{"issuer":"x"}')
        elif path == "/not-json":
            self.send(200, "<html>\n<body>Sign in</body>\n</html>\n", "text/html")
        elif path == "/slow":
            time.sleep(float(query.get("s", ["5"])[0]))
            self.send(200, opts.jwks_bytes)
        elif path == "/big":
            # Declares its size up front.
            self.send(200, b" " * (2 * 1024 * 1024) + b"{}")
        elif path == "/big-unsized":
            # No Content-Length: the body ends when the connection closes, so only the client's own cap stops it.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                chunk = b" " * 65536
                for _ in range(64):  # 4 MiB
                    self.wfile.write(chunk)
            except OSError:
                pass
        elif path == "/redirect":
            self.redirect(query["to"][0], int(query.get("status", ["302"])[0]))
        elif path == "/redirect-relative":
            self.redirect("/jwks.json", 301)
        elif path == "/loop":
            n = int(query.get("n", ["0"])[0])
            self.redirect(f"/loop?n={n + 1}")
        # Discovery. Issuer <base>: OpenID Connect Discovery 1.0 section 4 location.
        elif path == "/.well-known/openid-configuration":
            self.metadata(base, base + "/jwks.json")
        # Issuer <base>/tenant: no OpenID document; RFC 8414 section 3 location (well-known inserted before the path).
        elif path == "/.well-known/oauth-authorization-server/tenant":
            self.metadata(base + "/tenant", base + "/jwks.json")
        # Issuer <base>/evil: the metadata names another issuer (RFC 8414 section 3.3: must be refused).
        elif path == "/evil/.well-known/openid-configuration":
            self.metadata(base + "/other", base + "/jwks.json")
        # Issuer <base>/plain: jwks_uri over plain http.
        elif path == "/plain/.well-known/openid-configuration":
            http_base = f"http://127.0.0.1:{self.server.options.http_port}"
            self.metadata(base + "/plain", http_base + "/jwks.json")
        else:
            self.send(404, "not here\n", "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, options, tls_context=None):
        super().__init__(("127.0.0.1", 0), Handler)
        self.options = options
        self.tls_context = tls_context
        self.is_tls = tls_context is not None

    def finish_request(self, request, client_address):
        # The TLS handshake runs in the connection's own thread, so a client that rejects our certificate (or
        # stalls) never blocks the accept loop.
        if self.tls_context is not None:
            try:
                request = self.tls_context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
        super().finish_request(request, client_address)

    def handle_error(self, request, client_address):
        pass  # clients hanging up mid-response are part of the tests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--jwks", required=True, help="the JWK Set served at /jwks.json")
    parser.add_argument("--private-jwks", required=True, help="a set with private keys, at /private-jwks.json")
    options = parser.parse_args()
    with open(options.jwks, "rb") as f:
        options.jwks_bytes = f.read()
    with open(options.private_jwks, "rb") as f:
        options.private_jwks_bytes = f.read()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(options.cert, options.key)

    plain = Server(options)
    secure = Server(options, context)
    options.http_port = plain.server_address[1]
    for server in (plain, secure):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http={plain.server_address[1]} https={secure.server_address[1]}", flush=True)

    # Exit when the test closes our stdin (or kills us).
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
