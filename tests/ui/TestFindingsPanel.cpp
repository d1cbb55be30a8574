// SPDX-License-Identifier: Apache-2.0
// The findings panel (issue 5 "Tests": every ATTACKS.md LINT entry that shows in the window, and signature
// forensics), driven through the real window offscreen. Tokens are published vectors (latchset-jose = RFC 7515
// appendix A, jwt.io defaults) or built here with Qt's own base64 and HMAC (QMessageAuthenticationCode), never with
// the code under test; expected highlights are the member texts as the pretty-printed panes show them and the base64
// span (4 characters per 3 bytes) computed here from the JSON the test wrote.
#include "Vectors.h"

#include "EncodedEditor.h"
#include "JsonEditor.h"
#include "MainWindow.h"
#include "SignaturePanel.h"
#include "VerificationBadge.h"
#include "audit/AuditRunner.h"
#include "audit/FindingsModel.h"
#include "audit/FindingsPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>
#include <utility>

using namespace assay;
using namespace assay::test;
using namespace assay::ui;

namespace {

// ATTACKS.md `P`: the jwt.io payload segment.
const QByteArray kP = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0";
const QString kJwtioSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");

QByteArray b64u(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hs256(const QByteArray& key, const QByteArray& signingInput)
{
    return b64u(QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256));
}

QJsonObject jwtio(const char* name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(QLatin1StringView(name))
        .toObject();
}

QString selected(const QPlainTextEdit* editor)
{
    return editor->textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

/// Where `part` (0 = header, 1 = payload, 2 = signature) of a compact token starts.
qsizetype partStart(const QByteArray& token, int part)
{
    const QList<QByteArray> parts = token.split('.');
    qsizetype start = 0;
    for (int i = 0; i < part; ++i)
        start += parts.at(i).size() + 1;
    return start;
}

/// The characters of a compact token that encode `rawMember` of its base64url `part`: from the character holding the
/// member's first byte to the one holding its last (4 characters per 3 bytes). {-1, -1} when the part lacks it.
std::pair<qsizetype, qsizetype> encodedSpan(const QByteArray& token, int part, const QByteArray& rawMember)
{
    const QByteArray encoded = token.split('.').at(part);
    const QByteArray decoded = QByteArray::fromBase64(encoded, QByteArray::Base64UrlEncoding);
    const qsizetype first = decoded.indexOf(rawMember);
    if (first < 0 || decoded.indexOf(rawMember, first + 1) >= 0)
        return {-1, -1};
    const qsizetype end = first + rawMember.size();
    const qsizetype base = partStart(token, part);
    return {base + first * 4 / 3, base + qMin<qsizetype>((end * 4 + 2) / 3, encoded.size())};
}

/// A header member as the token's JSON has it (`raw`) and as the pretty-printed header pane shows it (`shown`).
struct MemberText
{
    QByteArray raw;
    QString shown;
};

/// `name` holding an object of the string members `names` of `from`, in that order (the test chooses the order, so
/// it knows both texts; QJsonObject would sort the names). The pane indents two spaces per level.
MemberText objectMember(const QString& name, const QJsonObject& from, const QStringList& names)
{
    QStringList raw;
    QStringList shown;
    for (const QString& n : names) {
        const QString value = from.value(n).toString();
        raw.append(QStringLiteral("\"%1\":\"%2\"").arg(n, value));
        shown.append(QStringLiteral("    \"%1\": \"%2\"").arg(n, value));
    }
    return {QStringLiteral("\"%1\":{%2}").arg(name, raw.join(QLatin1Char(','))).toUtf8(),
            QStringLiteral("\"%1\": {\n%2\n  }").arg(name, shown.join(QStringLiteral(",\n")))};
}

/// `name` holding an array of one string.
MemberText arrayMember(const QString& name, const QString& value)
{
    return {QStringLiteral("\"%1\":[\"%2\"]").arg(name, value).toUtf8(),
            QStringLiteral("\"%1\": [\n    \"%2\"\n  ]").arg(name, value)};
}

/// Runs the openssl CLI; nullopt when it cannot be started or fails.
std::optional<QByteArray> openssl(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(10000))
        return std::nullopt;
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

} // namespace

class TestFindingsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void lintFindingShownAndHighlighted_data();
    void lintFindingShownAndHighlighted();
    void countsInTitleAndFilter();
    void largeTokenLintsOffThreadAndStaleResultsAreDropped();
    void persistentMarksInJsonPanes();
    void headerMemberFindingFromVectors_data();
    void headerMemberFindingFromVectors();
    void keyInTheHeaderNeverVerifies_data();
    void keyInTheHeaderNeverVerifies();
    void nonCanonicalBase64_data();
    void nonCanonicalBase64();
    void unprotectedHeaderInJsonSerialization_data();
    void unprotectedHeaderInJsonSerialization();
    void keyFindingsPointAtTheKeyInput_data();
    void keyFindingsPointAtTheKeyInput();
    void shortRsaKey();
    void cleanTokenHasNoErrors();
    void copyAllAsJsonMatchesCli();
    void menuTogglesPanelAndPlacementIsRemembered();
    void forensicsBase64Secret();
    void forensicsTrailingNewline();
    void forensicsReserializedPayload();
    void forensicsUnexplainedSaysWhatWasChecked();

private:
    template <typename T> T* child(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    FindingsModel* model() const { return m_window->findingsPanel()->model(); }
    /// The shown row with this code, or -1.
    int rowOf(const QString& code) const;
    void typeSecret(const QString& secret, int encodingIndex = 0);
    bool waitForAudit() const;
    /// Finds the shown row with this code (in `row`) and checks its severity, in the model and in the table, and what
    /// it points at ("header member \"jwk\""); the caller returns when QTest::currentTestFailed().
    void checkRow(const QString& code, const QString& severity, const QString& where, int& row) const;
    [[nodiscard]] VerificationBadge::State badgeState() const
    {
        return child<VerificationBadge>("verificationBadge")->state();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestFindingsPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestFindingsPanel::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

int TestFindingsPanel::rowOf(const QString& code) const
{
    for (int i = 0; i < model()->rowCount(); ++i) {
        if (model()->findingAt(i).code() == code)
            return i;
    }
    return -1;
}

void TestFindingsPanel::typeSecret(const QString& secret, int encodingIndex)
{
    child<QComboBox>("secretEncodingCombo")->setCurrentIndex(encodingIndex);
    auto* edit = child<QLineEdit>("secretEdit");
    edit->clear();
    QTest::keyClicks(edit, secret);
}

bool TestFindingsPanel::waitForAudit() const
{
    AuditRunner* runner = m_window->auditRunner();
    return QTest::qWaitFor([runner] { return !runner->isLinting() && !runner->isExplaining(); }, 20000);
}

void TestFindingsPanel::checkRow(const QString& code, const QString& severity, const QString& where, int& row) const
{
    row = rowOf(code);
    QVERIFY2(row >= 0, qPrintable(code));
    const FindingRow& finding = model()->findingAt(row);
    QCOMPARE(lintSeverityName(finding.severity()), severity);
    QCOMPARE(model()->data(model()->index(row, FindingsModel::SeverityColumn), Qt::DisplayRole).toString(), severity);
    QCOMPARE(finding.where(), where);
    QCOMPARE(model()->data(model()->index(row, FindingsModel::WhereColumn), Qt::DisplayRole).toString(), where);
}

void TestFindingsPanel::lintFindingShownAndHighlighted_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<bool>("inHeader");
    QTest::addColumn<QByteArray>("rawMember"); // the member as the token's JSON has it (for the encoded span)
    QTest::addColumn<QString>("shownMember");  // the same member as the pretty-printed pane shows it

    const auto row = [](const char* name, const QByteArray& header, const QByteArray& payload, const char* code,
                        const char* severity, bool inHeader, const QByteArray& rawMember, const QString& shown) {
        QTest::newRow(name) << b64u(header) + '.' + b64u(payload) + ".AAAA" << QString::fromLatin1(code)
                            << QString::fromLatin1(severity) << inHeader << rawMember << shown;
    };
    const QByteArray p = R"({"sub":"1234567890","exp":1900000000})";
    // A02: case variants of "none" (jwt_tool's list).
    row("A02 None", R"({"alg":"None","typ":"JWT"})", p, "LINT_ALG_CASE_VARIANT", "error", true, R"("alg":"None")",
        QStringLiteral("\"alg\": \"None\""));
    row("A02 nOnE", R"({"alg":"nOnE","typ":"JWT"})", p, "LINT_ALG_CASE_VARIANT", "error", true, R"("alg":"nOnE")",
        QStringLiteral("\"alg\": \"nOnE\""));
    // A07: key URLs.
    row("A07 jku", R"({"alg":"RS256","jku":"https://evil.example/jwks.json"})", p, "LINT_KEY_URL", "error", true,
        R"("jku":"https://evil.example/jwks.json")", QStringLiteral("\"jku\": \"https://evil.example/jwks.json\""));
    row("A07 x5u", R"({"alg":"RS256","x5u":"https://evil.example/c.pem"})", p, "LINT_KEY_URL", "error", true,
        R"("x5u":"https://evil.example/c.pem")", QStringLiteral("\"x5u\": \"https://evil.example/c.pem\""));
    // A09: kid injection (PortSwigger's path traversal, jwt_tool's SQL and shell payloads).
    row("A09 path", R"({"alg":"HS256","kid":"../../../../../../dev/null"})", p, "LINT_KID_SUSPICIOUS", "error", true,
        R"("kid":"../../../../../../dev/null")", QStringLiteral("\"kid\": \"../../../../../../dev/null\""));
    row("A09 sql", R"({"alg":"HS256","kid":"' UNION SELECT 'key' --"})", p, "LINT_KID_SUSPICIOUS", "error", true,
        R"("kid":"' UNION SELECT 'key' --")", QStringLiteral("\"kid\": \"' UNION SELECT 'key' --\""));
    row("A09 shell", R"({"alg":"HS256","kid":"|sleep 10"})", p, "LINT_KID_SUSPICIOUS", "error", true,
        R"("kid":"|sleep 10")", QStringLiteral("\"kid\": \"|sleep 10\""));
    // A28: zip in a JWS.
    row("A28 zip", R"({"alg":"HS256","zip":"DEF"})", p, "LINT_ZIP_IN_JWS", "error", true, R"("zip":"DEF")",
        QStringLiteral("\"zip\": \"DEF\""));
    // A32: typ says access token, the claims do not.
    row("A32 at+jwt", R"({"alg":"HS256","typ":"at+jwt"})", p, "LINT_TYP_MISMATCH", "warning", true, R"("typ":"at+jwt")",
        QStringLiteral("\"typ\": \"at+jwt\""));
    // A22: duplicate claim (the second "sub").
    row("A22 duplicate", R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"user","sub":"admin","exp":1900000000})",
        "LINT_DUPLICATE_MEMBER", "error", false, R"("sub":"admin")", QStringLiteral("\"sub\": \"admin\""));
    // A23: time claims.
    row("A23 exp string", R"({"alg":"HS256","typ":"JWT"})", R"({"exp":"9999999999"})", "LINT_TIME_NOT_NUMBER",
        "warning", false, R"("exp":"9999999999")", QStringLiteral("\"exp\": \"9999999999\""));
    row("A33 nbf after exp", R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"a","nbf":2000000000,"exp":1900000000})",
        "LINT_NBF_AFTER_EXP", "warning", false, R"("nbf":2000000000)", QStringLiteral("\"nbf\": 2000000000"));
    // Milliseconds after a non-ASCII claim: lint offsets are UTF-8 bytes, the pane's are UTF-16 positions.
    row("A23 ms non-ASCII", R"({"alg":"HS256","typ":"JWT"})", QByteArray(R"({"sub":"Zoë 🙂","exp":1900000000000})"),
        "LINT_TIME_MILLISECONDS", "warning", false, R"("exp":1900000000000)", QStringLiteral("\"exp\": 1900000000000"));
    // A34: secrets in the payload.
    row("A34 password", R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"a","password":"hunter2","exp":1900000000})",
        "LINT_SENSITIVE_CLAIM", "error", false, R"("password":"hunter2")", QStringLiteral("\"password\": \"hunter2\""));
    // A17: unknown crit (the array is pretty-printed over lines).
    row("A17 crit", R"({"alg":"HS256","crit":["exp2"],"exp2":1})", p, "LINT_CRIT_UNSUPPORTED", "error", true,
        R"("crit":["exp2"])", QStringLiteral("\"crit\": [\n    \"exp2\"\n  ]"));
    // A27/A29: JWE headers (compact, five parts).
    QTest::newRow("A29 RSA1_5") << b64u(R"({"alg":"RSA1_5","enc":"A128GCM"})") + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAA"
                                << QStringLiteral("LINT_JWE_RSA1_5") << QStringLiteral("error") << true
                                << QByteArray(R"("alg":"RSA1_5")") << QStringLiteral("\"alg\": \"RSA1_5\"");
    QTest::newRow("A27 p2c")
        << b64u(R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":2147483647})") +
               ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAA"
        << QStringLiteral("LINT_PBES2_P2C_EXCESSIVE") << QStringLiteral("error") << true
        << QByteArray(R"("p2c":2147483647)") << QStringLiteral("\"p2c\": 2147483647");
}

