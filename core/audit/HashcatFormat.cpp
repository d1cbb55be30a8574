// SPDX-License-Identifier: Apache-2.0
#include "audit/HashcatFormat.h"

#include "audit/CrackTarget.h"
#include "token/ParsedToken.h"

namespace assay {

namespace {
// hashcat's module_16500 token limits (src/modules/module_16500.c: len_max 2047 per segment, esalt 4096).
constexpr qsizetype MaxSegment = 2047;
constexpr qsizetype MaxSigningInput = 4096;
} // namespace

Result<QByteArray> hashcatJwtLine(const ParsedToken& token, int signatureIndex)
{
    if (Result<CrackTarget> target = CrackTarget::fromToken(token, signatureIndex); !target)
        return fail(target.error());
    if (token.payloadUnencoded)
        return fail(ErrorCode::TokenStructure,
                    QStringLiteral("the payload is unencoded (b64 false); hashcat's mode 16500 expects base64url "
                                   "segments"),
                    Segment::Payload);
    const JwsSignatureEntry& entry = token.signatures.at(signatureIndex);
    const QByteArray& header = entry.protectedHeader.raw;
    const QByteArray& payload = token.payload.raw;
    if (header.size() > MaxSegment || payload.size() > MaxSegment ||
        header.size() + 1 + payload.size() > MaxSigningInput)
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("hashcat's mode 16500 takes header and payload segments of up to %1 characters and "
                                   "header.payload up to %2; this token has %3 + %4")
                        .arg(MaxSegment)
                        .arg(MaxSigningInput)
                        .arg(header.size())
                        .arg(payload.size()));
    return header + '.' + payload + '.' + entry.signature.raw;
}

} // namespace assay
