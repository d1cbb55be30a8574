// SPDX-License-Identifier: Apache-2.0
// Attack variants (audit/AttackVariants.h): every variant made from jwt.io's default tokens is rejected by Assay's
// own verifier with the original's legitimate key (ATTACKS.md A01-A04, A06, A07, A09, A12, A18), the original
// token's bytes never change, and each forged MAC is checked against Qt's independent HMAC implementation, so the
// variants are the real attacks and not merely broken tokens.
#include "Vectors.h"

#include "audit/AttackVariants.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace assay;
using namespace assay::test;

namespace {

const QString kUrl = QStringLiteral("https://attacker.example/keys.json");

QJsonObject jwtio(const QString& name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(name)
        .toObject();
}

QByteArray field(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toString().toUtf8();
}

QByteArray unb64(const QByteArray& text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

QJsonObject headerOf(const QByteArray& token)
{
    return QJsonDocument::fromJson(unb64(token.split('.').value(0))).object();
}

// The legitimate verification key of a jwt.io default token.
KeySet legitimateKeys(const QString& name)
{
    const QJsonObject entry = jwtio(name);
    if (entry.contains(QStringLiteral("secret"))) {
        KeySet set;
        if (auto key = keyFromSecret(field(entry, "secret"), SecretEncoding::Utf8))
            set.keys.append(*key);
        return set;
    }
    return loadKeys(field(entry, "publicKey")).value_or(KeySet{});
}

ParsedToken parsed(const QByteArray& token)
{
    auto p = parseToken(token);
    if (!p)
        qWarning("does not parse: %s", qPrintable(p.error().toString()));
    return p.value_or(ParsedToken{});
}

QByteArray hmac(QCryptographicHash::Algorithm hash, const QByteArray& key, const QByteArray& token)
{
    const QByteArray input = token.left(token.lastIndexOf('.'));
    return QMessageAuthenticationCode::hash(input, key, hash);
}

} // namespace

class TestAttackVariants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyVariantIsRejected_data();
    void everyVariantIsRejected();
    void algNone();
    void emptySignature();
    void hmacWithPublicKey();
    void hmacWithPublicKeyObject();
    void embeddedJwk();
    void keyUrls();
    void kidInjection();
    void psychicSignature_data();
    void psychicSignature();
    void b64Flip();
    void inapplicable();
    void names();

private:
    Key m_rsaAttacker; // one RSA key for the RS/PS rows, so the test does not generate one per row
};

void TestAttackVariants::initTestCase()
{
    auto key = generateKey(KeyType::RSA, Curve::None, 2048);
    QVERIFY(key);
    m_rsaAttacker = *key;
}

