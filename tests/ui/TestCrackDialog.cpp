// SPDX-License-Identifier: Apache-2.0
// The weak-secret checker dialog (issue 5), driven offscreen by objectName. Tokens are made here with Qt's own
// HMAC (QMessageAuthenticationCode), independent of the core's signer, so the expected secret is the one planted;
// the jwt.io default tokens and their published secrets come from ../shared/vectors/jwtio-defaults.
#include "Vectors.h"

#include "audit/CrackDialog.h"
#include "audit/CrackResultView.h"
#include "audit/CrackSourcesForm.h"
#include "audit/StrongSecretBox.h"

#include "audit/SecretCracker.h"
#include "crypto/SecureBytes.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace assay;
using namespace assay::test;
using namespace assay::ui;

namespace {

constexpr int kRunTimeoutMs = 120000; // a generous bound for a loaded machine, not a timing assertion

QByteArray b64url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An HS256 token signed with `secret` by Qt's HMAC.
QByteArray hs256Token(const QByteArray& secret)
{
    const QByteArray input = b64url(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64url(R"({"sub":"crack-dialog-test"})");
    return input + '.' + b64url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

QJsonObject jwtio(const char* name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(QLatin1String(name))
        .toObject();
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void click(QWidget* parent, const char* name)
{
    auto* button = child<QPushButton>(parent, name);
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

// Only the sources a test names: the built-in list off.
void builtinOff(CrackDialog& d)
{
    child<QCheckBox>(&d, "crackBuiltinCheck")->setChecked(false);
}

void bruteForce(CrackDialog& d, const QString& alphabetPrefix, const QString& extra, int minLength, int maxLength)
{
    child<QGroupBox>(&d, "crackMaskGroup")->setChecked(true);
    child<QRadioButton>(&d, "crackMaskCharsetRadio")->setChecked(true);
    auto* combo = child<QComboBox>(&d, "crackAlphabetCombo");
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemText(i).startsWith(alphabetPrefix))
            combo->setCurrentIndex(i);
    }
    QVERIFY(combo->currentText().startsWith(alphabetPrefix));
    auto* extraEdit = child<QLineEdit>(&d, "crackExtraCharsEdit");
    extraEdit->clear();
    QTest::keyClicks(extraEdit, extra);
    child<QSpinBox>(&d, "crackMaxLengthSpin")->setValue(maxLength);
    child<QSpinBox>(&d, "crackMinLengthSpin")->setValue(minLength);
}

void startAndWait(CrackDialog& d)
{
    click(&d, "crackStartButton");
    QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning() && d.lastOutcome().has_value(), kRunTimeoutMs);
}

// With ASSAY_SCREENSHOT_DIR set, saves what the dialog looks like (for looking at it, not for asserting).
void grab(QWidget* w, const char* name)
{
    const QString dir = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let posted layout requests settle, as they would before a real paint
    w->grab().save(QStringLiteral("%1/crack-%2.png").arg(dir, QLatin1String(name)));
}

QByteArray fromBase64Url(const QString& text)
{
    return QByteArray::fromBase64(text.toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
}

} // namespace

class TestCrackDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinFindsJwtioSecret_data();
    void builtinFindsJwtioSecret();
    void wordlistFindsSecretAtKnownLine();
    void maskFindsFourCharacterSecret_data();
    void maskFindsFourCharacterSecret();
    void notFoundSaysHowManyWereTried();
    void unreadableWordlistFails();
    void cancelStopsPromptlyAndRunsAgain();
    void closingMidRunDoesNotHang();
    void rs256IsNotApplicable();
    void hashcatLineIsTheCompactToken();
};

void TestCrackDialog::builtinFindsJwtioSecret_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("replacementBytes"); // RFC 7518 section 3.2: at least the hash size
    QTest::newRow("HS256") << QStringLiteral("HS256") << 32;
    QTest::newRow("HS384") << QStringLiteral("HS384") << 48;
    QTest::newRow("HS512") << QStringLiteral("HS512") << 64;
}

