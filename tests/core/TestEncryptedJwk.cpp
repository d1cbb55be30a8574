// SPDX-License-Identifier: Apache-2.0
// Passphrase-encrypted JWK / JWK Set files (RFC 7517 section 7): the published examples (RFC 7517 appendix C,
// RFC 7520 section 5.3) decrypt to the published keys and re-encrypt byte for byte from their CEK, IV and salt; the
// content ciphers and AES key wrap agree with RFC 7516 appendix A and Wycheproof; round trips for every alg x enc
// with published RSA, EC, OKP and oct keys; every change to a file and a wrong passphrase are refused alike;
// ATTACKS.md A27 (p2c / p2s limits, checked before PBKDF2 runs), A28 (zip) and A30 (exact lengths); and the
// loadKeys() path. Expectations come from the vector files (read with QJsonDocument) and Qt's own base64, never
// from the code under test.
#include "jwe/EncryptedJwk.h"

#include "Vectors.h"
#include "crypto/SecureBytes.h"
#include "jwe/detail/CompactPbes2Jwe.h"
#include "jwe/detail/ContentCipher.h"
#include "jwe/detail/Pbes2KeyWrap.h"
#include "jwk/KeyLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace assay;

namespace {

const QString kAppendixC = QStringLiteral("rfc-transcribed/rfc7517_appendix_C_pbes2_encrypted_jwk.json");
const QString kCookbook53 =
    QStringLiteral("jose-cookbook/jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json");
const QString kRfc7516 = QStringLiteral("rfc-transcribed/rfc7516_appendix_A_jwe.json");

constexpr auto kB64u = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray b64u(const QJsonValue& v)
{
    return QByteArray::fromBase64(v.toString().toLatin1(), QByteArray::Base64UrlEncoding);
}

QByteArray toB64u(const QByteArray& bytes)
{
    return bytes.toBase64(kB64u);
}

QByteArray bytesOf(const SecureBytes& s)
{
    return QByteArray(reinterpret_cast<const char*>(s.data()), static_cast<qsizetype>(s.size()));
}

SecureBytes secret(const QString& text)
{
    return SecureBytes(text.toUtf8());
}

QJsonObject jwkObject(const Key& key)
{
    auto jwk = key.toJwk(true);
    return jwk ? QJsonDocument::fromJson(*jwk).object() : QJsonObject();
}

QList<QByteArray> segments(const QByteArray& compact)
{
    return compact.split('.');
}

QByteArray joined(const QList<QByteArray>& parts)
{
    return parts.join('.');
}

// The protected header of a compact JWE, decoded by Qt (independently of the code under test).
QJsonObject headerOf(const QByteArray& compact)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(segments(compact).value(0), QByteArray::Base64UrlEncoding))
        .object();
}

QByteArray withHeaderJson(const QByteArray& compact, const QByteArray& headerJson)
{
    QList<QByteArray> parts = segments(compact);
    parts[0] = toB64u(headerJson);
    return joined(parts);
}

QByteArray flipBit(const QByteArray& compact, int segment, int byteIndex)
{
    QList<QByteArray> parts = segments(compact);
    QByteArray raw = QByteArray::fromBase64(parts[segment], QByteArray::Base64UrlEncoding);
    const qsizetype at = byteIndex < 0 ? raw.size() + byteIndex : byteIndex;
    raw[at] = static_cast<char>(raw[at] ^ 0x01);
    parts[segment] = toB64u(raw);
    return joined(parts);
}

QByteArray truncated(const QByteArray& compact, int segment, int dropBytes)
{
    QList<QByteArray> parts = segments(compact);
    QByteArray raw = QByteArray::fromBase64(parts[segment], QByteArray::Base64UrlEncoding);
    raw.chop(dropBytes);
    parts[segment] = toB64u(raw);
    return joined(parts);
}

// Published private keys of every type: RSA (RFC 7517 appendix C), EC P-521 (RFC 7520 section 3.2), OKP Ed25519
// (RFC 8037 appendix A.1) and oct (RFC 7520 section 3.5).
QList<QJsonObject> publishedKeys()
{
    return {
        test::readVectorJson(kAppendixC).value(QStringLiteral("plaintext_jwk")).toObject(),
        test::readVectorJson(QStringLiteral("jose-cookbook/jwk/3_2.ec_private_key.json")),
        test::readVectorJson(QStringLiteral("rfc-transcribed/rfc8037_appendix_A_okp.json"))
            .value(QStringLiteral("A.1_private_jwk"))
            .toObject(),
        test::readVectorJson(QStringLiteral("jose-cookbook/jwk/3_5.symmetric_key_mac_computation.json")),
    };
}

QList<Key> keysFrom(const QList<QJsonObject>& objects)
{
    QList<Key> keys;
    for (const QJsonObject& o : objects) {
        auto key = keyFromJwk(QJsonDocument(o).toJson(QJsonDocument::Compact));
        if (!key)
            qWarning() << "vector key does not load:" << key.error().toString();
        else
            keys.append(*key);
    }
    return keys;
}

QByteArray fromHex(const QJsonValue& v)
{
    return QByteArray::fromHex(v.toString().toLatin1());
}

} // namespace

