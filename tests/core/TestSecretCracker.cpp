// SPDX-License-Identifier: Apache-2.0
// The weak-secret checker (issue 5; ATTACKS.md A10 and A11): SecretCracker with each candidate source.
// Tokens under test are signed here with Qt's own HMAC (QMessageAuthenticationCode, independent of OpenSSL) or come
// from ../shared/vectors: jwtio-defaults (jwt.io's HS256/384/512 tokens and their published secrets), jwt-secrets
// (Wallarm's list, opened as a wordlist file the way a user would), latchset-jose (RFC 7515 A.1, a random key).
// Expected candidates come from the documentation of the rules and mask syntax, written out here, never from the
// code under test.

#include "Vectors.h"

#include "audit/BruteForceMask.h"
#include "audit/CandidateBatch.h"
#include "audit/CrackTarget.h"
#include "audit/HashcatFormat.h"
#include "audit/ListSource.h"
#include "audit/ManglingRules.h"
#include "audit/MaskSource.h"
#include "audit/RuleSource.h"
#include "audit/SecretCracker.h"
#include "audit/WordlistFileSource.h"
#include "token/ParsedToken.h"

#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

using namespace assay;

namespace {

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A compact JWS signed with Qt's HMAC.
QByteArray signToken(const QByteArray& secret, const char* alg = "HS256",
                     const QByteArray& payload = R"({"sub":"1234567890","name":"John Doe","iat":1516239022})")
{
    const QByteArray signingInput =
        b64url(QByteArray(R"({"alg":")") + alg + R"(","typ":"JWT"})") + '.' + b64url(payload);
    QCryptographicHash::Algorithm hash = QCryptographicHash::Sha256;
    if (qstrcmp(alg, "HS384") == 0)
        hash = QCryptographicHash::Sha384;
    else if (qstrcmp(alg, "HS512") == 0)
        hash = QCryptographicHash::Sha512;
    return signingInput + '.' + b64url(QMessageAuthenticationCode::hash(signingInput, secret, hash));
}

CrackTarget target(const QByteArray& token)
{
    Result<CrackTarget> t = CrackTarget::fromText(token);
    if (!t)
        qFatal("not a crackable token: %s", qPrintable(t.error().toString()));
    return std::move(*t);
}

std::vector<std::unique_ptr<CandidateSource>> sources(std::unique_ptr<CandidateSource> a,
                                                      std::unique_ptr<CandidateSource> b = {})
{
    std::vector<std::unique_ptr<CandidateSource>> list;
    list.push_back(std::move(a));
    if (b)
        list.push_back(std::move(b));
    return list;
}

CrackResult crack(const QByteArray& token, std::vector<std::unique_ptr<CandidateSource>> list, int threads = 2)
{
    SecretCracker cracker(target(token), std::move(list), CrackOptions{threads});
    return cracker.run();
}

std::unique_ptr<CandidateSource> mask(const QString& text, MaskOptions options = {})
{
    Result<BruteForceMask> m = BruteForceMask::parse(text, options);
    if (!m)
        qFatal("bad mask %s: %s", qPrintable(text), qPrintable(m.error().toString()));
    return std::make_unique<MaskSource>(std::move(*m));
}

// Every candidate a source produces, in the order one cursor sees them.
QList<QByteArray> enumerate(CandidateSource& source)
{
    QList<QByteArray> out;
    if (!source.start())
        return out;
    const std::unique_ptr<CandidateCursor> cursor = source.openCursor();
    CandidateBatch batch;
    for (;;) {
        Result<bool> more = cursor->fill(batch);
        if (!more || !*more)
            break;
        for (std::size_t i = 0; i < batch.size(); ++i)
            out.append(
                QByteArray(reinterpret_cast<const char*>(batch.data(i)), static_cast<qsizetype>(batch.length(i))));
    }
    return out;
}

QByteArray secretOf(const CrackResult& r)
{
    return r.secret.view().toByteArray();
}

QByteArray describe(const CrackResult& r)
{
    return (crackOutcomeName(r.outcome) +
            QStringLiteral(", tested %1, secret \"%2\" from %3, error %4")
                .arg(r.tested)
                .arg(QString::fromUtf8(secretOf(r)), r.foundBy, r.error ? r.error->toString() : QStringLiteral("none")))
        .toUtf8();
}

QJsonObject jwtio()
{
    return test::readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject();
}

// The lines of a wordlist file as this test reads them: split on \n, one trailing \r removed, empty lines dropped.
QList<QByteArray> linesOf(const QByteArray& file)
{
    QList<QByteArray> lines;
    for (QByteArray line : file.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

// Peak and current resident memory of this process in KiB (Linux), -1 elsewhere.
qint64 statusKiB(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestSecretCracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void jwtioDefaultsWithBuiltinList_data();
    void jwtioDefaultsWithBuiltinList();
    void classicJwtioSecret();
    void randomKeyIsNotFound();
    void emptySecretIsAlwaysTried();

    void jwtSecretsListPlanted_data();
    void jwtSecretsListPlanted();
    void jwtSecretsListCountsEveryLine();
    void crlfAndEmptyFirstLine_data();
    void crlfAndEmptyFirstLine();
    void byteOrderMarkAndTrailingSpaces();
    void longLinesAreSkipped();
    void missingWordlistFails();

    void secretLongerThanTheBlock_data();
    void secretLongerThanTheBlock();
    void sha384AndSha512Found_data();
    void sha384AndSha512Found();

    void maskParseErrors_data();
    void maskParseErrors();
    void maskKeyspace_data();
    void maskKeyspace();
    void maskCandidates_data();
    void maskCandidates();
    void bruteForceFindsFourCharacters();
    void bruteForceWithIncrement();

    void rulesProduceTheDocumentedCandidates();
    void rulesFindMangledSecrets_data();
    void rulesFindMangledSecrets();

    void oneAndTwoThreadsAgree_data();
    void oneAndTwoThreadsAgree();
    void sourcesRunInOrder();
    void nonHmacTokensAreRefused_data();
    void nonHmacTokensAreRefused();
    void hashcatLine();

    void progressWhileRunning();
    void cancelStopsWithin100ms();
    void streamsHugeWordlistWithFlatMemory();

private:
    QTemporaryDir m_dir;
    QString writeFile(const QString& name, const QByteArray& content);
};

void TestSecretCracker::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestSecretCracker::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(content);
    return path;
}

// --- the built-in list ---------------------------------------------------------------------------------------------

void TestSecretCracker::jwtioDefaultsWithBuiltinList_data()
{
    QTest::addColumn<QString>("alg");
    QTest::newRow("HS256") << QStringLiteral("HS256");
    QTest::newRow("HS384") << QStringLiteral("HS384");
    QTest::newRow("HS512") << QStringLiteral("HS512");
}

void TestSecretCracker::jwtioDefaultsWithBuiltinList()
{
    // ATTACKS.md A11: jwt.io's published secrets are in the built-in list.
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, alg);
    const QJsonObject entry = jwtio().value(alg).toObject();
    const QByteArray token = entry.value(QStringLiteral("token")).toString().toUtf8();
    const QByteArray secret = entry.value(QStringLiteral("secret")).toString().toUtf8();
    QVERIFY(!token.isEmpty() && !secret.isEmpty());

    const CrackResult r = crack(token, sources(ListSource::builtin()));
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), secret);
    QVERIFY(r.foundBy.startsWith(QLatin1String("built-in list")));
}

