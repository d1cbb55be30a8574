// SPDX-License-Identifier: Apache-2.0
// assay-bench-crack: candidates per second of the weak-secret checker (issue 5) for an HS256 token whose signing
// input is 312 bytes, beside baselines measured in the same run:
//
//   floor/9-transforms     SHA256_Transform on 9 blocks, nothing else: the compression work HMAC needs per guess
//                          (key block + 6 message blocks for the inner hash, key block + 1 block for the outer), so
//                          the hardware limit of any CPU implementation built on OpenSSL's SHA-256.
//   baseline/lowlevel-hmac SHA256_Init/Update/Final twice per guess: HMAC written on the low-level API, no precompute.
//   baseline/evp-mac       EVP_MAC "HMAC" with one EVP_MAC_CTX reused: EVP_MAC_init(key), update, final per guess.
//   baseline/hmac-oneshot  HMAC() per guess.
//   assay/tester           HmacCandidateTester::matches(): Assay's kernel alone.
//   assay/cracker          SecretCracker over a mask, end to end (candidate generation, batching, threads).
//
// Each runs on 1 thread measured in CPU time (the per-core rate, robust to other load on the machine) and on 2 threads
// measured in wall time (the aggregate rate, so linear scaling shows as twice the 1-thread rate). assay/cracker owns
// its threads, so its per-core figure divides by the process's CPU time. items_per_second is candidates per second;
// scripts/bench-crack.sh prints each as a ratio to the floor and runs hashcat's mode 16500 on the same token.
//
// This file (like HmacCandidateTester.cpp) uses OpenSSL's low-level SHA-256 API, deprecated in 3.0, because the floor
// and the low-level baseline are defined in its terms.
#undef OPENSSL_NO_DEPRECATED
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <openssl/sha.h>

#include "audit/BruteForceMask.h"
#include "audit/CrackTarget.h"
#include "audit/HmacCandidateTester.h"
#include "audit/MaskSource.h"
#include "audit/SecretCracker.h"

#include <benchmark/benchmark.h>

#include <QByteArray>
#include <QMessageAuthenticationCode>

#include <array>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

using namespace assay;

constexpr int SigningInputBytes = 312;

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// `header.payload` of exactly 312 bytes: a typical JWT with a padded claim.
const QByteArray& signingInput()
{
    static const QByteArray input = [] {
        const QByteArray header = b64url(R"({"alg":"HS256","typ":"JWT"})");
        QByteArray filler;
        for (;;) {
            const QByteArray payload =
                b64url(R"({"sub":"1234567890","name":"John Doe","iat":1516239022,"scope":"read write","x":")" + filler +
                       "\"}");
            const QByteArray candidate = header + '.' + payload;
            if (candidate.size() == SigningInputBytes)
                return candidate;
            if (candidate.size() > SigningInputBytes)
                break;
            filler += 'a';
        }
        std::fprintf(stderr, "cannot build a %d-byte signing input\n", SigningInputBytes);
        std::abort();
    }();
    return input;
}

// Signed with a secret that no candidate here matches, so every guess costs the full HMAC.
const CrackTarget& target()
{
    static const CrackTarget t = [] {
        const QByteArray mac =
            QMessageAuthenticationCode::hash(signingInput(), "Z-not-a-candidate-0f3a", QCryptographicHash::Sha256);
        return *CrackTarget::make(JwsAlgorithm::HS256, signingInput(), mac);
    }();
    return t;
}

// The target MAC as a fixed array (the baselines compare 32 bytes).
std::array<unsigned char, 32> expectedMac()
{
    std::array<unsigned char, 32> mac{};
    std::memcpy(mac.data(), target().mac().constData(), mac.size());
    return mac;
}

// A distinct 8-byte guess per iteration.
struct Guess
{
    std::array<unsigned char, 8> bytes{'g', 'u', 'e', 's', 's', '0', '0', '0'};
    void next()
    {
        for (int i = 7; i >= 5; --i) {
            if (++bytes[i] <= '9')
                return;
            bytes[i] = '0';
        }
    }
};

