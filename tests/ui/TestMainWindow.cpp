// SPDX-License-Identifier: Apache-2.0
// The inspector window (issue 3 "Tests"), driven by objectName as a user would: typing, pasting, picking.
#include "Vectors.h"

#include "ClaimsTableModel.h"
#include "EncodedEditor.h"
#include "JsonEditor.h"
#include "MainWindow.h"
#include "SignaturePanel.h"
#include "VerificationBadge.h"
#include "audit/AttackVariants.h"
#include "audit/AttackVariantsMenu.h"
#include "audit/CrackDialog.h"
#include "keys/IssuerKeysPage.h"
#include "keys/KeyWorkbench.h"

#include "encoding/Base64Url.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace assay;
using namespace assay::test;
using namespace assay::ui;

namespace {

// RFC 7515 appendix A.1 (vectors: latchset-jose/rfc7515_A.1.jwsc, .jwk): the header holds CR LF.
const QByteArray kA1HeaderRaw = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9";
// The A.1 key's "k", typed as a base64url secret.
const QString kA1Secret =
    QStringLiteral("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");

QString jwtioToken()
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(QStringLiteral("HS256"))
        .toObject()
        .value(QStringLiteral("token"))
        .toString();
}

const QString kJwtioSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");

QByteArray a1Token()
{
    return readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.1.jwsc")).trimmed();
}

Verdict verifyWithSecret(const QByteArray& token, QByteArrayView secret, SecretEncoding encoding)
{
    auto parsed = parseToken(token);
    auto key = keyFromSecret(secret, encoding);
    if (!parsed || !key)
        return Verdict::Malformed;
    KeySet set;
    set.keys.append(*key);
    return verifyJws(*parsed, set).verdict;
}

// QTest::keyClicks() has no key for '\n': type lines and press Return between them, as a user does.
void typeText(QWidget* widget, const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines[i]);
    }
}

QByteArray segment(const QByteArray& token, int index)
{
    return token.split('.').value(index);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pasteShowsPanesAndBadge();
    void payloadEditResigns();
    void badBase64ShowsOffset();
    void invalidJsonKeepsTextAndShowsLineColumn();
    void algorithmChangeResigns();
    void jwksSelectsByKid();
    void expiredAtFixedTime();
    void uneditedSegmentKeepsBytes();
    void editWithoutSigningKeySaysSignatureNoLongerMatches();
    void templateGeneratesKeysOffThread();
    void openSaveAndRecent();
    void secretsNeverReachSettings();
    void everyControlIsNamed();
    void largeTokenShownInDisplayLines();
    void droppedFileAndTextOpen();
    void encryptedKeyAsksForPassphrase();
    void secretCheckerFindsAndReplacesTheSecret();
    void attackVariantOpensInANewWindow();
    void fetchIssuerKeysPrefillsWithoutConnecting();
    void findingsFocusLeavesPaneSelectionAlone();

private:
    template <typename T> T* child(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    void typeSecret(const QString& secret, int encodingIndex = 0);
    void replaceText(QPlainTextEdit* editor, const QString& text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::typeSecret(const QString& secret, int encodingIndex)
{
    auto* encoding = child<QComboBox>("secretEncodingCombo");
    QVERIFY(encoding);
    encoding->setCurrentIndex(encodingIndex);
    auto* edit = child<QLineEdit>("secretEdit");
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, secret);
}

void TestMainWindow::replaceText(QPlainTextEdit* editor, const QString& text)
{
    editor->setFocus();
    QTest::keySequence(editor, QKeySequence::SelectAll);
    QTest::keyClick(editor, Qt::Key_Delete);
    typeText(editor, text);
}

void TestMainWindow::pasteShowsPanesAndBadge()
{
    ASSAY_REQUIRE_VECTORS();
    const QString token = jwtioToken();
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QVERIFY(encoded);
    encoded->setFocus();
    // What people paste: a header line copied from a request.
    QApplication::clipboard()->setText(QStringLiteral("Authorization: Bearer ") + token + QStringLiteral("\n"));
    QTest::keySequence(encoded, QKeySequence::Paste);

    QTRY_COMPARE(encoded->toPlainText(), token);
    auto* note = child<QLabel>("intakeNoteLabel");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("Authorization")), qPrintable(note->text()));
    QVERIFY(child<QLabel>("formLabel")->text().contains(QStringLiteral("compact JWS")));
    QCOMPARE(child<JsonEditor>("headerEditor")->toPlainText(),
             QStringLiteral("{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"));
    QVERIFY(child<JsonEditor>("payloadEditor")->toPlainText().contains(QStringLiteral("\"name\": \"John Doe\"")));
    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->state(), VerificationBadge::State::NotVerified);
    QCOMPARE(badge->title(), QStringLiteral("Not verified: no key"));
    QCOMPARE(child<QComboBox>("algorithmCombo")->currentText(), QStringLiteral("HS256"));
    QVERIFY(child<QLabel>("pseudoCodeLabel")->text().startsWith(QStringLiteral("HMACSHA256(")));

    typeSecret(kJwtioSecret);
    QTRY_COMPARE(badge->title(), QStringLiteral("Signature verified"));
    QCOMPARE(badge->state(), VerificationBadge::State::Verified);

    // A wrong secret never says verified.
    QTest::keyClick(child<QLineEdit>("secretEdit"), Qt::Key_Backspace);
    QCOMPARE(badge->title(), QStringLiteral("Invalid signature"));
}

