// SPDX-License-Identifier: Apache-2.0
// Token parsing and verification on arbitrary bytes (ATTACKS.md A25: every error path ends in a typed verdict).
#include "FuzzTarget.h"

#include "encoding/Base64Url.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

using namespace assay;

namespace {

const KeySet& fuzzKeys()
{
    // An HMAC key and an EC key: enough to reach the HMAC and ECDSA verification paths.
    static const KeySet keys = [] {
        KeySet set;
        if (auto k = keyFromSecret("fuzzing-secret-that-is-32-bytes!", SecretEncoding::Utf8))
            set.keys.append(*k);
        // RFC 7515 A.3 P-256 key.
        if (auto s = loadKeys(R"({"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
                              R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})"))
            set.keys += s->keys;
        return set;
    }();
    return keys;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto token = parseToken(input);
    if (!token)
        return 0;
    // Whatever was parsed keeps its raw bytes: each compact segment is a slice of the input at its offset.
    if (token->form == TokenForm::CompactJws) {
        ASSAY_FUZZ_CHECK(token->text == input.toByteArray());
        ASSAY_FUZZ_CHECK(token->signatures.size() == 1);
        const auto& s = token->signatures.front();
        ASSAY_FUZZ_CHECK(input.sliced(s.protectedHeader.offset, s.protectedHeader.raw.size()) == s.protectedHeader.raw);
        // A segment that decoded re-encodes to exactly its text (strict base64url is canonical).
        if (!s.protectedHeader.error)
            ASSAY_FUZZ_CHECK(base64url::encode(s.protectedHeader.bytes) == s.protectedHeader.raw);
        if (!s.signature.error)
            ASSAY_FUZZ_CHECK(base64url::encode(s.signature.bytes) == s.signature.raw);
    }
    const JwsVerification result = verifyJws(*token, fuzzKeys());
    ASSAY_FUZZ_CHECK(!result.reason.isEmpty() || result.verdict == Verdict::Valid);
    return 0;
}
