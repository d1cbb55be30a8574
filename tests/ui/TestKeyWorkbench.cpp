// SPDX-License-Identifier: Apache-2.0
// The key workbench (issue 4 "Tests"), driven offscreen by objectName as a user would: picking, typing, pasting,
// dropping, clicking. Expectations come from published vectors and from the openssl command, never from the
// workbench itself.
#include "Vectors.h"

#include "MainWindow.h"
#include "SignaturePanel.h"
#include "VerificationBadge.h"
#include "keys/KeyConvertPage.h"
#include "keys/KeyGeneratePage.h"
#include "keys/KeyInspectPage.h"
#include "keys/KeyWorkbench.h"
#include "keys/SessionKeyRing.h"
#include "keys/SessionKeysPage.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyGenerator.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsSigner.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialog>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QThreadPool>
#include <QtTest>

#include <memory>

using namespace assay;
using namespace assay::test;
using namespace assay::ui;

namespace {

constexpr int kGenerateTimeoutMs = 60000; // a generous bound for a loaded machine, not a timing assertion

QString opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

// Runs the openssl command; its standard output, or a null QByteArray on failure.
QByteArray openssl(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess p;
    p.start(opensslPath(), arguments);
    if (!p.waitForStarted(30000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("openssl %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
        return {};
    }
    QByteArray out = p.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray b64u(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64u(const QString& text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}

// RFC 7638 section 3, computed here from the JWK's JSON (not by the core): the required members in lexicographic
// order, no whitespace, SHA-256, base64url.
QString rfc7638Thumbprint(const QString& jwkJson)
{
    const QJsonObject jwk = QJsonDocument::fromJson(jwkJson.toUtf8()).object();
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    QStringList members;
    if (kty == QLatin1String("RSA"))
        members = {QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")};
    else if (kty == QLatin1String("EC"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x"), QStringLiteral("y")};
    else if (kty == QLatin1String("OKP"))
        members = {QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x")};
    else if (kty == QLatin1String("oct"))
        members = {QStringLiteral("k"), QStringLiteral("kty")};
    else
        return {};
    QStringList parts;
    for (const QString& m : members)
        parts.append(QStringLiteral("\"%1\":\"%2\"").arg(m, jwk.value(m).toString()));
    const QByteArray canonical = (QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}')).toUtf8();
    return QString::fromLatin1(b64u(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

QString jsonMember(const QString& json, const char* name)
{
    return QJsonDocument::fromJson(json.toUtf8()).object().value(QLatin1String(name)).toString();
}

// Picks an entry of a combo box with the keyboard, as a user does.
bool pick(QComboBox* combo, const QString& text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentText() != text; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    return combo->currentText() == text;
}

bool drop(QWidget* target, const QMimeData& mime)
{
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
}

} // namespace

class TestKeyWorkbench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensFromTheSignaturePanelAndTheMenu();
    void generateEveryType_data();
    void generateEveryType();
    void cancelStopsTheGeneration();
    void useFillsTheMainWindowInputs();
    void rfc7517KeysShowTheRfc7638Thumbprint();
    void encryptedPkcs8AsksForPassphrase();
    void certificateShowsSubjectAndSan();
    void convertRsaPemToJwkAndBack();
    void sessionKeyVerifiesAndIsNamed();
    void sessionKeySigns();
    void savedPrivateKeyIsNeverPlainText();
    void nothingSecretReachesSettings();
    void everyControlIsNamed();

private:
    template <typename T> T* child(const char* name) const
    {
        T* found = m_workbench ? m_workbench->findChild<T*>(QString::fromLatin1(name)) : nullptr;
        return found ? found : m_window->findChild<T*>(QString::fromLatin1(name));
    }
    void click(const char* button);
    // Generates a key of the type shown as `type` in the combo; false when it did not finish.
    bool generate(const QString& type, const QString& size = {});
    void pasteIntoInspector(const QString& text);
    bool waitForInspection();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    KeyWorkbench* m_workbench = nullptr;
};

void TestKeyWorkbench::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_workbench = m_window->openKeyWorkbench();
    QVERIFY(m_workbench);
    QVERIFY(QTest::qWaitForWindowExposed(m_workbench));
}

void TestKeyWorkbench::cleanup()
{
    m_workbench = nullptr;
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestKeyWorkbench::click(const char* name)
{
    auto* button = child<QPushButton>(name);
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QVERIFY2(button->isVisible(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

bool TestKeyWorkbench::generate(const QString& type, const QString& size)
{
    m_workbench->showTab(KeyWorkbench::Tab::Generate);
    if (!pick(child<QComboBox>("generateTypeCombo"), type))
        return false;
    if (!size.isEmpty() && !pick(child<QComboBox>("generateRsaSizeCombo"), size))
        return false;
    auto* button = child<QPushButton>("generateButton");
    QTest::mouseClick(button, Qt::LeftButton);
    KeyGeneratePage* page = m_workbench->generatePage();
    // Off the UI thread: the result arrives through the event loop.
    if (!QTest::qWaitFor([page] { return !page->isGenerating(); }, kGenerateTimeoutMs))
        return false;
    return !page->key().isNull();
}

void TestKeyWorkbench::pasteIntoInspector(const QString& text)
{
    m_workbench->showTab(KeyWorkbench::Tab::Inspect);
    auto* input = child<QPlainTextEdit>("inspectInputEdit");
    input->setFocus();
    QTest::keySequence(input, QKeySequence::SelectAll);
    QTest::keyClick(input, Qt::Key_Delete);
    input->insertPlainText(text); // as a paste would
}

bool TestKeyWorkbench::waitForInspection()
{
    KeyInspectPage* page = m_workbench->inspectPage();
    return QTest::qWaitFor([page] { return !page->isInspecting(); }, 30000);
}

void TestKeyWorkbench::opensFromTheSignaturePanelAndTheMenu()
{
    m_workbench->close();
    QTRY_VERIFY(!m_workbench->isVisible());
    // The "Keys…" button by the key inputs.
    QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("keyWorkbenchButton")), Qt::LeftButton);
    QTRY_VERIFY(m_workbench->isVisible());
    QVERIFY(!m_workbench->isModal());
    m_workbench->close();
    // The menu action, with its shortcut.
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionKeyWorkbench"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+K")));
    action->trigger();
    QTRY_VERIFY(m_workbench->isVisible());
    QCOMPARE(m_window->findChildren<KeyWorkbench*>().size(), 1); // one window, raised again
    auto* tabs = child<QTabWidget>("keyWorkbenchTabs");
    QCOMPARE(tabs->count(), 5);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Generate"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Session keys"));
    QCOMPARE(tabs->tabText(4), QStringLiteral("Issuer keys"));
}

void TestKeyWorkbench::generateEveryType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("kty");
    QTest::addColumn<QString>("crv");
    QTest::addColumn<bool>("signs");
    // RSA only at 2048 bits, to keep the test quick.
    QTest::newRow("HMAC") << QStringLiteral("HMAC secret") << QStringLiteral("oct") << QString() << true;
    QTest::newRow("RSA 2048") << QStringLiteral("RSA") << QStringLiteral("RSA") << QString() << true;
    QTest::newRow("P-256") << QStringLiteral("EC P-256") << QStringLiteral("EC") << QStringLiteral("P-256") << true;
    QTest::newRow("P-384") << QStringLiteral("EC P-384") << QStringLiteral("EC") << QStringLiteral("P-384") << true;
    QTest::newRow("P-521") << QStringLiteral("EC P-521") << QStringLiteral("EC") << QStringLiteral("P-521") << true;
    QTest::newRow("secp256k1") << QStringLiteral("EC secp256k1") << QStringLiteral("EC") << QStringLiteral("secp256k1")
                               << true;
    QTest::newRow("Ed25519") << QStringLiteral("Ed25519") << QStringLiteral("OKP") << QStringLiteral("Ed25519") << true;
    QTest::newRow("Ed448") << QStringLiteral("Ed448") << QStringLiteral("OKP") << QStringLiteral("Ed448") << true;
    QTest::newRow("X25519") << QStringLiteral("X25519 (key agreement)") << QStringLiteral("OKP")
                            << QStringLiteral("X25519") << false;
    QTest::newRow("X448") << QStringLiteral("X448 (key agreement)") << QStringLiteral("OKP") << QStringLiteral("X448")
                          << false;
}

void TestKeyWorkbench::generateEveryType()
{
    QFETCH(QString, type);
    QFETCH(QString, kty);
    QFETCH(QString, crv);
    QFETCH(bool, signs);
    QVERIFY(generate(type, kty == QLatin1String("RSA") ? QStringLiteral("2048 bits") : QString()));

    const QString kid = child<QLineEdit>("generatedKidField")->text();
    QVERIFY(!kid.isEmpty());
    const bool secret = kty == QLatin1String("oct");
    // The JWK that carries the public part: the public JWK, or for a secret its only JWK.
    const QString shownJwk =
        child<QPlainTextEdit>(secret ? "generatedPrivateJwkView" : "generatedPublicJwkView")->toPlainText();
    QCOMPARE(jsonMember(shownJwk, "kty"), kty);
    if (!crv.isEmpty())
        QCOMPARE(jsonMember(shownJwk, "crv"), crv);
    // The shown thumbprint is the core's thumbprint of the shown JWK, and RFC 7638's computed here independently.
    auto key = keyFromJwk(shownJwk.toUtf8());
    QVERIFY2(key, qPrintable(shownJwk));
    QCOMPARE(kid, key->thumbprint(256).value_or(QString()));
    QCOMPARE(kid, rfc7638Thumbprint(shownJwk));
    QCOMPARE(child<QLineEdit>("generatedThumbprintUriField")->text(),
             QStringLiteral("urn:ietf:params:oauth:jwk-thumbprint:sha-256:") + kid);
    QCOMPARE(jsonMember(shownJwk, "kid"), kid);

    const QString privateJwk = child<QPlainTextEdit>("generatedPrivateJwkView")->toPlainText();
    auto privateKey = keyFromJwk(privateJwk.toUtf8());
    QVERIFY(privateKey);
    QVERIFY(privateKey->hasPrivate());
    QVERIFY(privateKey->hasSamePublicKey(*key));

    if (secret) {
        // The secret in every encoding decodes to the JWK's k (decoded here with Qt, not the core).
        const QByteArray k = unb64u(jsonMember(privateJwk, "k"));
        QCOMPARE(k.size(), 32); // the default 256 bits
        QCOMPARE(QByteArray::fromHex(child<QLineEdit>("generatedSecretHexField")->text().toLatin1()), k);
        QCOMPARE(QByteArray::fromBase64(child<QLineEdit>("generatedSecretBase64Field")->text().toLatin1()), k);
        QCOMPARE(child<QLineEdit>("generatedSecretBase64UrlField")->text().toLatin1(), b64u(k));
        QVERIFY(!child<QPlainTextEdit>("generatedPrivatePemView")->isVisible());
    } else {
        QVERIFY(!child<QLineEdit>("generatedSecretHexField")->isVisible());
        QVERIFY(!jsonMember(privateJwk, "d").isEmpty());
        QVERIFY(jsonMember(shownJwk, "d").isEmpty());
        // OpenSSL reads the shown private PEM and derives the very public PEM shown beside it.
        if (!opensslPath().isEmpty()) {
            const QString privatePem = child<QPlainTextEdit>("generatedPrivatePemView")->toPlainText();
            QVERIFY(privatePem.startsWith(QStringLiteral("-----BEGIN PRIVATE KEY-----")));
            const QByteArray derived =
                openssl({QStringLiteral("pkey"), QStringLiteral("-pubout")}, privatePem.toLatin1());
            QVERIFY(!derived.isNull());
            QCOMPARE(QString::fromLatin1(derived).trimmed(),
                     child<QPlainTextEdit>("generatedPublicPemView")->toPlainText().trimmed());
        }
    }
    QCOMPARE(child<QPushButton>("useGeneratedForSigningButton")->isEnabled(), signs);
    QCOMPARE(child<QPushButton>("useGeneratedForVerifyingButton")->isEnabled(), signs);
    QVERIFY(child<QPushButton>("saveGeneratedPrivateButton")->isEnabled());
}

void TestKeyWorkbench::cancelStopsTheGeneration()
{
    KeyGeneratePage* page = m_workbench->generatePage();
    QVERIFY(pick(child<QComboBox>("generateTypeCombo"), QStringLiteral("RSA")));
    QVERIFY(pick(child<QComboBox>("generateRsaSizeCombo"), QStringLiteral("4096 bits")));
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    // Running on a worker thread: the window stays responsive and shows that it is busy.
    QVERIFY(page->isGenerating());
    QVERIFY(child<QWidget>("generateBusyBar")->isVisible());
    QVERIFY(child<QLabel>("generateStatusLabel")->text().startsWith(QStringLiteral("Generating RSA 4096")));
    // OpenSSL reports its search for primes; the count shows once Qt delivers it (several times a second at most).
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>("generateStatusLabel")->text().contains(QStringLiteral("candidates tested")) ||
            !page->isGenerating(),
        kGenerateTimeoutMs);
    if (!page->isGenerating())
        QSKIP("this machine made an RSA 4096 key before the first progress report arrived");
    click("generateCancelButton");
    // Idle at once: no busy bar, no Cancel, Generate available, and no key.
    QVERIFY(!page->isGenerating());
    QVERIFY(!child<QWidget>("generateBusyBar")->isVisible());
    QVERIFY(!child<QWidget>("generateCancelButton")->isVisible());
    QVERIFY(child<QPushButton>("generateButton")->isEnabled());
    QVERIFY(child<QLabel>("generateStatusLabel")->text().startsWith(QStringLiteral("Cancelled")));
    // OpenSSL's work stops at its next progress callback, so the worker thread ends (a generous bound for a loaded
    // machine, not a timing assertion; without a real cancel it would still end, only later).
    QVERIFY(QThreadPool::globalInstance()->waitForDone(120000));
    QCoreApplication::processEvents();
    QVERIFY(page->key().isNull());
    QVERIFY(child<QPlainTextEdit>("generatedPrivatePemView")->toPlainText().isEmpty());
    QVERIFY(child<QLabel>("generateStatusLabel")->text().startsWith(QStringLiteral("Cancelled")));

    // A new generation right after works.
    QVERIFY(generate(QStringLiteral("EC P-256")));
    QCOMPARE(jsonMember(child<QPlainTextEdit>("generatedPublicJwkView")->toPlainText(), "crv"),
             QStringLiteral("P-256"));
    QVERIFY(child<QLabel>("generateStatusLabel")->text().startsWith(QStringLiteral("Generated")));
}

void TestKeyWorkbench::useFillsTheMainWindowInputs()
{
    QVERIFY(generate(QStringLiteral("Ed25519")));
    const QString publicJwk = child<QPlainTextEdit>("generatedPublicJwkView")->toPlainText();
    const QString d = jsonMember(child<QPlainTextEdit>("generatedPrivateJwkView")->toPlainText(), "d");
    click("useGeneratedForVerifyingButton");
    QCOMPARE(m_window->findChild<QPlainTextEdit*>(QStringLiteral("publicKeyEdit"))->toPlainText(), publicJwk);
    click("useGeneratedForSigningButton");
    const QString privateText = m_window->findChild<QPlainTextEdit*>(QStringLiteral("privateKeyEdit"))->toPlainText();
    QCOMPARE(jsonMember(privateText, "d"), d);

    // A secret goes to the secret input, as base64url.
    QVERIFY(generate(QStringLiteral("HMAC secret")));
    const QString secret = child<QLineEdit>("generatedSecretBase64UrlField")->text();
    click("useGeneratedForSigningButton");
    QCOMPARE(m_window->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->text(), secret);
    QCOMPARE(m_window->findChild<QComboBox*>(QStringLiteral("secretEncodingCombo"))->currentText(),
             QStringLiteral("base64url"));
}

void TestKeyWorkbench::rfc7517KeysShowTheRfc7638Thumbprint()
{
    ASSAY_REQUIRE_VECTORS();
    // RFC 7517 appendix A.1 (vectors: latchset-jose/rfc7517_A.1.jwkset): an EC and an RSA public key. The RSA key
    // is RFC 7638 section 3.1's example, whose published thumbprint is in rfc-transcribed.
    const QByteArray jwks = readVectorFile(QStringLiteral("latchset-jose/rfc7517_A.1.jwkset"));
    QVERIFY(!jwks.isEmpty());
    const QJsonObject published = readVectorJson(QStringLiteral("rfc-transcribed/rfc7638_rfc9278_thumbprints.json"))
                                      .value(QStringLiteral("vectors"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
    QCOMPARE(published.value(QStringLiteral("id")).toString(), QStringLiteral("rfc7638-3.1"));

    pasteIntoInspector(QString::fromUtf8(jwks));
    QVERIFY(waitForInspection());
    auto* keys = child<QListWidget>("inspectKeysList");
    QTRY_COMPARE(keys->count(), 2);
    keys->setFocus();
    keys->setCurrentRow(0);
    QTest::keyClick(keys, Qt::Key_Down);
    QCOMPARE(keys->currentRow(), 1);
    QVERIFY(keys->item(1)->text().contains(QStringLiteral("2011-04-29")));
    QCOMPARE(child<QLineEdit>("inspectThumbprint256Field")->text(),
             published.value(QStringLiteral("sha256_b64u")).toString());
    QCOMPARE(child<QLineEdit>("inspectThumbprintUriField")->text(),
             published.value(QStringLiteral("thumbprint_uri_rfc9278")).toString());
    QVERIFY(child<QLineEdit>("inspectPartField")->text().startsWith(QStringLiteral("public")));
    QVERIFY(child<QLineEdit>("inspectShapeField")->text().contains(QStringLiteral("2048")));
    QCOMPARE(child<QLineEdit>("inspectKidField")->text(), QStringLiteral("2011-04-29"));
    QCOMPARE(child<QLineEdit>("inspectAlgField")->text(), QStringLiteral("RS256"));
    // SHA-384 and SHA-512 thumbprints are there too (RFC 7638 section 3.4 allows other hashes).
    QCOMPARE(unb64u(child<QLineEdit>("inspectThumbprint384Field")->text()).size(), 48);
    QCOMPARE(unb64u(child<QLineEdit>("inspectThumbprint512Field")->text()).size(), 64);

    // The EC key: its curve, and its use.
    QTest::keyClick(keys, Qt::Key_Up);
    QVERIFY(child<QLineEdit>("inspectShapeField")->text().contains(QStringLiteral("P-256")));
    QCOMPARE(child<QLineEdit>("inspectUseField")->text(), QStringLiteral("enc"));
}

void TestKeyWorkbench::encryptedPkcs8AsksForPassphrase()
{
    if (opensslPath().isEmpty())
        QSKIP("the openssl command makes the encrypted key; it is not installed");
    const QString keyPath = m_dir->filePath(QStringLiteral("enc.pem"));
    QVERIFY(
        !openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                  QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-aes-256-cbc"),
                  QStringLiteral("-pass"), QStringLiteral("pass:correct horse"), QStringLiteral("-out"), keyPath})
             .isNull());
    const QByteArray publicPem =
        openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-passin"),
                 QStringLiteral("pass:correct horse"), QStringLiteral("-pubout")});
    QVERIFY(!publicPem.isNull());
    const QByteArray encrypted = readFile(keyPath);
    QVERIFY(encrypted.contains("ENCRYPTED PRIVATE KEY"));

    auto answer = [this](const QString& passphrase) {
        QInputDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_workbench->findChild<QInputDialog*>(QStringLiteral("inspectPassphraseDialog"))) &&
                    dialog->isVisible());
        QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
        auto* line = dialog->findChild<QLineEdit*>();
        QVERIFY(line);
        QTest::keyClicks(line, passphrase);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
    };
    pasteIntoInspector(QString::fromLatin1(encrypted));
    answer(QStringLiteral("wrong"));
    // A wrong passphrase asks again; the right one opens the key.
    QTRY_COMPARE(m_workbench->findChildren<QInputDialog*>().size(), 1);
    answer(QStringLiteral("correct horse"));
    QVERIFY(waitForInspection());
    QTRY_VERIFY(child<QLineEdit>("inspectKeyField")->text().contains(QStringLiteral("EC P-256 private key")));
    // The key opened is the one OpenSSL derives the public key from.
    auto fromOpenssl = loadKeys(publicPem);
    QVERIFY(fromOpenssl);
    QCOMPARE(child<QLineEdit>("inspectThumbprint256Field")->text(),
             fromOpenssl->keys.front().thumbprint(256).value_or(QString()));
    QVERIFY(child<QLineEdit>("inspectPartField")->text().startsWith(QStringLiteral("private")));
}