void TestSecretCracker::classicJwtioSecret()
{
    // ATTACKS.md A11: jwt.io's earlier default token, signed with "your-256-bit-secret".
    const QByteArray token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                             "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
                             "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    const CrackResult r = crack(token, sources(ListSource::builtin()));
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), QByteArray("your-256-bit-secret"));
}

void TestSecretCracker::randomKeyIsNotFound()
{
    // ATTACKS.md A11: RFC 7515 A.1 is signed with a random 64-byte key; every candidate is tried, none matches.
    ASSAY_REQUIRE_VECTORS();
    const QByteArray token = test::readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
    QVERIFY(!token.isEmpty());
    auto list = sources(std::make_unique<RuleSource>(ListSource::builtin()));
    const quint64 words = ListSource::builtin()->total().value();
    const CrackResult r = crack(token, std::move(list));
    QVERIFY2(r.outcome == CrackOutcome::NotFound, describe(r).constData());
    QCOMPARE(r.tested, 1 + words * ManglingRules::Count); // the empty secret, then every word under every rule
    QVERIFY(r.secret.isEmpty());
}

void TestSecretCracker::emptySecretIsAlwaysTried()
{
    // ATTACKS.md A10: a token whose HMAC key is empty is reported, whatever the sources (here: none).
    const QByteArray token = signToken("");
    const CrackResult r = crack(token, {});
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QVERIFY(r.secret.isEmpty());
    QCOMPARE(r.foundBy, QStringLiteral("empty secret"));
    QCOMPARE(r.tested, quint64(1));
}

// --- wordlists -----------------------------------------------------------------------------------------------------

void TestSecretCracker::jwtSecretsListPlanted_data()
{
    QTest::addColumn<int>("position"); // 0-based index among the list's non-empty lines; -1 = the last
    QTest::newRow("line 1000") << 1000;
    QTest::newRow("line 50000") << 50000;
    QTest::newRow("last line") << -1;
}

void TestSecretCracker::jwtSecretsListPlanted()
{
    // The user opens ../shared/vectors/jwt-secrets/jwt.secrets.list (CRLF line ends, an empty first line); a token
    // signed with the entry at a known position is found, and the secret comes back without its "\r".
    ASSAY_REQUIRE_VECTORS();
    QFETCH(int, position);
    const QString path = test::vectorPath(QStringLiteral("jwt-secrets/jwt.secrets.list"));
    const QList<QByteArray> lines = linesOf(test::readVectorFile(QStringLiteral("jwt-secrets/jwt.secrets.list")));
    QVERIFY(lines.size() > 100000);
    const QByteArray secret = position < 0 ? lines.last() : lines.at(position);

    const CrackResult r = crack(signToken(secret), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), secret);
    QCOMPARE(r.foundBy, QStringLiteral("wordlist jwt.secrets.list"));
}