void TestAttackVariants::everyVariantIsRejected_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QString>("name");
    for (const char* name : {"HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "ES384", "ES512", "Ed25519"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestAttackVariants::everyVariantIsRejected()
{
    QFETCH(QString, name);
    const QJsonObject entry = jwtio(name);
    const QByteArray text = field(entry, "token");
    const QByteArray copy = text; // deep copy made before anything runs
    const ParsedToken original = parsed(text);
    const KeySet keys = legitimateKeys(name);
    QCOMPARE(keys.keys.size(), 1);
    QVERIFY2(verifyJws(original, keys).isValid(), "the original must verify with its key");

    AttackOptions options;
    options.keyUrl = kUrl;
    options.publicKeyText = field(entry, "publicKey"); // empty for HS*: no algorithm-confusion variant then
    if (name.startsWith(QLatin1String("RS")) || name.startsWith(QLatin1String("PS")))
        options.attackerKey = m_rsaAttacker;
    const QList<AttackVariant> variants = attackVariants(original, options);

    QSet<AttackKind> kinds;
    QSet<QString> names;
    for (const AttackVariant& v : variants) {
        kinds.insert(v.kind);
        QVERIFY2(!names.contains(v.name), qPrintable(v.name));
        names.insert(v.name);
        QVERIFY(v.label.startsWith(QLatin1String("Attack variant: ")));
        QVERIFY(v.attackId.startsWith(QLatin1Char('A')) && v.attackId.size() == 3);
        QVERIFY(!v.explanation.isEmpty() && !v.explanation.contains(QLatin1Char('\n')));
        QVERIFY2(v.token != text, qPrintable(v.name));
        const ParsedToken forged = parsed(v.token);
        QCOMPARE(forged.form, TokenForm::CompactJws);
        const JwsVerification result = verifyJws(forged, keys);
        QVERIFY2(!result.isValid(), qPrintable(v.name + QStringLiteral(": ") + result.reason));
    }
    // The original never changed.
    QCOMPARE(text, copy);
    QCOMPARE(original.text, copy);
    QVERIFY(verifyJws(original, keys).isValid());

    // Which kinds apply: psychic only for ES*, algorithm confusion only with a public key.
    const bool ecdsa = name.startsWith(QLatin1String("ES"));
    const bool hmacOriginal = name.startsWith(QLatin1String("HS"));
    QCOMPARE(kinds.contains(AttackKind::PsychicSignature), ecdsa);
    QCOMPARE(kinds.contains(AttackKind::HmacPublicKey), !hmacOriginal);
    for (AttackKind k : {AttackKind::AlgNone, AttackKind::EmptySignature, AttackKind::EmbeddedJwk, AttackKind::JkuUrl,
                         AttackKind::X5uUrl, AttackKind::KidInjection, AttackKind::B64Flip})
        QVERIFY2(kinds.contains(k), qPrintable(attackKindName(k)));
}

void TestAttackVariants::algNone()
{
    ASSAY_REQUIRE_VECTORS();
    const ParsedToken original = parsed(field(jwtio(QStringLiteral("RS256")), "token"));
    auto variants = makeAttackVariants(AttackKind::AlgNone, original);
    QVERIFY(variants);
    QCOMPARE(variants->size(), 4);
    const QStringList spellings{QStringLiteral("none"), QStringLiteral("None"), QStringLiteral("NONE"),
                                QStringLiteral("nOnE")};
    const KeySet keys = legitimateKeys(QStringLiteral("RS256"));
    for (int i = 0; i < 4; ++i) {
        const AttackVariant& v = variants->at(i);
        QCOMPARE(headerOf(v.token).value(QStringLiteral("alg")).toString(), spellings[i]);
        QCOMPARE(headerOf(v.token).value(QStringLiteral("typ")).toString(), QStringLiteral("JWT")); // kept
        QVERIFY(v.token.endsWith('.'));
        QCOMPARE(v.token.split('.').value(1), original.payload.raw);
        QCOMPARE(v.attackId, i == 0 ? QStringLiteral("A01") : QStringLiteral("A02"));
        const JwsVerification result = verifyJws(parsed(v.token), keys);
        // ATTACKS.md A01: "none" is UNSIGNED; A02: the variants are unknown algorithms, never VALID.
        if (i == 0)
            QCOMPARE(result.verdict, Verdict::Unsigned);
        else
            QVERIFY(!result.isValid());
    }
}

void TestAttackVariants::emptySignature()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray text = field(jwtio(QStringLiteral("HS256")), "token");
    auto variants = makeAttackVariants(AttackKind::EmptySignature, parsed(text));
    QVERIFY(variants);
    QCOMPARE(variants->size(), 1);
    QCOMPARE(variants->front().token, text.left(text.lastIndexOf('.') + 1));
    const JwsVerification result = verifyJws(parsed(variants->front().token), legitimateKeys(QStringLiteral("HS256")));
    QVERIFY(!result.isValid());
}

void TestAttackVariants::hmacWithPublicKey()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A04: HS* keyed with the exact PEM text of the original's public key, with and without "\n".
    for (const auto& [name, hash, hs] : {std::tuple{"RS256", QCryptographicHash::Sha256, "HS256"},
                                         std::tuple{"ES384", QCryptographicHash::Sha384, "HS384"},
                                         std::tuple{"Ed25519", QCryptographicHash::Sha256, "HS256"}}) {
        const QJsonObject entry = jwtio(QString::fromLatin1(name));
        QByteArray pem = field(entry, "publicKey");
        while (pem.endsWith('\n'))
            pem.chop(1);
        AttackOptions options;
        options.publicKeyText = field(entry, "publicKey");
        auto variants = makeAttackVariants(AttackKind::HmacPublicKey, parsed(field(entry, "token")), options);
        QVERIFY(variants);
        QCOMPARE(variants->size(), 2);
        const KeySet keys = legitimateKeys(QString::fromLatin1(name));
        for (const AttackVariant& v : *variants) {
            const bool newline = v.name.endsWith(QLatin1String("/newline"));
            QCOMPARE(headerOf(v.token).value(QStringLiteral("alg")).toString(), QLatin1String(hs));
            // The forged MAC is HMAC(PEM text, signing input): Qt's HMAC agrees.
            QCOMPARE(unb64(v.token.split('.').value(2)), hmac(hash, newline ? pem + '\n' : pem, v.token));
            // Assay refuses: the selected key is RSA/EC/OKP, and HS* needs an HMAC secret.
            const JwsVerification result = verifyJws(parsed(v.token), keys);
            QCOMPARE(result.verdict, Verdict::Invalid);
            QVERIFY(result.error);
            QCOMPARE(result.error->code, ErrorCode::AlgNotAllowedForKey);
        }
    }
}