void setRate(benchmark::State& state)
{
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void floorTransforms(benchmark::State& state)
{
    alignas(64) std::array<unsigned char, 9 * SHA256_CBLOCK> blocks{};
    std::memset(blocks.data(), 0x36, blocks.size());
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    unsigned counter = 0;
    for (auto _ : state) {
        blocks[0] = static_cast<unsigned char>(++counter);
        for (int b = 0; b < 9; ++b)
            SHA256_Transform(&ctx, blocks.data() + b * SHA256_CBLOCK);
        benchmark::DoNotOptimize(ctx.h[0]);
    }
    setRate(state);
}

void lowLevelHmac(benchmark::State& state)
{
    const QByteArray& message = signingInput();
    const std::array<unsigned char, 32> expected = expectedMac();
    Guess guess;
    std::array<unsigned char, SHA256_CBLOCK> ipad{};
    std::array<unsigned char, SHA256_CBLOCK> opad{};
    std::array<unsigned char, SHA256_DIGEST_LENGTH> inner{};
    std::array<unsigned char, SHA256_DIGEST_LENGTH> mac{};
    for (auto _ : state) {
        guess.next();
        ipad.fill(0x36);
        opad.fill(0x5c);
        for (std::size_t i = 0; i < guess.bytes.size(); ++i) {
            ipad[i] ^= guess.bytes[i];
            opad[i] ^= guess.bytes[i];
        }
        SHA256_CTX ctx;
        SHA256_Init(&ctx);
        SHA256_Update(&ctx, ipad.data(), ipad.size());
        SHA256_Update(&ctx, message.constData(), static_cast<std::size_t>(message.size()));
        SHA256_Final(inner.data(), &ctx);
        SHA256_Init(&ctx);
        SHA256_Update(&ctx, opad.data(), opad.size());
        SHA256_Update(&ctx, inner.data(), inner.size());
        SHA256_Final(mac.data(), &ctx);
        benchmark::DoNotOptimize(std::memcmp(mac.data(), expected.data(), mac.size()));
    }
    setRate(state);
}

void evpMacReused(benchmark::State& state)
{
    const QByteArray& message = signingInput();
    const std::array<unsigned char, 32> expected = expectedMac();
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    EVP_MAC_CTX_set_params(ctx, params);
    Guess guess;
    std::array<unsigned char, 32> out{};
    for (auto _ : state) {
        guess.next();
        std::size_t length = 0;
        EVP_MAC_init(ctx, guess.bytes.data(), guess.bytes.size(), nullptr);
        EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(message.constData()),
                       static_cast<std::size_t>(message.size()));
        EVP_MAC_final(ctx, out.data(), &length, out.size());
        benchmark::DoNotOptimize(std::memcmp(out.data(), expected.data(), out.size()));
    }
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    setRate(state);
}

void hmacOneShot(benchmark::State& state)
{
    const QByteArray& message = signingInput();
    const std::array<unsigned char, 32> expected = expectedMac();
    Guess guess;
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    for (auto _ : state) {
        guess.next();
        unsigned int length = 0;
        HMAC(EVP_sha256(), guess.bytes.data(), static_cast<int>(guess.bytes.size()),
             reinterpret_cast<const unsigned char*>(message.constData()), static_cast<std::size_t>(message.size()),
             out.data(), &length);
        benchmark::DoNotOptimize(std::memcmp(out.data(), expected.data(), expected.size()));
    }
    setRate(state);
}

void assayTester(benchmark::State& state)
{
    HmacCandidateTester tester(target());
    Guess guess;
    for (auto _ : state) {
        guess.next();
        benchmark::DoNotOptimize(tester.matches(guess.bytes.data(), guess.bytes.size()));
    }
    setRate(state);
}

// One iteration = one full SecretCracker run over ?l?l?l?d (175,760 candidates) plus the empty secret.
void assayCracker(benchmark::State& state)
{
    const int threads = static_cast<int>(state.range(0));
    quint64 tested = 0;
    for (auto _ : state) {
        std::vector<std::unique_ptr<CandidateSource>> sources;
        sources.push_back(std::make_unique<MaskSource>(*BruteForceMask::parse(QStringLiteral("?l?l?l?d"))));
        SecretCracker cracker(target(), std::move(sources), CrackOptions{threads});
        const CrackResult r = cracker.run();
        if (r.outcome != CrackOutcome::NotFound)
            state.SkipWithError("unexpected outcome");
        tested += r.tested;
    }
    state.SetItemsProcessed(static_cast<int64_t>(tested));
}

} // namespace

BENCHMARK(floorTransforms)->Name("floor/9-transforms")->Threads(1);
BENCHMARK(floorTransforms)->Name("floor/9-transforms")->Threads(2)->UseRealTime();
BENCHMARK(lowLevelHmac)->Name("baseline/lowlevel-hmac")->Threads(1);
BENCHMARK(lowLevelHmac)->Name("baseline/lowlevel-hmac")->Threads(2)->UseRealTime();
BENCHMARK(evpMacReused)->Name("baseline/evp-mac")->Threads(1);
BENCHMARK(evpMacReused)->Name("baseline/evp-mac")->Threads(2)->UseRealTime();
BENCHMARK(hmacOneShot)->Name("baseline/hmac-oneshot")->Threads(1);
BENCHMARK(hmacOneShot)->Name("baseline/hmac-oneshot")->Threads(2)->UseRealTime();
BENCHMARK(assayTester)->Name("assay/tester")->Threads(1);
BENCHMARK(assayTester)->Name("assay/tester")->Threads(2)->UseRealTime();
// Per core: candidates per CPU-second of the whole process. Aggregate: candidates per wall-clock second.
BENCHMARK(assayCracker)
    ->Name("assay/cracker/cpu")
    ->Arg(1)
    ->Arg(2)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(assayCracker)->Name("assay/cracker/wall")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