void TestSecretCracker::jwtSecretsListCountsEveryLine()
{
    // With a secret that is not in the list, every non-empty line is tried exactly once.
    ASSAY_REQUIRE_VECTORS();
    const QString path = test::vectorPath(QStringLiteral("jwt-secrets/jwt.secrets.list"));
    const QList<QByteArray> lines = linesOf(test::readVectorFile(QStringLiteral("jwt-secrets/jwt.secrets.list")));
    const CrackResult r = crack(signToken("assay: a secret that is in no list 8c1f0e"),
                                sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(r.outcome == CrackOutcome::NotFound, describe(r).constData());
    QCOMPARE(r.tested, quint64(1 + lines.size()));
}

void TestSecretCracker::crlfAndEmptyFirstLine_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("candidates"); // non-empty lines

    const QByteArray crlf = "\r\nalpha\r\n\r\nbeta\r\n\r\n\r\ngamma\r\ndelta";
    QTest::newRow("CRLF, empty first line, second word") << crlf << QByteArray("beta") << 4;
    QTest::newRow("CRLF, last line without a line break") << crlf << QByteArray("delta") << 4;
    QTest::newRow("LF, empty first line") << QByteArray("\nalpha\nbeta\n\n") << QByteArray("beta") << 2;
    QTest::newRow("lone CR inside a line is kept") << QByteArray("\na\rb\r\nc\n") << QByteArray("a\rb") << 2;
    QTest::newRow("CR CR LF keeps one CR") << QByteArray("x\r\r\ny\n") << QByteArray("x\r") << 2;
}