void TestMainWindow::payloadEditResigns()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray original = jwtioToken().toLatin1();
    m_window->setTokenText(QString::fromLatin1(original));
    typeSecret(kJwtioSecret);
    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->state(), VerificationBadge::State::Verified);

    auto* payload = child<JsonEditor>("payloadEditor");
    const QString typed = QStringLiteral("{\"sub\": \"42\",\n \"admin\": true, \"n\": 3.0}");
    replaceText(payload, typed);

    // The user's text stays as typed (never reformatted); the token was re-encoded from its minified form.
    QCOMPARE(payload->toPlainText(), typed);
    const QByteArray token = m_window->session().token();
    QCOMPARE(child<EncodedEditor>("encodedEditor")->toPlainText().toLatin1(), token);
    QCOMPARE(segment(token, 0), segment(original, 0));
    QCOMPARE(base64url::decode(segment(token, 1)).value_or(QByteArray()),
             QByteArray(R"({"sub":"42","admin":true,"n":3.0})"));
    // Re-signed: the core, on its own, verifies the window's token.
    QCOMPARE(verifyWithSecret(token, kJwtioSecret.toUtf8(), SecretEncoding::Utf8), Verdict::Valid);
    QCOMPARE(badge->title(), QStringLiteral("Signature verified"));
    QVERIFY(m_window->isWindowModified());
}

