# SPDX-License-Identifier: Apache-2.0
"""Shared plumbing for the interoperability tests: running assay-cli, tampering, and the pass/fail report.

Every driver (interop_pyjwt.py, interop_jwcrypto.py, interop_jose.py) checks, for each algorithm its peer
supports: peer-signed tokens verify with `assay-cli verify` (exit 0), tokens from `assay-cli sign` verify in the
peer, and a token whose payload had one character changed is rejected by both. It prints one line per case and
ends with the summary line `N passed, M failed`; the exit status is 0 only if nothing failed.
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import time
import traceback

ISSUER = "https://interop.assay.test"
AUDIENCE = "assay-interop"

# CTest treats this exit status as "skipped" (SKIP_RETURN_CODE in tests/interop/CMakeLists.txt).
SKIP_EXIT_CODE = 77


def parse_args(description, extra=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cli", required=True, help="path to the assay-cli executable")
    if extra:
        extra(parser)
    args = parser.parse_args()
    if not os.access(args.cli, os.X_OK):
        print(f"assay-cli not executable: {args.cli}", file=sys.stderr)
        sys.exit(1)
    return args


def peer_missing(what):
    """A peer that is not installed fails the test, unless ASSAY_SKIP_INTEROP=1 asks to skip instead."""
    if os.environ.get("ASSAY_SKIP_INTEROP") == "1":
        print(f"SKIP: {what} (ASSAY_SKIP_INTEROP=1)")
        sys.exit(SKIP_EXIT_CODE)
    print(f"FAIL: {what}; scripts/test.sh installs it (set ASSAY_SKIP_INTEROP=1 to skip)")
    print("0 passed, 1 failed")
    sys.exit(1)


def claims(peer):
    """A typical JWT payload, ~200 bytes, with a non-ASCII character to prove UTF-8 survives both ways."""
    now = int(time.time())
    return {
        "iss": ISSUER,
        "sub": f"interop-{peer}",
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now - 5,
        "exp": now + 600,
        "name": "Zoë Interop",
        "scope": "read write",
        "jti": base64.urlsafe_b64encode(os.urandom(12)).decode().rstrip("="),
    }


def payload_json(peer):
    return json.dumps(claims(peer), separators=(",", ":"), ensure_ascii=False)


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def tamper(token):
    """Changes one character of the payload JSON (a letter of the `sub` value) and re-encodes the payload segment,
    keeping the header and signature. The payload stays valid JSON, so only the signature check can catch it."""
    header, payload, signature = token.split(".")
    raw = b64url_decode(payload)
    marker = b'"sub":"interop-'
    at = raw.find(marker)
    if at < 0:
        raise ValueError("payload has no interop sub claim to tamper with")
    pos = at + len(marker)
    changed = raw[:pos] + (b"X" if raw[pos:pos + 1] != b"X" else b"Y") + raw[pos + 1:]
    return ".".join([header, b64url_encode(changed), signature])


class CliResult:
    def __init__(self, completed):
        self.returncode = completed.returncode
        self.stdout = completed.stdout.decode("utf-8", "replace")
        self.stderr = completed.stderr.decode("utf-8", "replace")

    def brief(self):
        text = (self.stderr.strip() or self.stdout.strip()).splitlines()
        return f"exit {self.returncode}" + (f": {text[-1]}" if text else "")


def run_cli(cli, args, stdin=None):
    completed = subprocess.run([cli, *args], input=stdin, capture_output=True, timeout=60)
    return CliResult(completed)


def assay_sign(cli, alg, key_args, payload, extra=(), via="arg", workdir=None):
    """`assay-cli sign`; the payload goes in as an argument, through a file (@FILE) or on stdin (-)."""
    stdin = None
    if via == "arg":
        source = payload
    elif via == "file":
        path = os.path.join(workdir, f"payload-{alg}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(payload)
        source = "@" + path
    else:
        source = "-"
        stdin = payload.encode("utf-8")
    result = run_cli(cli, ["sign", "--alg", alg, *key_args, *extra, source], stdin=stdin)
    if result.returncode != 0:
        raise RuntimeError(f"assay-cli sign {alg} failed: {result.brief()}")
    token = result.stdout.strip()
    if token.count(".") != 2:
        raise RuntimeError(f"assay-cli sign {alg} printed no compact token: {result.stdout!r}")
    header = json.loads(b64url_decode(token.split(".")[0]))
    if header.get("alg") != alg:
        raise RuntimeError(f"assay-cli sign wrote alg {header.get('alg')!r}, expected {alg}")
    return token


def assay_verify(cli, token, key_args, alg, via="arg", workdir=None):
    """`assay-cli verify` with the algorithm pinned and the iss/aud expectations of the interop claims."""
    stdin = None
    if via == "arg":
        source = token
    elif via == "file":
        path = os.path.join(workdir, "token-to-verify.jwt")
        with open(path, "w", encoding="ascii") as f:
            f.write(token + "\n")
        source = "@" + path
    else:
        source = "-"
        stdin = (token + "\n").encode("ascii")
    return run_cli(cli, ["verify", source, *key_args, "--alg", alg, "--iss", ISSUER, "--aud", AUDIENCE],
                   stdin=stdin)


class Report:
    """Runs cases, prints one line each, and the final `N passed, M failed` line."""

    def __init__(self, peer, cli):
        self.peer = peer
        self.cli = cli
        self.passed = 0
        self.failed = 0

    def case(self, name, check):
        """`check` returns None on success or raises / returns a string saying what went wrong."""
        try:
            problem = check()
        except Exception as exc:  # a harness or peer error is a failed case, never a crash of the whole run
            problem = f"{type(exc).__name__}: {exc}"
            if os.environ.get("ASSAY_INTEROP_TRACE") == "1":
                traceback.print_exc()
        if problem:
            self.failed += 1
            print(f"FAIL {self.peer} {name}: {problem}", flush=True)
            return False
        self.passed += 1
        print(f"PASS {self.peer} {name}", flush=True)
        return True

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 0 if self.failed == 0 and self.passed > 0 else 1


def expect_assay_valid(result):
    if result.returncode != 0:
        return f"assay-cli verify rejected a good token ({result.brief()})"
    return None


def expect_assay_invalid(result):
    if result.returncode != 1:
        return f"assay-cli verify should exit 1 for a tampered token ({result.brief()})"
    if "INVALID" not in result.stdout + result.stderr:  # the verdict name, not "invalid base64url" etc.
        return f"assay-cli verify did not report INVALID ({result.brief()})"
    return None


def case_alg(case):
    """Cases are JWS alg names, or "alg:curve" where one alg covers several key types (EdDSA:Ed448)."""
    return case.split(":")[0]


def run_peer_matrix(report, cases, peer_sign, peer_verify, assay_key_args, assay_io):
    """The four checks per case (an alg name, or "EdDSA:Ed25519" style when the curve matters).

    peer_sign(case) -> token; peer_verify(case, token) -> None if the peer accepted the
    token, else a string starting with "signature:" when the peer reported a bad signature (only that counts as a
    correct rejection of a tampered token) or "other:" for any other refusal; assay_key_args(case, op) -> assay-cli
    key options for op "sign" or "verify"; assay_io = (sign_via, verify_via, workdir): how payloads and tokens reach
    assay-cli ("arg", "file" for @FILE, "stdin" for -).
    """
    sign_via, verify_via, workdir = assay_io
    for case in cases:
        alg = case_alg(case)
        label = case.replace(":", "/")
        peer_token = {}
        assay_token = {}

        def peer_to_assay(case=case, alg=alg):
            token = peer_sign(case)
            peer_token[case] = token
            return expect_assay_valid(assay_verify(report.cli, token, assay_key_args(case, "verify"), alg,
                                                   via=verify_via, workdir=workdir))

        def peer_tampered_to_assay(case=case, alg=alg):
            if case not in peer_token:
                return "no peer token (signing failed above)"
            return expect_assay_invalid(assay_verify(report.cli, tamper(peer_token[case]),
                                                     assay_key_args(case, "verify"), alg, via=verify_via,
                                                     workdir=workdir))

        def assay_to_peer(case=case, alg=alg):
            token = assay_sign(report.cli, alg, assay_key_args(case, "sign"), payload_json(report.peer),
                               via=sign_via, workdir=workdir)
            assay_token[case] = token
            problem = peer_verify(case, token)
            return f"{report.peer} rejected an assay-cli token: {problem}" if problem else None

        def assay_tampered_to_peer(case=case):
            if case not in assay_token:
                return "no assay-cli token (signing failed above)"
            problem = peer_verify(case, tamper(assay_token[case]))
            if problem is None:
                return f"{report.peer} accepted a tampered token"
            if not problem.startswith("signature:"):
                return f"{report.peer} rejected the tampered token for another reason: {problem}"
            return None

        report.case(f"{label}: {report.peer} signs -> assay-cli verifies", peer_to_assay)
        report.case(f"{label}: {report.peer} signs, tampered -> assay-cli rejects", peer_tampered_to_assay)
        report.case(f"{label}: assay-cli signs -> {report.peer} verifies", assay_to_peer)
        report.case(f"{label}: assay-cli signs, tampered -> {report.peer} rejects", assay_tampered_to_peer)