void TestSecretCracker::crlfAndEmptyFirstLine()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, secret);
    QFETCH(int, candidates);
    const QString path = writeFile(QStringLiteral("crlf.txt"), file);

    const CrackResult found = crack(signToken(secret), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(found.outcome == CrackOutcome::Found, describe(found).constData());
    QCOMPARE(secretOf(found), secret);

    const CrackResult all = crack(signToken("not in the file"), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(all.outcome == CrackOutcome::NotFound, describe(all).constData());
    QCOMPARE(all.tested, quint64(1 + candidates));
}

void TestSecretCracker::byteOrderMarkAndTrailingSpaces()
{
    // A UTF-8 BOM at the start of the file is not part of the first word; spaces are part of a secret (no trimming).
    const QString path = writeFile(QStringLiteral("bom.txt"), "\xEF\xBB\xBF"
                                                              "first\r\nwith space \r\n");
    const CrackResult first = crack(signToken("first"), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(first.outcome == CrackOutcome::Found, describe(first).constData());
    QCOMPARE(secretOf(first), QByteArray("first"));

    const CrackResult spaced = crack(signToken("with space "), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(spaced.outcome == CrackOutcome::Found, describe(spaced).constData());
    QCOMPARE(secretOf(spaced), QByteArray("with space "));

    const CrackResult trimmed = crack(signToken("with space"), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(trimmed.outcome == CrackOutcome::NotFound, describe(trimmed).constData());
}

void TestSecretCracker::longLinesAreSkipped()
{
    // Lines over MaxLineLength are skipped and reported; the lines around them are still read, even when the long
    // line is longer than a whole chunk.
    const QByteArray longLine(static_cast<qsizetype>(WordlistFileSource::MaxLineLength) + 10, 'L');
    const QByteArray hugeLine(static_cast<qsizetype>(WordlistFileSource::ChunkSize) * 2 + 5, 'H');
    const QString path =
        writeFile(QStringLiteral("long.txt"), "before\n" + longLine + "\nmiddle\n" + hugeLine + "\r\nafter\n");
    for (const QByteArray& secret : {QByteArray("before"), QByteArray("middle"), QByteArray("after")}) {
        const CrackResult r = crack(signToken(secret), sources(std::make_unique<WordlistFileSource>(path)), 1);
        QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
        QCOMPARE(secretOf(r), secret);
    }
    const CrackResult all = crack(signToken("none"), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(all.outcome == CrackOutcome::NotFound, describe(all).constData());
    QCOMPARE(all.tested, quint64(1 + 3));
    QCOMPARE(all.notes.size(), 1);
    QVERIFY2(all.notes.front().contains(QLatin1String("2 line(s) longer than 64 KiB skipped")),
             qPrintable(all.notes.front()));
}

void TestSecretCracker::missingWordlistFails()
{
    SecretCracker cracker(target(signToken("x")),
                          sources(std::make_unique<WordlistFileSource>(m_dir.filePath(QStringLiteral("absent.txt")))));
    const CrackResult r = cracker.run();
    QCOMPARE(r.outcome, CrackOutcome::Failed);
    QVERIFY(r.error.has_value());
    QCOMPARE(r.error->code, ErrorCode::Io);
    QVERIFY(r.error->message.contains(QLatin1String("absent.txt")));
}

// --- algorithms and key lengths ------------------------------------------------------------------------------------

void TestSecretCracker::secretLongerThanTheBlock_data()
{
    QTest::addColumn<QByteArray>("alg");
    QTest::addColumn<int>("length");
    QTest::newRow("HS256, 65 bytes") << QByteArray("HS256") << 65;
    QTest::newRow("HS256, 100 bytes") << QByteArray("HS256") << 100;
    QTest::newRow("HS384, 129 bytes") << QByteArray("HS384") << 129;
    QTest::newRow("HS512, 200 bytes") << QByteArray("HS512") << 200;
}

void TestSecretCracker::secretLongerThanTheBlock()
{
    // RFC 2104: keys longer than the hash's block are hashed first.
    QFETCH(QByteArray, alg);
    QFETCH(int, length);
    QByteArray secret;
    for (int i = 0; secret.size() < length; ++i)
        secret += QByteArray::number(i) + '-';
    secret.truncate(length);
    const QString path = writeFile(QStringLiteral("long-secret.txt"), "short\n" + secret + "\nother\n");
    const CrackResult r =
        crack(signToken(secret, alg.constData()), sources(std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), secret);
}

void TestSecretCracker::sha384AndSha512Found_data()
{
    QTest::addColumn<QByteArray>("alg");
    QTest::newRow("HS384") << QByteArray("HS384");
    QTest::newRow("HS512") << QByteArray("HS512");
}

void TestSecretCracker::sha384AndSha512Found()
{
    QFETCH(QByteArray, alg);
    // Through all three source kinds.
    const CrackResult listed = crack(signToken("changeme", alg.constData()), sources(ListSource::builtin()));
    QVERIFY2(listed.outcome == CrackOutcome::Found, describe(listed).constData());
    QCOMPARE(secretOf(listed), QByteArray("changeme"));

    const CrackResult masked = crack(signToken("k9z", alg.constData()), sources(mask(QStringLiteral("?l?d?l"))));
    QVERIFY2(masked.outcome == CrackOutcome::Found, describe(masked).constData());
    QCOMPARE(secretOf(masked), QByteArray("k9z"));

    const CrackResult ruled = crack(signToken("Changeme2021", alg.constData()),
                                    sources(std::make_unique<RuleSource>(std::make_unique<ListSource>(
                                        QStringLiteral("words"), QList<QByteArray>{"changeme"}))));
    QVERIFY2(ruled.outcome == CrackOutcome::NotFound, describe(ruled).constData()); // capitalize + year: two rules
    const CrackResult year = crack(signToken("changeme2021", alg.constData()),
                                   sources(std::make_unique<RuleSource>(std::make_unique<ListSource>(
                                       QStringLiteral("words"), QList<QByteArray>{"changeme"}))));
    QVERIFY2(year.outcome == CrackOutcome::Found, describe(year).constData());
    QCOMPARE(secretOf(year), QByteArray("changeme2021"));
}

// --- masks ---------------------------------------------------------------------------------------------------------

void TestSecretCracker::maskParseErrors_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QStringList>("charsets");
    QTest::addColumn<int>("incrementMin"); // 0 = no increment
    QTest::addColumn<int>("incrementMax");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    const int usage = int(ErrorCode::Usage);
    QTest::newRow("empty") << QString() << QStringList() << 0 << 0 << usage << QStringLiteral("empty");
    QTest::newRow("lone ?") << QStringLiteral("?") << QStringList() << 0 << 0 << usage << QStringLiteral("lone");
    QTest::newRow("trailing ?") << QStringLiteral("abc?") << QStringList() << 0 << 0 << usage << QStringLiteral("lone");
    QTest::newRow("unknown ?x") << QStringLiteral("?l?x") << QStringList() << 0 << 0 << usage
                                << QStringLiteral("unknown placeholder ?x");
    QTest::newRow("?L is not ?l") << QStringLiteral("?L") << QStringList() << 0 << 0 << usage
                                  << QStringLiteral("unknown placeholder ?L");
    QTest::newRow("?1 without charset") << QStringLiteral("?1?1") << QStringList() << 0 << 0 << usage
                                        << QStringLiteral("custom charset 1 is not given");
    QTest::newRow("?3 without charset 3") << QStringLiteral("?1?3") << QStringList{QStringLiteral("ab")} << 0 << 0
                                          << usage << QStringLiteral("custom charset 3 is not given");
    QTest::newRow("charset using ?2") << QStringLiteral("?1") << QStringList{QStringLiteral("?2"), QStringLiteral("a")}
                                      << 0 << 0 << usage << QStringLiteral("not other custom charsets");
    QTest::newRow("empty charset") << QStringLiteral("?1") << QStringList{QStringLiteral("")} << 0 << 0 << usage
                                   << QStringLiteral("custom charset 1 is empty");
    QTest::newRow("charset unknown ?q") << QStringLiteral("?1") << QStringList{QStringLiteral("?q")} << 0 << 0 << usage
                                        << QStringLiteral("unknown placeholder ?q");
    QTest::newRow("increment min > max") << QStringLiteral("?d?d?d") << QStringList() << 3 << 2 << usage
                                         << QStringLiteral("larger than the maximum");
    QTest::newRow("increment max > length")
        << QStringLiteral("?d?d") << QStringList() << 1 << 3 << usage << QStringLiteral("outside 1..2");
    QTest::newRow("too long") << QString(257, QLatin1Char('a')) << QStringList() << 0 << 0 << usage
                              << QStringLiteral("longer than 256 positions");
    // 95^10 fits in 64 bits, 95^10 * 256^2 does not.
    QTest::newRow("keyspace over 2^64") << QStringLiteral("?a?a?a?a?a?a?a?a?a?a?b?b") << QStringList() << 0 << 0
                                        << int(ErrorCode::InputTooLarge) << QStringLiteral("2^64");
}

void TestSecretCracker::maskParseErrors()
{
    QFETCH(QString, mask);
    QFETCH(QStringList, charsets);
    QFETCH(int, incrementMin);
    QFETCH(int, incrementMax);
    QFETCH(int, code);
    QFETCH(QString, message);
    MaskOptions options;
    for (int i = 0; i < charsets.size(); ++i)
        options.customCharsets[static_cast<std::size_t>(i)] =
            charsets.at(i).isNull() ? QStringLiteral("") : charsets.at(i);
    if (incrementMin > 0) {
        options.increment = true;
        options.incrementMin = incrementMin;
        options.incrementMax = incrementMax;
    }
    Result<BruteForceMask> m = BruteForceMask::parse(mask, options);
    QVERIFY(!m.has_value());
    QCOMPARE(int(m.error().code), code);
    QVERIFY2(m.error().message.contains(message), qPrintable(m.error().message));
}

void TestSecretCracker::maskKeyspace_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("charset1");
    QTest::addColumn<int>("incrementMin");
    QTest::addColumn<quint64>("keyspace");
    // hashcat's charset sizes: ?l 26, ?u 26, ?d 10, ?h 16, ?H 16, ?s 33, ?a 95, ?b 256.
    QTest::newRow("?d?d") << QStringLiteral("?d?d") << QString() << 0 << quint64(100);
    QTest::newRow("?l?u") << QStringLiteral("?l?u") << QString() << 0 << quint64(676);
    QTest::newRow("?h?H") << QStringLiteral("?h?H") << QString() << 0 << quint64(256);
    QTest::newRow("?s") << QStringLiteral("?s") << QString() << 0 << quint64(33);
    QTest::newRow("?a") << QStringLiteral("?a") << QString() << 0 << quint64(95);
    QTest::newRow("?b") << QStringLiteral("?b") << QString() << 0 << quint64(256);
    QTest::newRow("literals") << QStringLiteral("key-?d") << QString() << 0 << quint64(10);
    QTest::newRow("??") << QStringLiteral("??") << QString() << 0 << quint64(1);
    QTest::newRow("custom, repeats count once")
        << QStringLiteral("?1?1") << QStringLiteral("abca?d") << 0 << quint64(13 * 13);
    QTest::newRow("increment 1..3") << QStringLiteral("?d?d?d") << QString() << 1 << quint64(10 + 100 + 1000);
    QTest::newRow("increment 2..3") << QStringLiteral("?d?d?d") << QString() << 2 << quint64(100 + 1000);
    QTest::newRow("95^9") << QStringLiteral("?a?a?a?a?a?a?a?a?a") << QString() << 0 << quint64(630249409724609375ULL);
}

void TestSecretCracker::maskKeyspace()
{
    QFETCH(QString, mask);
    QFETCH(QString, charset1);
    QFETCH(int, incrementMin);
    QFETCH(quint64, keyspace);
    MaskOptions options;
    options.customCharsets[0] = charset1;
    options.increment = incrementMin > 0;
    options.incrementMin = incrementMin > 0 ? incrementMin : 1;
    Result<BruteForceMask> m = BruteForceMask::parse(mask, options);
    QVERIFY2(m.has_value(), m ? "" : qPrintable(m.error().toString()));
    QCOMPARE(m->keyspace(), keyspace);
}

void TestSecretCracker::maskCandidates_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("charset1");
    QTest::addColumn<bool>("increment");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::newRow("custom then literal") << QStringLiteral("?1x") << QStringLiteral("ab") << false
                                         << QList<QByteArray>{"ax", "bx"};
    QTest::newRow("last position fastest")
        << QStringLiteral("?1?1") << QStringLiteral("01") << false << QList<QByteArray>{"00", "01", "10", "11"};
    QTest::newRow("increment: shorter first") << QStringLiteral("?1?1") << QStringLiteral("ab") << true
                                              << QList<QByteArray>{"a", "b", "aa", "ab", "ba", "bb"};
    QTest::newRow("?? is a question mark") << QStringLiteral("a??") << QString() << false << QList<QByteArray>{"a?"};
    QTest::newRow("non-ASCII literal is its UTF-8 bytes")
        << QStringLiteral("\u00e9?1") << QStringLiteral("z") << false << QList<QByteArray>{"\xC3\xA9z"};
}

void TestSecretCracker::maskCandidates()
{
    QFETCH(QString, mask);
    QFETCH(QString, charset1);
    QFETCH(bool, increment);
    QFETCH(QList<QByteArray>, expected);
    MaskOptions options;
    options.customCharsets[0] = charset1;
    options.increment = increment;
    Result<BruteForceMask> m = BruteForceMask::parse(mask, options);
    QVERIFY2(m.has_value(), m ? "" : qPrintable(m.error().toString()));
    MaskSource source(*m);
    QCOMPARE(enumerate(source), expected);
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(m->candidate(static_cast<quint64>(i)), expected.at(i));
}

void TestSecretCracker::bruteForceFindsFourCharacters()
{
    const CrackResult r = crack(signToken("jwtz"), sources(mask(QStringLiteral("?l?l?l?l"))));
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), QByteArray("jwtz"));
    QCOMPARE(r.foundBy, QStringLiteral("mask ?l?l?l?l"));
}