void TestMainWindow::badBase64ShowsOffset()
{
    auto* encoded = child<EncodedEditor>("encodedEditor");
    encoded->setFocus();
    // '!' is at offset 36, inside the payload part.
    QTest::keyClicks(encoded, QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0!.c2ln"));
    QCOMPARE(encoded->errorPositions(), QList<qsizetype>{36});
    QVERIFY2(m_window->statusMessage().contains(QStringLiteral("offset 36")), qPrintable(m_window->statusMessage()));
    QVERIFY(encoded->toolTipAt(36).contains(QStringLiteral("Offset 36")));
    QCOMPARE(child<VerificationBadge>("verificationBadge")->title(), QStringLiteral("Malformed"));

    // Deleting the bad character clears the mark at once.
    QTest::keyClick(encoded, Qt::Key_End);
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(encoded, Qt::Key_Left);
    QTest::keyClick(encoded, Qt::Key_Delete);
    QCOMPARE(encoded->toPlainText(), QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"));
    QVERIFY(encoded->errorPositions().isEmpty());
}

void TestMainWindow::invalidJsonKeepsTextAndShowsLineColumn()
{
    ASSAY_REQUIRE_VECTORS();
    m_window->setTokenText(jwtioToken());
    typeSecret(kJwtioSecret);
    const QByteArray before = m_window->session().token();

    auto* payload = child<JsonEditor>("payloadEditor");
    const QString typed = QStringLiteral("{\n  \"a\": 1,\n}");
    replaceText(payload, typed);

    QCOMPARE(payload->toPlainText(), typed); // exactly as typed: nothing lost, nothing reformatted
    auto* status = child<QLabel>("payloadStatusLabel");
    QVERIFY2(status->text().contains(QStringLiteral("Line 2, column 9")), qPrintable(status->text()));
    QCOMPARE(payload->errorPosition(), 2 + 8);     // after "{\n", column 9 of line 2 is the comma
    QCOMPARE(m_window->session().token(), before); // the last good token
    QVERIFY(m_window->session().snapshot().stale());
    const QStringList reasons = child<VerificationBadge>("verificationBadge")->reasons();
    QVERIFY(!reasons.filter(QStringLiteral("Stale")).isEmpty());
    QVERIFY(m_window->statusMessage().contains(QStringLiteral("line 2, column 9")));
}

void TestMainWindow::algorithmChangeResigns()
{
    ASSAY_REQUIRE_VECTORS();
    m_window->setTokenText(QString::fromLatin1(a1Token()));
    typeSecret(kA1Secret, 2); // base64url
    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->title(), QStringLiteral("Signature verified"));

    auto* combo = child<QComboBox>("algorithmCombo");
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // HS384
    QTest::keyClick(combo, Qt::Key_Down); // HS512
    QCOMPARE(combo->currentText(), QStringLiteral("HS512"));

    const QByteArray token = m_window->session().token();
    // Only alg changed in the header, CR LF and member order kept; the signature is HS512's 64 bytes.
    QCOMPARE(base64url::decode(segment(token, 0)).value_or(QByteArray()),
             QByteArray("{\"typ\":\"JWT\",\r\n \"alg\":\"HS512\"}"));
    QCOMPARE(segment(token, 1), segment(a1Token(), 1));
    QCOMPARE(base64url::decode(segment(token, 2)).value_or(QByteArray()).size(), 64);
    QCOMPARE(verifyWithSecret(token, kA1Secret.toLatin1(), SecretEncoding::Base64Url), Verdict::Valid);
    QVERIFY(child<JsonEditor>("headerEditor")->toPlainText().contains(QStringLiteral("\"alg\": \"HS512\"")));
    QVERIFY(child<QLabel>("pseudoCodeLabel")->text().startsWith(QStringLiteral("HMACSHA512(")));
    QCOMPARE(badge->title(), QStringLiteral("Signature verified"));
}

void TestMainWindow::jwksSelectsByKid()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7520 section 4.1 (vectors: jose-cookbook/jws/4_1.rsa_v15_signature.json): RS256, kid "bilbo.baggins@...".
    const QJsonObject v = readVectorJson(QStringLiteral("jose-cookbook/jws/4_1.rsa_v15_signature.json"));
    const QString token = v.value(QStringLiteral("output")).toObject().value(QStringLiteral("compact")).toString();
    // A JWKS whose first key has another kid and whose second is the cookbook's RSA public key.
    QJsonObject other = readVectorJson(QStringLiteral("jose-cookbook/jwk/3_1.ec_public_key.json"));
    other.insert(QStringLiteral("kid"), QStringLiteral("someone-else"));
    const QJsonObject rsa = readVectorJson(QStringLiteral("jose-cookbook/jwk/3_3.rsa_public_key.json"));
    const QByteArray jwks =
        QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{other, rsa}}}).toJson(QJsonDocument::Indented);

    m_window->setTokenText(token);
    QCOMPARE(child<QComboBox>("algorithmCombo")->currentText(), QStringLiteral("RS256"));
    auto* publicKey = child<QPlainTextEdit>("publicKeyEdit");
    QVERIFY(publicKey->isVisible());
    publicKey->setFocus();
    publicKey->insertPlainText(QString::fromUtf8(jwks)); // as a paste would

    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->title(), QStringLiteral("Signature verified"));
    auto* candidates = child<QListWidget>("keyCandidatesList");
    QCOMPARE(candidates->count(), 2);
    QVERIFY(candidates->isVisible());
    QVERIFY2(candidates->item(0)->text().startsWith(QStringLiteral("\u2716  key 1")),
             qPrintable(candidates->item(0)->text()));
    QVERIFY2(candidates->item(1)->text().startsWith(QStringLiteral("\u2714  key 2")),
             qPrintable(candidates->item(1)->text()));
    const QString status = child<QLabel>("keyStatusLabel")->text();
    QVERIFY2(status.contains(QStringLiteral("Key selection: key 2")) && status.contains(QStringLiteral("kid matches")),
             qPrintable(status));
}

void TestMainWindow::expiredAtFixedTime()
{
    ASSAY_REQUIRE_VECTORS();
    m_window->setTokenText(QString::fromLatin1(a1Token())); // exp 1300819380 = 2011-03-22T18:43:00Z
    auto* now = child<QCheckBox>("evaluateNowCheck");
    auto* time = child<QDateTimeEdit>("evaluationTimeEdit");
    QVERIFY(now && time);
    now->setChecked(false);
    time->setDateTime(QDateTime::fromSecsSinceEpoch(1300819380 + 3 * 86400, QTimeZone::utc()));

    auto* table = child<QTableView>("claimsTable");
    auto* model = qobject_cast<ClaimsTableModel*>(table->model());
    QVERIFY(model);
    const int row = model->rowOf(QStringLiteral("exp"));
    QVERIFY(row >= 0);
    const QString check = model->index(row, ClaimsTableModel::CheckColumn).data().toString();
    QCOMPARE(check, QStringLiteral("\u2716 expired"));
    const QString when = model->index(row, ClaimsTableModel::TimeColumn).data().toString();
    QVERIFY2(when.contains(QStringLiteral("2011-03-22T18:43:00Z")) && when.contains(QStringLiteral("3 days ago")),
             qPrintable(when));
    QCOMPARE(model->index(row, ClaimsTableModel::ValueColumn).data().toString(), QStringLiteral("1300819380"));
    QVERIFY(!model->index(row, ClaimsTableModel::DescriptionColumn).data().toString().isEmpty());
    const QStringList reasons = child<VerificationBadge>("verificationBadge")->reasons();
    QVERIFY2(!reasons.filter(QStringLiteral("exp: expired")).isEmpty(), qPrintable(reasons.join(QLatin1Char('\n'))));

    // An hour before exp the same claim passes.
    time->setDateTime(QDateTime::fromSecsSinceEpoch(1300819380 - 3600, QTimeZone::utc()));
    QCOMPARE(model->index(model->rowOf(QStringLiteral("exp")), ClaimsTableModel::CheckColumn).data().toString(),
             QStringLiteral("\u2714 pass"));
}

