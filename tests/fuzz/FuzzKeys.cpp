// SPDX-License-Identifier: Apache-2.0
// Key loading on arbitrary bytes (JWK, JWKS, PEM, DER), with the JWK round trip: every loaded asymmetric key
// exports to a public JWK that loads again with the same RFC 7638 thumbprint.
#include "FuzzTarget.h"

#include "jwk/KeyLoader.h"

using namespace assay;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto set = loadKeys(input);
    if (!set)
        return 0;
    for (const Key& key : std::as_const(set->keys)) {
        if (key.isSymmetric())
            continue;
        auto jwk = key.toJwk(false);
        ASSAY_FUZZ_CHECK(jwk.has_value());
        auto back = keyFromJwk(*jwk);
        ASSAY_FUZZ_CHECK(back.has_value());
        ASSAY_FUZZ_CHECK(!back->hasPrivate());
        auto t1 = key.thumbprint(256);
        auto t2 = back->thumbprint(256);
        ASSAY_FUZZ_CHECK(t1.has_value() && t2.has_value() && *t1 == *t2);
    }
    return 0;
}