void TestSecretCracker::bruteForceWithIncrement()
{
    MaskOptions options;
    options.increment = true;
    const CrackResult r = crack(signToken("42"), sources(mask(QStringLiteral("?d?d?d?d"), options)));
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), QByteArray("42"));
    const CrackResult none = crack(signToken("12345"), sources(mask(QStringLiteral("?d?d?d?d"), options)));
    QVERIFY2(none.outcome == CrackOutcome::NotFound, describe(none).constData());
    QCOMPARE(none.tested, quint64(1 + 10 + 100 + 1000 + 10000));
}

// --- rules ---------------------------------------------------------------------------------------------------------

void TestSecretCracker::rulesProduceTheDocumentedCandidates()
{
    // ManglingRules.h documents the rules and their order; the expected list is written from that documentation.
    const QByteArray utf8Word = "s\xC3\xA9"
                                "cret"; // "sécret": é is two bytes that no rule changes
    RuleSource source(std::make_unique<ListSource>(QStringLiteral("words"), QList<QByteArray>{"Pass", utf8Word}));
    QCOMPARE(source.total().value_or(0), quint64(2 * 158));

    auto expectedFor = [](const QByteArray& word, const QByteArray& lower, const QByteArray& upper,
                          const QByteArray& capitalized, const QByteArray& reversed, const QByteArray& leet) {
        QList<QByteArray> e{word, lower, upper, capitalized, reversed, leet, word + '!'};
        for (int d = 0; d <= 9; ++d)
            e.append(word + QByteArray::number(d));
        for (int d = 0; d <= 99; ++d)
            e.append(word + QByteArray::number(d).rightJustified(2, '0'));
        for (int y = 1990; y <= 2030; ++y)
            e.append(word + QByteArray::number(y));
        return e;
    };
    QList<QByteArray> expected = expectedFor("Pass", "pass", "PASS", "Pass", "ssaP", "P455");
    expected += expectedFor(utf8Word, utf8Word,
                            "S\xC3\xA9"
                            "CRET",
                            "S\xC3\xA9"
                            "cret",
                            "terc\xA9\xC3s",
                            "5\xC3\xA9"
                            "cr37");
    const QList<QByteArray> actual = enumerate(source);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
}