void TestKeyWorkbench::certificateShowsSubjectAndSan()
{
    if (opensslPath().isEmpty())
        QSKIP("the openssl command makes the certificate; it is not installed");
    const QString certPath = m_dir->filePath(QStringLiteral("cert.pem"));
    QVERIFY(!openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), m_dir->filePath(QStringLiteral("cert.key")), QStringLiteral("-out"),
                      certPath, QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                      QStringLiteral("/O=Assay Tests/CN=assay.test"), QStringLiteral("-addext"),
                      QStringLiteral("subjectAltName=DNS:assay.test,DNS:www.assay.test,IP:127.0.0.1")})
                 .isNull());
    const QByteArray fingerprint =
        openssl({QStringLiteral("x509"), QStringLiteral("-in"), certPath, QStringLiteral("-noout"),
                 QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    QVERIFY(fingerprint.contains('='));
    const QString sha256 = QString::fromLatin1(fingerprint.mid(fingerprint.indexOf('=') + 1).trimmed());

    // Dropped on the input as a file, as from a file manager.
    m_workbench->showTab(KeyWorkbench::Tab::Inspect);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(certPath)});
    QVERIFY(drop(child<QPlainTextEdit>("inspectInputEdit")->viewport(), mime));
    QVERIFY(waitForInspection());
    auto* view = child<QTextBrowser>("inspectCertificateView");
    QTRY_VERIFY(view->isVisible());
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("CN=assay.test,O=Assay Tests")), qPrintable(text)); // RFC 2253 order
    QVERIFY2(text.contains(QStringLiteral("DNS:assay.test, DNS:www.assay.test, IP Address:127.0.0.1")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("valid now")), qPrintable(text));
    QVERIFY2(text.contains(sha256), qPrintable(text));
    QVERIFY(child<QLineEdit>("inspectKeyField")->text().contains(QStringLiteral("EC P-256 public key")));
    const QString thumbprint = child<QLineEdit>("inspectThumbprint256Field")->text();

    // The same certificate as DER, chosen with "Load file…": the same key, and the same certificate.
    const QString derPath = m_dir->filePath(QStringLiteral("cert.der"));
    QVERIFY(!openssl({QStringLiteral("x509"), QStringLiteral("-in"), certPath, QStringLiteral("-outform"),
                      QStringLiteral("DER"), QStringLiteral("-out"), derPath})
                 .isNull());
    click("inspectClearButton");
    QTRY_VERIFY(child<QLineEdit>("inspectThumbprint256Field")->text().isEmpty());
    click("inspectLoadButton");
    QFileDialog* open = nullptr;
    QTRY_VERIFY((open = m_workbench->findChild<QFileDialog*>(QStringLiteral("inspectFileDialog"))) &&
                open->isVisible());
    open->selectFile(derPath);
    static_cast<QDialog*>(open)->accept();
    QTRY_VERIFY(child<QPlainTextEdit>("inspectInputEdit")->toPlainText().contains(QStringLiteral("DER")));
    QVERIFY(waitForInspection());
    QTRY_COMPARE(child<QLineEdit>("inspectThumbprint256Field")->text(), thumbprint);
    QVERIFY(view->toPlainText().contains(sha256));
}

