# SPDX-License-Identifier: Apache-2.0
"""Interoperability with PyJWT (Debian/Ubuntu python3-jwt), both ways, for every algorithm PyJWT supports.

Keys are generated fresh per run with `cryptography` (PyJWT's own backend) and handed to assay-cli as PEM files in
the "traditional" encodings where they exist (PKCS#1 RSA, SEC1 EC private keys; PKCS#8 for Ed25519/Ed448) and SPKI
for public keys; HMAC secrets go in as UTF-8 text with --secret. Tokens reach assay-cli as a command-line argument.
Run with the system interpreter: /usr/bin/python3 interop_pyjwt.py --cli PATH/assay-cli
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_common as common  # noqa: E402

try:
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
except ImportError as exc:
    common.peer_missing(f"PyJWT/cryptography not importable ({exc}); install python3-jwt")

CASES = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
        "ES256", "ES384", "ES512", "ES256K", "EdDSA:Ed25519", "EdDSA:Ed448"]


def main():
    args = common.parse_args("PyJWT <-> assay-cli interoperability")
    print(f"peer: PyJWT {jwt.__version__} from {os.path.dirname(jwt.__file__)}")
    report = common.Report("pyjwt", args.cli)

    with tempfile.TemporaryDirectory(prefix="assay-interop-pyjwt-") as workdir:
        keys = {}  # case -> (private object or secret, private PEM path, public PEM path)

        def key_for(case):
            if case in keys:
                return keys[case]
            alg = common.case_alg(case)
            if alg.startswith("HS"):
                secret = common.b64url_encode(os.urandom(64))  # 86 ASCII characters: strong for HS512 too
                keys[case] = (secret, None, None)
                return keys[case]
            if alg.startswith(("RS", "PS")):
                priv = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                fmt = serialization.PrivateFormat.TraditionalOpenSSL  # -----BEGIN RSA PRIVATE KEY-----
            elif alg.startswith("ES"):
                curve = {"ES256": ec.SECP256R1, "ES384": ec.SECP384R1, "ES512": ec.SECP521R1,
                         "ES256K": ec.SECP256K1}[alg]()
                priv = ec.generate_private_key(curve)
                fmt = serialization.PrivateFormat.TraditionalOpenSSL  # -----BEGIN EC PRIVATE KEY-----
            else:
                priv = (ed25519.Ed25519PrivateKey if case.endswith("Ed25519") else ed448.Ed448PrivateKey).generate()
                fmt = serialization.PrivateFormat.PKCS8
            stem = os.path.join(workdir, case.replace(":", "-"))
            with open(stem + ".key.pem", "wb") as f:
                f.write(priv.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()))
            with open(stem + ".pub.pem", "wb") as f:
                f.write(priv.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo))
            keys[case] = (priv, stem + ".key.pem", stem + ".pub.pem")
            return keys[case]

        def peer_sign(case):
            return jwt.encode(common.claims("pyjwt"), key_for(case)[0], algorithm=common.case_alg(case))

        def peer_verify(case, token):
            alg = common.case_alg(case)
            key = key_for(case)[0]
            verify_key = key if alg.startswith("HS") else key.public_key()
            try:
                jwt.decode(token, verify_key, algorithms=[alg], audience=common.AUDIENCE, issuer=common.ISSUER)
            except jwt.InvalidSignatureError as exc:
                return f"signature: {exc}"
            except jwt.PyJWTError as exc:
                return f"other: {type(exc).__name__}: {exc}"
            return None

        def key_args(case, op):
            material, priv_path, pub_path = key_for(case)
            if common.case_alg(case).startswith("HS"):
                return ["--secret", material]
            return ["--key", priv_path if op == "sign" else pub_path]

        common.run_peer_matrix(report, CASES, peer_sign, peer_verify, key_args, ("arg", "arg", workdir))
        return report.finish()


if __name__ == "__main__":
    sys.exit(main())