void TestSecretCracker::rulesFindMangledSecrets_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("year") << QByteArray("secret2024");
    QTest::newRow("two digits") << QByteArray("password07");
    QTest::newRow("reversed") << QByteArray("terces");
    QTest::newRow("leet") << QByteArray("53cr37");
    QTest::newRow("upper") << QByteArray("CHANGEME");
    QTest::newRow("exclamation") << QByteArray("admin!");
}

void TestSecretCracker::rulesFindMangledSecrets()
{
    QFETCH(QByteArray, secret);
    const CrackResult plain = crack(signToken(secret), sources(ListSource::builtin()));
    QVERIFY2(plain.outcome == CrackOutcome::NotFound, describe(plain).constData());
    const CrackResult ruled = crack(signToken(secret), sources(std::make_unique<RuleSource>(ListSource::builtin())));
    QVERIFY2(ruled.outcome == CrackOutcome::Found, describe(ruled).constData());
    QCOMPARE(secretOf(ruled), secret);
    QVERIFY(ruled.foundBy.endsWith(QLatin1String("with rules")));
}

// --- threads, order, refusals --------------------------------------------------------------------------------------

void TestSecretCracker::oneAndTwoThreadsAgree_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("found");
    QTest::newRow("found") << QByteArray("73519") << true;
    QTest::newRow("exhausted") << QByteArray("no") << false;
}