void TestMainWindow::uneditedSegmentKeepsBytes()
{
    ASSAY_REQUIRE_VECTORS();
    m_window->setTokenText(QString::fromLatin1(a1Token()));
    typeSecret(kA1Secret, 2);
    auto* payload = child<JsonEditor>("payloadEditor");
    payload->setFocus();
    // Append a member before the closing brace, as a user would.
    QTest::keySequence(payload, QKeySequence::MoveToEndOfDocument);
    QTest::keyClick(payload, Qt::Key_Left);
    typeText(payload, QStringLiteral(",\n  \"role\": \"admin\"\n"));

    const QByteArray token = m_window->session().token();
    QCOMPARE(segment(token, 0), kA1HeaderRaw); // the CR LF header, byte for byte
    QCOMPARE(base64url::decode(segment(token, 1)).value_or(QByteArray()),
             QByteArray("{\"iss\":\"joe\",\"exp\":1300819380,\"http:/"
                        "/example.com/is_root\":true,\"role\":\"admin\"}"));
    QCOMPARE(verifyWithSecret(token, kA1Secret.toLatin1(), SecretEncoding::Base64Url), Verdict::Valid);
}

void TestMainWindow::editWithoutSigningKeySaysSignatureNoLongerMatches()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray original = jwtioToken().toLatin1();
    m_window->setTokenText(QString::fromLatin1(original));
    auto* payload = child<JsonEditor>("payloadEditor");
    replaceText(payload, QStringLiteral("{\"sub\":\"x\"}"));
    const QByteArray token = m_window->session().token();
    QCOMPARE(segment(token, 2), segment(original, 2)); // the old signature is kept, never blanked
    QVERIFY(m_window->session().snapshot().signatureOutdated);
    // Giving the secret afterwards verifies and says it does not match.
    typeSecret(kJwtioSecret);
    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->title(), QStringLiteral("Invalid signature"));
    QVERIFY2(!badge->reasons().filter(QStringLiteral("no longer matches")).isEmpty(),
             qPrintable(badge->reasons().join(QLatin1Char('\n'))));
    // Re-sign (Ctrl+R) fixes it.
    child<QAction>("actionResign")->trigger();
    QCOMPARE(badge->title(), QStringLiteral("Signature verified"));
}

void TestMainWindow::templateGeneratesKeysOffThread()
{
    auto* es256 = child<QAction>("templateAction_ES256");
    QVERIFY(es256);
    es256->trigger();
    // The key is generated on a worker thread; the result arrives through the event loop.
    QVERIFY(m_window->isGenerating());
    QTRY_VERIFY(!m_window->isGenerating());
    QTRY_COMPARE(child<VerificationBadge>("verificationBadge")->title(), QStringLiteral("Signature verified"));
    QCOMPARE(m_window->session().snapshot().algorithm, JwsAlgorithm::ES256);
    QVERIFY(child<QPlainTextEdit>("publicKeyEdit")->toPlainText().contains(QStringLiteral("\"crv\":\"P-256\"")));
    QVERIFY(!child<QPlainTextEdit>("publicKeyEdit")->toPlainText().contains(QStringLiteral("\"d\"")));
    QVERIFY(child<QPlainTextEdit>("privateKeyEdit")->toPlainText().contains(QStringLiteral("\"d\"")));

    // A generated private key re-signs edits.
    replaceText(child<JsonEditor>("payloadEditor"), QStringLiteral("{\"sub\":\"edited\"}"));
    QCOMPARE(child<VerificationBadge>("verificationBadge")->title(), QStringLiteral("Signature verified"));

    child<QAction>("templateAction_HS384")->trigger();
    QTRY_VERIFY(!m_window->isGenerating());
    QTRY_COMPARE(m_window->session().snapshot().algorithm, JwsAlgorithm::HS384);
    QCOMPARE(child<VerificationBadge>("verificationBadge")->title(), QStringLiteral("Signature verified"));
    QCOMPARE(child<QComboBox>("secretEncodingCombo")->currentText(), QStringLiteral("base64url"));
}

void TestMainWindow::openSaveAndRecent()
{
    ASSAY_REQUIRE_VECTORS();
    const QString path = m_dir->filePath(QStringLiteral("token.jwt"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(jwtioToken().toLatin1() + "\n");
    }
    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->session().token(), jwtioToken().toLatin1());
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("token.jwt")));
    QVERIFY(!m_window->isWindowModified());
    auto* recent = child<QMenu>("menuRecent");
    QVERIFY(!recent->actions().isEmpty());
    QVERIFY(recent->actions().front()->text().contains(QStringLiteral("token.jwt")));

    typeSecret(kJwtioSecret);
    replaceText(child<JsonEditor>("payloadEditor"), QStringLiteral("{\"sub\":\"saved\"}"));
    QVERIFY(m_window->isWindowModified());
    child<QAction>("actionSave")->trigger();
    QVERIFY(!m_window->isWindowModified());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), m_window->session().token());

    // A token or a path on the command line.
    m_window->openArgument(jwtioToken());
    QCOMPARE(m_window->session().token(), jwtioToken().toLatin1());
}