class TestEncryptedJwk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7517AppendixCDecrypts();
    void rfc7517AppendixCIntermediateValues();
    void rfc7517AppendixCReencryptsByteForByte();
    void rfc7520Section53Decrypts();
    void rfc7520Section53ReencryptsByteForByte();

    void keyWrapAndContentMatchRfc7516AppendixA();
    void contentCiphersMatchWycheproof_data();
    void contentCiphersMatchWycheproof();
    void aesKeyWrapMatchesWycheproof();

    void roundTrip_data();
    void roundTrip();
    void defaultsAreDocumented();
    void singleJwk();
    void encryptRefusals();
    void eachFileHasFreshSaltIvAndKey();

    void wrongPassphraseRefused();
    void tamperingRefused_data();
    void tamperingRefused();
    void refusedBeforeKeyDerivation_data();
    void refusedBeforeKeyDerivation();
    void iterationBoundsAreInclusive();
    void callerCanLowerTheCap();

    void loadKeysAsksForPassphrase();
    void loadKeysDecrypts();
    void loadKeysExplainsOtherJwes();
};

void TestEncryptedJwk::rfc7517AppendixCDecrypts()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kAppendixC);
    const auto set = decryptJwkSet(v.value(QStringLiteral("compact")).toString().toLatin1(),
                                   secret(v.value(QStringLiteral("password_utf8")).toString()));
    QVERIFY2(set.has_value(), set ? "" : qPrintable(set.error().toString()));
    QCOMPARE(set->keys.size(), 1);
    QVERIFY(!set->isJwks);
    const QJsonObject expected = v.value(QStringLiteral("plaintext_jwk")).toObject();
    const QJsonObject actual = jwkObject(set->keys.at(0));
    // Every member, by name: kty, kid, use, n, e, d, p, q, dp, dq, qi.
    QCOMPARE(actual.keys(), expected.keys());
    for (const QString& name : expected.keys())
        QCOMPARE(actual.value(name).toString(), expected.value(name).toString());
}

void TestEncryptedJwk::rfc7517AppendixCIntermediateValues()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kAppendixC);
    // RFC 7517 appendix C.4: PBKDF2-HMAC-SHA256 over "PBES2-HS256+A128KW" || 0x00 || p2s, 4096 iterations.
    const auto kek =
        detail::derivePbes2Kek(Pbes2Algorithm::Hs256A128Kw, secret(v.value(QStringLiteral("password_utf8")).toString()),
                               QByteArray::fromBase64("2WCTcJZ1Rvd_CJuJripQ1w", QByteArray::Base64UrlEncoding), 4096);
    QVERIFY(kek.has_value());
    QCOMPARE(bytesOf(*kek), b64u(v.value(QStringLiteral("derived_key_b64u"))));
    // C.5: the encrypted key unwraps to the published CEK.
    const auto cek = detail::unwrapContentKey(*kek, b64u(v.value(QStringLiteral("encrypted_key_b64u"))));
    QVERIFY(cek.has_value());
    QCOMPARE(bytesOf(*cek), b64u(v.value(QStringLiteral("cek_b64u"))));
}

void TestEncryptedJwk::rfc7517AppendixCReencryptsByteForByte()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kAppendixC);
    const auto compact = detail::sealPbes2Jwe(v.value(QStringLiteral("protected_header_b64u")).toString().toLatin1(),
                                              v.value(QStringLiteral("plaintext_utf8")).toString().toUtf8(),
                                              secret(v.value(QStringLiteral("password_utf8")).toString()),
                                              SecureBytes(b64u(v.value(QStringLiteral("cek_b64u")))),
                                              b64u(v.value(QStringLiteral("iv_b64u"))));
    QVERIFY2(compact.has_value(), compact ? "" : qPrintable(compact.error().toString()));
    QCOMPARE(*compact, v.value(QStringLiteral("compact")).toString().toLatin1());
}

void TestEncryptedJwk::rfc7520Section53Decrypts()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kCookbook53);
    const QJsonObject input = v.value(QStringLiteral("input")).toObject();
    // The password has two EN DASHes (U+2013): the passphrase is its UTF-8 bytes, as RFC 7520 section 5.3.1 says.
    const auto set = decryptJwkSet(
        v.value(QStringLiteral("output")).toObject().value(QStringLiteral("compact")).toString().toLatin1(),
        secret(input.value(QStringLiteral("pwd")).toString()));
    QVERIFY2(set.has_value(), set ? "" : qPrintable(set.error().toString()));
    QVERIFY(set->isJwks);
    const QJsonArray expected = QJsonDocument::fromJson(input.value(QStringLiteral("plaintext")).toString().toUtf8())
                                    .object()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
    QCOMPARE(set->keys.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(jwkObject(set->keys.at(i)), expected.at(i).toObject());
}

void TestEncryptedJwk::rfc7520Section53ReencryptsByteForByte()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kCookbook53);
    const QJsonObject input = v.value(QStringLiteral("input")).toObject();
    const QJsonObject generated = v.value(QStringLiteral("generated")).toObject();
    const auto compact = detail::sealPbes2Jwe(v.value(QStringLiteral("encrypting_content"))
                                                  .toObject()
                                                  .value(QStringLiteral("protected_b64u"))
                                                  .toString()
                                                  .toLatin1(),
                                              input.value(QStringLiteral("plaintext")).toString().toUtf8(),
                                              secret(input.value(QStringLiteral("pwd")).toString()),
                                              SecureBytes(b64u(generated.value(QStringLiteral("cek")))),
                                              b64u(generated.value(QStringLiteral("iv"))));
    QVERIFY2(compact.has_value(), compact ? "" : qPrintable(compact.error().toString()));
    QCOMPARE(*compact,
             v.value(QStringLiteral("output")).toObject().value(QStringLiteral("compact")).toString().toLatin1());
}

