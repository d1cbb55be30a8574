// SPDX-License-Identifier: Apache-2.0
// The user's keys (ATTACKS.md A04, A05, A10, A11, A14), and the publicly known HMAC secrets tried against an HS*
// signature. Secrets are never quoted in full: a finding shows at most their first characters and their length.
#include "audit/detail/LintRules.h"

#include "audit/BuiltinSecrets.h"
#include "audit/CrackTarget.h"
#include "audit/HmacCandidateTester.h"
#include "audit/LintKeyMaterial.h"
#include "crypto/RsaFingerprint.h"
#include "crypto/SecureBytes.h"
#include "jws/JwsAlgorithm.h"
#include "jws/KeyPolicy.h"

namespace assay::detail {

namespace {

// "the empty secret" or "\"you...\" (19 bytes)": enough to recognise a well-known default, never the whole secret.
QString maskedSecret(QByteArrayView secret)
{
    if (secret.isEmpty())
        return QStringLiteral("the empty secret (or an all-zero key, which HMAC pads to the same block)");
    const QString start = QString::fromUtf8(secret.first(qMin<qsizetype>(3, secret.size() / 4)));
    return QStringLiteral("\"%1...\" (%2 bytes)").arg(quoteForMessage(start)).arg(secret.size());
}

bool isBuiltinSecret(QByteArrayView secret)
{
    for (const std::string_view known : builtinSecrets()) {
        if (secret == QByteArrayView(known.data(), static_cast<qsizetype>(known.size())))
            return true;
    }
    return false;
}

// The HMAC algorithm of the token's first signature, if it has one.
std::optional<JwsAlgorithm> hmacAlgorithm(const ParsedToken& token)
{
    if (!token.isJws() || token.signatures.isEmpty())
        return std::nullopt;
    const HeaderMember alg = findHeaderMember(token.signatures.front(), u"alg");
    const auto name = alg ? alg.member->toString() : std::nullopt;
    const auto parsed = name ? jwsAlgorithmFromName(*name) : std::nullopt;
    if (!parsed || algorithmFamily(*parsed) != AlgorithmFamily::Hmac)
        return std::nullopt;
    return parsed;
}

// Tries the empty secret and the built-in list against each HS* signature. Returns true when one matched.
bool knownSecrets(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    bool found = false;
    for (int i = 0; i < token.signatures.size(); ++i) {
        auto target = CrackTarget::fromToken(token, i);
        if (!target)
            continue; // not HMAC, or a signature of the wrong length (reported elsewhere)
        HmacCandidateTester tester(*target);
        std::optional<QByteArrayView> match;
        if (tester.matches(QByteArrayView()))
            match = QByteArrayView();
        for (const std::string_view known : builtinSecrets()) {
            if (match)
                break;
            const QByteArrayView candidate(known.data(), static_cast<qsizetype>(known.size()));
            if (tester.matches(candidate))
                match = candidate;
        }
        if (!match)
            continue;
        found = true;
        sink.add(LintCode::HmacSecretKnown,
                 QStringLiteral("the %1 signature is made with %2, a publicly known secret: anyone can forge tokens "
                                "that verify with it")
                     .arg(jwsAlgorithmName(target->algorithm()), maskedSecret(*match)),
                 sink.whole(Segment::Signature, i));
    }
    return found;
}

void hmacSecret(LintSink& sink, int index, const Key& key, std::optional<JwsAlgorithm> tokenAlg, bool knownFound)
{
    const SecureBytes* secret = key.secret();
    if (!secret)
        return;
    const LintLocation loc = LintSink::key(index, key);
    if (const auto material = describeKeyMaterial(secret->view())) {
        sink.add(LintCode::HmacSecretIsPublicKey,
                 QStringLiteral(
                     "the HMAC secret parses as a key (%1): a verifier that takes it as an HS* key lets anyone who has "
                     "the public key forge tokens (algorithm confusion); verify with the key itself")
                     .arg(material->description),
                 loc);
    }
    if (tokenAlg) {
        if (const QString weak = keyWeakness(key, *tokenAlg); !weak.isEmpty())
            sink.add(LintCode::HmacKeyShort, weak + QStringLiteral(": short secrets can be guessed offline"), loc);
    }
    if (!knownFound && isBuiltinSecret(secret->view())) {
        sink.add(LintCode::HmacSecretKnown,
                 QStringLiteral("the HMAC secret %1 is publicly known (documentation and sample code): anyone can "
                                "forge tokens with it")
                     .arg(maskedSecret(secret->view())),
                 loc);
    }
}

void asymmetricKey(LintSink& sink, int index, const Key& key)
{
    if (key.type() != KeyType::RSA)
        return;
    const LintLocation loc = LintSink::key(index, key);
    if (hasRocaFingerprint(key)) {
        sink.add(LintCode::RsaRoca,
                 QStringLiteral("the RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be "
                                "computed from the public key"),
                 loc);
    }
    if (key.bits() < 2048) {
        sink.add(LintCode::RsaKeyShort,
                 QStringLiteral("the RSA key has %1 bits; RFC 7518 section 3.3 requires at least 2048").arg(key.bits()),
                 loc);
    }
}

} // namespace

void lintKeys(LintSink& sink, const LintContext& context)
{
    const ParsedToken& token = sink.token();
    const bool knownFound = context.tryKnownSecrets && knownSecrets(sink);

    const KeySet& keys = context.keys;
    if (keys.keys.isEmpty())
        return;
    if (keys.mixesSymmetry) {
        LintLocation loc;
        loc.segment = Segment::Key;
        sink.add(LintCode::KeySetMixed,
                 QStringLiteral("the key set mixes HMAC secrets with public keys: a verifier that picks a key by the "
                                "token's alg or kid can be steered into algorithm confusion"),
                 loc);
    }
    if (keys.hasDuplicateKid) {
        LintLocation loc;
        loc.segment = Segment::Key;
        sink.add(LintCode::KeySetDuplicateKid,
                 QStringLiteral("several keys share a kid, so kid cannot tell them apart (RFC 7517 section 4.5)"), loc);
    }

    const std::optional<JwsAlgorithm> tokenAlg = hmacAlgorithm(token);
    bool anySecret = false;
    bool anyAsymmetric = false;
    for (int i = 0; i < keys.keys.size(); ++i) {
        const Key& key = keys.keys[i];
        if (key.isNull())
            continue;
        if (key.isSymmetric()) {
            anySecret = true;
            hmacSecret(sink, i, key, tokenAlg, knownFound);
        } else {
            anyAsymmetric = true;
            asymmetricKey(sink, i, key);
        }
        if (key.format() == KeyFormat::Jwk && key.alg().isEmpty()) {
            sink.add(LintCode::KeyNoAlg,
                     QStringLiteral("the JWK has no alg, so nothing binds it to one algorithm (RFC 8725 section 3.1)"),
                     LintSink::key(i, key));
        }
    }
    if (tokenAlg && anyAsymmetric && !anySecret) {
        LintLocation loc;
        loc.segment = Segment::Key;
        sink.add(LintCode::HmacWithAsymmetricKeys,
                 QStringLiteral("the token asks for %1, but your keys are asymmetric: an HMAC check with a public key "
                                "is the algorithm-confusion attack, so it must fail")
                     .arg(jwsAlgorithmName(*tokenAlg)),
                 loc);
    }
}

} // namespace assay::detail