void TestMainWindow::secretsNeverReachSettings()
{
    ASSAY_REQUIRE_VECTORS();
    m_window->setTokenText(jwtioToken());
    typeSecret(kJwtioSecret);
    QVERIFY(m_window->close());
    m_settings->sync();
    QFile f(m_settings->fileName());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray stored = f.readAll();
    QVERIFY(stored.contains("geometry"));
    QVERIFY(!stored.contains(kJwtioSecret.toUtf8()));
    QVERIFY(!stored.contains(jwtioToken().left(20).toUtf8()));
    // Closing forgets the keys.
    QVERIFY(child<QLineEdit>("secretEdit")->text().isEmpty());
}

void TestMainWindow::everyControlIsNamed()
{
    // Tests and screen readers find every interactive control by a stable objectName and an accessible name.
    const QList<QWidget*> widgets = m_window->findChildren<QWidget*>();
    QStringList unnamed;
    for (QWidget* w : widgets) {
        const bool interactive = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                                 qobject_cast<QLineEdit*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                                 qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractItemView*>(w);
        if (!interactive || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        // Qt's own inner parts (a combo's popup, a spin box's editor, a table's headers and corner button, a line
        // edit's clear button) are reached through their owner, which is named.
        QWidget* owner = w->parentWidget();
        if (qobject_cast<QComboBox*>(owner) || qobject_cast<QAbstractSpinBox*>(owner) ||
            qobject_cast<QAbstractItemView*>(owner) || qobject_cast<QLineEdit*>(owner))
            continue;
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
            unnamed.append(
                QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::largeTokenShownInDisplayLines()
{
    ASSAY_REQUIRE_VECTORS();
    // About 190 kB of token: many group ids, the shape of a real large token. Signed with jwt.io's secret by the
    // window itself, then a bad character planted deep in the payload.
    QByteArray payload = R"({"sub":"1234567890","groups":[)";
    for (int i = 0; i < 4000; ++i)
        payload += (i ? ",\"" : "\"") + QByteArray::number(1000000 + i) + "-group-id-of-some-length\"";
    payload += "]}";
    const QByteArray header = base64url::encode(R"({"alg":"HS256","typ":"JWT"})");
    m_window->setTokenText(QString::fromLatin1(header + '.' + base64url::encode(payload) + ".AAAA"));
    typeSecret(kJwtioSecret);
    child<QAction>("actionResign")->trigger();
    auto* badge = child<VerificationBadge>("verificationBadge");
    QCOMPARE(badge->state(), VerificationBadge::State::Verified);
    const QString token = QString::fromLatin1(m_window->session().token());
    QVERIFY(token.size() > EncodedEditor::kLargeTokenChars);

    auto* encoded = child<EncodedEditor>("encodedEditor");
    QVERIFY(encoded->isLargeMode());
    QCOMPARE(encoded->tokenText(), token);
    // Display lines only: the document has many, and without their breaks it is the token itself.
    QVERIFY(encoded->document()->blockCount() > 10);
    QCOMPARE(encoded->toPlainText().remove(QLatin1Char('\n')), token);

    // Copying the whole pane gives the token, without the display breaks.
    encoded->setFocus();
    QTest::keySequence(encoded, QKeySequence::SelectAll);
    QTest::keySequence(encoded, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), token);

    // A bad character pasted over the whole text, deep in the token: its offset is the token offset, and the
    // character the pane marks there is the bad one.
    const qsizetype bad = token.size() - 5000;
    QString broken = token;
    broken[bad] = QLatin1Char('!');
    QApplication::clipboard()->setText(broken);
    QTest::keySequence(encoded, QKeySequence::SelectAll);
    QTest::keySequence(encoded, QKeySequence::Paste);
    QTRY_COMPARE(encoded->tokenText(), broken);
    QCOMPARE(encoded->errorPositions(), QList<qsizetype>{bad});
    QVERIFY2(m_window->statusMessage().contains(QStringLiteral("offset %1").arg(bad)),
             qPrintable(m_window->statusMessage()));
    QCOMPARE(badge->state(), VerificationBadge::State::Malformed);
    QTRY_VERIFY(encoded->isLargeMode());
    QCOMPARE(encoded->toPlainText().remove(QLatin1Char('\n')).at(bad), QLatin1Char('!'));

    // Typing in the pane: the token text follows, line breaks never reach it.
    QApplication::clipboard()->setText(token);
    QTest::keySequence(encoded, QKeySequence::SelectAll);
    QTest::keySequence(encoded, QKeySequence::Paste);
    QTRY_COMPARE(encoded->tokenText(), token);
    QCOMPARE(badge->state(), VerificationBadge::State::Verified);
    QTest::keyClick(encoded, Qt::Key_End);
    QTest::keyClick(encoded, Qt::Key_Backspace);
    QCOMPARE(encoded->tokenText(), token.chopped(1));
    QCOMPARE(m_window->session().token(), token.chopped(1).toLatin1());
    QVERIFY(badge->state() != VerificationBadge::State::Verified);

    // A payload edit re-signs, and the pane shows the new token.
    QTest::keyClick(encoded, Qt::Key_Z); // back to a well-formed (if wrongly signed) token
    auto* payloadEditor = child<JsonEditor>("payloadEditor");
    payloadEditor->setFocus();
    QTextCursor cursor = payloadEditor->textCursor();
    cursor.setPosition(int(payloadEditor->toPlainText().indexOf(QStringLiteral("1234567890"))));
    payloadEditor->setTextCursor(cursor);
    QTest::keyClick(payloadEditor, Qt::Key_9);
    const QByteArray resigned = m_window->session().token();
    QVERIFY(resigned.size() > EncodedEditor::kLargeTokenChars);
    QCOMPARE(encoded->tokenText().toLatin1(), resigned);
    QCOMPARE(verifyWithSecret(resigned, kJwtioSecret.toUtf8(), SecretEncoding::Utf8), Verdict::Valid);
    QVERIFY(base64url::decode(segment(resigned, 1)).value_or(QByteArray()).startsWith(R"({"sub":"91234567890")"));
    QCOMPARE(badge->state(), VerificationBadge::State::Verified);
}

void TestMainWindow::droppedFileAndTextOpen()
{
    ASSAY_REQUIRE_VECTORS();
    const QString token = jwtioToken();
    const QString path = m_dir->filePath(QStringLiteral("dropped.jwt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(token.toLatin1() + "\n");
    }
    auto drop = [](QWidget* target, const QMimeData& mime) {
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &move);
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        return dropEvent.isAccepted();
    };

    // A file dropped on the window opens it.
    QMimeData file;
    file.setUrls({QUrl::fromLocalFile(path)});
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QVERIFY(drop(m_window.get(), file));
    QTRY_COMPARE(encoded->tokenText(), token);
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("dropped.jwt")), qPrintable(m_window->windowTitle()));

    // Text dropped on the window goes through the intake, which says what it removed.
    child<QAction>("actionClear")->trigger();
    QMimeData text;
    text.setText(QStringLiteral("Bearer ") + token);
    QVERIFY(drop(m_window.get(), text));
    QTRY_COMPARE(encoded->tokenText(), token);
    auto* note = child<QLabel>("intakeNoteLabel");
    QVERIFY2(note->text().contains(QStringLiteral("Bearer")), qPrintable(note->text()));

    // A file dropped onto the encoded pane opens the file rather than inserting its name.
    child<QAction>("actionClear")->trigger();
    QVERIFY(drop(encoded->viewport(), file));
    QTRY_COMPARE(encoded->tokenText(), token);
}

void TestMainWindow::encryptedKeyAsksForPassphrase()
{
    ASSAY_REQUIRE_VECTORS();
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("the openssl command makes the encrypted key; it is not installed");
    // An encrypted PKCS#8 EC key made by OpenSSL's own tool, and its public key.
    const QString keyPath = m_dir->filePath(QStringLiteral("enc.pem"));
    QProcess gen;
    gen.start(openssl,
              {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
               QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-aes-256-cbc"),
               QStringLiteral("-pass"), QStringLiteral("pass:correct horse"), QStringLiteral("-out"), keyPath});
    QVERIFY(gen.waitForFinished(30000));
    QCOMPARE(gen.exitCode(), 0);
    QProcess pub;
    pub.start(openssl, {QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-passin"),
                        QStringLiteral("pass:correct horse"), QStringLiteral("-pubout")});
    QVERIFY(pub.waitForFinished(30000));
    QCOMPARE(pub.exitCode(), 0);
    const QString publicPem = QString::fromLatin1(pub.readAllStandardOutput());
    QFile keyFile(keyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QString encryptedPem = QString::fromLatin1(keyFile.readAll());
    QVERIFY(encryptedPem.contains(QStringLiteral("ENCRYPTED PRIVATE KEY")));

    m_window->setTokenText(jwtioToken());
    auto* combo = child<QComboBox>("algorithmCombo");
    combo->setFocus();
    for (int i = 0; i < combo->count() && combo->currentText() != QStringLiteral("ES256"); ++i)
        QTest::keyClick(combo, Qt::Key_Down); // as a user picks it: each step rewrites alg
    QCOMPARE(combo->currentText(), QStringLiteral("ES256"));
    child<QPlainTextEdit>("publicKeyEdit")->setPlainText(publicPem);

    auto answer = [this](const QString& passphrase) {
        QInputDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QInputDialog*>(QStringLiteral("passphraseDialog"))) &&
                    dialog->isVisible());
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
        auto* line = dialog->findChild<QLineEdit*>();
        QVERIFY(line);
        QTest::keyClicks(line, passphrase);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
    };
    // Pasting the encrypted key asks for its passphrase; a wrong one asks again, the right one unlocks it.
    auto* privateKey = child<QPlainTextEdit>("privateKeyEdit");
    privateKey->setFocus();
    privateKey->insertPlainText(encryptedPem);
    answer(QStringLiteral("wrong"));
    QTRY_COMPARE(m_window->findChildren<QInputDialog*>().size(), 1); // the first one is gone (deleted on close)
    answer(QStringLiteral("correct horse"));

    // The window re-signs with the unlocked key (ES256), and its public key verifies the result in the core.
    child<QAction>("actionResign")->trigger();
    const QByteArray token = m_window->session().token();
    QVERIFY2(!m_window->session().snapshot().signingError, qPrintable(m_window->statusMessage()));
    QVERIFY2(base64url::decode(segment(token, 0)).value_or(QByteArray()).contains(R"("alg":"ES256")"),
             token.constData());
    auto parsed = parseToken(token);
    QVERIFY(parsed);
    auto keys = loadKeys(publicPem.toLatin1());
    QVERIFY(keys);
    QCOMPARE(verifyJws(*parsed, *keys).verdict, Verdict::Valid);
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);
    // The passphrase is never stored.
    m_settings->sync();
    QFile settings(m_settings->fileName());
    if (settings.open(QIODevice::ReadOnly))
        QVERIFY(!settings.readAll().contains("correct horse"));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