void TestEncryptedJwk::keyWrapAndContentMatchRfc7516AppendixA()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonArray vectors = test::readVectorJson(kRfc7516).value(QStringLiteral("vectors")).toArray();
    for (const QJsonValue& value : vectors) {
        const QJsonObject v = value.toObject();
        const QString section = v.value(QStringLiteral("section")).toString();
        const QByteArray cek = b64u(v.value(QStringLiteral("cek_b64u")));
        const QByteArray iv = b64u(v.value(QStringLiteral("iv_b64u")));
        const QByteArray aad = v.value(QStringLiteral("aad_ascii")).toString().toLatin1();
        const QByteArray ciphertext = b64u(v.value(QStringLiteral("ciphertext_b64u")));
        const QByteArray tag = b64u(v.value(QStringLiteral("tag_b64u")));
        const QByteArray plaintext = v.value(QStringLiteral("plaintext_utf8")).toString().toUtf8();
        const auto enc = contentEncryptionFromName(
            QJsonDocument::fromJson(v.value(QStringLiteral("protected_header_json")).toString().toUtf8())
                .object()
                .value(QStringLiteral("enc"))
                .toString());
        QVERIFY(enc.has_value());
        // A.1 (A256GCM) and A.2/A.3 (A128CBC-HS256): decrypt, and re-encrypt byte for byte.
        const auto opened = detail::openContent(*enc, SecureBytes(cek), iv, aad, ciphertext, tag);
        QVERIFY2(opened.has_value(), qPrintable(section));
        QCOMPARE(bytesOf(*opened), plaintext);
        const auto sealed = detail::sealContent(*enc, SecureBytes(cek), iv, aad, plaintext);
        QVERIFY(sealed.has_value());
        QCOMPARE(sealed->ciphertext, ciphertext);
        QCOMPARE(sealed->tag, tag);
        if (section == QLatin1String("A.3")) {
            // A.3's key-encryption key is an A128KW oct key: AES key wrap both ways.
            const QByteArray kek = QByteArray::fromBase64("GawgguFyGrWKav7AX4VKUg", QByteArray::Base64UrlEncoding);
            const auto unwrapped =
                detail::unwrapContentKey(SecureBytes(kek), b64u(v.value(QStringLiteral("encrypted_key_b64u"))));
            QVERIFY(unwrapped.has_value());
            QCOMPARE(bytesOf(*unwrapped), cek);
            const auto wrapped = detail::wrapContentKey(SecureBytes(kek), SecureBytes(cek));
            QVERIFY(wrapped.has_value());
            QCOMPARE(*wrapped, b64u(v.value(QStringLiteral("encrypted_key_b64u"))));
        }
    }
}

void TestEncryptedJwk::contentCiphersMatchWycheproof_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("keyBits"); // 0: the file's only key size
    QTest::addColumn<int>("enc");
    QTest::newRow("A128CBC-HS256") << "a128cbc_hs256_test.json" << 0 << int(ContentEncryption::A128CbcHs256);
    QTest::newRow("A192CBC-HS384") << "a192cbc_hs384_test.json" << 0 << int(ContentEncryption::A192CbcHs384);
    QTest::newRow("A256CBC-HS512") << "a256cbc_hs512_test.json" << 0 << int(ContentEncryption::A256CbcHs512);
    QTest::newRow("A128GCM") << "aes_gcm_test.json" << 128 << int(ContentEncryption::A128Gcm);
    QTest::newRow("A192GCM") << "aes_gcm_test.json" << 192 << int(ContentEncryption::A192Gcm);
    QTest::newRow("A256GCM") << "aes_gcm_test.json" << 256 << int(ContentEncryption::A256Gcm);
}

// ATTACKS.md A30: every valid case decrypts to msg and re-encrypts to ct/tag; every invalid case is refused.
// GCM: only the groups JOSE allows (96-bit IV, 128-bit tag); the JWE layer refuses other IV lengths before this.
void TestEncryptedJwk::contentCiphersMatchWycheproof()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, file);
    QFETCH(int, keyBits);
    QFETCH(int, enc);
    const auto content = static_cast<ContentEncryption>(enc);
    const QJsonObject doc = test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/") + file);
    int valid = 0;
    int invalid = 0;
    for (const QJsonValue& g : doc.value(QStringLiteral("testGroups")).toArray()) {
        const QJsonObject group = g.toObject();
        if (keyBits != 0 && (group.value(QStringLiteral("keySize")).toInt() != keyBits ||
                             group.value(QStringLiteral("ivSize")).toInt() != 96 ||
                             group.value(QStringLiteral("tagSize")).toInt() != 128))
            continue;
        for (const QJsonValue& t : group.value(QStringLiteral("tests")).toArray()) {
            const QJsonObject tc = t.toObject();
            const QByteArray key = fromHex(tc.value(QStringLiteral("key")));
            const QByteArray iv = fromHex(tc.value(QStringLiteral("iv")));
            const QByteArray aad = fromHex(tc.value(QStringLiteral("aad")));
            const QByteArray msg = fromHex(tc.value(QStringLiteral("msg")));
            const QByteArray ct = fromHex(tc.value(QStringLiteral("ct")));
            const QByteArray tag = fromHex(tc.value(QStringLiteral("tag")));
            const QString id = QStringLiteral("tcId %1").arg(tc.value(QStringLiteral("tcId")).toInt());
            if (iv.size() != contentIvBytes(content)) {
                QVERIFY2(tc.value(QStringLiteral("result")).toString() == QLatin1String("invalid"), qPrintable(id));
                ++invalid; // the JWE layer refuses these lengths (checked in tamperingRefused)
                continue;
            }
            const auto opened = detail::openContent(content, SecureBytes(key), iv, aad, ct, tag);
            if (tc.value(QStringLiteral("result")).toString() == QLatin1String("valid")) {
                QVERIFY2(opened.has_value(), qPrintable(id));
                QCOMPARE(bytesOf(*opened), msg);
                const auto sealed = detail::sealContent(content, SecureBytes(key), iv, aad, msg);
                QVERIFY2(sealed.has_value(), qPrintable(id));
                QCOMPARE(sealed->ciphertext, ct);
                QCOMPARE(sealed->tag, tag);
                ++valid;
            } else {
                QVERIFY2(!opened.has_value(), qPrintable(id));
                ++invalid;
            }
        }
    }
    qInfo("%d valid and %d invalid cases", valid, invalid);
    QVERIFY(valid > 0);
    QVERIFY(invalid > 0);
}