void TestFindingsPanel::lintFindingShownAndHighlighted()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(bool, inHeader);
    QFETCH(QByteArray, rawMember);
    QFETCH(QString, shownMember);

    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    const int row = rowOf(code);
    QVERIFY2(row >= 0, qPrintable(code));
    const FindingRow& finding = model()->findingAt(row);
    QCOMPARE(lintSeverityName(finding.severity()), severity);
    QCOMPARE(model()->data(model()->index(row, FindingsModel::SeverityColumn), Qt::DisplayRole).toString(), severity);
    QVERIFY(finding.where().startsWith(inHeader ? QStringLiteral("header member") : QStringLiteral("payload member")));

    auto* table = m_window->findingsPanel()->view();
    table->setCurrentIndex(model()->index(row, 0));
    auto* editor = child<JsonEditor>(inHeader ? "headerEditor" : "payloadEditor");
    QCOMPARE(selected(editor), shownMember);

    // The encoded pane selects the characters that encode the member: from the character holding its first byte to
    // the one holding its last (4 characters per 3 bytes), within the segment's part of the token.
    const QList<QByteArray> parts = token.split('.');
    const QByteArray decoded = QByteArray::fromBase64(parts.at(inHeader ? 0 : 1), QByteArray::Base64UrlEncoding);
    const qsizetype first = decoded.indexOf(rawMember);
    QVERIFY(first >= 0);
    const qsizetype end = first + rawMember.size();
    const qsizetype base = inHeader ? 0 : parts.at(0).size() + 1;
    const qsizetype from = base + first * 4 / 3;
    const qsizetype to = base + qMin<qsizetype>((end * 4 + 2) / 3, parts.at(inHeader ? 0 : 1).size());
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QCOMPARE(encoded->textCursor().selectionStart(), int(from));
    QCOMPARE(encoded->textCursor().selectionEnd(), int(to));

    // Double-click or Enter (QAbstractItemView::activated) takes the focus there.
    Q_EMIT table->activated(model()->index(row, 0));
    QTRY_VERIFY(editor->hasFocus());
}