void TestSecretCracker::oneAndTwoThreadsAgree()
{
    QFETCH(QByteArray, secret);
    QFETCH(bool, found);
    const QString path = writeFile(QStringLiteral("threads.txt"), "\r\nalpha\r\n73519x\r\nomega\r\n");
    std::optional<CrackResult> previous;
    for (int threads : {1, 2, 3}) {
        const CrackResult r =
            crack(signToken(secret),
                  sources(std::make_unique<WordlistFileSource>(path), mask(QStringLiteral("?d?d?d?d?d"))), threads);
        QCOMPARE(r.threads, threads);
        QVERIFY2(r.outcome == (found ? CrackOutcome::Found : CrackOutcome::NotFound), describe(r).constData());
        QCOMPARE(secretOf(r), found ? secret : QByteArray());
        if (!found)
            QCOMPARE(r.tested, quint64(1 + 3 + 100000));
    }
}

void TestSecretCracker::sourcesRunInOrder()
{
    // "secret" is in the built-in list and the wordlist: the built-in list comes first, so it finds it. Sources are
    // started in order, but with several workers one may already read the next source while another still tests
    // its last share of the previous one, so which source reports a secret that is in both is fixed only for one
    // worker: the order is checked with one.
    const QString path = writeFile(QStringLiteral("order.txt"), "zzz\nsecret\n");
    const CrackResult r =
        crack(signToken("secret"), sources(ListSource::builtin(), std::make_unique<WordlistFileSource>(path)), 1);
    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QVERIFY(r.foundBy.startsWith(QLatin1String("built-in list")));
    const CrackResult second =
        crack(signToken("zzz"), sources(ListSource::builtin(), std::make_unique<WordlistFileSource>(path)));
    QVERIFY2(second.outcome == CrackOutcome::Found, describe(second).constData());
    QCOMPARE(second.foundBy, QStringLiteral("wordlist order.txt"));
}

void TestSecretCracker::nonHmacTokensAreRefused_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    if (!test::haveVectors())
        return;
    const QJsonObject tokens = jwtio();
    for (const char* alg : {"RS256", "PS384", "ES256", "ES512", "Ed25519"}) {
        QTest::newRow(alg)
            << tokens.value(QLatin1String(alg)).toObject().value(QStringLiteral("token")).toString().toUtf8()
            << int(ErrorCode::AlgUnsupported) << QStringLiteral("no shared secret");
    }
    QTest::newRow("none")
        << tokens.value(QStringLiteral("none")).toObject().value(QStringLiteral("token")).toString().toUtf8()
        << int(ErrorCode::AlgNone) << QStringLiteral("unsigned");
    QTest::newRow("JWE") << QByteArray(b64url(R"({"alg":"dir","enc":"A128GCM"})") +
                                       "..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")
                         << int(ErrorCode::TokenStructure) << QStringLiteral("encrypted");
    QTest::newRow("hs256 (case)") << QByteArray(b64url(R"({"alg":"hs256"})") + ".e30.AAAA")
                                  << int(ErrorCode::AlgUnsupported) << QStringLiteral("not a registered algorithm");
    QTest::newRow("HS256 with a short signature") << QByteArray(b64url(R"({"alg":"HS256"})") + ".e30.AAAA")
                                                  << int(ErrorCode::SignatureLength) << QStringLiteral("32 bytes");
    QTest::newRow("detached payload") << QByteArray(signToken("x").split('.').at(0) + ".." +
                                                    signToken("x").split('.').at(2))
                                      << int(ErrorCode::TokenStructure) << QStringLiteral("detached");
}

void TestSecretCracker::nonHmacTokensAreRefused()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QByteArray, token);
    QFETCH(int, code);
    QFETCH(QString, message);
    Result<CrackTarget> t = CrackTarget::fromText(token);
    QVERIFY(!t.has_value());
    QCOMPARE(int(t.error().code), code);
    QVERIFY2(t.error().message.contains(message), qPrintable(t.error().message));
}

void TestSecretCracker::hashcatLine()
{
    // hashcat's mode 16500 reads the compact JWS itself (src/modules/module_16500.c: three '.'-separated base64url
    // tokens, HS256/384/512 told apart by the signature's length).
    const QByteArray token = signToken("secret", "HS384");
    Result<ParsedToken> parsed = parseToken(token);
    QVERIFY(parsed.has_value());
    QCOMPARE(hashcatJwtLine(*parsed).value_or("error"), token);

    const QList<QByteArray> parts = token.split('.');
    const QByteArray flattened =
        R"({"protected":")" + parts[0] + R"(","payload":")" + parts[1] + R"(","signature":")" + parts[2] + R"("})";
    Result<ParsedToken> json = parseToken(flattened);
    QVERIFY(json.has_value());
    QCOMPARE(hashcatJwtLine(*json).value_or("error"), token);

    const QByteArray bigPayload = signToken("secret", "HS256", "{\"x\":\"" + QByteArray(3000, 'a') + "\"}");
    Result<ParsedToken> big = parseToken(bigPayload);
    QVERIFY(big.has_value());
    Result<QByteArray> tooBig = hashcatJwtLine(*big);
    QVERIFY(!tooBig.has_value());
    QCOMPARE(tooBig.error().code, ErrorCode::InputTooLarge);
}