void TestEncryptedJwk::aesKeyWrapMatchesWycheproof()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject doc = test::readVectorJson(QStringLiteral("wycheproof/testvectors_v1/aes_wrap_test.json"));
    int valid = 0;
    int invalid = 0;
    int acceptable = 0;
    for (const QJsonValue& g : doc.value(QStringLiteral("testGroups")).toArray()) {
        for (const QJsonValue& t : g.toObject().value(QStringLiteral("tests")).toArray()) {
            const QJsonObject tc = t.toObject();
            const SecureBytes kek(fromHex(tc.value(QStringLiteral("key"))));
            const QByteArray msg = fromHex(tc.value(QStringLiteral("msg")));
            const QByteArray ct = fromHex(tc.value(QStringLiteral("ct")));
            const QString result = tc.value(QStringLiteral("result")).toString();
            const QString id = QStringLiteral("tcId %1").arg(tc.value(QStringLiteral("tcId")).toInt());
            const auto unwrapped = detail::unwrapContentKey(kek, ct);
            if (result == QLatin1String("valid")) {
                QVERIFY2(unwrapped.has_value(), qPrintable(id));
                QCOMPARE(bytesOf(*unwrapped), msg);
                const auto wrapped = detail::wrapContentKey(kek, SecureBytes(msg));
                QVERIFY2(wrapped.has_value(), qPrintable(id));
                QCOMPARE(*wrapped, ct);
                ++valid;
            } else if (result == QLatin1String("invalid")) {
                QVERIFY2(!unwrapped.has_value(), qPrintable(id));
                ++invalid;
            } else {
                // "acceptable": wrapping fewer than 16 bytes (RFC 3394 asks for two blocks); JOSE content keys are
                // 16..64 bytes, so refusing is the right outcome here.
                ++acceptable;
            }
        }
    }
    qInfo("%d valid, %d invalid, %d acceptable cases", valid, invalid, acceptable);
    QVERIFY(valid > 0);
    QVERIFY(invalid > 0);
}

void TestEncryptedJwk::roundTrip_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<int>("enc");
    for (Pbes2Algorithm alg : allPbes2Algorithms()) {
        for (ContentEncryption enc : allContentEncryptions())
            QTest::newRow(qPrintable(pbes2AlgorithmName(alg) + QLatin1Char('/') + contentEncryptionName(enc)))
                << int(alg) << int(enc);
    }
}

void TestEncryptedJwk::roundTrip()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(int, alg);
    QFETCH(int, enc);
    const QList<QJsonObject> published = publishedKeys();
    const QList<Key> keys = keysFrom(published);
    QCOMPARE(keys.size(), published.size());
    EncryptedJwkOptions options;
    options.algorithm = static_cast<Pbes2Algorithm>(alg);
    options.encryption = static_cast<ContentEncryption>(enc);
    options.iterations = 1000; // the minimum: the round trip is about the formats, not the cost
    const SecureBytes passphrase = secret(QStringLiteral("correct horse — battery staple"));
    const auto compact = encryptJwkSet(keys, passphrase, options);
    QVERIFY2(compact.has_value(), compact ? "" : qPrintable(compact.error().toString()));

    const QJsonObject header = headerOf(*compact);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), pbes2AlgorithmName(options.algorithm));
    QCOMPARE(header.value(QStringLiteral("enc")).toString(), contentEncryptionName(options.encryption));
    QCOMPARE(header.value(QStringLiteral("cty")).toString(), QStringLiteral("jwk-set+json"));
    QCOMPARE(header.value(QStringLiteral("p2c")).toInt(), 1000);
    QCOMPARE(b64u(header.value(QStringLiteral("p2s"))).size(), 16);
    const QList<QByteArray> parts = segments(*compact);
    QCOMPARE(parts.size(), 5);
    QCOMPARE(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding).size(),
             contentKeyBytes(options.encryption) + 8);
    QCOMPARE(QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding).size(),
             contentIvBytes(options.encryption));
    QCOMPARE(QByteArray::fromBase64(parts[4], QByteArray::Base64UrlEncoding).size(),
             contentTagBytes(options.encryption));
    // No private member leaks into the file in the clear.
    QVERIFY(!compact->contains(published.at(0).value(QStringLiteral("d")).toString().toLatin1()));

    const auto set = decryptJwkSet(*compact, passphrase);
    QVERIFY2(set.has_value(), set ? "" : qPrintable(set.error().toString()));
    QVERIFY(set->isJwks);
    QCOMPARE(set->keys.size(), published.size());
    for (qsizetype i = 0; i < published.size(); ++i)
        QCOMPARE(jwkObject(set->keys.at(i)), published.at(i));
}