void TestFindingsPanel::headerMemberFindingFromVectors_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QByteArray>("rawMember"); // as the token's JSON has it (for the encoded span)
    QTest::addColumn<QString>("shownMember");  // as the pretty-printed header pane shows it

    const auto row = [](const char* name, const QByteArray& token, const char* code, const char* severity,
                        const char* member, const MemberText& text) {
        QTest::newRow(name) << token << QString::fromLatin1(code) << QString::fromLatin1(severity)
                            << QString::fromLatin1(member) << text.raw << text.shown;
    };
    const auto withHeader = [](const QByteArray& header) {
        return b64u(header) + '.' + kP + ".AAAA";
    };

    // A06: the public EC key of RFC 7520 section 3.1 (jose-cookbook) embedded as jwk.
    const QStringList ecPublic = {QStringLiteral("kty"), QStringLiteral("kid"), QStringLiteral("use"),
                                  QStringLiteral("crv"), QStringLiteral("x"),   QStringLiteral("y")};
    const MemberText jwk = objectMember(
        QStringLiteral("jwk"), readVectorJson(QStringLiteral("jose-cookbook/jwk/3_1.ec_public_key.json")), ecPublic);
    row("A06 jwk", withHeader(R"({"alg":"ES512",)" + jwk.raw + '}'), "LINT_EMBEDDED_JWK", "error", "jwk", jwk);
    // A34 (and A06): the private EC key of RFC 7520 section 3.2, "d" included, published in the header.
    const MemberText privateJwk =
        objectMember(QStringLiteral("jwk"), readVectorJson(QStringLiteral("jose-cookbook/jwk/3_2.ec_private_key.json")),
                     ecPublic + QStringList{QStringLiteral("d")});
    row("A34 private jwk", withHeader(R"({"alg":"ES512",)" + privateJwk.raw + '}'), "LINT_EMBEDDED_JWK_PRIVATE",
        "error", "jwk", privateJwk);
    // A08: the certificate of RFC 7517 appendix B (its subject and issuer are the same: `openssl x509 -noout
    // -subject -issuer` prints "CN = Brian Campbell" for both).
    const MemberText x5c =
        arrayMember(QStringLiteral("x5c"), readVectorJson(QStringLiteral("latchset-jose/rfc7517_B.jwk"))
                                               .value(QStringLiteral("x5c"))
                                               .toArray()
                                               .at(0)
                                               .toString());
    const QByteArray x5cToken = withHeader(R"({"alg":"RS256",)" + x5c.raw + '}');
    row("A08 x5c", x5cToken, "LINT_X5C", "warning", "x5c", x5c);
    row("A08 x5c self-signed", x5cToken, "LINT_X5C_SELF_SIGNED", "error", "x5c", x5c);
    // A18: RFC 7797 tokens as published: the jose-cookbook compact one (the payload travels as text) and RFC 7797
    // section 4.2's detached one.
    const MemberText b64 = {R"("b64":false)", QStringLiteral("\"b64\": false")};
    row("A18 b64 false (jose-cookbook)",
        readVectorJson(QStringLiteral("jose-cookbook/rfc7797/hmac-sha2_b64_false.json"))
            .value(QStringLiteral("output"))
            .toObject()
            .value(QStringLiteral("compact"))
            .toString()
            .toLatin1(),
        "LINT_B64_FALSE", "warning", "b64", b64);
    row("A18 b64 false detached (RFC 7797 4.2)",
        readVectorJson(QStringLiteral("rfc-transcribed/rfc7797_section4_b64_false.json"))
            .value(QStringLiteral("vectors"))
            .toArray()
            .at(1)
            .toObject()
            .value(QStringLiteral("compact_detached"))
            .toString()
            .toLatin1(),
        "LINT_B64_FALSE", "warning", "b64", b64);
}