void TestKeyWorkbench::convertRsaPemToJwkAndBack()
{
    if (opensslPath().isEmpty())
        QSKIP("the openssl command makes the RSA key; it is not installed");
    const QString keyPath = m_dir->filePath(QStringLiteral("rsa.pem"));
    QVERIFY(
        !openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                  QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), keyPath})
             .isNull());
    const QByteArray pkcs8 = readFile(keyPath);
    QVERIFY(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----"));
    const QByteArray modulus = openssl(
        {QStringLiteral("rsa"), QStringLiteral("-in"), keyPath, QStringLiteral("-noout"), QStringLiteral("-modulus")});
    QVERIFY(modulus.startsWith("Modulus="));
    const QByteArray n = QByteArray::fromHex(modulus.mid(8).trimmed());
    const QByteArray pkcs1 =
        openssl({QStringLiteral("rsa"), QStringLiteral("-in"), keyPath, QStringLiteral("-traditional")});
    QVERIFY(pkcs1.contains("BEGIN RSA PRIVATE KEY"));
    const QByteArray spki =
        openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout")});

    // PEM -> JWK (private).
    pasteIntoInspector(QString::fromLatin1(pkcs8));
    QVERIFY(waitForInspection());
    QTRY_COMPARE(child<QListWidget>("inspectKeysList")->count(), 1);
    click("inspectConvertButton");
    QCOMPARE(child<QTabWidget>("keyWorkbenchTabs")->currentWidget(), m_workbench->convertPage());
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("JWK, private")));
    const QString jwk = child<QPlainTextEdit>("convertOutputView")->toPlainText();
    QCOMPARE(jsonMember(jwk, "kty"), QStringLiteral("RSA"));
    QCOMPARE(unb64u(jsonMember(jwk, "n")), n);
    QCOMPARE(jsonMember(jwk, "e"), QStringLiteral("AQAB"));
    QVERIFY(!jsonMember(jwk, "d").isEmpty());
    // kid defaults to the RFC 7638 thumbprint.
    QCOMPARE(jsonMember(jwk, "kid"), rfc7638Thumbprint(jwk));
    QCOMPARE(child<QLineEdit>("convertKidEdit")->text(), rfc7638Thumbprint(jwk));
    // alg and use are set when asked for.
    QVERIFY(pick(child<QComboBox>("convertAlgCombo"), QStringLiteral("PS256")));
    QVERIFY(pick(child<QComboBox>("convertUseCombo"), QStringLiteral("sig")));
    const QString withMetadata = child<QPlainTextEdit>("convertOutputView")->toPlainText();
    QCOMPARE(jsonMember(withMetadata, "alg"), QStringLiteral("PS256"));
    QCOMPARE(jsonMember(withMetadata, "use"), QStringLiteral("sig"));

    // The public JWK leaves the private members out.
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("JWK, public")));
    const QString publicJwk = child<QPlainTextEdit>("convertOutputView")->toPlainText();
    QVERIFY(jsonMember(publicJwk, "d").isEmpty());
    QCOMPARE(unb64u(jsonMember(publicJwk, "n")), n);

    // JWK -> PEM: the same bytes OpenSSL wrote (PKCS#8), and OpenSSL's own PKCS#1 and SPKI.
    pasteIntoInspector(jwk);
    QVERIFY(waitForInspection());
    QTRY_COMPARE(child<QListWidget>("inspectKeysList")->count(), 1);
    click("inspectConvertButton");
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("PKCS#8 private key (PRIVATE KEY)")));
    QVERIFY(pick(child<QComboBox>("convertEncodingCombo"), QStringLiteral("PEM")));
    QCOMPARE(child<QPlainTextEdit>("convertOutputView")->toPlainText().toLatin1(), pkcs8);
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("PKCS#1 private key (RSA PRIVATE KEY)")));
    QCOMPARE(child<QPlainTextEdit>("convertOutputView")->toPlainText().toLatin1(), pkcs1);
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("SPKI public key (PUBLIC KEY)")));
    QCOMPARE(child<QPlainTextEdit>("convertOutputView")->toPlainText().toLatin1(), spki);
    // A private output in plain text is saved only encrypted.
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("PKCS#8 private key (PRIVATE KEY)")));
    QVERIFY(child<QPushButton>("convertSaveButton")->text().contains(QStringLiteral("encrypted")));
    // DER goes to a file only: no copy.
    QVERIFY(pick(child<QComboBox>("convertEncodingCombo"), QStringLiteral("DER")));
    QVERIFY(!child<QPushButton>("convertCopyButton")->isEnabled());
    const QByteArray der = openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt"),
                                    QStringLiteral("-in"), keyPath, QStringLiteral("-outform"), QStringLiteral("DER")});
    QCOMPARE(QByteArray(m_workbench->convertPage()->output().data(), m_workbench->convertPage()->output().size()), der);
    // Encrypted PKCS#8 (PBES2, RFC 8018) on a worker thread; OpenSSL opens it with the passphrase.
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("Encrypted PKCS#8 (ENCRYPTED PRIVATE KEY)")));
    QVERIFY(pick(child<QComboBox>("convertEncodingCombo"), QStringLiteral("PEM")));
    QVERIFY(!child<QPushButton>("convertButton")->isEnabled()); // no passphrase yet
    QTest::keyClicks(child<QLineEdit>("convertPassphraseEdit"), QStringLiteral("convert me"));
    QTest::keyClicks(child<QLineEdit>("convertConfirmPassphraseEdit"), QStringLiteral("convert me"));
    click("convertButton");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPlainTextEdit>("convertOutputView")
                                 ->toPlainText()
                                 .startsWith(QStringLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----")),
                             60000);
    QVERIFY(child<QLineEdit>("convertPassphraseEdit")->text().isEmpty()); // not kept in the widget
    QVERIFY(!child<QPushButton>("convertSaveButton")->text().contains(QStringLiteral("encrypted")));
    const QString encryptedPath = m_dir->filePath(QStringLiteral("converted.p8.pem"));
    {
        QFile f(encryptedPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(child<QPlainTextEdit>("convertOutputView")->toPlainText().toLatin1());
    }
    QCOMPARE(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), encryptedPath, QStringLiteral("-passin"),
                      QStringLiteral("pass:convert me")}),
             pkcs8);

    // SEC 1 needs an EC key: refused with the reason.
    QVERIFY(pick(child<QComboBox>("convertTargetCombo"), QStringLiteral("SEC 1 EC private key (EC PRIVATE KEY)")));
    QVERIFY(child<QPlainTextEdit>("convertOutputView")->toPlainText().isEmpty());
    QVERIFY(child<QLabel>("convertStatusLabel")->text().startsWith(QStringLiteral("Cannot convert")));
}