void TestEncryptedJwk::defaultsAreDocumented()
{
    ASSAY_REQUIRE_VECTORS();
    const QList<Key> keys = keysFrom(publishedKeys());
    const SecureBytes passphrase = secret(QStringLiteral("default settings"));
    const auto compact = encryptJwkSet(keys, passphrase);
    QVERIFY(compact.has_value());
    const QJsonObject header = headerOf(*compact);
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("PBES2-HS512+A256KW"));
    QCOMPARE(header.value(QStringLiteral("enc")).toString(), QStringLiteral("A256GCM"));
    QCOMPARE(header.value(QStringLiteral("cty")).toString(), QStringLiteral("jwk-set+json"));
    QCOMPARE(header.value(QStringLiteral("p2c")).toInt(), 600000);
    QCOMPARE(b64u(header.value(QStringLiteral("p2s"))).size(), 16);
    const auto info = inspectEncryptedJwk(*compact);
    QVERIFY(info.has_value() && info->has_value());
    QCOMPARE((*info)->iterations, 600000);
    const auto set = decryptJwkSet(*compact, passphrase);
    QVERIFY(set.has_value());
    QCOMPARE(set->keys.size(), keys.size());
}

void TestEncryptedJwk::singleJwk()
{
    ASSAY_REQUIRE_VECTORS();
    const QList<QJsonObject> published = publishedKeys();
    const QList<Key> keys = keysFrom(published);
    EncryptedJwkOptions options;
    options.iterations = 1000;
    options.singleJwk = true;
    const SecureBytes passphrase = secret(QStringLiteral("one key"));
    const auto compact = encryptJwkSet({keys.at(1)}, passphrase, options);
    QVERIFY(compact.has_value());
    QCOMPARE(headerOf(*compact).value(QStringLiteral("cty")).toString(), QStringLiteral("jwk+json"));
    const auto set = decryptJwkSet(*compact, passphrase);
    QVERIFY(set.has_value());
    QVERIFY(!set->isJwks);
    QCOMPARE(set->keys.size(), 1);
    QCOMPARE(jwkObject(set->keys.at(0)), published.at(1));

    const auto two = encryptJwkSet(keys.mid(0, 2), passphrase, options);
    QVERIFY(!two.has_value());
    QCOMPARE(two.error().code, ErrorCode::Usage);
}

void TestEncryptedJwk::encryptRefusals()
{
    ASSAY_REQUIRE_VECTORS();
    const QList<Key> keys = keysFrom(publishedKeys());
    const auto empty = encryptJwkSet(keys, SecureBytes());
    QVERIFY(!empty.has_value());
    QCOMPARE(empty.error().code, ErrorCode::Usage);

    EncryptedJwkOptions options;
    options.iterations = 999;
    auto low = encryptJwkSet(keys, secret(QStringLiteral("x")), options);
    QVERIFY(!low.has_value());
    QCOMPARE(low.error().code, ErrorCode::Usage);
    options.iterations = 10'000'001;
    auto high = encryptJwkSet(keys, secret(QStringLiteral("x")), options);
    QVERIFY(!high.has_value());
    QCOMPARE(high.error().code, ErrorCode::Usage);

    // No keys: exportJwks refuses, and its refusal comes through.
    const auto none = encryptJwkSet({}, secret(QStringLiteral("x")));
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().code, ErrorCode::KeySetInvalid);
}

void TestEncryptedJwk::eachFileHasFreshSaltIvAndKey()
{
    ASSAY_REQUIRE_VECTORS();
    const QList<Key> keys = keysFrom(publishedKeys());
    EncryptedJwkOptions options;
    options.iterations = 1000;
    const SecureBytes passphrase = secret(QStringLiteral("same"));
    const auto a = encryptJwkSet(keys, passphrase, options);
    const auto b = encryptJwkSet(keys, passphrase, options);
    QVERIFY(a.has_value() && b.has_value());
    const QList<QByteArray> pa = segments(*a);
    const QList<QByteArray> pb = segments(*b);
    for (int i = 0; i < 5; ++i)
        QVERIFY2(pa[i] != pb[i], qPrintable(QStringLiteral("segment %1 repeated").arg(i)));
}

void TestEncryptedJwk::wrongPassphraseRefused()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kAppendixC);
    const QByteArray compact = v.value(QStringLiteral("compact")).toString().toLatin1();
    const auto set = decryptJwkSet(compact, secret(QStringLiteral("Thus from my lips, by yours, my sin is purged")));
    QVERIFY(!set.has_value());
    QCOMPARE(set.error().code, ErrorCode::KeyPassphraseWrong);
    QVERIFY(set.error().message.contains(QLatin1String("wrong passphrase or damaged file")));
    QVERIFY(set.error().detail.isEmpty()); // nothing about which step failed

    const auto empty = decryptJwkSet(compact, SecureBytes());
    QVERIFY(!empty.has_value());
    QCOMPARE(empty.error().code, ErrorCode::KeyPassphraseRequired);
}

void TestEncryptedJwk::tamperingRefused_data()
{
    QTest::addColumn<int>("enc");
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("expected");
    const int wrong = int(ErrorCode::KeyPassphraseWrong);
    const int structure = int(ErrorCode::TokenStructure);
    for (ContentEncryption enc : {ContentEncryption::A128CbcHs256, ContentEncryption::A256Gcm}) {
        const QString name = contentEncryptionName(enc);
        const auto row = [&](const char* change, int expected) {
            QTest::newRow(qPrintable(name + QLatin1Char(' ') + QLatin1String(change)))
                << int(enc) << QString::fromLatin1(change) << expected;
        };
        // Changes that only the passphrase-derived keys can detect: one and the same error.
        row("encrypted key bit", wrong);
        row("iv bit", wrong);
        row("ciphertext first bit", wrong);
        row("ciphertext last bit", wrong);
        row("tag bit", wrong);
        row("header re-encoded", wrong);
        row("header member added", wrong);
        row("header p2s changed", wrong);
        row("segments swapped", wrong);
        // Wrong lengths are refused from the structure alone (ATTACKS.md A30).
        row("tag truncated", structure);
        row("tag extended", structure);
        row("iv truncated", structure);
        row("encrypted key truncated", structure);
        row("six segments", structure);
        row("four segments", structure);
    }
}