void TestFindingsPanel::headerMemberFindingFromVectors()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, member);
    QFETCH(QByteArray, rawMember);
    QFETCH(QString, shownMember);
    const auto [from, to] = encodedSpan(token, 0, rawMember);
    QVERIFY2(from >= 0, "the member is in the header exactly once");

    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    int row = -1;
    checkRow(code, severity, QStringLiteral("header member \"%1\"").arg(member), row);
    if (QTest::currentTestFailed())
        return;
    m_window->findingsPanel()->view()->setCurrentIndex(model()->index(row, 0));
    QCOMPARE(selected(child<JsonEditor>("headerEditor")), shownMember);
    QCOMPARE(selected(child<JsonEditor>("payloadEditor")), QString());
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QCOMPARE(encoded->textCursor().selectionStart(), int(from));
    QCOMPARE(encoded->textCursor().selectionEnd(), int(to));
    // No key of the user's: nothing the header carries stands in for one.
    QVERIFY(badgeState() != VerificationBadge::State::Verified);
}

void TestFindingsPanel::keyInTheHeaderNeverVerifies_data()
{
    QTest::addColumn<bool>("certificate"); // the key travels in a self-signed x5c certificate, otherwise as a jwk
    QTest::addColumn<QString>("code");
    QTest::newRow("A06 jwk") << false << QStringLiteral("LINT_EMBEDDED_JWK");
    QTest::newRow("A08 x5c") << true << QStringLiteral("LINT_X5C_SELF_SIGNED");
}

void TestFindingsPanel::keyInTheHeaderNeverVerifies()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(bool, certificate);
    QFETCH(QString, code);
    // The attacker's Ed25519 key, its certificate and the signature all come from the openssl CLI; RFC 8037: the
    // public key is the raw 32 bytes (the end of its 44-byte SubjectPublicKeyInfo), the signature 64 raw bytes.
    const QString keyPath = m_dir->filePath(QStringLiteral("attacker.pem"));
    if (!openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED25519"),
                  QStringLiteral("-out"), keyPath}))
        QSKIP("the openssl CLI is not available");
    const auto publicDer = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout"),
                                    QStringLiteral("-outform"), QStringLiteral("DER")});
    const auto publicPem = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout")});
    QVERIFY(publicDer && publicDer->size() == 44 && publicPem);
    QByteArray header;
    if (certificate) {
        const auto der =
            openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-key"),
                     keyPath, QStringLiteral("-subj"), QStringLiteral("/CN=attacker"), QStringLiteral("-days"),
                     QStringLiteral("2"), QStringLiteral("-outform"), QStringLiteral("DER")});
        QVERIFY(der);
        header = R"({"alg":"EdDSA","x5c":[")" + der->toBase64() + R"("]})";
    } else {
        header = R"({"alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":")" + b64u(publicDer->right(32)) + R"("}})";
    }
    const QByteArray input = b64u(header) + '.' + kP;
    const QString inputPath = m_dir->filePath(QStringLiteral("signing-input"));
    QFile inputFile(inputPath);
    QVERIFY(inputFile.open(QIODevice::WriteOnly));
    inputFile.write(input);
    inputFile.close();
    const auto signature = openssl({QStringLiteral("pkeyutl"), QStringLiteral("-sign"), QStringLiteral("-rawin"),
                                    QStringLiteral("-inkey"), keyPath, QStringLiteral("-in"), inputPath});
    QVERIFY(signature && signature->size() == 64);

    m_window->setTokenText(QString::fromLatin1(input + '.' + b64u(*signature)));
    QVERIFY(waitForAudit());
    const int row = rowOf(code);
    QVERIFY2(row >= 0, qPrintable(code));
    QCOMPARE(model()->findingAt(row).severity(), LintSeverity::Error);
    // No key of the user's: a token signed by the key it carries is not verified.
    QVERIFY(badgeState() != VerificationBadge::State::Verified);
    // Someone else's key (jwt.io's ES256 public key): still not.
    auto* panel = m_window->findChild<SignaturePanel*>();
    panel->setPublicKeyText(jwtio("ES256").value(QStringLiteral("publicKey")).toString());
    QVERIFY(panel->hasVerificationKeys());
    QVERIFY(waitForAudit());
    QVERIFY(badgeState() != VerificationBadge::State::Verified);
    // Control: the same public key, supplied by the user, verifies; so the signature is genuine and only the trust
    // in the header's key was missing above.
    panel->setPublicKeyText(QString::fromLatin1(*publicPem));
    QTRY_COMPARE(badgeState(), VerificationBadge::State::Verified);
}