void TestKeyWorkbench::sessionKeyVerifiesAndIsNamed()
{
    // Two fresh P-256 keys kept as session keys.
    QVERIFY(generate(QStringLiteral("EC P-256")));
    const QString firstPrivate = child<QPlainTextEdit>("generatedPrivateJwkView")->toPlainText();
    const QString firstKid = child<QLineEdit>("generatedKidField")->text();
    click("addGeneratedToSessionButton");
    QVERIFY(generate(QStringLiteral("EC P-256")));
    click("addGeneratedToSessionButton");
    SessionKeyRing& ring = m_window->keyRing();
    QCOMPARE(ring.count(), 2);
    const QString firstName = ring.keys().at(0).name;
    const QString secondName = ring.keys().at(1).name;
    QVERIFY(firstName != secondName);

    // A token signed here with the first key, by the core's signer.
    auto signer = keyFromJwk(firstPrivate.toUtf8());
    QVERIFY(signer);
    const QByteArray header = QStringLiteral(R"({"alg":"ES256","kid":"%1","typ":"JWT"})").arg(firstKid).toUtf8();
    auto token = signCompact(header, R"({"sub":"session keys"})", *signer, JwsAlgorithm::ES256);
    QVERIFY(token);
    m_window->setTokenText(QString::fromLatin1(*token));

    // The main window verifies it with the session keys, and says which one matched and why the other did not.
    auto* badge = m_window->findChild<VerificationBadge*>(QStringLiteral("verificationBadge"));
    QTRY_COMPARE(badge->title(), QStringLiteral("Signature verified"));
    auto* candidates = m_window->findChild<QListWidget*>(QStringLiteral("keyCandidatesList"));
    QCOMPARE(candidates->count(), 2);
    QVERIFY2(candidates->item(0)->text().startsWith(QStringLiteral("\u2714  session key \"%1\"").arg(firstName)),
             qPrintable(candidates->item(0)->text()));
    QVERIFY2(candidates->item(1)->text().startsWith(QStringLiteral("\u2716  session key \"%1\"").arg(secondName)),
             qPrintable(candidates->item(1)->text()));
    QVERIFY2(candidates->item(1)->text().contains(QStringLiteral("differs")), qPrintable(candidates->item(1)->text()));
    const QString status = m_window->findChild<QLabel*>(QStringLiteral("keyStatusLabel"))->text();
    QVERIFY2(status.contains(QStringLiteral("Key selection: session key &quot;%1&quot;").arg(firstName)),
             qPrintable(status));

    // Unticking "verify with" on the first key (Space on its cell, as a user does) leaves nothing that verifies.
    m_workbench->showTab(KeyWorkbench::Tab::SessionKeys);
    auto* table = child<QTableView>("sessionKeysTable");
    QVERIFY(table);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 4));
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(!ring.keys().at(0).verify);
    QTRY_VERIFY(badge->title() != QStringLiteral("Signature verified"));
    QTest::keyClick(table, Qt::Key_Space);
    QTRY_COMPARE(badge->title(), QStringLiteral("Signature verified"));

    // Renaming it (F2 in the table) renames it in the verifier's explanation too.
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_F2);
    QLineEdit* editor = nullptr;
    QTRY_VERIFY((editor = table->viewport()->findChild<QLineEdit*>()) && editor->isVisible());
    QTest::keySequence(editor, QKeySequence::SelectAll);
    QTest::keyClicks(editor, QStringLiteral("signer of record"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(ring.keys().at(0).name, QStringLiteral("signer of record")); // the delegate commits queued
    QTRY_VERIFY2(candidates->item(0)->text().startsWith(QStringLiteral("\u2714  session key \"signer of record\"")),
                 qPrintable(candidates->item(0)->text()));

    // Removing it (Delete) takes it out of the verifier's set.
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(ring.count(), 1);
    QCOMPARE(ring.keys().at(0).name, secondName);
    QTRY_VERIFY(badge->title() != QStringLiteral("Signature verified"));
}

void TestKeyWorkbench::sessionKeySigns()
{
    QVERIFY(generate(QStringLiteral("EC P-256")));
    click("addGeneratedToSessionButton");
    SessionKeyRing& ring = m_window->keyRing();
    QCOMPARE(ring.count(), 1);
    // An ES256 token signed by some other key (made here by the core, as test input), without kid.
    auto other = generateKey(KeyType::EC, Curve::P256);
    QVERIFY(other);
    auto token = signCompact(R"({"alg":"ES256"})", R"({"sub":"re-sign me"})", *other, JwsAlgorithm::ES256);
    QVERIFY(token);
    m_window->setTokenText(QString::fromLatin1(*token));
    auto* badge = m_window->findChild<VerificationBadge*>(QStringLiteral("verificationBadge"));
    QTRY_VERIFY(badge->title() != QStringLiteral("Signature verified"));

    // Tick "Sign with" (Space on its cell), then re-sign (Ctrl+R): the session key signs.
    m_workbench->showTab(KeyWorkbench::Tab::SessionKeys);
    auto* table = child<QTableView>("sessionKeysTable");
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 5));
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(ring.keys().front().sign);
    QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("keyStatusLabel"))
                ->text()
                .contains(QStringLiteral("Re-signs with session key")));
    m_window->findChild<QAction*>(QStringLiteral("actionResign"))->trigger();
    QTRY_COMPARE(badge->title(), QStringLiteral("Signature verified"));
    auto parsed = parseToken(m_window->session().token());
    QVERIFY(parsed);
    KeySet set;
    set.keys.append(ring.keys().front().key.publicKey());
    QCOMPARE(verifyJws(*parsed, set).verdict, Verdict::Valid);
}