void TestAttackVariants::hmacWithPublicKeyObject()
{
    ASSAY_REQUIRE_VECTORS();
    // Without the text, the key's SubjectPublicKeyInfo PEM is used; still refused by the RSA key.
    const KeySet keys = legitimateKeys(QStringLiteral("RS256"));
    AttackOptions options;
    options.publicKey = keys.keys.front();
    auto variants =
        makeAttackVariants(AttackKind::HmacPublicKey, parsed(field(jwtio(QStringLiteral("RS256")), "token")), options);
    QVERIFY2(variants, qPrintable(variants ? QString() : variants.error().toString()));
    QCOMPARE(variants->size(), 2);
    for (const AttackVariant& v : *variants)
        QCOMPARE(verifyJws(parsed(v.token), keys).error->code, ErrorCode::AlgNotAllowedForKey);
}

void TestAttackVariants::embeddedJwk()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A06: a fresh P-256 key, its public JWK in the header, ES256 over the original payload.
    const QByteArray text = field(jwtio(QStringLiteral("ES256")), "token");
    auto variants = makeAttackVariants(AttackKind::EmbeddedJwk, parsed(text));
    QVERIFY(variants);
    const AttackVariant& v = variants->front();
    const QJsonObject header = headerOf(v.token);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("ES256"));
    const QJsonObject jwk = header.value(QStringLiteral("jwk")).toObject();
    QCOMPARE(jwk.value(QStringLiteral("crv")).toString(), QStringLiteral("P-256"));
    QVERIFY(!jwk.contains(QStringLiteral("d"))); // the private part never leaves
    // Genuinely self-signed: the embedded key verifies it when the user explicitly selects that key...
    auto embedded = keyFromJwk(QJsonDocument(jwk).toJson());
    QVERIFY(embedded);
    KeySet own;
    own.keys.append(*embedded);
    QVERIFY(verifyJws(parsed(v.token), own).isValid());
    // ...but with no key it stays UNVERIFIED, and with jwtio:ES256's public key it is rejected.
    QCOMPARE(verifyJws(parsed(v.token), KeySet{}).verdict, Verdict::Unverified);
    QVERIFY(!verifyJws(parsed(v.token), legitimateKeys(QStringLiteral("ES256"))).isValid());
}

void TestAttackVariants::keyUrls()
{
    ASSAY_REQUIRE_VECTORS();
    const ParsedToken original = parsed(field(jwtio(QStringLiteral("ES256")), "token"));
    const KeySet legit = legitimateKeys(QStringLiteral("ES256"));
    AttackOptions options;
    options.keyUrl = kUrl;
    auto jku = makeAttackVariants(AttackKind::JkuUrl, original, options);
    QVERIFY(jku);
    const AttackVariant& j = jku->front();
    const QJsonObject header = headerOf(j.token);
    QCOMPARE(header.value(QStringLiteral("jku")).toString(), kUrl);
    // The companion is the JWK Set to host; its key has the header's kid and verifies the token when chosen.
    auto hosted = loadKeys(j.companion);
    QVERIFY(hosted);
    QCOMPARE(hosted->keys.size(), 1);
    QVERIFY(!hosted->keys.front().hasPrivate());
    QCOMPARE(hosted->keys.front().kid(), header.value(QStringLiteral("kid")).toString());
    QVERIFY(verifyJws(parsed(j.token), *hosted).isValid());
    QVERIFY(!verifyJws(parsed(j.token), legit).isValid());

    auto x5u = makeAttackVariants(AttackKind::X5uUrl, original, options);
    QVERIFY(x5u);
    QCOMPARE(headerOf(x5u->front().token).value(QStringLiteral("x5u")).toString(), kUrl);
    auto privateKey = loadKeys(x5u->front().companion);
    QVERIFY(privateKey && privateKey->keys.front().hasPrivate());
    QVERIFY(!verifyJws(parsed(x5u->front().token), legit).isValid());
}