void TestFindingsPanel::nonCanonicalBase64_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QByteArray>("canonical"); // verifies with jwt.io's HS256 secret
    QTest::addColumn<int>("part");             // whose last character gets a non-zero unused bit
    QTest::addColumn<QString>("where");
    // jwtio:HS256 as published: 32 signature bytes in 43 characters (2 unused bits).
    const QByteArray published = jwtio("HS256").value(QStringLiteral("token")).toString().toLatin1();
    QTest::newRow("A20 signature (jwtio:HS256)") << published << 2 << QStringLiteral("signature");
    // 22 header bytes in 30 characters (4 unused bits), signed here with the same secret.
    const QByteArray input = b64u(R"({"alg":"HS256","ab":1})") + '.' + kP;
    QTest::newRow("A20 header") << input + '.' + hs256(kJwtioSecret.toUtf8(), input) << 0 << QStringLiteral("header");
    // P: 68 payload bytes in 91 characters (2 unused bits).
    QTest::newRow("A20 payload") << published << 1 << QStringLiteral("payload");
}

void TestFindingsPanel::nonCanonicalBase64()
{
    QFETCH(QByteArray, canonical);
    QFETCH(int, part);
    QFETCH(QString, where);
    static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QList<QByteArray> parts = canonical.split('.');
    QCOMPARE(parts.size(), 3);
    QByteArray& changed = parts[part];
    QVERIFY(changed.size() % 4 >= 2); // the last character has unused bits
    const qsizetype index = alphabet.indexOf(changed.back());
    QCOMPARE(index % 2, 0); // canonical: they are zero
    changed.back() = alphabet.at(index | 1);
    // The same bytes; a MAC over the text as it now stands, so a lenient decoder would call the token valid.
    QCOMPARE(QByteArray::fromBase64(changed, QByteArray::Base64UrlEncoding),
             QByteArray::fromBase64(canonical.split('.').at(part), QByteArray::Base64UrlEncoding));
    if (part < 2)
        parts[2] = hs256(kJwtioSecret.toUtf8(), parts.at(0) + '.' + parts.at(1));
    const QByteArray token = parts.join('.');
    const qsizetype last = partStart(token, part) + parts.at(part).size() - 1;

    // Control: the canonical text verifies with the secret.
    m_window->setTokenText(QString::fromLatin1(canonical));
    typeSecret(kJwtioSecret);
    QVERIFY(waitForAudit());
    QTRY_COMPARE(badgeState(), VerificationBadge::State::Verified);
    QCOMPARE(rowOf(QStringLiteral("LINT_BASE64URL_NON_CANONICAL")), -1);

    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    int row = -1;
    checkRow(QStringLiteral("LINT_BASE64URL_NON_CANONICAL"), QStringLiteral("error"), where, row);
    if (QTest::currentTestFailed())
        return;
    // Only unused bits differ, and the secret is right: still never verified.
    QVERIFY(badgeState() != VerificationBadge::State::Verified);
    // Selecting it points at exactly that character; the JSON panes have no member to show.
    m_window->findingsPanel()->view()->setCurrentIndex(model()->index(row, 0));
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QCOMPARE(encoded->textCursor().selectionStart(), int(last));
    QCOMPARE(encoded->textCursor().selectionEnd(), int(last + 1));
    QCOMPARE(encoded->textCursor().selectedText(), QString(QLatin1Char(changed.back())));
    QCOMPARE(selected(child<JsonEditor>("headerEditor")), QString());
    QCOMPARE(selected(child<JsonEditor>("payloadEditor")), QString());
}

void TestFindingsPanel::unprotectedHeaderInJsonSerialization_data()
{
    ASSAY_REQUIRE_VECTORS();
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QByteArray>("span"); // the text of the token the finding points at
    // The RFC 7520 (jose-cookbook) outputs, written compactly here (QJsonDocument sorts the names: it is only input).
    const auto output = [](const char* file, const char* form) {
        const QJsonObject vector =
            readVectorJson(QStringLiteral("jose-cookbook/jws/%1.json").arg(QLatin1StringView(file)));
        return QJsonDocument(
                   vector.value(QStringLiteral("output")).toObject().value(QLatin1StringView(form)).toObject())
            .toJson(QJsonDocument::Compact);
    };
    // RFC 7520 4.7: "alg" (and "kid") only in the unprotected header.
    const QByteArray alg = R"("alg":"HS256")";
    QTest::newRow("A19 alg unprotected (RFC 7520 4.7, flattened)")
        << output("4_7.protecting_content_only", "json_flat") << QStringLiteral("LINT_UNPROTECTED_PARAM")
        << QStringLiteral("error") << QStringLiteral("unprotected header member \"alg\"") << alg;
    QTest::newRow("A19 alg unprotected (RFC 7520 4.7, general)")
        << output("4_7.protecting_content_only", "json") << QStringLiteral("LINT_UNPROTECTED_PARAM")
        << QStringLiteral("error") << QStringLiteral("unprotected header member \"alg\"") << alg;
    // RFC 7520 4.6: "alg" protected, "kid" not; the finding points at the whole unprotected header.
    QTest::newRow("A19 kid unprotected (RFC 7520 4.6, flattened)")
        << output("4_6.protecting_specific_header_fields", "json_flat") << QStringLiteral("LINT_UNPROTECTED_HEADER")
        << QStringLiteral("warning") << QStringLiteral("unprotected header")
        << QByteArray(R"({"kid":"018c0ae5-4d9b-471b-bfd6-eef314bc7037"})");
}

