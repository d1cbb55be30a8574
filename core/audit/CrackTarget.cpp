// SPDX-License-Identifier: Apache-2.0
#include "audit/CrackTarget.h"

#include "jws/JoseHeader.h"
#include "token/ParsedToken.h"

namespace assay {

CrackTarget::CrackTarget(JwsAlgorithm alg, QByteArray signingInput, QByteArray mac)
    : m_alg(alg)
    , m_signingInput(std::move(signingInput))
    , m_mac(std::move(mac))
{
}

Result<CrackTarget> CrackTarget::make(JwsAlgorithm alg, QByteArray signingInput, QByteArray mac)
{
    if (algorithmFamily(alg) != AlgorithmFamily::Hmac) {
        return fail(ErrorCode::AlgUnsupported,
                    QStringLiteral("the secret checker works on HS256, HS384 and HS512 only, not %1")
                        .arg(jwsAlgorithmName(alg)));
    }
    const int expected = hashLength(algorithmHash(alg));
    if (mac.size() != expected) {
        return fail(ErrorCode::SignatureLength,
                    QStringLiteral("an %1 signature is %2 bytes, this one is %3")
                        .arg(jwsAlgorithmName(alg))
                        .arg(expected)
                        .arg(mac.size()),
                    Segment::Signature);
    }
    return CrackTarget(alg, std::move(signingInput), std::move(mac));
}

Result<CrackTarget> CrackTarget::fromToken(const ParsedToken& token, int signatureIndex)
{
    if (token.form == TokenForm::CompactJwe)
        return fail(ErrorCode::TokenStructure,
                    QStringLiteral("this is an encrypted token (JWE): it has no HMAC signature whose secret could be "
                                   "guessed"));
    if (!token.isJws())
        return fail(ErrorCode::TokenStructure, QStringLiteral("not a signed token (JWS)"));
    if (signatureIndex < 0 || signatureIndex >= token.signatures.size())
        return fail(ErrorCode::TokenStructure,
                    QStringLiteral("the token has no signature number %1").arg(signatureIndex + 1));
    const JwsSignatureEntry& entry = token.signatures.at(signatureIndex);
    if (entry.protectedHeader.error)
        return fail(*entry.protectedHeader.error);
    if (entry.headerError)
        return fail(*entry.headerError);

    Result<JoseHeader> header = JoseHeader::make(entry);
    if (!header)
        return fail(header.error());
    Result<QString> algName = header->algorithm();
    if (!algName)
        return fail(algName.error());
    const std::optional<JwsAlgorithm> alg = jwsAlgorithmFromName(*algName);
    if (!alg) {
        return fail(ErrorCode::AlgUnsupported,
                    QStringLiteral("alg \"%1\" is not a registered algorithm; the secret checker works on HS256, "
                                   "HS384 and HS512")
                        .arg(*algName),
                    Segment::Header);
    }
    if (*alg == JwsAlgorithm::None)
        return fail(ErrorCode::AlgNone,
                    QStringLiteral("alg is \"none\": the token is unsigned, there is no secret to find"),
                    Segment::Header);
    if (algorithmFamily(*alg) != AlgorithmFamily::Hmac) {
        return fail(ErrorCode::AlgUnsupported,
                    QStringLiteral("alg is %1: the token is signed with a private key, so there is no shared secret to "
                                   "guess; the secret checker works on HS256, HS384 and HS512 only")
                        .arg(*algName),
                    Segment::Header);
    }
    if (token.payloadDetached)
        return fail(ErrorCode::TokenStructure,
                    QStringLiteral("the payload is detached (not in the token), so the signed bytes are unknown"),
                    Segment::Payload);
    if (entry.signature.error)
        return fail(*entry.signature.error);
    return make(*alg, token.signingInput(signatureIndex), entry.signature.bytes);
}

Result<CrackTarget> CrackTarget::fromText(QByteArrayView text)
{
    Result<ParsedToken> parsed = parseToken(text);
    if (!parsed)
        return fail(parsed.error());
    return fromToken(*parsed);
}

} // namespace assay