void TestAttackVariants::kidInjection()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A09: the kid payloads, each signed with the key the injected lookup would return.
    const ParsedToken original = parsed(field(jwtio(QStringLiteral("RS256")), "token"));
    auto variants = makeAttackVariants(AttackKind::KidInjection, original);
    QVERIFY(variants);
    QCOMPARE(variants->size(), 3);
    const struct
    {
        const char* kid;
        QByteArray key;
    } expected[] = {{"../../../../../../dev/null", QByteArray()},
                    {"' UNION SELECT 'key' --", QByteArray("key")},
                    {"|sleep 10", QByteArray()}};
    for (int i = 0; i < 3; ++i) {
        const AttackVariant& v = variants->at(i);
        const QJsonObject header = headerOf(v.token);
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), QString::fromUtf8(expected[i].kid));
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        // Qt's HMAC with the empty key (what /dev/null reads as) or "key" reproduces the signature.
        QCOMPARE(unb64(v.token.split('.').value(2)), hmac(QCryptographicHash::Sha256, expected[i].key, v.token));
        QVERIFY(!verifyJws(parsed(v.token), legitimateKeys(QStringLiteral("RS256"))).isValid());
    }
    // The empty key itself is refused by the verifier (A10), so even "the right key" gives no VALID.
    QVERIFY(!keyFromSecret(QByteArray(), SecretEncoding::Utf8));
}

void TestAttackVariants::psychicSignature_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("size");
    QTest::newRow("ES256") << QStringLiteral("ES256") << 64;
    QTest::newRow("ES384") << QStringLiteral("ES384") << 96;
    QTest::newRow("ES512") << QStringLiteral("ES512") << 132;
}

void TestAttackVariants::psychicSignature()
{
    // ATTACKS.md A12 / CVE-2022-21449: r = s = 0, i.e. 2n zero bytes.
    QFETCH(QString, name);
    QFETCH(int, size);
    const QByteArray text = field(jwtio(name), "token");
    auto variants = makeAttackVariants(AttackKind::PsychicSignature, parsed(text));
    QVERIFY(variants);
    const QByteArray token = variants->front().token;
    QCOMPARE(token.left(token.lastIndexOf('.')), text.left(text.lastIndexOf('.')));
    QCOMPARE(unb64(token.split('.').value(2)), QByteArray(size, '\0'));
    const JwsVerification result = verifyJws(parsed(token), legitimateKeys(name));
    QCOMPARE(result.verdict, Verdict::Invalid);
}