void TestFindingsPanel::unprotectedHeaderInJsonSerialization()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, where);
    QFETCH(QByteArray, span);
    const qsizetype from = token.indexOf(span);
    QVERIFY2(from >= 0 && token.indexOf(span, from + 1) < 0, "the span is in the token exactly once");

    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    int row = -1;
    checkRow(code, severity, where, row);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(badgeState() != VerificationBadge::State::Verified);
    m_window->findingsPanel()->view()->setCurrentIndex(model()->index(row, 0));
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QCOMPARE(encoded->textCursor().selectionStart(), int(from));
    QCOMPARE(encoded->textCursor().selectionEnd(), int(from + span.size()));
    // The header pane shows the protected header only, so the unprotected member is selected in the token alone.
    QCOMPARE(selected(child<JsonEditor>("headerEditor")), QString());
    QCOMPARE(selected(child<JsonEditor>("payloadEditor")), QString());
}

void TestFindingsPanel::countsInTitleAndFilter()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7515 A.5: alg none (critical), expired at any current date (info), payload readable (info).
    const QByteArray token = readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.5.jwsc")).trimmed();
    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    const int row = rowOf(QStringLiteral("LINT_ALG_NONE"));
    QVERIFY(row >= 0);
    QCOMPARE(row, 0); // the most severe first
    QCOMPARE(lintSeverityName(model()->findingAt(row).severity()), QStringLiteral("error"));
    m_window->findingsPanel()->view()->setCurrentIndex(model()->index(row, 0));
    QCOMPARE(selected(child<JsonEditor>("headerEditor")), QStringLiteral("\"alg\": \"none\""));

    auto* dock = child<QDockWidget>("findingsDock");
    QVERIFY(dock);
    const int errors = model()->lintCount(LintSeverity::Error);
    const int infos = model()->lintCount(LintSeverity::Info);
    QCOMPARE(errors, 1);
    QVERIFY(dock->windowTitle().startsWith(QStringLiteral("Findings (1 error")));
    QVERIFY2(dock->windowTitle().contains(QStringLiteral("%1 info").arg(infos)), qPrintable(dock->windowTitle()));

    // Errors only: the info rows go, the counts stay.
    auto* filter = child<QComboBox>("findingsSeverityFilter");
    filter->setCurrentIndex(filter->findData(int(LintSeverity::Error)));
    QCOMPARE(model()->rowCount(), 1);
    QVERIFY(dock->windowTitle().contains(QStringLiteral("%1 info").arg(infos)));
    filter->setCurrentIndex(filter->findData(int(LintSeverity::Info)));
    QCOMPARE(model()->rowCount(), errors + infos + model()->lintCount(LintSeverity::Warning));
}

void TestFindingsPanel::largeTokenLintsOffThreadAndStaleResultsAreDropped()
{
    // Above AuditRunner::kSyncLintBytes the lint runs on the thread pool; its findings still arrive.
    const QByteArray big = R"({"sub":"a","password":"hunter2","blob":")" + QByteArray(40000, 'x') + R"("})";
    const QByteArray large = b64u(R"({"alg":"HS256","zip":"DEF"})") + '.' + b64u(big) + ".AAAA";
    QVERIFY(large.size() > AuditRunner::kSyncLintBytes);
    m_window->setTokenText(QString::fromLatin1(large));
    QVERIFY(waitForAudit());
    QVERIFY(rowOf(QStringLiteral("LINT_ZIP_IN_JWS")) >= 0);
    QVERIFY(rowOf(QStringLiteral("LINT_SENSITIVE_CLAIM")) >= 0);

    // A large token replaced at once by a small one: the large token's late result must not replace the small's.
    m_window->setTokenText(QString::fromLatin1(large));
    const QByteArray small = b64u(R"({"alg":"HS256","kid":"|sleep 10"})") + '.' + kP + ".AAAA";
    m_window->setTokenText(QString::fromLatin1(small));
    QVERIFY(waitForAudit());
    QTest::qWait(50);
    QVERIFY(rowOf(QStringLiteral("LINT_KID_SUSPICIOUS")) >= 0);
    QCOMPARE(rowOf(QStringLiteral("LINT_ZIP_IN_JWS")), -1);
}

void TestFindingsPanel::persistentMarksInJsonPanes()
{
    const QByteArray token = b64u(R"({"alg":"HS256","kid":"|sleep 10"})") + '.' +
                             b64u(R"({"sub":"a","password":"hunter2","exp":1900000000})") + ".AAAA";
    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    auto* header = child<JsonEditor>("headerEditor");
    auto* payload = child<JsonEditor>("payloadEditor");
    const auto marked = [](const JsonEditor* editor, const QString& text) {
        for (const JsonEditor::Diagnostic& d : editor->diagnostics()) {
            if (editor->toPlainText().mid(d.start, d.length) == text)
                return d.toolTip;
        }
        return QString();
    };
    QVERIFY(marked(header, QStringLiteral("\"kid\": \"|sleep 10\"")).contains(QStringLiteral("LINT_KID_SUSPICIOUS")));
    QVERIFY(
        marked(payload, QStringLiteral("\"password\": \"hunter2\"")).contains(QStringLiteral("LINT_SENSITIVE_CLAIM")));
    // Every extra selection is still there with the diagnostics, and a syntax error mark still shows.
    QCOMPARE(header->extraSelections().size(), header->diagnostics().size());
    payload->setFocus();
    QTest::keySequence(payload, QKeySequence::SelectAll);
    QTest::keyClicks(payload, QStringLiteral("{\"sub\": "));
    QVERIFY(payload->errorPosition() >= 0);
    QVERIFY(!payload->extraSelections().isEmpty());
}

void TestFindingsPanel::keyFindingsPointAtTheKeyInput_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("aboutKey"); // points at the key input; otherwise at the signature it was found with
    // A11: shorter than the hash; a publicly known secret (jwt.io's default, found from the signature alone).
    QTest::newRow("A11 short") << QStringLiteral("secret") << QStringLiteral("LINT_HMAC_KEY_SHORT") << true;
    QTest::newRow("A11 known") << kJwtioSecret << QStringLiteral("LINT_HMAC_SECRET_KNOWN") << false;
    // A04: the RS256 public key pasted as the HMAC secret.
    QTest::newRow("A04 public key") << QString() << QStringLiteral("LINT_HMAC_SECRET_IS_PUBLIC_KEY") << true;
}