void TestMainWindow::secretCheckerFindsAndReplacesTheSecret()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray original = jwtioToken().toLatin1();
    m_window->setTokenText(QString::fromLatin1(original));
    auto* check = m_window->findChild<QAction*>(QStringLiteral("actionCheckSecret"));
    QVERIFY(check);
    QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuAudit"))->actions().contains(check));
    check->trigger();
    auto* dialog = m_window->findChild<CrackDialog*>(QStringLiteral("crackDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isApplicable());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("crackStartButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->lastOutcome().has_value(), 60000);
    QCOMPARE(*dialog->lastOutcome(), CrackOutcome::Found); // jwt.io's published secret is in the built-in list
    QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("crackWarningBanner"))->isVisible());

    // The strong replacement re-signs the window's token: it verifies with the new secret, not with the old one.
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("strongSecretGenerateButton")), Qt::LeftButton);
    const QString hex = dialog->findChild<QLineEdit*>(QStringLiteral("strongSecretHexField"))->text();
    QCOMPARE(hex.size(), 64); // 32 bytes for HS256
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("strongSecretUseButton")), Qt::LeftButton);
    const QByteArray resigned = m_window->session().token();
    QVERIFY(resigned != original);
    QCOMPARE(resigned.left(resigned.lastIndexOf('.')), original.left(original.lastIndexOf('.')));
    QCOMPARE(verifyWithSecret(resigned, hex.toLatin1(), SecretEncoding::Hex), Verdict::Valid);
    QCOMPARE(verifyWithSecret(resigned, kJwtioSecret.toUtf8(), SecretEncoding::Utf8), Verdict::Invalid);
    QTRY_COMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);

    dialog->close(); // deletes itself, clearing what it showed
    QTRY_VERIFY(!m_window->findChild<CrackDialog*>(QStringLiteral("crackDialog")));
}