void TestKeyWorkbench::savedPrivateKeyIsNeverPlainText()
{
    QVERIFY(generate(QStringLiteral("EC P-256")));
    const QString privateJwk = child<QPlainTextEdit>("generatedPrivateJwkView")->toPlainText();
    const QString d = jsonMember(privateJwk, "d");
    QVERIFY(!d.isEmpty());
    const QString passphrase = QStringLiteral("tr0ub4dor & 3 horses");
    const QString path = m_dir->filePath(QStringLiteral("saved.jwks.jwe"));

    click("saveGeneratedPrivateButton");
    QDialog* ask = nullptr;
    QTRY_VERIFY((ask = m_workbench->findChild<QDialog*>(QStringLiteral("newPassphraseDialog"))) && ask->isVisible());
    auto* ok = ask->findChild<QPushButton*>(QStringLiteral("passphraseOkButton"));
    QTest::keyClicks(ask->findChild<QLineEdit*>(QStringLiteral("newPassphraseEdit")), passphrase);
    QVERIFY(!ok->isEnabled()); // twice, and the same
    QTest::keyClicks(ask->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseEdit")), passphrase);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    QFileDialog* save = nullptr;
    QTRY_VERIFY((save = m_workbench->findChild<QFileDialog*>(QStringLiteral("savePrivateKeyDialog"))) &&
                save->isVisible());
    save->selectFile(path);
    static_cast<QDialog*>(save)->accept(); // the Save button (QFileDialog's own accept() is protected)
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 60000);
    QTRY_VERIFY(m_workbench->lastMessage().startsWith(QStringLiteral("Saved")));

    const QByteArray saved = readFile(path);
    QVERIFY(!saved.isEmpty());
    QVERIFY(!saved.contains("PRIVATE KEY"));
    QVERIFY(!saved.contains(d.toLatin1()));
    QVERIFY(!saved.contains(passphrase.toUtf8()));
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    // It is a compact JWE (RFC 7517 section 7): five segments, PBES2 in the protected header.
    const QList<QByteArray> parts = saved.trimmed().split('.');
    QCOMPARE(parts.size(), 5);
    const QJsonObject protectedHeader = QJsonDocument::fromJson(unb64u(QString::fromLatin1(parts.at(0)))).object();
    QVERIFY(protectedHeader.value(QStringLiteral("alg")).toString().startsWith(QStringLiteral("PBES2-")));

    // Without the passphrase it does not open; with it, the key comes back whole.
    auto locked = loadKeys(saved);
    QVERIFY(!locked);
    QCOMPARE(locked.error().code, ErrorCode::KeyPassphraseRequired);
    const QByteArray passphraseBytes = passphrase.toUtf8();
    const SecureBytes secret(passphraseBytes);
    auto opened = loadKeys(saved, &secret);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    QCOMPARE(opened->keys.size(), 1);
    QVERIFY(opened->keys.front().hasPrivate());
    QCOMPARE(jsonMember(QString::fromUtf8(opened->keys.front().toJwk(true).value_or(QByteArray())), "d"), d);

    // The session keys tab opens the same file, asking for its passphrase.
    m_workbench->showTab(KeyWorkbench::Tab::SessionKeys);
    m_workbench->sessionKeysPage()->addFromFile(path);
    QInputDialog* unlock = nullptr;
    QTRY_VERIFY((unlock = m_workbench->findChild<QInputDialog*>(QStringLiteral("sessionPassphraseDialog"))) &&
                unlock->isVisible());
    auto* line = unlock->findChild<QLineEdit*>();
    QTest::keyClicks(line, passphrase);
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(m_window->keyRing().count(), 1);
    QVERIFY(m_window->keyRing().keys().front().key.hasPrivate());
}

