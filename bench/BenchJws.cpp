// SPDX-License-Identifier: Apache-2.0
// Benchmarks for a typical ~300-byte JWT: for every algorithm family, decode (parseToken), verify with a parsed key
// (verifyJws over a KeySet) and sign (signCompact), each beside the same cryptographic operation done directly with
// OpenSSL 3 EVP in this binary: the floor. Names are "<operation>/<ALG>/<assay|openssl>" so scripts/bench-report.py
// can pair them and print ratios.
//
// The floor gets every advantage a hand-written caller could have: the EVP_PKEY and EVP_MD are parsed and fetched
// once, the signature is already binary (DER for ECDSA, as EVP wants it), nothing is base64url-encoded. The HMAC floor
// is the one-shot EVP_Q_mac over the same signing input, which is what a caller without a key cache would write.
// This file links OpenSSL itself only to build that floor; the Assay side goes through assay_core's public API alone.

#include "jwk/KeyLoader.h"
#include "jws/JwsAlgorithm.h"
#include "jws/JwsSigner.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <benchmark/benchmark.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <QByteArray>
#include <QString>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace assay;

struct PkeyFree
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdFree
{
    void operator()(EVP_MD* p) const { EVP_MD_free(p); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct BioFree
{
    void operator()(BIO* p) const { BIO_free(p); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdPtr = std::unique_ptr<EVP_MD, MdFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

[[noreturn]] void die(const std::string& what)
{
    std::fprintf(stderr, "assay-bench: %s\n", what.c_str());
    std::exit(1);
}

// A typical access token payload; with the default header the HS256 token is about 330 bytes.
const QByteArray kPayload = QByteArrayLiteral(
    R"({"iss":"https://login.example.com/","sub":"248289761001","aud":"s6BhdRkqt3","name":"Jane Doe",)"
    R"("email":"janedoe@example.com","roles":["reader","editor"],"iat":1716239022,"nbf":1716239022,)"
    R"("exp":1716242622,"jti":"b1f8c2d4-7e5a-4c3b-9a1d-2f6e8c0b3a57"})");

struct Spec
{
    const char* label; // benchmark name part
    JwsAlgorithm alg;
    const char* keyType; // EVP_PKEY_Q_keygen type; nullptr for HMAC
    const char* param;   // curve name, or nullptr (RSA uses 2048 bits)
    const char* digest;  // EVP digest name; nullptr for EdDSA
    bool pss = false;
    int ecdsaHalf = 0; // bytes per r/s half in the JOSE form, 0 when not ECDSA
};

struct Fixture
{
    Spec spec;
    // Assay side
    Key signingKey;
    KeySet verifyKeys;
    QByteArray header;
    QByteArray token;
    ParsedToken parsed;
    // OpenSSL floor
    PkeyPtr privateKey;
    PkeyPtr publicKey;
    MdPtr md;
    QByteArray secret;
    QByteArray signingInput;
    QByteArray floorSignature; // what EVP verifies: raw (RSA, EdDSA, HMAC) or DER (ECDSA)
};

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

QByteArray derFromJose(const QByteArray& joseSig, int half)
{
    if (joseSig.size() != 2 * half)
        die("unexpected ECDSA signature length");
    const auto* raw = reinterpret_cast<const unsigned char*>(joseSig.constData());
    EcdsaSigPtr sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(raw, half, nullptr);
    BIGNUM* s = BN_bin2bn(raw + half, half, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1)
        die("ECDSA_SIG construction failed");
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        die("i2d_ECDSA_SIG failed");
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

void configurePss(EVP_PKEY_CTX* pctx, const Fixture& f)
{
    if (!f.spec.pss)
        return;
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, f.md.get()) != 1)
        die("PSS parameters");
}

// The floor: one EVP verification with the pre-parsed public key. Returns true when the signature checks.
bool floorVerify(const Fixture& f)
{
    const auto* data = reinterpret_cast<const unsigned char*>(f.signingInput.constData());
    const auto* sig = reinterpret_cast<const unsigned char*>(f.floorSignature.constData());
    if (!f.spec.keyType) {
        unsigned char mac[EVP_MAX_MD_SIZE];
        size_t macLen = 0;
        if (!EVP_Q_mac(nullptr, "HMAC", nullptr, f.spec.digest, nullptr, f.secret.constData(),
                       static_cast<size_t>(f.secret.size()), data, static_cast<size_t>(f.signingInput.size()), mac,
                       sizeof mac, &macLen))
            return false;
        return macLen == static_cast<size_t>(f.floorSignature.size()) && CRYPTO_memcmp(mac, sig, macLen) == 0;
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestVerifyInit(ctx.get(), &pctx, f.md.get(), nullptr, f.publicKey.get()) != 1)
        return false;
    configurePss(pctx, f);
    return EVP_DigestVerify(ctx.get(), sig, static_cast<size_t>(f.floorSignature.size()), data,
                            static_cast<size_t>(f.signingInput.size())) == 1;
}

// The floor: one EVP signature with the pre-parsed private key.
size_t floorSign(const Fixture& f, unsigned char* out, size_t outCapacity)
{
    const auto* data = reinterpret_cast<const unsigned char*>(f.signingInput.constData());
    if (!f.spec.keyType) {
        size_t macLen = 0;
        if (!EVP_Q_mac(nullptr, "HMAC", nullptr, f.spec.digest, nullptr, f.secret.constData(),
                       static_cast<size_t>(f.secret.size()), data, static_cast<size_t>(f.signingInput.size()), out,
                       outCapacity, &macLen))
            return 0;
        return macLen;
    }
    MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestSignInit(ctx.get(), &pctx, f.md.get(), nullptr, f.privateKey.get()) != 1)
        return 0;
    configurePss(pctx, f);
    size_t len = outCapacity;
    if (EVP_DigestSign(ctx.get(), out, &len, data, static_cast<size_t>(f.signingInput.size())) != 1)
        return 0;
    return len;
}

std::unique_ptr<Fixture> makeFixture(const Spec& spec)
{
    auto f = std::make_unique<Fixture>();
    f->spec = spec;

    if (spec.digest && spec.keyType) {
        f->md.reset(EVP_MD_fetch(nullptr, spec.digest, nullptr));
        if (!f->md)
            die(std::string("EVP_MD_fetch ") + spec.digest);
    }

    if (!spec.keyType) {
        f->secret.resize(64); // as long as the largest hash: never "weak"
        if (RAND_bytes(reinterpret_cast<unsigned char*>(f->secret.data()), 64) != 1)
            die("RAND_bytes");
        auto key = keyFromSecret(f->secret.toHex(), SecretEncoding::Hex);
        if (!key)
            die("keyFromSecret: " + key.error().toString().toStdString());
        f->signingKey = *key;
        f->verifyKeys.keys.append(*key);
    } else {
        EVP_PKEY* generated = nullptr;
        if (std::string(spec.keyType) == "RSA")
            generated = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
        else if (spec.param)
            generated = EVP_PKEY_Q_keygen(nullptr, nullptr, spec.keyType, spec.param);
        else
            generated = EVP_PKEY_Q_keygen(nullptr, nullptr, spec.keyType);
        if (!generated)
            die(std::string("keygen ") + spec.label);
        f->privateKey.reset(generated);

        BioPtr privPem(BIO_new(BIO_s_mem()));
        BioPtr pubPem(BIO_new(BIO_s_mem()));
        if (PEM_write_bio_PrivateKey(privPem.get(), f->privateKey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
            PEM_write_bio_PUBKEY(pubPem.get(), f->privateKey.get()) != 1)
            die("PEM export");
        const QByteArray pubPemBytes = bioBytes(pubPem.get());
        BioPtr pubRead(BIO_new_mem_buf(pubPemBytes.constData(), static_cast<int>(pubPemBytes.size())));
        f->publicKey.reset(PEM_read_bio_PUBKEY(pubRead.get(), nullptr, nullptr, nullptr));
        if (!f->publicKey)
            die("PEM_read_bio_PUBKEY");

        auto priv = loadKeys(bioBytes(privPem.get()));
        if (!priv || priv->keys.isEmpty())
            die("loadKeys(private) " + std::string(spec.label) + ": " +
                (priv ? std::string("no key") : priv.error().toString().toStdString()));
        f->signingKey = priv->keys.front();
        auto pub = loadKeys(pubPemBytes);
        if (!pub || pub->keys.isEmpty())
            die("loadKeys(public) " + std::string(spec.label) + ": " +
                (pub ? std::string("no key") : pub.error().toString().toStdString()));
        f->verifyKeys = *pub;
    }

    f->header = defaultHeader(spec.alg);
    auto token = signCompact(f->header, kPayload, f->signingKey, spec.alg);
    if (!token)
        die("signCompact " + std::string(spec.label) + ": " + token.error().toString().toStdString());
    f->token = *token;
    auto parsed = parseToken(f->token);
    if (!parsed)
        die("parseToken: " + parsed.error().toString().toStdString());
    f->parsed = *parsed;
    const JwsVerification check = verifyJws(f->parsed, f->verifyKeys);
    if (!check.isValid())
        die("verifyJws " + std::string(spec.label) + " is not VALID: " + check.reason.toStdString());

    f->signingInput = f->parsed.signingInput();
    const QByteArray joseSig = f->parsed.signatures.front().signature.bytes;
    f->floorSignature = spec.ecdsaHalf ? derFromJose(joseSig, spec.ecdsaHalf) : joseSig;
    if (!floorVerify(*f))
        die("OpenSSL floor does not verify the Assay signature for " + std::string(spec.label));
    return f;
}

// Runs Assay's operation and the floor alternately inside one loop (the order flips every iteration) and reports
// the ratio of their summed times as counters. On a shared or throttled machine the separate benchmarks above drift
// apart; interleaving at this grain makes both sides see the same conditions, so this ratio is the one to trust.
void registerPaired(const std::string& name, std::function<bool()> ours, std::function<bool()> floor)
{
    benchmark::RegisterBenchmark(name.c_str(), [ours, floor](benchmark::State& state) {
        using Clock = std::chrono::steady_clock;
        Clock::duration oursTotal{}, floorTotal{};
        bool oursFirst = true;
        for (auto _ : state) {
            for (int pass = 0; pass < 2; ++pass) {
                const bool runOurs = (pass == 0) == oursFirst;
                const auto start = Clock::now();
                const bool ok = runOurs ? ours() : floor();
                const auto elapsed = Clock::now() - start;
                if (!ok) {
                    state.SkipWithError(runOurs ? "Assay side failed" : "OpenSSL side failed");
                    return;
                }
                (runOurs ? oursTotal : floorTotal) += elapsed;
            }
            oursFirst = !oursFirst;
        }
        const double n = static_cast<double>(state.iterations());
        const double oursNs = std::chrono::duration<double, std::nano>(oursTotal).count() / n;
        const double floorNs = std::chrono::duration<double, std::nano>(floorTotal).count() / n;
        state.counters["assay_ns"] = oursNs;
        state.counters["openssl_ns"] = floorNs;
        state.counters["ratio"] = floorNs > 0 ? oursNs / floorNs : 0;
    });
}

void registerAll(const std::vector<std::unique_ptr<Fixture>>& fixtures)
{
    for (const auto& owned : fixtures) {
        const Fixture* f = owned.get();
        const std::string alg = f->spec.label;

        benchmark::RegisterBenchmark(("decode/" + alg + "/assay").c_str(), [f](benchmark::State& state) {
            for (auto _ : state) {
                auto parsed = parseToken(f->token);
                benchmark::DoNotOptimize(parsed);
            }
            state.SetLabel(std::to_string(f->token.size()) + "-byte token");
        });

        benchmark::RegisterBenchmark(("verify/" + alg + "/assay").c_str(), [f](benchmark::State& state) {
            for (auto _ : state) {
                auto result = verifyJws(f->parsed, f->verifyKeys);
                if (!result.isValid()) {
                    state.SkipWithError("verifyJws did not return VALID");
                    break;
                }
                benchmark::DoNotOptimize(result);
            }
        });
        benchmark::RegisterBenchmark(("verify/" + alg + "/openssl").c_str(), [f](benchmark::State& state) {
            for (auto _ : state) {
                if (!floorVerify(*f)) {
                    state.SkipWithError("EVP verification failed");
                    break;
                }
            }
        });

        if (!f->spec.keyType) {
            // The HS* target: the whole path from token text to verdict, against one HMAC over the same input.
            benchmark::RegisterBenchmark(("decode+verify/" + alg + "/assay").c_str(), [f](benchmark::State& state) {
                for (auto _ : state) {
                    auto parsed = parseToken(f->token);
                    auto result = verifyJws(*parsed, f->verifyKeys);
                    if (!result.isValid()) {
                        state.SkipWithError("decode+verify did not return VALID");
                        break;
                    }
                    benchmark::DoNotOptimize(result);
                }
            });
            benchmark::RegisterBenchmark(("decode+verify/" + alg + "/openssl").c_str(), [f](benchmark::State& state) {
                for (auto _ : state) {
                    if (!floorVerify(*f)) {
                        state.SkipWithError("EVP_Q_mac failed");
                        break;
                    }
                }
            });
        }

        benchmark::RegisterBenchmark(("sign/" + alg + "/assay").c_str(), [f](benchmark::State& state) {
            for (auto _ : state) {
                auto token = signCompact(f->header, kPayload, f->signingKey, f->spec.alg);
                if (!token) {
                    state.SkipWithError("signCompact failed");
                    break;
                }
                benchmark::DoNotOptimize(token);
            }
        });
        registerPaired(
            "paired/verify/" + alg, [f] { return verifyJws(f->parsed, f->verifyKeys).isValid(); },
            [f] { return floorVerify(*f); });
        registerPaired(
            "paired/sign/" + alg,
            [f] { return signCompact(f->header, kPayload, f->signingKey, f->spec.alg).has_value(); },
            [f] {
                unsigned char out[1024];
                return floorSign(*f, out, sizeof out) > 0;
            });
        if (!f->spec.keyType) {
            registerPaired(
                "paired/decode+verify/" + alg,
                [f] {
                    auto parsed = parseToken(f->token);
                    return parsed && verifyJws(*parsed, f->verifyKeys).isValid();
                },
                [f] { return floorVerify(*f); });
        }

        benchmark::RegisterBenchmark(("sign/" + alg + "/openssl").c_str(), [f](benchmark::State& state) {
            unsigned char out[1024];
            for (auto _ : state) {
                const size_t len = floorSign(*f, out, sizeof out);
                if (len == 0) {
                    state.SkipWithError("EVP signing failed");
                    break;
                }
                benchmark::DoNotOptimize(out);
            }
        });
    }
}

} // namespace

int main(int argc, char** argv)
{
    const Spec specs[] = {
        {"HS256", JwsAlgorithm::HS256, nullptr, nullptr, "SHA256"},
        {"RS256", JwsAlgorithm::RS256, "RSA", nullptr, "SHA256"},
        {"PS256", JwsAlgorithm::PS256, "RSA", nullptr, "SHA256", true},
        {"ES256", JwsAlgorithm::ES256, "EC", "P-256", "SHA256", false, 32},
        {"ES256K", JwsAlgorithm::ES256K, "EC", "secp256k1", "SHA256", false, 32},
        {"EdDSA-Ed25519", JwsAlgorithm::EdDSA, "ED25519", nullptr, nullptr},
        {"Ed448", JwsAlgorithm::Ed448, "ED448", nullptr, nullptr},
    };
    std::vector<std::unique_ptr<Fixture>> fixtures;
    for (const Spec& spec : specs)
        fixtures.push_back(makeFixture(spec));
    registerAll(fixtures);

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