void TestMainWindow::attackVariantOpensInANewWindow()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray original = jwtioToken().toLatin1();
    m_window->setTokenText(QString::fromLatin1(original));
    typeSecret(kJwtioSecret);
    QTRY_COMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);

    auto* menu = m_window->attackVariantsMenu();
    QVERIFY(menu);
    QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuAudit"))->actions().contains(menu->menuAction()));
    // The menu is told the token when it opens.
    Q_EMIT menu->aboutToShow();
    QVERIFY(menu->action(AttackKind::AlgNone)->isEnabled());
    QVERIFY(!menu->action(AttackKind::PsychicSignature)->isEnabled()); // ES* only

    // The variants the menu's dialog offers come from the core; "Open in new window" arrives as openVariant.
    auto parsed = parseToken(original);
    QVERIFY(parsed);
    auto variants = makeAttackVariants(AttackKind::HmacPublicKey, *parsed, [] {
        AttackOptions options;
        options.publicKeyText =
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";
        return options;
    }());
    QVERIFY2(variants, variants ? "" : qPrintable(variants.error().message));
    const AttackVariant variant = variants->front();
    const QWidgetList topLevels = QApplication::topLevelWidgets();
    const QSet<QWidget*> before(topLevels.cbegin(), topLevels.cend());
    Q_EMIT menu->openVariant(variant);
    MainWindow* opened = nullptr;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (!before.contains(widget))
            opened = qobject_cast<MainWindow*>(widget) ? qobject_cast<MainWindow*>(widget) : opened;
    }
    QVERIFY(opened);
    QVERIFY(opened != m_window.get());
    QCOMPARE(opened->session().token(), variant.token);
    QCOMPARE(opened->attackVariantLabel(), variant.label);
    QVERIFY(opened->windowTitle().contains(variant.label));
    auto* banner = opened->findChild<QLabel*>(QStringLiteral("attackVariantBanner"));
    QVERIFY(banner);
    QVERIFY(banner->text().contains(variant.attackId));
    // It verifies with the original's secret, and Assay's verifier rejects it; the original is untouched.
    QTRY_COMPARE(opened->findChild<VerificationBadge*>(QStringLiteral("verificationBadge"))->state(),
                 VerificationBadge::State::Invalid);
    QCOMPARE(m_window->session().token(), original);
    QCOMPARE(child<VerificationBadge>("verificationBadge")->state(), VerificationBadge::State::Verified);
    // A variant window does not take over the window layout kept in the settings.
    m_settings->remove(QStringLiteral("window/geometry"));
    opened->close();
    QVERIFY(!m_settings->contains(QStringLiteral("window/geometry")));
}