void TestEncryptedJwk::tamperingRefused()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(int, enc);
    QFETCH(QString, change);
    QFETCH(int, expected);
    EncryptedJwkOptions options;
    options.encryption = static_cast<ContentEncryption>(enc);
    options.iterations = 1000;
    const SecureBytes passphrase = secret(QStringLiteral("tamper-proof"));
    const QList<Key> keys = keysFrom(publishedKeys());
    const auto original = encryptJwkSet(keys, passphrase, options);
    QVERIFY(original.has_value());
    QVERIFY(decryptJwkSet(*original, passphrase).has_value());

    QJsonObject header = headerOf(*original);
    QByteArray changed;
    if (change == QLatin1String("encrypted key bit"))
        changed = flipBit(*original, 1, 3);
    else if (change == QLatin1String("iv bit"))
        changed = flipBit(*original, 2, 0);
    else if (change == QLatin1String("ciphertext first bit"))
        changed = flipBit(*original, 3, 0);
    else if (change == QLatin1String("ciphertext last bit"))
        changed = flipBit(*original, 3, -1);
    else if (change == QLatin1String("tag bit"))
        changed = flipBit(*original, 4, 5);
    else if (change == QLatin1String("header re-encoded")) // same members, another order: another AAD
        changed = withHeaderJson(*original, QJsonDocument(header).toJson(QJsonDocument::Compact));
    else if (change == QLatin1String("header member added")) {
        header.insert(QStringLiteral("kid"), QStringLiteral("x"));
        changed = withHeaderJson(*original, QJsonDocument(header).toJson(QJsonDocument::Compact));
    } else if (change == QLatin1String("header p2s changed")) {
        QByteArray salt = b64u(header.value(QStringLiteral("p2s")));
        salt[0] = static_cast<char>(salt[0] ^ 0x80);
        header.insert(QStringLiteral("p2s"), QString::fromLatin1(toB64u(salt)));
        changed = withHeaderJson(*original, QJsonDocument(header).toJson(QJsonDocument::Compact));
    } else if (change == QLatin1String("segments swapped")) {
        // The IV and tag of one file with the rest of another file made with the same passphrase.
        const auto other = encryptJwkSet(keys, passphrase, options);
        QVERIFY(other.has_value());
        QList<QByteArray> parts = segments(*original);
        parts[2] = segments(*other)[2];
        parts[4] = segments(*other)[4];
        changed = joined(parts);
    } else if (change == QLatin1String("tag truncated"))
        changed = truncated(*original, 4, 1);
    else if (change == QLatin1String("tag extended")) {
        QList<QByteArray> parts = segments(*original);
        parts[4] = toB64u(QByteArray::fromBase64(parts[4], QByteArray::Base64UrlEncoding) + '\0');
        changed = joined(parts);
    } else if (change == QLatin1String("iv truncated"))
        changed = truncated(*original, 2, 4);
    else if (change == QLatin1String("encrypted key truncated"))
        changed = truncated(*original, 1, 8);
    else if (change == QLatin1String("six segments"))
        changed = *original + ".AAAA";
    else if (change == QLatin1String("four segments"))
        changed = joined(segments(*original).mid(0, 4));
    QVERIFY(!changed.isEmpty());
    QVERIFY(changed != *original);

    const quint64 runs = detail::pbes2KdfRuns();
    const auto set = decryptJwkSet(changed, passphrase);
    QVERIFY(!set.has_value());
    QCOMPARE(int(set.error().code), expected);
    if (expected == int(ErrorCode::KeyPassphraseWrong)) {
        // Exactly what a wrong passphrase gives: nothing says which step failed.
        const auto wrongPassphrase = decryptJwkSet(*original, secret(QStringLiteral("tamper-proof!")));
        QVERIFY(!wrongPassphrase.has_value());
        QCOMPARE(set.error().message, wrongPassphrase.error().message);
        QCOMPARE(set.error().segment, wrongPassphrase.error().segment);
        QVERIFY(set.error().detail.isEmpty());
    } else {
        QCOMPARE(detail::pbes2KdfRuns(), runs); // refused before PBKDF2
    }
}