void TestKeyWorkbench::nothingSecretReachesSettings()
{
    QVERIFY(generate(QStringLiteral("HMAC secret")));
    const QString hex = child<QLineEdit>("generatedSecretHexField")->text();
    const QString base64url = child<QLineEdit>("generatedSecretBase64UrlField")->text();
    click("addGeneratedToSessionButton");
    QVERIFY(generate(QStringLiteral("EC P-256")));
    const QString d = jsonMember(child<QPlainTextEdit>("generatedPrivateJwkView")->toPlainText(), "d");
    click("addGeneratedToSessionButton");
    click("useGeneratedForSigningButton");
    pasteIntoInspector(child<QPlainTextEdit>("generatedPrivatePemView")->toPlainText());
    QVERIFY(waitForInspection());
    QCOMPARE(m_window->keyRing().count(), 2);

    QVERIFY(m_window->close());
    QVERIFY(!m_workbench->isVisible());       // closes with the main window
    QCOMPARE(m_window->keyRing().count(), 0); // session keys are wiped at quit
    m_settings->sync();
    const QByteArray stored = readFile(m_settings->fileName());
    QVERIFY(stored.contains("keyWorkbench"));
    for (const QString& secret : {hex, base64url, d})
        QVERIFY2(!stored.contains(secret.toLatin1()), qPrintable(secret));
    QVERIFY(!stored.contains("PRIVATE KEY"));
    QVERIFY(!stored.contains("\"kty\""));
}

