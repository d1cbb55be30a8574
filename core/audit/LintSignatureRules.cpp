// SPDX-License-Identifier: Apache-2.0
// Signature bytes (ATTACKS.md A03, A12, A13): checks that need no key.
#include "audit/detail/LintRules.h"

#include "jws/JwsAlgorithm.h"

#include <algorithm>

namespace assay::detail {

namespace {

// The exact signature length of an algorithm in bytes, or 0 when it depends on the key (RSA) or is one of two
// (EdDSA: Ed25519 64, Ed448 114). RFC 7518 sections 3.2 and 3.4, RFC 8037 section 3.1, RFC 8812 section 3.2.
int fixedLength(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::HS256:
        return 32;
    case JwsAlgorithm::ES256:
    case JwsAlgorithm::ES256K:
    case JwsAlgorithm::Ed25519:
        return 64;
    case JwsAlgorithm::HS384:
        return 48;
    case JwsAlgorithm::HS512:
        return 64;
    case JwsAlgorithm::ES384:
        return 96;
    case JwsAlgorithm::ES512:
        return 132;
    case JwsAlgorithm::Ed448:
        return 114;
    default:
        return 0;
    }
}

bool allZero(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

void checkSignature(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    const HeaderMember algMember = findHeaderMember(entry, u"alg");
    const auto name = algMember ? algMember.member->toString() : std::nullopt;
    const auto alg = name ? jwsAlgorithmFromName(*name) : std::nullopt;
    if (!alg || *alg == JwsAlgorithm::None)
        return; // unknown or none: lintJwsHeaders explains the alg itself
    const DecodedSegment& sig = entry.signature;
    const QString algName = jwsAlgorithmName(*alg);
    if (sig.raw.isEmpty()) {
        sink.add(LintCode::SignatureEmpty,
                 QStringLiteral("the %1 token has an empty signature: a verifier that compares only as many bytes as "
                                "it received accepts it (CVE-2020-28042)")
                     .arg(algName),
                 sink.whole(Segment::Signature, index));
        return;
    }
    if (sig.error)
        return; // not base64url: lintStructure reported it
    const auto size = sig.bytes.size();
    const AlgorithmFamily family = algorithmFamily(*alg);
    int expected = fixedLength(*alg);
    if (*alg == JwsAlgorithm::EdDSA)
        expected = size == 114 ? 114 : 64;
    if (expected != 0 && size != expected) {
        QString message =
            QStringLiteral("the %1 signature is %2 bytes; it must be exactly %3").arg(algName).arg(size).arg(expected);
        if (family == AlgorithmFamily::Ecdsa && size >= 8 && static_cast<unsigned char>(sig.bytes[0]) == 0x30)
            message +=
                QStringLiteral(" (it looks like ASN.1 DER, which JWS never uses: RFC 7518 section 3.4 wants r||s)");
        else if (family == AlgorithmFamily::Hmac && size < expected)
            message += QStringLiteral(" (a truncated MAC)");
        sink.add(LintCode::SignatureLength, message, sink.whole(Segment::Signature, index));
        return;
    }
    if (family != AlgorithmFamily::Ecdsa)
        return;
    const qsizetype half = size / 2;
    const bool rZero = allZero(QByteArrayView(sig.bytes).first(half));
    const bool sZero = allZero(QByteArrayView(sig.bytes).sliced(half));
    if (rZero || sZero) {
        const QString which = rZero && sZero ? QStringLiteral("r = 0 and s = 0")
                              : rZero        ? QStringLiteral("r = 0")
                                             : QStringLiteral("s = 0");
        sink.add(LintCode::EcdsaZeroSignature,
                 QStringLiteral("%1: the \"psychic signature\" that Java 15 to 18 accepted for any message "
                                "(CVE-2022-21449); no valid ECDSA signature has it")
                     .arg(which),
                 sink.whole(Segment::Signature, index));
        return;
    }
    sink.add(LintCode::EcdsaMalleable,
             QStringLiteral("ECDSA is malleable: (r, n - s) is an equally valid signature over the same claims, so "
                            "do not use the signature text as a token identifier or deny-list key"),
             sink.whole(Segment::Signature, index));
}

} // namespace

void lintSignatures(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    if (!token.isJws())
        return;
    for (int i = 0; i < token.signatures.size(); ++i)
        checkSignature(sink, token.signatures[i], i);
}

} // namespace assay::detail