void TestEncryptedJwk::refusedBeforeKeyDerivation_data()
{
    // The RFC 7517 appendix C header with one change; the passphrase is the right one, so only the check can refuse.
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<int>("expected");
    const QByteArray p2c = "\"p2c\":4096";
    const int invalid = int(ErrorCode::HeaderInvalidMember);
    // ATTACKS.md A27: the "billion hashes" header, and counts that are not integers in range.
    QTest::newRow("p2c 2147483647") << p2c << QByteArray("\"p2c\":2147483647") << invalid;
    QTest::newRow("p2c 10000001") << p2c << QByteArray("\"p2c\":10000001") << invalid;
    QTest::newRow("p2c 10^20") << p2c << QByteArray("\"p2c\":100000000000000000000") << invalid;
    QTest::newRow("p2c 999") << p2c << QByteArray("\"p2c\":999") << invalid;
    QTest::newRow("p2c 0") << p2c << QByteArray("\"p2c\":0") << invalid;
    QTest::newRow("p2c -1") << p2c << QByteArray("\"p2c\":-1") << invalid;
    QTest::newRow("p2c 1.5") << p2c << QByteArray("\"p2c\":1.5") << invalid;
    QTest::newRow("p2c 4096.0") << p2c << QByteArray("\"p2c\":4096.0") << invalid;
    QTest::newRow("p2c 4.096e3") << p2c << QByteArray("\"p2c\":4.096e3") << invalid;
    QTest::newRow("p2c \"4096\"") << p2c << QByteArray("\"p2c\":\"4096\"") << invalid;
    QTest::newRow("p2c null") << p2c << QByteArray("\"p2c\":null") << invalid;
    QTest::newRow("p2c missing") << QByteArray("\"p2c\":4096,") << QByteArray() << invalid;
    QTest::newRow("p2c twice") << p2c << QByteArray("\"p2c\":4096,\"p2c\":4096") << int(ErrorCode::JsonDuplicateMember);
    // RFC 7518 section 4.8.1.1: p2s of at least 8 bytes.
    QTest::newRow("p2s 4 bytes") << QByteArray("\"p2s\":\"2WCTcJZ1Rvd_CJuJripQ1w\"") << QByteArray("\"p2s\":\"2WCTcA\"")
                                 << invalid;
    QTest::newRow("p2s not base64url") << QByteArray("\"p2s\":\"2WCTcJZ1Rvd_CJuJripQ1w\"")
                                       << QByteArray("\"p2s\":\"2WCTcJZ1Rvd/CJuJripQ1w\"") << invalid;
    QTest::newRow("p2s missing") << QByteArray("\"p2s\":\"2WCTcJZ1Rvd_CJuJripQ1w\",") << QByteArray() << invalid;
    // Only the three PBES2 algorithms; only RFC 7518 section 5 encryptions.
    const QByteArray alg = "\"alg\":\"PBES2-HS256+A128KW\"";
    QTest::newRow("alg dir") << alg << QByteArray("\"alg\":\"dir\"") << int(ErrorCode::AlgUnsupported);
    QTest::newRow("alg RSA-OAEP") << alg << QByteArray("\"alg\":\"RSA-OAEP\"") << int(ErrorCode::AlgUnsupported);
    QTest::newRow("alg lower case") << alg << QByteArray("\"alg\":\"pbes2-hs256+a128kw\"")
                                    << int(ErrorCode::AlgUnsupported);
    QTest::newRow("alg none") << alg << QByteArray("\"alg\":\"none\"") << int(ErrorCode::AlgUnsupported);
    QTest::newRow("enc A128KW") << QByteArray("\"enc\":\"A128CBC-HS256\"") << QByteArray("\"enc\":\"A128KW\"")
                                << int(ErrorCode::AlgUnsupported);
    // ATTACKS.md A28: no compressed key files; and no extension is understood.
    QTest::newRow("zip DEF") << p2c << QByteArray("\"p2c\":4096,\"zip\":\"DEF\"") << invalid;
    QTest::newRow("crit") << p2c << QByteArray("\"p2c\":4096,\"crit\":[\"exp\"],\"exp\":1")
                          << int(ErrorCode::CritUnsupported);
    // RFC 7517 section 7: the content is a JWK or a JWK Set.
    QTest::newRow("cty JWT") << QByteArray("\"cty\":\"jwk+json\"") << QByteArray("\"cty\":\"JWT\"") << invalid;
}

void TestEncryptedJwk::refusedBeforeKeyDerivation()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(int, expected);
    const QJsonObject v = test::readVectorJson(kAppendixC);
    QByteArray headerJson = v.value(QStringLiteral("protected_header_json")).toString().toLatin1();
    QVERIFY(headerJson.contains(from));
    headerJson.replace(from, to);
    const QByteArray compact = withHeaderJson(v.value(QStringLiteral("compact")).toString().toLatin1(), headerJson);
    const SecureBytes passphrase = secret(v.value(QStringLiteral("password_utf8")).toString());

    const quint64 runs = detail::pbes2KdfRuns();
    const auto set = decryptJwkSet(compact, passphrase);
    QVERIFY(!set.has_value());
    QCOMPARE(int(set.error().code), expected);
    QCOMPARE(set.error().segment, Segment::Header);
    // The proof that no PBKDF2 work was done: the derivation never ran (no timing involved).
    QCOMPARE(detail::pbes2KdfRuns(), runs);

    // loadKeys() refuses the file the same way, with or without a passphrase, before asking for one.
    const auto loaded = loadKeys(compact);
    QVERIFY(!loaded.has_value());
    QCOMPARE(int(loaded.error().code), expected);
    QCOMPARE(detail::pbes2KdfRuns(), runs);
}

void TestEncryptedJwk::iterationBoundsAreInclusive()
{
    ASSAY_REQUIRE_VECTORS();
    // inspectEncryptedJwk() runs no PBKDF2: the bounds themselves are accepted by the header check.
    const QJsonObject v = test::readVectorJson(kAppendixC);
    const QByteArray headerJson = v.value(QStringLiteral("protected_header_json")).toString().toLatin1();
    const QByteArray compact = v.value(QStringLiteral("compact")).toString().toLatin1();
    for (const QByteArray& count : {QByteArray("1000"), QByteArray("10000000")}) {
        QByteArray changed = headerJson;
        changed.replace("\"p2c\":4096", "\"p2c\":" + count);
        const auto info = inspectEncryptedJwk(withHeaderJson(compact, changed));
        QVERIFY(info.has_value());
        QVERIFY2(info->has_value(), info->has_value() ? "" : qPrintable(info->error().toString()));
        QCOMPARE((*info)->iterations, count.toInt());
        QCOMPARE((*info)->algorithm, Pbes2Algorithm::Hs256A128Kw);
        QCOMPARE((*info)->encryption, ContentEncryption::A128CbcHs256);
        QVERIFY((*info)->singleJwk);
    }
}

