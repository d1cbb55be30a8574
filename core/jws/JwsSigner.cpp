// SPDX-License-Identifier: Apache-2.0
#include "jws/JwsSigner.h"

#include "crypto/SignatureEngine.h"
#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"
#include "jwk/Key.h"
#include "jws/JoseHeader.h"
#include "jws/KeyPolicy.h"

namespace assay {
namespace {

Result<void> checkSigningKey(const Key& key, JwsAlgorithm alg, const SignOptions& options)
{
    if (alg == JwsAlgorithm::None)
        return fail(ErrorCode::AlgNone, QStringLiteral("alg \"none\" has no signature; nothing to sign"));
    if (auto ok = checkKeyForAlgorithm(key, alg, KeyOperation::Sign); !ok)
        return fail(ok.error());
    if (const QString weak = keyWeakness(key, alg); !weak.isEmpty() && !options.allowWeakKey) {
        return fail(
            ErrorCode::KeyInvalid,
            QStringLiteral("refusing to sign with a weak key: %1 (override explicitly to sign anyway)").arg(weak),
            Segment::Key);
    }
    return {};
}

} // namespace

QByteArray defaultHeader(JwsAlgorithm alg)
{
    return QByteArrayLiteral("{\"alg\":\"") + jwsAlgorithmName(alg).toLatin1() +
           QByteArrayLiteral("\",\"typ\":\"JWT\"}");
}

Result<QByteArray> signSigningInput(QByteArrayView signingInput, const Key& key, JwsAlgorithm alg,
                                    const SignOptions& options)
{
    if (auto ok = checkSigningKey(key, alg, options); !ok)
        return fail(ok.error());
    auto sig = signature::sign(key, alg, signingInput);
    if (!sig)
        return fail(sig.error());
    return base64url::encode(*sig);
}

Result<QByteArray> signCompact(QByteArrayView headerJson, QByteArrayView payload, const Key& key, JwsAlgorithm alg,
                               const SignOptions& options)
{
    // The header is checked with the same rules the verifier applies, so we never mint a token we would reject.
    auto doc = JsonDocument::parse(headerJson, Segment::Header);
    if (!doc)
        return fail(doc.error());
    JwsSignatureEntry entry;
    entry.header = *doc;
    auto header = JoseHeader::make(entry);
    if (!header)
        return fail(header.error());
    auto algText = header->algorithm();
    if (!algText)
        return fail(algText.error());
    if (*algText != jwsAlgorithmName(alg)) {
        return fail(
            ErrorCode::HeaderInvalidMember,
            QStringLiteral("the header says alg \"%1\" but signing uses %2").arg(*algText, jwsAlgorithmName(alg)),
            Segment::Header);
    }
    if (auto crit = header->checkCritical(); !crit)
        return fail(crit.error());
    auto unencoded = header->unencodedPayload();
    if (!unencoded)
        return fail(unencoded.error());
    if (*unencoded && payload.contains('.')) {
        return fail(ErrorCode::B64Invalid,
                    QStringLiteral("an unencoded (b64 false) payload must not contain '.' in the compact form "
                                   "(RFC 7797 section 5.2)"),
                    Segment::Payload, payload.indexOf('.'));
    }

    QByteArray signingInput = base64url::encode(headerJson);
    signingInput += '.';
    signingInput += *unencoded ? payload.toByteArray() : base64url::encode(payload);
    auto sig = signSigningInput(signingInput, key, alg, options);
    if (!sig)
        return fail(sig.error());
    return signingInput + '.' + *sig;
}

} // namespace assay