void TestKeyWorkbench::everyControlIsNamed()
{
    // Every interactive control of the workbench has a stable objectName and an accessible name.
    QStringList unnamed;
    for (QWidget* w : m_workbench->findChildren<QWidget*>()) {
        const bool interactive = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                                 qobject_cast<QLineEdit*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                                 qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractItemView*>(w) ||
                                 qobject_cast<QTextEdit*>(w);
        if (!interactive || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        // Qt's own inner parts (a combo's popup list, a spin box's editor, a view's headers, a tab bar's scroll
        // buttons) are reached through their owner, which is named.
        bool inner = false;
        for (QWidget* owner = w->parentWidget(); owner && owner != m_workbench; owner = owner->parentWidget()) {
            if (qobject_cast<QComboBox*>(owner) || qobject_cast<QAbstractSpinBox*>(owner) ||
                qobject_cast<QAbstractItemView*>(owner) || qobject_cast<QLineEdit*>(owner) ||
                qobject_cast<QTabBar*>(owner) || owner->inherits("QComboBoxPrivateContainer"))
                inner = true;
        }
        if (inner)
            continue;
        if (w->objectName().isEmpty() || w->accessibleName().isEmpty())
            unnamed.append(
                QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestKeyWorkbench)
#include "TestKeyWorkbench.moc"
