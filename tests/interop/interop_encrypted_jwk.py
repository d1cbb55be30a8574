# SPDX-License-Identifier: Apache-2.0
"""Interoperability of passphrase-encrypted JWK Sets (RFC 7517 section 7, core/jwe/EncryptedJwk.h) with jwcrypto.

1. Assay -> jwcrypto: for every PBES2 alg x enc, the test driver (EncryptedJwkTool.cpp, which calls encryptJwkSet)
   encrypts a JWK Set of jwcrypto-generated RSA, EC, OKP and oct keys; jwcrypto decrypts it with the passphrase and
   gets exactly the keys it generated (every member). Also with Assay's defaults (PBES2-HS512+A256KW, A256GCM,
   600000 iterations) and as a single JWK (cty jwk+json). jwcrypto refuses the file with a wrong passphrase.
2. jwcrypto -> Assay: for every alg x enc jwcrypto encrypts the JWK Set (p2c 8192, its fixed count); the driver
   (decryptJwkSet) gives back the same keys. So does loadKeys() (the path every key input goes through), which
   answers ERR_KEY_PASSPHRASE_REQUIRED without a passphrase; and `assay-cli key convert --to jwks-private
   --passphrase-file` end to end. A wrong passphrase and a changed ciphertext are refused.
Run with the system interpreter:
  /usr/bin/python3 interop_encrypted_jwk.py --cli PATH/assay-cli --tool PATH/assay-interop-encrypted-jwk
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_common as common  # noqa: E402

try:
    from jwcrypto import jwe, jwk
    from jwcrypto.common import json_encode
except ImportError as exc:
    common.peer_missing(f"jwcrypto not importable ({exc}); install python3-jwcrypto")

ALGS = ["PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"]
ENCS = ["A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"]
# Non-ASCII on purpose: both sides must use the passphrase's UTF-8 bytes (as RFC 7520 section 5.3 does).
PASSPHRASE = "correct horse – battery stäple"
KEY_SPECS = [
    {"kty": "RSA", "size": 2048},
    {"kty": "EC", "crv": "P-256"},
    {"kty": "EC", "crv": "P-521"},
    {"kty": "OKP", "crv": "Ed25519"},
    {"kty": "OKP", "crv": "X25519"},
    {"kty": "oct", "size": 256},
]


def generate_keys():
    keys = []
    for i, spec in enumerate(KEY_SPECS):
        key = jwk.JWK.generate(**spec)
        # Every key gets a kid, so that assay-cli key convert keeps it rather than adding its thumbprint.
        keys.append(dict(key.export(private_key=True, as_dict=True), kid=f"interop-{i}-{spec['kty']}"))
    return keys


def same_keys(actual, expected):
    """Member-by-member comparison of two lists of JWK dicts; None when equal."""
    if len(actual) != len(expected):
        return f"{len(actual)} keys, expected {len(expected)}"
    for i, (a, e) in enumerate(zip(actual, expected)):
        if a != e:
            differing = sorted(k for k in set(a) | set(e) if a.get(k) != e.get(k))
            return f"key {i} ({e.get('kty')}) differs in {differing}"
    return None


def run(args, stdin=None):
    return common.CliResult(subprocess.run(args, input=stdin, capture_output=True, timeout=300))


def header_of(compact):
    return json.loads(common.b64url_decode(compact.split(".")[0]))


def jwcrypto_decrypt(compact, passphrase):
    token = jwe.JWE()
    token.deserialize(compact, key=jwk.JWK.from_password(passphrase))
    return token.payload


def jwcrypto_encrypt(plaintext, alg, enc, cty="jwk-set+json"):
    token = jwe.JWE(plaintext.encode("utf-8"), protected=json_encode({"alg": alg, "enc": enc, "cty": cty}))
    token.add_recipient(jwk.JWK.from_password(PASSPHRASE))
    return token.serialize(compact=True)


def main():
    args = common.parse_args(
        "encrypted JWK Sets: Assay <-> jwcrypto",
        lambda p: p.add_argument("--tool", required=True, help="path to assay-interop-encrypted-jwk"))
    if not os.access(args.tool, os.X_OK):
        print(f"test driver not executable: {args.tool}", file=sys.stderr)
        return 1
    report = common.Report("encrypted-jwk", args.cli)
    keys = generate_keys()
    jwks_text = json.dumps({"keys": keys})

    with tempfile.TemporaryDirectory(prefix="assay-interop-jwe-") as workdir:
        def write(name, data):
            path = os.path.join(workdir, name)
            with open(path, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            return path

        pass_file = write("pass.txt", PASSPHRASE)
        wrong_file = write("wrong.txt", PASSPHRASE + "!")
        jwks_file = write("keys.jwks", jwks_text)
        single_file = write("single.jwk", json.dumps(keys[1]))

        def assay_encrypt(alg, enc, p2c, mode, key_file):
            result = run([args.tool, "encrypt", alg, enc, str(p2c), mode, pass_file, key_file])
            if result.returncode != 0:
                raise RuntimeError(f"encryptJwkSet failed: {result.brief()}")
            return result.stdout.strip()

        # 1. Assay encrypts, jwcrypto decrypts.
        for alg in ALGS:
            for enc in ENCS:
                def ours_to_jwcrypto(alg=alg, enc=enc):
                    compact = assay_encrypt(alg, enc, 1000, "set", jwks_file)
                    header = header_of(compact)
                    if (header.get("alg"), header.get("enc"), header.get("cty")) != (alg, enc, "jwk-set+json"):
                        return f"unexpected header {header}"
                    plaintext = jwcrypto_decrypt(compact, PASSPHRASE)
                    return same_keys(json.loads(plaintext)["keys"], keys)

                report.case(f"Assay -> jwcrypto {alg} {enc}", ours_to_jwcrypto)

        def defaults_to_jwcrypto():
            compact = assay_encrypt("PBES2-HS512+A256KW", "A256GCM", 600000, "set", jwks_file)
            header = header_of(compact)
            if header.get("p2c") != 600000 or len(common.b64url_decode(header.get("p2s", ""))) != 16:
                return f"unexpected header {header}"
            problem = same_keys(json.loads(jwcrypto_decrypt(compact, PASSPHRASE))["keys"], keys)
            if problem:
                return problem
            try:
                jwcrypto_decrypt(compact, PASSPHRASE + "!")
            except Exception:  # jwcrypto raises InvalidJWEData (its wording differs between versions)
                return None
            return "jwcrypto decrypted the file with a wrong passphrase"

        report.case("Assay -> jwcrypto defaults (600000 iterations), wrong passphrase refused", defaults_to_jwcrypto)

        def single_to_jwcrypto():
            compact = assay_encrypt("PBES2-HS256+A128KW", "A128GCM", 1000, "single", single_file)
            if header_of(compact).get("cty") != "jwk+json":
                return f"cty is {header_of(compact).get('cty')!r}, expected jwk+json"
            return same_keys([json.loads(jwcrypto_decrypt(compact, PASSPHRASE))], [keys[1]])

        report.case("Assay -> jwcrypto single JWK (cty jwk+json)", single_to_jwcrypto)

        # 2. jwcrypto encrypts, Assay decrypts.
        for alg in ALGS:
            for enc in ENCS:
                def jwcrypto_to_ours(alg=alg, enc=enc):
                    path = write(f"jwcrypto-{alg}-{enc}.jwe", jwcrypto_encrypt(jwks_text, alg, enc))
                    result = run([args.tool, "decrypt", pass_file, path])
                    if result.returncode != 0:
                        return f"decryptJwkSet refused it: {result.brief()}"
                    return same_keys(json.loads(result.stdout)["keys"], keys)

                report.case(f"jwcrypto -> Assay {alg} {enc}", jwcrypto_to_ours)

        # The loadKeys() path with the combination the issue names: through the driver, then through assay-cli.
        compact = jwcrypto_encrypt(jwks_text, "PBES2-HS512+A256KW", "A256GCM")
        jwe_file = write("jwcrypto.jwe", compact + "\n")

        def load_keys():
            result = run([args.tool, "load", pass_file, jwe_file])
            if result.returncode != 0:
                return f"loadKeys refused it: {result.brief()}"
            problem = same_keys(json.loads(result.stdout)["keys"], keys)
            if problem:
                return problem
            missing = run([args.tool, "load", "-", jwe_file])
            if missing.returncode != 1 or "ERR_KEY_PASSPHRASE_REQUIRED" not in missing.stderr:
                return f"without a passphrase: expected ERR_KEY_PASSPHRASE_REQUIRED ({missing.brief()})"
            wrong = run([args.tool, "load", wrong_file, jwe_file])
            if wrong.returncode != 1 or "ERR_KEY_PASSPHRASE_WRONG" not in wrong.stderr:
                return f"wrong passphrase: expected ERR_KEY_PASSPHRASE_WRONG ({wrong.brief()})"
            return None

        report.case("jwcrypto -> loadKeys: keys with the passphrase, PASSPHRASE_REQUIRED without, WRONG", load_keys)

        def cli_loads():
            result = common.run_cli(args.cli, ["key", "convert", "--to", "jwks-private", "--passphrase-file",
                                               pass_file, jwe_file])
            if result.returncode != 0:
                return f"assay-cli key convert refused it: {result.brief()}"
            return same_keys(json.loads(result.stdout)["keys"], keys)

        report.case("jwcrypto -> assay-cli key convert (loadKeys) PBES2-HS512+A256KW A256GCM", cli_loads)

        def cli_asks_for_passphrase():
            result = common.run_cli(args.cli, ["key", "convert", "--to", "jwks-private", jwe_file])
            # assay-cli treats a missing or wrong passphrase like its other passphrase errors (KeyInput.cpp, exit
            # 2); what matters here is a clean refusal that asks for the passphrase, and no key on stdout.
            if result.returncode not in (1, 2) or result.stdout.strip():
                return f"expected a refusal without a passphrase ({result.brief()})"
            if "passphrase is needed" not in result.stderr:
                return f"the error does not ask for a passphrase ({result.brief()})"
            return None

        report.case("jwcrypto -> assay-cli without a passphrase: asks for one", cli_asks_for_passphrase)

        def cli_wrong_passphrase():
            result = common.run_cli(args.cli, ["key", "convert", "--to", "jwks-private", "--passphrase-file",
                                               wrong_file, jwe_file])
            if result.returncode not in (1, 2) or "wrong passphrase" not in result.stderr or result.stdout.strip():
                return f"expected a wrong-passphrase refusal ({result.brief()})"
            driver = run([args.tool, "decrypt", wrong_file, jwe_file])
            if driver.returncode != 1 or "ERR_KEY_PASSPHRASE_WRONG" not in driver.stderr:
                return f"decryptJwkSet: expected ERR_KEY_PASSPHRASE_WRONG ({driver.brief()})"
            return None

        report.case("jwcrypto -> Assay wrong passphrase refused", cli_wrong_passphrase)

        def tampered_refused():
            parts = compact.split(".")
            ciphertext = bytearray(common.b64url_decode(parts[3]))
            ciphertext[len(ciphertext) // 2] ^= 0x01
            parts[3] = common.b64url_encode(bytes(ciphertext))
            path = write("tampered.jwe", ".".join(parts))
            result = run([args.tool, "decrypt", pass_file, path])
            if result.returncode != 1 or "ERR_KEY_PASSPHRASE_WRONG" not in result.stderr:
                return f"expected ERR_KEY_PASSPHRASE_WRONG for a changed ciphertext ({result.brief()})"
            return None

        report.case("jwcrypto -> Assay changed ciphertext refused", tampered_refused)

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
