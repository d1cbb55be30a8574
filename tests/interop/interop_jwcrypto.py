# SPDX-License-Identifier: Apache-2.0
"""Interoperability with jwcrypto (Debian/Ubuntu python3-jwcrypto), both ways, for every algorithm it supports.

Keys are generated fresh per run by jwcrypto (JWK.generate, on top of `cryptography`) and handed to assay-cli as
JWK files: the private JWK for `assay-cli sign`, the public JWK for `assay-cli verify`. HMAC keys go in as the oct
JWK for verification and as the base64url `k` value (--secret-file with --secret-encoding base64url) for signing.
Payloads and tokens reach assay-cli through @FILE arguments.
Run with the system interpreter: /usr/bin/python3 interop_jwcrypto.py --cli PATH/assay-cli
"""

import importlib.metadata
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_common as common  # noqa: E402

try:
    import jwcrypto
    from jwcrypto import jwk, jws, jwt
    from jwcrypto.common import JWException
except ImportError as exc:
    common.peer_missing(f"jwcrypto not importable ({exc}); install python3-jwcrypto")

CASES = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
         "ES256", "ES384", "ES512", "ES256K", "EdDSA:Ed25519", "EdDSA:Ed448"]

GENERATE = {
    "HS": {"kty": "oct", "size": 512},
    "RS": {"kty": "RSA", "size": 2048},
    "PS": {"kty": "RSA", "size": 2048},
    "ES256": {"kty": "EC", "crv": "P-256"},
    "ES384": {"kty": "EC", "crv": "P-384"},
    "ES512": {"kty": "EC", "crv": "P-521"},
    "ES256K": {"kty": "EC", "crv": "secp256k1"},
}


def main():
    args = common.parse_args("jwcrypto <-> assay-cli interoperability")
    try:
        version = importlib.metadata.version("jwcrypto")
    except importlib.metadata.PackageNotFoundError:
        version = "(version unknown)"
    print(f"peer: jwcrypto {version} from {os.path.dirname(jwcrypto.__file__)}")
    report = common.Report("jwcrypto", args.cli)

    with tempfile.TemporaryDirectory(prefix="assay-interop-jwcrypto-") as workdir:
        keys = {}  # case -> (JWK, private JWK path, public JWK path, secret file path or None)

        def key_for(case):
            if case in keys:
                return keys[case]
            alg = common.case_alg(case)
            if alg == "EdDSA":
                params = {"kty": "OKP", "crv": case.split(":")[1]}
            else:
                params = GENERATE.get(alg) or GENERATE[alg[:2]]
            key = jwk.JWK.generate(kid=f"jwcrypto-{case.replace(':', '-')}", **params)
            stem = os.path.join(workdir, case.replace(":", "-"))
            with open(stem + ".jwk", "w", encoding="ascii") as f:
                f.write(key.export(private_key=True))
            secret_path = None
            if params["kty"] == "oct":
                pub_path = stem + ".jwk"  # a symmetric JWK verifies as well as signs
                secret_path = stem + ".k.txt"
                with open(secret_path, "w", encoding="ascii") as f:
                    f.write(json.loads(key.export())["k"])
            else:
                pub_path = stem + ".pub.jwk"
                with open(pub_path, "w", encoding="ascii") as f:
                    f.write(key.export_public())
            keys[case] = (key, stem + ".jwk", pub_path, secret_path)
            return keys[case]

        def peer_sign(case):
            key = key_for(case)[0]
            token = jwt.JWT(header={"alg": common.case_alg(case), "kid": key["kid"]}, claims=common.claims("jwcrypto"))
            token.make_signed_token(key)
            return token.serialize()

        def peer_verify(case, token):
            key = key_for(case)[0]
            alg = common.case_alg(case)
            verify_key = key if key["kty"] == "oct" else jwk.JWK.from_json(key.export_public())
            try:
                checked = jwt.JWT(jwt=token, key=verify_key, algs=[alg],
                                  check_claims={"iss": common.ISSUER, "aud": common.AUDIENCE, "exp": None})
            except jws.InvalidJWSSignature as exc:
                return f"signature: {exc}"
            except (JWException, ValueError) as exc:
                return f"other: {type(exc).__name__}: {exc}"
            if json.loads(checked.claims).get("iss") != common.ISSUER:
                return "other: claims did not survive the round trip"
            return None

        def key_args(case, op):
            _, priv_path, pub_path, secret_path = key_for(case)
            if op == "sign":
                if secret_path:
                    return ["--secret-file", secret_path, "--secret-encoding", "base64url"]
                return ["--key", priv_path]
            return ["--key", pub_path]

        common.run_peer_matrix(report, CASES, peer_sign, peer_verify, key_args, ("file", "file", workdir))
        return report.finish()


if __name__ == "__main__":
    sys.exit(main())