void TestEncryptedJwk::callerCanLowerTheCap()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kAppendixC);
    const QByteArray compact = v.value(QStringLiteral("compact")).toString().toLatin1();
    const SecureBytes passphrase = secret(v.value(QStringLiteral("password_utf8")).toString());
    Pbes2Limits limits;
    limits.maxIterations = 4095; // the file asks for 4096
    const quint64 runs = detail::pbes2KdfRuns();
    const auto refused = decryptJwkSet(compact, passphrase, limits);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::HeaderInvalidMember);
    QCOMPARE(detail::pbes2KdfRuns(), runs);
    limits.maxIterations = 4096;
    QVERIFY(decryptJwkSet(compact, passphrase, limits).has_value());
}

void TestEncryptedJwk::loadKeysAsksForPassphrase()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject v = test::readVectorJson(kAppendixC);
    const QByteArray compact = v.value(QStringLiteral("compact")).toString().toLatin1();
    const quint64 runs = detail::pbes2KdfRuns();
    const auto none = loadKeys(compact);
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().code, ErrorCode::KeyPassphraseRequired);
    const SecureBytes empty;
    const auto emptyPassphrase = loadKeys(compact, &empty);
    QVERIFY(!emptyPassphrase.has_value());
    QCOMPARE(emptyPassphrase.error().code, ErrorCode::KeyPassphraseRequired);
    QCOMPARE(detail::pbes2KdfRuns(), runs);

    const SecureBytes wrong = secret(QStringLiteral("not it"));
    const auto wrongPassphrase = loadKeys(compact, &wrong);
    QVERIFY(!wrongPassphrase.has_value());
    QCOMPARE(wrongPassphrase.error().code, ErrorCode::KeyPassphraseWrong);
}

void TestEncryptedJwk::loadKeysDecrypts()
{
    ASSAY_REQUIRE_VECTORS();
    const QJsonObject c = test::readVectorJson(kAppendixC);
    const SecureBytes passphrase = secret(c.value(QStringLiteral("password_utf8")).toString());
    // As a file would be read: a byte order mark and a trailing line break around the compact form.
    const QByteArray file = "\xEF\xBB\xBF" + c.value(QStringLiteral("compact")).toString().toLatin1() + "\r\n";
    const auto set = loadKeys(file, &passphrase);
    QVERIFY2(set.has_value(), set ? "" : qPrintable(set.error().toString()));
    QCOMPARE(set->keys.size(), 1);
    QCOMPARE(jwkObject(set->keys.at(0)), c.value(QStringLiteral("plaintext_jwk")).toObject());

    const QJsonObject v = test::readVectorJson(kCookbook53);
    const SecureBytes pwd = secret(v.value(QStringLiteral("input")).toObject().value(QStringLiteral("pwd")).toString());
    const auto cookbook = loadKeys(
        v.value(QStringLiteral("output")).toObject().value(QStringLiteral("compact")).toString().toLatin1(), &pwd);
    QVERIFY2(cookbook.has_value(), cookbook ? "" : qPrintable(cookbook.error().toString()));
    QVERIFY(cookbook->isJwks);
    QCOMPARE(cookbook->keys.size(), 3);

    // And a file Assay wrote, through the same entry point.
    const QList<QJsonObject> published = publishedKeys();
    EncryptedJwkOptions options;
    options.iterations = 1000;
    const SecureBytes mine = secret(QStringLiteral("mine"));
    const auto written = encryptJwkSet(keysFrom(published), mine, options);
    QVERIFY(written.has_value());
    const auto reloaded = loadKeys(*written + '\n', &mine);
    QVERIFY(reloaded.has_value());
    QCOMPARE(reloaded->keys.size(), published.size());
    for (qsizetype i = 0; i < published.size(); ++i)
        QCOMPARE(jwkObject(reloaded->keys.at(i)), published.at(i));
}

void TestEncryptedJwk::loadKeysExplainsOtherJwes()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7516 appendix A.3 is a JWE with an A128KW key, not a passphrase: refused with a reason, not "unknown".
    const QJsonArray vectors = test::readVectorJson(kRfc7516).value(QStringLiteral("vectors")).toArray();
    QByteArray compact;
    for (const QJsonValue& value : vectors) {
        if (value.toObject().value(QStringLiteral("section")).toString() == QLatin1String("A.3"))
            compact = value.toObject().value(QStringLiteral("compact")).toString().toLatin1();
    }
    QVERIFY(!compact.isEmpty());
    const SecureBytes passphrase = secret(QStringLiteral("irrelevant"));
    const auto set = loadKeys(compact, &passphrase);
    QVERIFY(!set.has_value());
    QCOMPARE(set.error().code, ErrorCode::AlgUnsupported);
    QVERIFY(set.error().message.contains(QLatin1String("A128KW")));

    // A plain JWK still loads as before (the JWE check does not get in the way).
    const QByteArray jwk =
        QJsonDocument(test::readVectorJson(QStringLiteral("jose-cookbook/jwk/3_2.ec_private_key.json"))).toJson();
    QVERIFY(loadKeys(jwk).has_value());
}

QTEST_GUILESS_MAIN(TestEncryptedJwk)
#include "TestEncryptedJwk.moc"