void TestFindingsPanel::keyFindingsPointAtTheKeyInput()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, secret);
    QFETCH(QString, code);
    QFETCH(bool, aboutKey);
    if (secret.isEmpty())
        secret = jwtio("RS256").value(QStringLiteral("publicKey")).toString();
    const QString token = jwtio("HS256").value(QStringLiteral("token")).toString();
    m_window->setTokenText(token);
    m_window->findChild<SignaturePanel*>()->setSecret(secret, SecretEncoding::Utf8);
    QVERIFY(waitForAudit());
    const int row = rowOf(code);
    QVERIFY2(row >= 0, qPrintable(code));
    QCOMPARE(model()->findingAt(row).severity(), LintSeverity::Error);
    auto* table = m_window->findingsPanel()->view();
    table->setFocus();
    if (!aboutKey) {
        QCOMPARE(model()->findingAt(row).lint.location.segment, Segment::Signature);
        table->setCurrentIndex(model()->index(row, 0));
        QCOMPARE(selected(child<EncodedEditor>("encodedEditor")), token.section(QLatin1Char('.'), 2));
        return;
    }
    QCOMPARE(model()->findingAt(row).lint.location.segment, Segment::Key);
    Q_EMIT table->activated(model()->index(row, 0));
    QTRY_VERIFY(child<QLineEdit>("secretEdit")->hasFocus());
}

