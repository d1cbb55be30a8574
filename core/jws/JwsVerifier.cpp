// SPDX-License-Identifier: Apache-2.0
#include "jws/JwsVerifier.h"

#include "crypto/SignatureEngine.h"
#include "encoding/Base64Url.h"
#include "jws/JoseHeader.h"
#include "jws/KeyPolicy.h"

namespace assay {
namespace {

SignatureVerification conclude(SignatureVerification result, Verdict verdict, QString reason,
                               std::optional<Error> error = std::nullopt)
{
    result.verdict = verdict;
    result.reason = std::move(reason);
    result.error = std::move(error);
    return result;
}

Error makeError(ErrorCode code, const QString& message, Segment segment)
{
    Error e;
    e.code = code;
    e.message = message;
    e.segment = segment;
    return e;
}

// Verifies one signature entry. `payloadOverride` carries detached content (nullptr: use the token's payload).
SignatureVerification verifyOne(const ParsedToken& token, int index, const QByteArray* payloadOverride,
                                const KeySet& keys, const VerifyOptions& options)
{
    const JwsSignatureEntry& entry = token.signatures.at(index);
    SignatureVerification result;
    result.index = index;

    // 1. The protected header must decode, parse, be an object, and carry no duplicate names (RFC 7515 5.2).
    if (entry.protectedHeader.error)
        return conclude(result, Verdict::Malformed, entry.protectedHeader.error->toString(),
                        entry.protectedHeader.error);
    if (entry.headerError)
        return conclude(result, Verdict::Malformed, entry.headerError->toString(), entry.headerError);

    auto header = JoseHeader::make(entry);
    if (!header)
        return conclude(result, Verdict::Malformed, header.error().toString(), header.error());
    result.notes = header->selfAssertedKeyNotes();

    // 2. alg: present, a string, and an exact registered name.
    auto algText = header->algorithm();
    if (!algText)
        return conclude(result, Verdict::Malformed, algText.error().toString(), algText.error());
    result.algName = *algText;
    if (header->isUnprotected(QStringLiteral("alg")))
        result.notes.append(QStringLiteral("alg is in the unprotected header: anyone can change it"));

    const auto alg = jwsAlgorithmFromName(*algText);
    if (alg == JwsAlgorithm::None) {
        // RFC 7518 3.6: an Unsecured JWS has an empty signature; anything else is not a well-formed token.
        if (!entry.signature.raw.isEmpty()) {
            return conclude(result, Verdict::Malformed,
                            QStringLiteral("alg is \"none\" but the signature part is not empty (RFC 7518 3.6)"),
                            makeError(ErrorCode::AlgNone, QStringLiteral("alg none with a non-empty signature"),
                                      Segment::Signature));
        }
        result.alg = alg;
        return conclude(result, Verdict::Unsigned,
                        QStringLiteral("unsigned token (alg \"none\"): nothing vouches for its content"),
                        makeError(ErrorCode::AlgNone, QStringLiteral("unsigned token"), Segment::Header));
    }
    if (!alg) {
        QString why = QStringLiteral("alg \"%1\" is not an algorithm this build can check").arg(*algText);
        if (const QString near = closeAlgorithmName(*algText); !near.isEmpty())
            why += QStringLiteral(" (algorithm names are case-sensitive; did the author mean \"%1\"?)").arg(near);
        return conclude(result, Verdict::Unverified, why, makeError(ErrorCode::AlgUnsupported, why, Segment::Header));
    }
    result.alg = alg;

    // 3. crit and b64 (RFC 7515 4.1.11, RFC 7797): fail closed on anything not understood.
    if (auto crit = header->checkCritical(); !crit)
        return conclude(result, Verdict::Invalid, crit.error().message, crit.error());
    auto unencoded = header->unencodedPayload();
    if (!unencoded)
        return conclude(result, Verdict::Invalid, unencoded.error().message, unencoded.error());

    // 4. The parts the signature covers must be well formed.
    if (entry.signature.error)
        return conclude(result, Verdict::Malformed, entry.signature.error->toString(), entry.signature.error);
    if (!*unencoded && token.payload.error && !payloadOverride)
        return conclude(result, Verdict::Malformed, token.payload.error->toString(), token.payload.error);
    // A compact JWS with an empty payload part is either an empty payload or detached content (RFC 7515
    // appendix F); only the signature can tell. JSON without "payload" is always detached.
    const bool maybeDetached = token.payloadDetached && !payloadOverride;
    if (maybeDetached && token.form != TokenForm::CompactJws) {
        return conclude(result, Verdict::Unverified,
                        QStringLiteral("the payload is detached (RFC 7515 appendix F): supply the content to verify"));
    }

    if (options.expectedAlg && *options.expectedAlg != *alg) {
        const QString why = QStringLiteral("the token uses %1 but %2 was required")
                                .arg(*algText, jwsAlgorithmName(*options.expectedAlg));
        return conclude(result, Verdict::Invalid, why, makeError(ErrorCode::AlgNotAllowedForKey, why, Segment::Header));
    }

    // 5. Keys: only the user's. A key in the token's own header is a note, never a verifier (ATTACKS.md A06-A08).
    if (keys.isEmpty()) {
        QString why = QStringLiteral("no key given: the signature was not checked");
        if (!result.notes.isEmpty())
            why += QStringLiteral(" (the token carries its own key, which is never trusted)");
        return conclude(result, Verdict::Unverified, why);
    }
    // ATTACKS.md A05: a set with duplicate kids (even when one of them did not load), or mixing HMAC secrets with
    // public keys, is never searched automatically. The user resolves it: an explicit kid, or accepting a mixed set.
    const bool mixedUnresolved =
        keys.mixesSymmetry && keys.keys.size() > 1 && options.kid.isEmpty() && !options.allowMixedKeySet;
    if (keys.hasDuplicateKid || mixedUnresolved) {
        const QString why = QStringLiteral("the key set is ambiguous (%1): choose the key to verify with")
                                .arg(keys.problems.join(QStringLiteral("; ")));
        return conclude(result, Verdict::Invalid, why, makeError(ErrorCode::KeySetInvalid, why, Segment::Key));
    }
    const QString kid = !options.kid.isEmpty() ? options.kid : header->keyId();
    result.selection = selectKeys(keys, kid, *alg, KeyOperation::Verify);
    if (!options.kid.isEmpty()) {
        // An explicit --kid filters strictly: keys without that exact kid are not tried.
        QList<int> strict;
        for (int i : std::as_const(result.selection.usable)) {
            if (keys.keys.at(i).kid() == options.kid)
                strict.append(i);
        }
        result.selection.usable = strict;
    }
    if (result.selection.usable.isEmpty()) {
        const QString why = QStringLiteral("no usable key: %1").arg(result.selection.summary);
        return conclude(result, Verdict::Invalid, why,
                        makeError(ErrorCode::AlgNotAllowedForKey, result.selection.summary, Segment::Key));
    }

    // 6. The signing input is the received text, never a re-serialization.
    QByteArray signingInput;
    if (payloadOverride) {
        signingInput =
            entry.protectedHeader.raw + '.' + (*unencoded ? *payloadOverride : base64url::encode(*payloadOverride));
    } else {
        signingInput = token.signingInput(index);
    }

    std::optional<Error> lastError;
    for (int keyIndex : std::as_const(result.selection.usable)) {
        const Key& key = keys.keys.at(keyIndex);
        auto ok = signature::verify(key, *alg, signingInput, entry.signature.bytes);
        if (!ok) {
            if (!lastError || ok.error().code != ErrorCode::SignatureMismatch)
                lastError = ok.error();
            continue;
        }
        result.keyIndex = keyIndex;
        result.weakness = keyWeakness(key, *alg);
        const QString keyLabel = result.selection.candidates.at(keyIndex).label;
        if (!result.weakness.isEmpty() && !options.allowWeakKeys) {
            const QString why =
                QStringLiteral("the signature matches %1, but the key is weak: %2").arg(keyLabel, result.weakness);
            return conclude(result, Verdict::Invalid, why, makeError(ErrorCode::KeyInvalid, why, Segment::Key));
        }
        return conclude(result, Verdict::Valid, QStringLiteral("signature verified with %1").arg(keyLabel));
    }
    const int tried = static_cast<int>(result.selection.usable.size());
    QString why = lastError ? lastError->message : QStringLiteral("signature does not match");
    if (tried > 1)
        why += QStringLiteral(" (tried %1 keys)").arg(tried);
    if (maybeDetached) {
        why += QStringLiteral("; the payload part is empty: if the content is detached (RFC 7515 appendix F), "
                              "supply it to verify");
        return conclude(result, Verdict::Unverified, why, lastError);
    }
    return conclude(result, Verdict::Invalid, why, lastError);
}

JwsVerification verifyImpl(const ParsedToken& token, const QByteArray* payloadOverride, const KeySet& keys,
                           const VerifyOptions& options)
{
    JwsVerification out;
    if (token.form == TokenForm::CompactJwe) {
        out.verdict = Verdict::Unverified;
        out.reason = QStringLiteral("this is an encrypted token (JWE); decryption is not supported yet");
        return out;
    }
    if (!token.isJws() || token.signatures.isEmpty()) {
        out.verdict = Verdict::Malformed;
        out.reason = QStringLiteral("not a JWS");
        return out;
    }

    for (int i = 0; i < token.signatures.size(); ++i)
        out.signatures.append(verifyOne(token, i, payloadOverride, keys, options));

    // RFC 7797 section 3: every signature of one JWS must agree on b64.
    if (token.signatures.size() > 1) {
        std::optional<bool> seen;
        for (const auto& entry : token.signatures) {
            auto header = JoseHeader::make(entry);
            if (!header)
                continue;
            auto unencoded = header->unencodedPayload();
            if (!unencoded)
                continue;
            if (seen && *seen != *unencoded) {
                out.verdict = Verdict::Invalid;
                out.reason = QStringLiteral("the signatures disagree on b64 (RFC 7797 section 3)");
                out.error = makeError(ErrorCode::B64Invalid, out.reason, Segment::Header);
                return out;
            }
            seen = *unencoded;
        }
    }

    if (out.signatures.size() == 1) {
        const auto& only = out.signatures.front();
        out.verdict = only.verdict;
        out.reason = only.reason;
        out.error = only.error;
        out.notes = only.notes;
        return out;
    }

    // Several signatures: VALID only when every one is; otherwise the most severe verdict, and say which failed
    // (CVE-2016-9122: an API must say which signature verified).
    int valid = 0;
    const auto severity = [](Verdict v) {
        switch (v) {
        case Verdict::Malformed:
            return 4;
        case Verdict::Invalid:
            return 3;
        case Verdict::Unsigned:
            return 2;
        case Verdict::Unverified:
            return 1;
        case Verdict::Valid:
            return 0;
        }
        return 4;
    };
    const SignatureVerification* worst = nullptr;
    for (const auto& s : std::as_const(out.signatures)) {
        if (s.verdict == Verdict::Valid)
            ++valid;
        if (!worst || severity(s.verdict) > severity(worst->verdict))
            worst = &s;
        out.notes += s.notes;
    }
    const auto total = out.signatures.size();
    if (valid == total) {
        out.verdict = Verdict::Valid;
        out.reason = QStringLiteral("all %1 signatures verified").arg(total);
    } else {
        out.verdict = worst->verdict;
        out.error = worst->error;
        out.reason = QStringLiteral("%1 of %2 signatures verified; signature %3: %4")
                         .arg(valid)
                         .arg(total)
                         .arg(worst->index + 1)
                         .arg(worst->reason);
    }
    out.notes.removeDuplicates();
    return out;
}

} // namespace

JwsVerification verifyJws(const ParsedToken& token, const KeySet& keys, const VerifyOptions& options)
{
    return verifyImpl(token, nullptr, keys, options);
}

JwsVerification verifyJwsDetached(const ParsedToken& token, QByteArrayView payload, const KeySet& keys,
                                  const VerifyOptions& options)
{
    const QByteArray content = payload.toByteArray();
    return verifyImpl(token, &content, keys, options);
}

} // namespace assay
