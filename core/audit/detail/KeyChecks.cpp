// SPDX-License-Identifier: Apache-2.0
// Hypotheses 3 to 5: another key of the set, another algorithm than the header names, a DER ECDSA signature.
#include "audit/detail/ForensicRun.h"

#include "audit/EcdsaDerSignature.h"
#include "crypto/SignatureEngine.h"

namespace assay::detail {
namespace {

QString headerAlgText(const ForensicTarget& t)
{
    return t.algName.isEmpty() ? QStringLiteral("the header names no alg")
                               : QStringLiteral("the header says %1").arg(t.algName);
}

// EdDSA and the fully-specified Ed25519 / Ed448 are one primitive for a given key (RFC 9864): trying the other
// name would repeat the same verification, and "signed with Ed25519 though the header says EdDSA" is no mix-up.
bool sameAlgorithmForKey(JwsAlgorithm a, JwsAlgorithm b)
{
    if (a == b)
        return true;
    const auto isEd = [](JwsAlgorithm x) {
        return x == JwsAlgorithm::EdDSA || x == JwsAlgorithm::Ed25519 || x == JwsAlgorithm::Ed448;
    };
    return isEd(a) && isEd(b) && (a == JwsAlgorithm::EdDSA || b == JwsAlgorithm::EdDSA);
}

QString mixupKind(const std::optional<JwsAlgorithm>& declared, JwsAlgorithm actual)
{
    if (!declared)
        return QStringLiteral("the header's alg is not what the signer used");
    const AlgorithmFamily a = algorithmFamily(*declared);
    const AlgorithmFamily b = algorithmFamily(actual);
    if (a == AlgorithmFamily::Ecdsa && b == AlgorithmFamily::Ecdsa)
        return QStringLiteral("the key's curve belongs to %1, not to %2")
            .arg(jwsAlgorithmName(actual), jwsAlgorithmName(*declared));
    if (a == b)
        return QStringLiteral("a hash-size mix-up");
    const bool rsa = (a == AlgorithmFamily::RsaPkcs1 || a == AlgorithmFamily::RsaPss) &&
                     (b == AlgorithmFamily::RsaPkcs1 || b == AlgorithmFamily::RsaPss);
    if (rsa) {
        return algorithmHash(*declared) == algorithmHash(actual)
                   ? QStringLiteral("RSASSA-PKCS1-v1_5 and RSASSA-PSS mixed up")
                   : QStringLiteral("RSASSA-PKCS1-v1_5 and RSASSA-PSS mixed up, with another hash size");
    }
    return QStringLiteral("another algorithm family than the header names");
}

} // namespace

void checkOtherKey(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::OtherKey);
    const ForensicTarget& t = run.target;
    if (run.keys.isEmpty()) {
        scope.setNote(QStringLiteral("no key set was given"));
        return;
    }
    if (!t.alg) {
        scope.setNote(QStringLiteral("the header's alg is not a supported signature algorithm"));
        return;
    }
    if (!run.verifierChoseKeys) {
        scope.setNote(QStringLiteral("the verification stopped before it chose a key"));
        return;
    }
    int considered = 0;
    for (const ForensicKey& k : std::as_const(run.keys)) {
        if (run.triedByVerifier.contains(*k.index) || !signature::keyFitsAlgorithm(k.key, *t.alg))
            continue;
        ++considered;
        if (!run.probe.verifies(k.key, *t.alg, t.signingInput(), t.signature))
            continue;
        const QString reason = run.notTriedReasons.value(*k.index);
        ForensicFinding f;
        f.explanation =
            QStringLiteral("%1 verifies the signature, but the verifier did not try it: %2%3.")
                .arg(k.label, reason.isEmpty() ? QStringLiteral("it was not selected") : reason, t.signatureCaveat());
        f.fix = QStringLiteral("Make the token's kid name this key, or correct the key's kid, alg, use or key_ops, so "
                               "that the verifier selects it.");
        f.evidence.alg = *t.alg;
        f.evidence.keyIndex = k.index;
        f.evidence.keyLabel = k.label;
        f.evidence.variant = reason;
        f.evidence.segment = Segment::Key;
        scope.confirm(std::move(f));
    }
    scope.setNote(considered == 0 ? QStringLiteral("no key the verifier left out fits %1").arg(t.algName)
                                  : QStringLiteral("tried %1 key(s) the verifier had left out").arg(considered));
}