// --- progress, cancel, memory --------------------------------------------------------------------------------------

void TestSecretCracker::progressWhileRunning()
{
    // A mask whose total is known: mid-run the snapshot has the total, a fraction, a rate and an ETA.
    SecretCracker cracker(target(signToken("not-a-mask-candidate")), sources(mask(QStringLiteral("?l?l?l?l?l?l"))),
                          CrackOptions{2});
    QVERIFY(cracker.start().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(cracker.progress().tested > 10000, 30000);
    const CrackProgress p = cracker.progress();
    QCOMPARE(p.total.value_or(0), quint64(1 + 308915776ULL)); // 26^6 + the empty secret
    QVERIFY(p.fraction.has_value() && *p.fraction > 0 && *p.fraction < 1);
    QVERIFY(p.candidatesPerSecond > 0);
    QVERIFY(p.etaSeconds.has_value() && *p.etaSeconds > 0);
    QCOMPARE(p.source, QStringLiteral("mask ?l?l?l?l?l?l"));
    QVERIFY(!p.finished);
    cracker.cancel();
    const CrackResult r = cracker.result();
    QCOMPARE(r.outcome, CrackOutcome::Cancelled);
    QVERIFY(cracker.progress().finished);
    QVERIFY(r.tested >= p.tested);
}

void TestSecretCracker::cancelStopsWithin100ms()
{
    // The issue's requirement: every worker has stopped within 100 ms of cancel().
    for (int threads : {1, 2}) {
        SecretCracker cracker(target(signToken("not-a-mask-candidate", "HS512")),
                              sources(mask(QStringLiteral("?a?a?a?a?a?a?a?a"))), CrackOptions{threads});
        QVERIFY(cracker.start().has_value());
        QTRY_VERIFY_WITH_TIMEOUT(cracker.progress().tested > 1000, 30000);
        QElapsedTimer timer;
        timer.start();
        cracker.cancel();
        const CrackResult r = cracker.result(); // returns once every worker thread has been joined
        const qint64 ms = timer.elapsed();
        QVERIFY2(ms < 100, qPrintable(QStringLiteral("%1 threads stopped after %2 ms").arg(threads).arg(ms)));
        QCOMPARE(r.outcome, CrackOutcome::Cancelled);
        QVERIFY(cracker.isFinished());
    }
}

void TestSecretCracker::streamsHugeWordlistWithFlatMemory()
{
    // A 500 MB wordlist is streamed: the process's peak memory grows by far less than the file's size, and the
    // secret on its very last line is found.
#ifndef Q_OS_LINUX
    QSKIP("peak memory is read from /proc/self/status");
#endif
    constexpr qint64 FileBytes = 500LL * 1000 * 1000;
    const QString path = m_dir.filePath(QStringLiteral("huge.txt"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // One 1 MiB block of 48-byte lines (CRLF, as wordlists from Windows have), written again and again.
        QByteArray block;
        for (int i = 0; block.size() < 1024 * 1024 - 64; ++i)
            block += "candidate-" + QByteArray::number(i).rightJustified(8, '0') + "-abcdefghijklmnopqrst\r\n";
        qint64 written = 0;
        while (written + block.size() < FileBytes) {
            QCOMPARE(f.write(block), qint64(block.size()));
            written += block.size();
        }
        QVERIFY(f.write("the-secret-on-the-last-line") > 0);
    }
    QVERIFY(QFileInfo(path).size() > FileBytes - 2 * 1024 * 1024);

    // Reset the peak to the current resident size where the kernel allows it (Linux >= 4.0), so earlier tests'
    // allocations cannot hide growth; otherwise compare against the peak so far.
    {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5");
    }
    const qint64 peakBefore = statusKiB("VmHWM:");
    QVERIFY(peakBefore > 0);

    SecretCracker cracker(target(signToken("the-secret-on-the-last-line")),
                          sources(std::make_unique<WordlistFileSource>(path)), CrackOptions{2});
    QVERIFY(cracker.start().has_value());
    qint64 rssMax = 0;
    while (!cracker.waitFor(50))
        rssMax = std::max(rssMax, statusKiB("VmRSS:"));
    const CrackResult r = cracker.result();
    const qint64 peakAfter = statusKiB("VmHWM:");

    QVERIFY2(r.outcome == CrackOutcome::Found, describe(r).constData());
    QCOMPARE(secretOf(r), QByteArray("the-secret-on-the-last-line"));
    const qint64 growthKiB = peakAfter - peakBefore;
    qInfo("500 MB wordlist: %llu candidates in %.1f s (%.2f M/s); peak resident memory %lld KiB before, %lld KiB "
          "after (sampled maximum %lld KiB)",
          static_cast<unsigned long long>(r.tested), r.elapsedSeconds, r.candidatesPerSecond / 1e6, peakBefore,
          peakAfter, rssMax);
    QVERIFY2(growthKiB < 32 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(growthKiB)));
    QFile::remove(path);
}

QTEST_GUILESS_MAIN(TestSecretCracker)
#include "TestSecretCracker.moc"