void TestFindingsPanel::shortRsaKey()
{
    ASSAY_REQUIRE_VECTORS();
    // A14: a 1024-bit RSA public key, made by the openssl CLI.
    const QString keyPath = m_dir->filePath(QStringLiteral("rsa1024.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                              QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                                              QStringLiteral("rsa_keygen_bits:1024"), QStringLiteral("-out"), keyPath});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        QSKIP("the openssl CLI is not available");
    QProcess pub;
    pub.start(QStringLiteral("openssl"),
              {QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout")});
    QVERIFY(pub.waitForFinished(30000));
    m_window->setTokenText(jwtio("RS256").value(QStringLiteral("token")).toString());
    m_window->findChild<SignaturePanel*>()->setPublicKeyText(QString::fromLatin1(pub.readAllStandardOutput()));
    QVERIFY(waitForAudit());
    const int row = rowOf(QStringLiteral("LINT_RSA_KEY_SHORT"));
    QVERIFY(row >= 0);
    QCOMPARE(model()->findingAt(row).severity(), LintSeverity::Error);
    Q_EMIT m_window->findingsPanel()->view()->activated(model()->index(row, 0));
    QTRY_VERIFY(child<QPlainTextEdit>("publicKeyEdit")->hasFocus());
}

void TestFindingsPanel::cleanTokenHasNoErrors()
{
    ASSAY_REQUIRE_VECTORS();
    // RS256 with typ, iss, aud, iat and a 10-minute exp, signed by the openssl CLI with jwt.io's RS256 key.
    const QJsonObject rs = jwtio("RS256");
    const QString keyPath = m_dir->filePath(QStringLiteral("rs256.pem"));
    QFile keyFile(keyPath);
    QVERIFY(keyFile.open(QIODevice::WriteOnly));
    keyFile.write(rs.value(QStringLiteral("privateKey")).toString().toUtf8());
    keyFile.close();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray signingInput =
        b64u(R"({"alg":"RS256","typ":"JWT"})") + '.' +
        b64u(QStringLiteral(R"({"iss":"https://issuer.example","sub":"1234567890","aud":"api","iat":%1,"exp":%2})")
                 .arg(now)
                 .arg(now + 600)
                 .toLatin1());
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"), keyPath});
    if (!openssl.waitForStarted(10000))
        QSKIP("the openssl CLI is not available");
    openssl.write(signingInput);
    openssl.closeWriteChannel();
    QVERIFY(openssl.waitForFinished(30000));
    const QByteArray token = signingInput + '.' + b64u(openssl.readAllStandardOutput());

    m_window->setTokenText(QString::fromLatin1(token));
    m_window->findChild<SignaturePanel*>()->setPublicKeyText(rs.value(QStringLiteral("publicKey")).toString());
    QVERIFY(waitForAudit());
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);
    QCOMPARE(model()->lintCount(LintSeverity::Error), 0);
    QCOMPARE(rowOf(QStringLiteral("LINT_EXP_MISSING")), -1);
    // No forensics for a signature that verifies.
    QVERIFY(!model()->forensics());
    QVERIFY(child<QLabel>("forensicsLabel")->isHidden());
}

void TestFindingsPanel::copyAllAsJsonMatchesCli()
{
    const QByteArray token = b64u(R"({"alg":"HS256","zip":"DEF"})") + '.' + kP + ".AAAA";
    m_window->setTokenText(QString::fromLatin1(token));
    QVERIFY(waitForAudit());
    child<QAction>("copyAllFindingsJsonAction")->trigger();
    const QByteArray copied = QApplication::clipboard()->text().toUtf8();

    // The real assay-cli (no key, same token): the same object, up to the window's evaluation instant.
    QProcess cli;
    cli.start(QStringLiteral(ASSAY_BINARY_DIR "/app/cli/assay-cli"),
              {QStringLiteral("lint"), QStringLiteral("--json"), QString::fromLatin1(token)});
    if (!cli.waitForStarted(10000))
        QSKIP("assay-cli is not built in this build tree");
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(copied, cli.readAllStandardOutput().trimmed());
}

void TestFindingsPanel::menuTogglesPanelAndPlacementIsRemembered()
{
    auto* action = child<QAction>("actionShowFindings");
    QVERIFY(action);
    auto* menu = m_window->findChild<QMenu*>(QStringLiteral("menuAudit"));
    QVERIFY(menu && menu->actions().contains(action));
    auto* dock = child<QDockWidget>("findingsDock");
    QVERIFY(action->isChecked());
    QVERIFY(dock->isVisible());
    // The panel fits at the default size: the table is at least a few rows tall and as wide as the window's panes.
    QVERIFY(m_window->findingsPanel()->height() >= 120);
    action->trigger();
    QVERIFY(!dock->isVisible());
    m_window->removeDockWidget(dock);
    m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
    action->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
    m_window->close();

    MainWindow again(*m_settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    auto* dock2 = again.findChild<QDockWidget*>(QStringLiteral("findingsDock"));
    QCOMPARE(again.dockWidgetArea(dock2), Qt::RightDockWidgetArea);
    QVERIFY(dock2->isVisible());
    again.findChild<QAction*>(QStringLiteral("actionShowFindings"))->trigger();
    again.close();
    MainWindow third(*m_settings);
    third.show();
    QVERIFY(QTest::qWaitForWindowExposed(&third));
    QVERIFY(!third.findChild<QDockWidget*>(QStringLiteral("findingsDock"))->isVisible());
    QVERIFY(!third.findChild<QAction*>(QStringLiteral("actionShowFindings"))->isChecked());
}

void TestFindingsPanel::forensicsBase64Secret()
{
    // The key is 32 random bytes; the user types its base64 text without choosing "base64".
    QByteArray key(32, Qt::Uninitialized);
    for (int i = 0; i < key.size(); ++i)
        key[i] = char((i * 73 + 41) & 0xff);
    const QByteArray input = b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + kP;
    m_window->setTokenText(QString::fromLatin1(input + '.' + hs256(key, input)));
    typeSecret(QString::fromLatin1(key.toBase64()));
    QVERIFY(waitForAudit());
    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->state(), VerificationBadge::State::Invalid);
    QTRY_VERIFY(rowOf(QStringLiteral("FORENSIC_SECRET_ENCODING")) >= 0);
    QCOMPARE(rowOf(QStringLiteral("FORENSIC_SECRET_ENCODING")), 0); // "why" comes first
    auto* label = child<QLabel>("forensicsLabel");
    QVERIFY(label->isVisible());
    QVERIFY2(label->toolTip().contains(QStringLiteral("base64")), qPrintable(label->toolTip()));
    QVERIFY(badge->toolTip().contains(QStringLiteral("base64")));
    // Explaining does not verify: the verdict stays invalid until the user acts.
    QCOMPARE(badge->state(), VerificationBadge::State::Invalid);
    QVERIFY(m_window->findingsPanel()->title().contains(QStringLiteral("1 explanation")));
    auto* fix = child<QPushButton>("forensicsActionButton");
    QVERIFY(fix->isVisible());
    QVERIFY(fix->text().contains(QStringLiteral("base64")));
    fix->click();
    QTRY_COMPARE(badge->state(), VerificationBadge::State::Verified);
    QVERIFY(waitForAudit());
    QVERIFY(label->isHidden());
    QVERIFY(!model()->forensics());
}

void TestFindingsPanel::forensicsTrailingNewline()
{
    // Signed with the secret as `echo` writes it to a file (a trailing newline); typed without it.
    const QByteArray input = b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + kP;
    m_window->setTokenText(QString::fromLatin1(input + '.' + hs256(kJwtioSecret.toUtf8() + '\n', input)));
    typeSecret(kJwtioSecret);
    QVERIFY(waitForAudit());
    QTRY_VERIFY(rowOf(QStringLiteral("FORENSIC_SECRET_WHITESPACE")) >= 0);
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Invalid);
    QVERIFY(child<QLabel>("forensicsLabel")->toolTip().contains(QStringLiteral("newline"), Qt::CaseInsensitive));
    QVERIFY(child<QPushButton>("forensicsActionButton")->isHidden());
}

void TestFindingsPanel::forensicsReserializedPayload()
{
    // The issuer signed Python's json.dumps() text (", " and ": " separators); the token carries the minified JSON.
    const QByteArray header = b64u(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray signedPayload = R"({"sub": "1234567890", "name": "John Doe", "admin": true, "iat": 1516239022})";
    const QByteArray signature = hs256(kJwtioSecret.toUtf8(), header + '.' + b64u(signedPayload));
    m_window->setTokenText(QString::fromLatin1(header + '.' + kP + '.' + signature));
    typeSecret(kJwtioSecret);
    QVERIFY(waitForAudit());
    QTRY_VERIFY(rowOf(QStringLiteral("FORENSIC_JSON_RESERIALIZED")) >= 0);
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Invalid);
    // Selecting it points at the payload part of the token.
    const int row = rowOf(QStringLiteral("FORENSIC_JSON_RESERIALIZED"));
    m_window->findingsPanel()->view()->setCurrentIndex(model()->index(row, 0));
    QCOMPARE(child<EncodedEditor>("encodedEditor")->textCursor().selectedText(), QString::fromLatin1(kP));
}

void TestFindingsPanel::forensicsUnexplainedSaysWhatWasChecked()
{
    const QByteArray input = b64u(R"({"alg":"HS256","typ":"JWT"})") + '.' + kP;
    m_window->setTokenText(QString::fromLatin1(input + '.' + hs256("an unrelated secret that nobody typed", input)));
    typeSecret(kJwtioSecret);
    QVERIFY(waitForAudit());
    QTRY_VERIFY(rowOf(QStringLiteral("FORENSICS_UNEXPLAINED")) >= 0);
    const QString line = child<QLabel>("forensicsLabel")->toolTip();
    QVERIFY2(line.startsWith(QStringLiteral("Nothing explains the failure. Checked:")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("encoding"), Qt::CaseInsensitive), qPrintable(line));
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Invalid);
    const QString full = model()->findingAt(rowOf(QStringLiteral("FORENSICS_UNEXPLAINED"))).fullText();
    QVERIFY2(full.contains(QStringLiteral("ruled out")), qPrintable(full));
}

QTEST_MAIN(TestFindingsPanel)
#include "TestFindingsPanel.moc"