void checkAlgorithmMixup(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::AlgorithmMixup);
    const ForensicTarget& t = run.target;
    QList<ForensicKey> keys;
    if (run.secret)
        keys.append(*run.secret);
    keys += run.keys;
    if (keys.isEmpty()) {
        scope.setNote(QStringLiteral("no key or secret was given"));
        return;
    }
    QStringList triedAlgs;
    for (const ForensicKey& k : std::as_const(keys)) {
        for (JwsAlgorithm alg : supportedJwsAlgorithms()) {
            if ((t.alg && sameAlgorithmForKey(alg, *t.alg)) || !signature::keyFitsAlgorithm(k.key, alg))
                continue;
            // Ed25519 / Ed448 repeat EdDSA's verification for the same key: one answer, under the RFC 8037 name.
            if ((alg == JwsAlgorithm::Ed25519 || alg == JwsAlgorithm::Ed448) &&
                signature::keyFitsAlgorithm(k.key, JwsAlgorithm::EdDSA) &&
                !(t.alg && sameAlgorithmForKey(JwsAlgorithm::EdDSA, *t.alg)))
                continue;
            if (!triedAlgs.contains(jwsAlgorithmName(alg)))
                triedAlgs << jwsAlgorithmName(alg);
            if (!run.probe.verifies(k.key, alg, t.signingInput(), t.signature))
                continue;
            ForensicFinding f;
            f.explanation =
                QStringLiteral("The token was signed with %1 though %2 (%3); it verifies as %1 with %4%5.")
                    .arg(jwsAlgorithmName(alg), headerAlgText(t), mixupKind(t.alg, alg), k.label, t.signatureCaveat());
            f.fix = QStringLiteral("Make the signer write \"alg\": \"%1\" in the header (or sign with %2), and pin "
                                   "the algorithm each key may be used with.")
                        .arg(jwsAlgorithmName(alg),
                             t.algName.isEmpty() ? QStringLiteral("the declared algorithm") : t.algName);
            f.evidence.alg = alg;
            f.evidence.keyIndex = k.index;
            f.evidence.keyLabel = k.label;
            if (!k.index)
                f.evidence.secretEncoding = run.input.secretEncoding;
            f.evidence.variant = jwsAlgorithmName(alg);
            f.evidence.segment = Segment::Header;
            scope.confirm(std::move(f));
        }
    }
    scope.setNote(triedAlgs.isEmpty() ? QStringLiteral("no other algorithm fits the given keys")
                                      : QStringLiteral("tried %1").arg(triedAlgs.join(QStringLiteral(", "))));
}

void checkEcdsaDer(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::EcdsaDer);
    const ForensicTarget& t = run.target;
    QList<const ForensicKey*> ecKeys;
    for (const ForensicKey& k : std::as_const(run.keys)) {
        if (k.key.type() == KeyType::EC)
            ecKeys.append(&k);
    }
    if (ecKeys.isEmpty()) {
        scope.setNote(QStringLiteral("no EC key was given"));
        return;
    }
    bool isDer = false;
    for (const ForensicKey* k : std::as_const(ecKeys)) {
        for (JwsAlgorithm alg : supportedJwsAlgorithms()) {
            if (algorithmFamily(alg) != AlgorithmFamily::Ecdsa || !signature::keyFitsAlgorithm(k->key, alg))
                continue;
            auto jose = ecdsaDerToJose(t.signature, signature::signatureLength(k->key, alg) / 2);
            if (!jose)
                continue;
            isDer = true;
            if (!run.probe.verifies(k->key, alg, t.signingInput(), *jose))
                continue;
            const bool declared = t.alg == alg;
            ForensicFinding f;
            f.explanation =
                QStringLiteral("The signature is an ASN.1 DER ECDSA signature (as OpenSSL, Java or an HSM output it) "
                               "instead of the fixed-length r||s form JWS requires (RFC 7518 section 3.4); converted, "
                               "it verifies as %1 with %2%3%4.")
                    .arg(jwsAlgorithmName(alg), k->label,
                         declared ? QString() : QStringLiteral(" (%1)").arg(headerAlgText(t)), t.signatureCaveat());
            f.fix = QStringLiteral("Convert the signer's DER output to r||s, each of r and s left-padded to %1 bytes, "
                                   "before base64url-encoding it.")
                        .arg(signature::signatureLength(k->key, alg) / 2);
            f.evidence.alg = alg;
            f.evidence.keyIndex = k->index;
            f.evidence.keyLabel = k->label;
            f.evidence.variant = QStringLiteral("DER converted to r||s");
            f.evidence.segment = Segment::Signature;
            scope.confirm(std::move(f));
        }
    }
    scope.setNote(isDer ? QStringLiteral("the signature parses as DER; verified it converted to r||s")
                        : QStringLiteral("the signature is not a DER ECDSA-Sig-Value"));
}

} // namespace assay::detail
