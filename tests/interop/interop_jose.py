# SPDX-License-Identifier: Apache-2.0
"""Interoperability with panva/jose on Node.js, both ways, for every algorithm it supports in Node.

The npm package is pinned by node/package.json + node/package-lock.json and installed into node/node_modules by
scripts/test.sh (npm ci), never at test time. Keys are generated fresh per run with node:crypto (node/peer.mjs):
assay-cli signs with the PKCS#8 DER private key and verifies with a JWKS holding the public JWK (kid, alg, use)
after a decoy key of the same type, so selection by kid is exercised; HMAC secrets travel as hex. Payloads and
tokens reach assay-cli on stdin (-).
Run: /usr/bin/python3 interop_jose.py --cli PATH/assay-cli [--node PATH/node]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_common as common  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "node", "peer.mjs")
CASES = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
         "ES256", "ES384", "ES512", "ES256K", "EdDSA:Ed25519", "EdDSA:Ed448"]
MIN_NODE_MAJOR = 18  # jose 5 on Node uses node:crypto KeyObjects; Debian 12 and Ubuntu 24.04 ship Node 18


def main():
    def extra(parser):
        parser.add_argument("--node", default="node", help="the Node.js executable")
    args = common.parse_args("panva/jose <-> assay-cli interoperability", extra)

    node = shutil.which(args.node) or (args.node if os.access(args.node, os.X_OK) else None)
    if not node:
        common.peer_missing(f"Node.js not found ({args.node}); install nodejs")
    if not os.path.isfile(os.path.join(HERE, "node", "node_modules", "jose", "package.json")):
        common.peer_missing("panva/jose is not installed in tests/interop/node/node_modules (npm ci)")

    # One Node process serves every operation of the run (JSON lines), so Node's start-up is paid once.
    server = subprocess.Popen([node, PEER, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              encoding="utf-8")

    def peer(op, case, path, stdin=""):
        server.stdin.write(json.dumps({"op": op, "case": case, "dir": path, "input": stdin}) + "\n")
        server.stdin.flush()
        line = server.stdout.readline()
        if not line:
            raise RuntimeError(f"the jose peer exited (status {server.poll()})")
        reply = json.loads(line)
        return reply["status"], reply["output"]

    versions = subprocess.run([node, PEER, "versions"], capture_output=True, timeout=60)
    if versions.returncode != 0:
        common.peer_missing(f"the jose peer does not start: {versions.stderr.decode(errors='replace').strip()}")
    version_line = versions.stdout.decode().strip()
    print(f"peer: {version_line}")
    node_major = int(version_line.split()[1].split(".")[0].rstrip(","))
    if node_major < MIN_NODE_MAJOR:
        common.peer_missing(f"Node.js {node_major} is older than {MIN_NODE_MAJOR}")

    report = common.Report("jose", args.cli)
    with tempfile.TemporaryDirectory(prefix="assay-interop-jose-") as workdir:
        dirs = {}

        def dir_for(case):
            if case not in dirs:
                path = os.path.join(workdir, case.replace(":", "-"))
                os.mkdir(path)
                status, output = peer("keygen", case, path)
                if status != 0:
                    raise RuntimeError(f"jose keygen {case}: {output}")
                dirs[case] = path
            return dirs[case]

        def peer_sign(case):
            status, output = peer("sign", case, dir_for(case), common.payload_json("jose"))
            if status != 0:
                raise RuntimeError(f"jose sign: {output}")
            return output.strip()

        def peer_verify(case, token):
            status, output = peer("verify", case, dir_for(case), token)
            if status == 0:
                return None
            if status == 1:
                kind = "signature" if output.startswith("ERR_JWS_SIGNATURE_VERIFICATION_FAILED") else "other"
                return f"{kind}: {output}"
            return f"other: peer error: {output}"

        def key_args(case, op):
            path = dir_for(case)
            kid = f"jose-{case.replace(':', '-')}"
            if common.case_alg(case).startswith("HS"):
                secret_file = os.path.join(path, "secret.hex")
                if op == "sign":
                    with open(secret_file, encoding="ascii") as f:
                        return ["--secret", f.read().strip(), "--secret-encoding", "hex", "--kid", kid]
                return ["--secret-file", secret_file, "--secret-encoding", "hex"]
            if op == "sign":
                return ["--key", os.path.join(path, "private.der"), "--kid", kid]
            return ["--key", os.path.join(path, "public.jwks")]

        try:
            common.run_peer_matrix(report, CASES, peer_sign, peer_verify, key_args, ("stdin", "stdin", workdir))
        finally:
            server.stdin.close()
            server.wait(timeout=30)
        return report.finish()


if __name__ == "__main__":
    sys.exit(main())
