// SPDX-License-Identifier: Apache-2.0
// Property: no change to a signed compact token verifies. Every published token below is VALID with its key; each
// of hundreds of deterministic one-character mutations (substitution, deletion, insertion, swap) must not be.
// This is what strict base64url (A20), exact lengths (A03, A13) and raw-segment verification together guarantee.
#include "Vectors.h"

#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QtTest>

using namespace assay;
using namespace assay::test;

class TestMutatedTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noMutationVerifies_data();
    void noMutationVerifies();
};

void TestMutatedTokens::noMutationVerifies_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QByteArray>("secret");
    if (!haveVectors())
        QSKIP("test vectors not found (set ASSAY_VECTORS_DIR)");
    const QJsonObject tokens =
        readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json")).value(QStringLiteral("tokens")).toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QJsonObject t = it->toObject();
        if (it.key() == QStringLiteral("none"))
            continue;
        QTest::newRow(qPrintable(QStringLiteral("jwt.io ") + it.key()))
            << t.value(QStringLiteral("token")).toString().toUtf8()
            << t.value(QStringLiteral("publicKey")).toString().toUtf8()
            << (t.contains(QStringLiteral("secret")) ? t.value(QStringLiteral("secret")).toString().toUtf8()
                                                     : QByteArray());
    }
    for (const char* name : {"A.1", "A.2", "A.3", "A.4"}) {
        QTest::addRow("RFC7515 %s", name)
            << readVectorFile(QStringLiteral("latchset-jose/rfc7515_%1.jwsc").arg(QLatin1StringView(name))).trimmed()
            << readVectorFile(QStringLiteral("latchset-jose/rfc7515_%1.jwk").arg(QLatin1StringView(name))).trimmed()
            << QByteArray();
    }
}

void TestMutatedTokens::noMutationVerifies()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, keys);
    QFETCH(QByteArray, secret);
    KeySet set;
    if (!secret.isEmpty())
        set.keys.append(*keyFromSecret(secret, SecretEncoding::Utf8));
    else
        set = *loadKeys(keys);
    auto original = parseToken(token);
    QVERIFY(original.has_value());
    QCOMPARE(verifyJws(*original, set).verdict, Verdict::Valid);

    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    std::uint64_t state = 0x2545f4914f6cdd1dULL ^ static_cast<std::uint64_t>(token.size());
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int checked = 0;
    for (int i = 0; i < 600; ++i) {
        QByteArray m = token;
        const qsizetype at = static_cast<qsizetype>(next() % static_cast<std::uint64_t>(m.size()));
        const char c = alphabet[next() % (sizeof(alphabet) - 1)];
        switch (next() % 4) {
        case 0:
            m[at] = c;
            break;
        case 1:
            m.remove(at, 1);
            break;
        case 2:
            m.insert(at, c);
            break;
        default:
            if (at + 1 < m.size())
                std::swap(m[at], m[at + 1]);
            break;
        }
        if (m == token)
            continue;
        ++checked;
        auto parsed = parseToken(m);
        if (!parsed)
            continue; // not even a token: rejected
        const JwsVerification result = verifyJws(*parsed, set);
        if (result.verdict == Verdict::Valid)
            QFAIL(qPrintable(QStringLiteral("mutation %1 verified: %2").arg(i).arg(QString::fromLatin1(m))));
    }
    QVERIFY(checked > 500);
}

QTEST_APPLESS_MAIN(TestMutatedTokens)
#include "TestMutatedTokens.moc"