void TestMainWindow::fetchIssuerKeysPrefillsWithoutConnecting()
{
    // A token whose iss points at a port nobody listens on: the action must only prefill, never connect.
    const QByteArray header = base64url::encode(QByteArrayLiteral("{\"alg\":\"RS256\",\"kid\":\"k1\"}"));
    const QByteArray payload =
        base64url::encode(QByteArrayLiteral("{\"iss\":\"https://issuer.example/tenant\",\"sub\":\"x\"}"));
    m_window->setTokenText(QString::fromLatin1(header + '.' + payload + ".c2ln"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionFetchIssuerKeys"));
    QVERIFY(action);
    action->trigger();
    auto* workbench = m_window->findChild<KeyWorkbench*>();
    QVERIFY(workbench);
    QTRY_VERIFY(workbench->isVisible());
    IssuerKeysPage* page = workbench->issuerKeysPage();
    QVERIFY(page->isVisible()); // the Issuer keys tab is the one shown
    QCOMPARE(page->findChild<QLineEdit*>(QStringLiteral("issuerInputEdit"))->text(),
             QStringLiteral("https://issuer.example/tenant"));
    QVERIFY(page->findChild<QRadioButton*>(QStringLiteral("issuerSourceIssuerRadio"))->isChecked());
    // The exact discovery URLs are shown before anything happens, and nothing is under way.
    const QString preview = page->findChild<QLabel*>(QStringLiteral("issuerPreviewLabel"))->text();
    QVERIFY2(preview.contains(QStringLiteral("https://issuer.example/tenant/.well-known/openid-configuration")),
             qPrintable(preview));
    QVERIFY(!page->findChild<QWidget*>(QStringLiteral("issuerBusyBar"))->isVisible());
    QVERIFY(page->findChild<QPushButton*>(QStringLiteral("issuerCancelButton"))->isHidden() ||
            !page->findChild<QPushButton*>(QStringLiteral("issuerCancelButton"))->isEnabled());
}

void TestMainWindow::findingsFocusLeavesPaneSelectionAlone()
{
    // RFC 7515 appendix A.5: an unsecured JWS, so the findings panel has rows.
    ASSAY_REQUIRE_VECTORS();
    const QByteArray token = readVectorFile(QStringLiteral("latchset-jose/rfc7515_A.5.jwsc")).trimmed();
    if (token.isEmpty())
        QSKIP("latchset-jose/rfc7515_A.5.jwsc is not in the vectors");
    m_window->setTokenText(QString::fromLatin1(token));
    auto* view = m_window->findChild<QTableView*>(QStringLiteral("findingsTable"));
    QVERIFY(view);
    QTRY_VERIFY(view->model()->rowCount() > 0);
    auto* encoded = child<EncodedEditor>("encodedEditor");
    QVERIFY(!encoded->textCursor().hasSelection());

    // Tabbing into the table makes a row current without selecting it: the panes must not change.
    view->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(view->hasFocus());
    QVERIFY(!encoded->textCursor().hasSelection());
    QVERIFY(!child<JsonEditor>("headerEditor")->textCursor().hasSelection());

    // Choosing a row does point at the finding.
    view->selectRow(0);
    QVERIFY(encoded->textCursor().hasSelection() || child<JsonEditor>("headerEditor")->textCursor().hasSelection() ||
            child<JsonEditor>("payloadEditor")->textCursor().hasSelection());
}