void TestCrackDialog::builtinFindsJwtioSecret()
{
    ASSAY_REQUIRE_VECTORS();
    QFETCH(QString, name);
    QFETCH(int, replacementBytes);
    const QJsonObject vector = jwtio(name.toLatin1().constData());
    const QByteArray token = vector.value(QStringLiteral("token")).toString().toLatin1();
    const QString secret = vector.value(QStringLiteral("secret")).toString();
    QVERIFY(!token.isEmpty());

    CrackDialog d(token);
    d.show();
    QVERIFY(d.isApplicable());
    QVERIFY(child<QCheckBox>(&d, "crackBuiltinCheck")->isChecked()); // on by default
    startAndWait(d);
    QCOMPARE(*d.lastOutcome(), CrackOutcome::Found);

    auto* banner = child<QLabel>(&d, "crackWarningBanner");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("forge")));
    QVERIFY(banner->text().contains(QStringLiteral("built-in list")));
    QCOMPARE(child<QLineEdit>(&d, "crackSecretField")->text(), secret);
    QCOMPARE(child<QLineEdit>(&d, "crackSecretHexField")->text(), QString::fromLatin1(secret.toUtf8().toHex()));

    // The strong replacement: the hash's size, fresh on every click, and carried by useSecret as a Key.
    click(&d, "strongSecretGenerateButton");
    const QString first = child<QLineEdit>(&d, "strongSecretBase64UrlField")->text();
    const QByteArray firstBytes = fromBase64Url(first);
    QCOMPARE(firstBytes.size(), replacementBytes);
    QCOMPARE(child<QLineEdit>(&d, "strongSecretHexField")->text(), QString::fromLatin1(firstBytes.toHex()));
    click(&d, "strongSecretGenerateButton");
    const QByteArray secondBytes = fromBase64Url(child<QLineEdit>(&d, "strongSecretBase64UrlField")->text());
    QCOMPARE(secondBytes.size(), replacementBytes);
    QVERIFY(firstBytes != secondBytes);

    Key used;
    connect(&d, &CrackDialog::useSecret, this, [&used](const Key& key) { used = key; });
    click(&d, "strongSecretUseButton");
    QVERIFY(!used.isNull());
    QVERIFY(used.isSymmetric());
    QVERIFY(used.secret());
    QVERIFY(used.secret()->equals(secondBytes));
    QCOMPARE(used.alg(), name);
    if (name == QLatin1String("HS256"))
        grab(&d, "found");

    // Closing wipes what showed secrets.
    d.reject();
    QVERIFY(child<QLineEdit>(&d, "crackSecretField")->text().isEmpty());
    QVERIFY(child<QLineEdit>(&d, "crackSecretHexField")->text().isEmpty());
    QVERIFY(child<QLineEdit>(&d, "strongSecretBase64UrlField")->text().isEmpty());
    QVERIFY(child<QLineEdit>(&d, "strongSecretHexField")->text().isEmpty());
    QVERIFY(d.resultView()->secret().isEmpty());
}

void TestCrackDialog::wordlistFindsSecretAtKnownLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray secret = "planted-secret-line-4242";
    const QString path = dir.filePath(QStringLiteral("words.txt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // An empty first line and CRLF line ends, as real wordlists have; the secret on line 4243.
        file.write("\r\n");
        for (int i = 1; i < 10000; ++i) {
            if (i == 4242)
                file.write(secret + "\r\n");
            else
                file.write(QByteArray("filler-word-") + QByteArray::number(i) + "\r\n");
        }
    }
    CrackDialog d(hs256Token(secret));
    d.show();
    builtinOff(d);
    d.sourcesForm()->addWordlist(path);
    auto* list = child<QListWidget>(&d, "crackWordlistList");
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("words.txt")));
    QVERIFY(list->item(0)->text().contains(QLocale().formattedDataSize(QFileInfo(path).size())));
    startAndWait(d);
    QCOMPARE(*d.lastOutcome(), CrackOutcome::Found);
    QCOMPARE(child<QLineEdit>(&d, "crackSecretField")->text(), QString::fromLatin1(secret));
    QVERIFY(child<QLabel>(&d, "crackWarningBanner")->text().contains(QStringLiteral("words.txt")));
}

void TestCrackDialog::maskFindsFourCharacterSecret_data()
{
    QTest::addColumn<QString>("alphabet");
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("count"); // the keyspace, worked out by hand
    QTest::newRow("hex, length 4") << QStringLiteral("Hex") << QString() << QByteArray("c0de")
                                   << QStringLiteral("65,536");
    // '?' is the charset syntax's escape character; typed as an extra character it must stand for itself.
    QTest::newRow("own characters with ?, lengths 1-4") << QStringLiteral("Only") << QStringLiteral("xyz?")
                                                        << QByteArray("z?xy") << QStringLiteral("340"); // 4+16+64+256
}

void TestCrackDialog::maskFindsFourCharacterSecret()
{
    QFETCH(QString, alphabet);
    QFETCH(QString, extra);
    QFETCH(QByteArray, secret);
    QFETCH(QString, count);
    CrackDialog d(hs256Token(secret));
    d.show();
    builtinOff(d);
    bruteForce(d, alphabet, extra, extra.isEmpty() ? 4 : 1, 4);
    // The number of candidates is shown before starting.
    QVERIFY2(child<QLabel>(&d, "crackMaskCountLabel")->text().startsWith(count + QStringLiteral(" candidates")),
             qPrintable(child<QLabel>(&d, "crackMaskCountLabel")->text()));
    startAndWait(d);
    QCOMPARE(*d.lastOutcome(), CrackOutcome::Found);
    QCOMPARE(child<QLineEdit>(&d, "crackSecretField")->text(), QString::fromLatin1(secret));
    QVERIFY(child<QLabel>(&d, "crackWarningBanner")->text().contains(QStringLiteral("mask")));
}