void TestAttackVariants::b64Flip()
{
    ASSAY_REQUIRE_VECTORS();
    // ATTACKS.md A18: b64 false without crit over the unencoded payload. Even re-signed with the legitimate secret,
    // so that the missing crit is the only fault, Assay rejects it (RFC 7797 section 6).
    const QJsonObject entry = jwtio(QStringLiteral("HS256"));
    const ParsedToken original = parsed(field(entry, "token"));
    const KeySet keys = legitimateKeys(QStringLiteral("HS256"));
    for (const bool resign : {false, true}) {
        AttackOptions options;
        if (resign)
            options.b64SigningKey = keys.keys.front();
        auto variants = makeAttackVariants(AttackKind::B64Flip, original, options);
        QVERIFY(variants);
        const QByteArray token = variants->front().token;
        const QJsonObject header = headerOf(token);
        QCOMPARE(header.value(QStringLiteral("b64")), QJsonValue(false));
        QVERIFY(!header.contains(QStringLiteral("crit")));
        QCOMPARE(token.split('.').value(1), original.payload.bytes); // the JSON itself, unencoded
        if (resign) {
            const QByteArray secret = field(entry, "secret");
            QCOMPARE(unb64(token.split('.').value(2)), hmac(QCryptographicHash::Sha256, secret, token));
        }
        const JwsVerification result = verifyJws(parsed(token), keys);
        QVERIFY(!result.isValid());
        QVERIFY(result.error);
        QCOMPARE(result.error->code, ErrorCode::B64Invalid);
    }
    // And back: an RFC 7797 token (the section 4 key and header, payload "$02" so it fits a compact token) whose
    // unencoded payload is re-encoded as base64url under the same header and signature.
    const QJsonObject rfc7797 = readVectorJson(QStringLiteral("rfc-transcribed/rfc7797_section4_b64_false.json"));
    const QByteArray secret =
        unb64(rfc7797.value(QStringLiteral("key_jwk")).toObject().value(QStringLiteral("k")).toString().toLatin1());
    const QByteArray input = QByteArray("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}")
                                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
                             ".$02";
    const QByteArray unencoded = input + '.' +
                                 QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    KeySet rfcKey;
    rfcKey.keys.append(*keyFromSecret(secret, SecretEncoding::Utf8));
    QVERIFY(verifyJws(parsed(unencoded), rfcKey).isValid());
    auto flipped = makeAttackVariants(AttackKind::B64Flip, parsed(unencoded));
    QVERIFY(flipped);
    const QByteArray back = flipped->front().token;
    QCOMPARE(back.split('.').value(1), QByteArray("JDAy")); // base64url("$02")
    QCOMPARE(back.split('.').value(0), unencoded.split('.').value(0));
    QCOMPARE(back.split('.').value(2), unencoded.split('.').value(2));
    QVERIFY(!verifyJws(parsed(back), rfcKey).isValid());
}

void TestAttackVariants::inapplicable()
{
    ASSAY_REQUIRE_VECTORS();
    const ParsedToken hs = parsed(field(jwtio(QStringLiteral("HS256")), "token"));
    QVERIFY(!makeAttackVariants(AttackKind::PsychicSignature, hs));
    QVERIFY(!makeAttackVariants(AttackKind::HmacPublicKey, hs)); // no public key given
    QVERIFY(!makeAttackVariants(AttackKind::JkuUrl, hs));        // no URL given
    QVERIFY(!makeAttackVariants(AttackKind::X5uUrl, hs));
    const ParsedToken none = parsed(field(jwtio(QStringLiteral("none")), "token"));
    QVERIFY(!makeAttackVariants(AttackKind::EmptySignature, none));
    // A JWE is not a starting point (RFC 7516 A.3).
    const QByteArray jweText = readVectorJson(QStringLiteral("rfc-transcribed/rfc7516_appendix_A_jwe.json"))
                                   .value(QStringLiteral("vectors"))
                                   .toArray()
                                   .at(2)
                                   .toObject()
                                   .value(QStringLiteral("compact"))
                                   .toString()
                                   .toUtf8();
    QVERIFY(!makeAttackVariants(AttackKind::AlgNone, parsed(jweText)));
    QVERIFY(attackVariants(parsed(jweText)).isEmpty());
    // A symmetric or public attacker key is refused (its public half would be published).
    AttackOptions options;
    options.attackerKey = legitimateKeys(QStringLiteral("HS256")).keys.front();
    QVERIFY(!makeAttackVariants(AttackKind::EmbeddedJwk, hs, options));
    options.attackerKey = legitimateKeys(QStringLiteral("ES256")).keys.front();
    QVERIFY(!makeAttackVariants(AttackKind::EmbeddedJwk, hs, options));
}

void TestAttackVariants::names()
{
    for (AttackKind kind : allAttackKinds())
        QCOMPARE(attackKindFromName(attackKindName(kind)), std::optional<AttackKind>(kind));
    QCOMPARE(attackKindFromName(u"psychic-signature"), std::optional<AttackKind>(AttackKind::PsychicSignature));
    QVERIFY(!attackKindFromName(u"nope"));
}

QTEST_GUILESS_MAIN(TestAttackVariants)
#include "TestAttackVariants.moc"