void TestCrackDialog::notFoundSaysHowManyWereTried()
{
    CrackDialog d(hs256Token("no-such-short-secret"));
    d.show();
    builtinOff(d);
    // The hashcat-syntax mode: ?h over 3 positions with its prefixes: 16 + 256 + 4096 candidates, plus the empty
    // secret SecretCracker always tries first.
    child<QGroupBox>(&d, "crackMaskGroup")->setChecked(true);
    child<QRadioButton>(&d, "crackMaskSyntaxRadio")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(&d, "crackMaskEdit"), QStringLiteral("?h?h?h"));
    child<QCheckBox>(&d, "crackMaskIncrementCheck")->setChecked(true);
    QVERIFY(child<QLabel>(&d, "crackMaskCountLabel")->text().startsWith(QStringLiteral("4,368 candidates")));
    startAndWait(d);
    QCOMPARE(*d.lastOutcome(), CrackOutcome::NotFound);
    const QString text = child<QLabel>(&d, "crackOutcomeLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("Not found")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("4,369")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("does not prove")), qPrintable(text));
    QVERIFY(!child<QLabel>(&d, "crackWarningBanner")->isVisible());
    QVERIFY(child<QLineEdit>(&d, "crackSecretField")->text().isEmpty());
    grab(&d, "not-found");
}

void TestCrackDialog::unreadableWordlistFails()
{
    QTemporaryDir dir;
    CrackDialog d(hs256Token("whatever-secret"));
    d.show();
    builtinOff(d);
    d.sourcesForm()->addWordlist(dir.filePath(QStringLiteral("missing.txt")));
    startAndWait(d);
    QCOMPARE(*d.lastOutcome(), CrackOutcome::Failed);
    const QString text = child<QLabel>(&d, "crackOutcomeLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("Failed")) && text.contains(QStringLiteral("missing.txt")), qPrintable(text));
    QVERIFY(child<QPushButton>(&d, "crackStartButton")->isEnabled());
}

void TestCrackDialog::cancelStopsPromptlyAndRunsAgain()
{
    const QByteArray secret = "zz";
    CrackDialog d(hs256Token(secret));
    d.show();
    builtinOff(d);
    bruteForce(d, QStringLiteral("Printable"), QString(), 9, 9); // 95^9: years
    click(&d, "crackStartButton");
    QVERIFY(d.isRunning());
    QVERIFY(!child<QPushButton>(&d, "crackStartButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&d, "crackTestedLabel")->text().contains(QStringLiteral(" of ")),
                             kRunTimeoutMs);
    QTest::qWait(1200); // only so that the screenshot shows a run under way
    grab(&d, "running");
    click(&d, "crackCancelButton");
    QTRY_VERIFY(!d.isRunning()); // QTRY's default 5 s is a hang guard, not a speed assertion
    QCOMPARE(*d.lastOutcome(), CrackOutcome::Cancelled);
    QVERIFY(child<QLabel>(&d, "crackOutcomeLabel")->text().contains(QStringLiteral("Cancelled")));
    QVERIFY(child<QWidget>(&d, "crackSourcesForm")->isEnabled());

    // A new run after the cancel.
    bruteForce(d, QStringLiteral("Lower case a-z"), QString(), 1, 2);
    startAndWait(d);
    QCOMPARE(*d.lastOutcome(), CrackOutcome::Found);
    QCOMPARE(child<QLineEdit>(&d, "crackSecretField")->text(), QString::fromLatin1(secret));
}

void TestCrackDialog::closingMidRunDoesNotHang()
{
    QPointer<CrackDialog> d = new CrackDialog(hs256Token("not-going-to-be-found"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    builtinOff(*d);
    bruteForce(*d, QStringLiteral("Printable"), QString(), 9, 9);
    click(d, "crackStartButton");
    QVERIFY(d->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(d, "crackTestedLabel")->text() != QStringLiteral("–"), kRunTimeoutMs);
    QVERIFY(d->close());
    QTRY_VERIFY(d.isNull()); // deleted: its workers were stopped and joined
}

void TestCrackDialog::rs256IsNotApplicable()
{
    ASSAY_REQUIRE_VECTORS();
    const QByteArray token = jwtio("RS256").value(QStringLiteral("token")).toString().toLatin1();
    CrackDialog d(token);
    d.show();
    QVERIFY(!d.isApplicable());
    auto* label = child<QLabel>(&d, "crackNotApplicableLabel");
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("HS256, HS384 and HS512")));
    QVERIFY(!child<QPushButton>(&d, "crackStartButton")->isVisible());
    QVERIFY(!child<QPushButton>(&d, "crackHashcatButton")->isEnabled());
    d.start(); // does nothing
    QVERIFY(!d.isRunning());
    grab(&d, "not-applicable");
}

void TestCrackDialog::hashcatLineIsTheCompactToken()
{
    // hashcat's mode 16500 reads the compact JWS itself (hashcat's example hash for 16500 is a plain JWT).
    const QByteArray token = hs256Token("for-hashcat");
    CrackDialog d(token);
    d.show();
    click(&d, "crackHashcatButton");
    QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(token));
    QVERIFY(child<QLabel>(&d, "crackStatusLabel")->text().contains(QStringLiteral("16500")));
}

QTEST_MAIN(TestCrackDialog)
#include "TestCrackDialog.moc"
