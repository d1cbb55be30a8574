// SPDX-License-Identifier: Apache-2.0
// The attack-variant menu and dialog (issue 5), driven offscreen by objectName. The originals are jwt.io's default
// tokens with their published keys (../shared/vectors/jwtio-defaults); every variant the window shows must be
// rejected by the core's verifier with the original's key, and the original must stay as it was (still VALID).
#include "Vectors.h"

#include "audit/AttackVariantDialog.h"
#include "audit/AttackVariantsMenu.h"

#include "audit/AttackVariants.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace assay;
using namespace assay::test;
using namespace assay::ui;

namespace {

constexpr int kGenerateTimeoutMs = 120000; // RSA key generation on a loaded machine; a hang guard only

QJsonObject jwtio(const QString& name)
{
    return readVectorJson(QStringLiteral("jwtio-defaults/default-tokens.json"))
        .value(QStringLiteral("tokens"))
        .toObject()
        .value(name)
        .toObject();
}

// The key the original verifies with: the HMAC secret, or the public key.
KeySet originalKeys(const QJsonObject& vector)
{
    KeySet keys;
    if (vector.contains(QStringLiteral("secret"))) {
        Result<Key> key =
            keyFromSecret(vector.value(QStringLiteral("secret")).toString().toUtf8(), SecretEncoding::Utf8);
        if (key)
            keys.keys.append(*key);
        return keys;
    }
    Result<KeySet> loaded = loadKeys(vector.value(QStringLiteral("publicKey")).toString().toUtf8());
    return loaded ? *loaded : keys;
}

template <typename T> T* topLevel(const char* name)
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String(name) && w->isVisible()) {
            if (auto* t = qobject_cast<T*>(w))
                return t;
        }
    }
    return nullptr;
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// Triggers `kind` and answers the URL question; returns the dialog that shows the variants.
AttackVariantDialog* runAction(AttackVariantsMenu& menu, AttackKind kind, const QString& url = {})
{
    QAction* action = menu.findChild<QAction*>(QStringLiteral("attackAction_%1").arg(attackKindName(kind)));
    if (!action || !action->isEnabled())
        return nullptr;
    AttackVariantDialog* before = menu.lastDialog();
    action->trigger();
    if (kind == AttackKind::JkuUrl || kind == AttackKind::X5uUrl) {
        QInputDialog* ask = nullptr;
        if (!QTest::qWaitFor([&ask] { return (ask = topLevel<QInputDialog>("attackUrlDialog")) != nullptr; }))
            return nullptr;
        ask->setTextValue(url.isEmpty() ? QStringLiteral("https://tester.example/key") : url);
        ask->accept();
    }
    if (!QTest::qWaitFor([&menu, before] { return menu.lastDialog() && menu.lastDialog() != before; },
                         kGenerateTimeoutMs))
        return nullptr;
    return menu.lastDialog();
}

// With ASSAY_SCREENSHOT_DIR set, saves what a dialog looks like (for looking at it, not for asserting).
void grab(QWidget* w, const char* name)
{
    const QString dir = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let posted layout requests settle, as they would before a real paint
    w->grab().save(QStringLiteral("%1/crack-%2.png").arg(dir, QLatin1String(name)));
}

QByteArray headerJson(const QByteArray& token)
{
    return QByteArray::fromBase64(token.left(token.indexOf('.')), QByteArray::Base64UrlEncoding);
}

} // namespace

class TestAttackVariantsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyEnabledActionMakesRejectedVariants_data();
    void everyEnabledActionMakesRejectedVariants();
    void psychicSignatureDisabledForHs256();
    void noTokenDisablesEverything();
    void jkuCarriesTheGivenUrl();
    void hmacSecretInKeyInputIsNeverUsedAsPublicKey();
    void openVariantEmitsTheChosenVariant();
};

void TestAttackVariantsUi::init()
{
    ASSAY_REQUIRE_VECTORS();
}

void TestAttackVariantsUi::cleanup()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog*>(w))
            delete w;
    }
}

void TestAttackVariantsUi::everyEnabledActionMakesRejectedVariants_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("publicKeyFrom"); // whose PEM the verification-key input holds
    QTest::addColumn<int>("enabled");           // how many of the nine kinds apply
    // HS256: everything but the psychic signature (ECDSA only). The algorithm-confusion variant takes jwt.io's RS256
    // public key (what a server holding both would feed to HMAC).
    QTest::newRow("HS256") << QStringLiteral("HS256") << QStringLiteral("RS256") << 8;
    QTest::newRow("ES256") << QStringLiteral("ES256") << QStringLiteral("ES256") << 9;
}

void TestAttackVariantsUi::everyEnabledActionMakesRejectedVariants()
{
    QFETCH(QString, name);
    QFETCH(QString, publicKeyFrom);
    QFETCH(int, enabled);
    const QJsonObject vector = jwtio(name);
    const QByteArray original = vector.value(QStringLiteral("token")).toString().toLatin1();
    const QByteArray originalCopy = original;
    const KeySet keys = originalKeys(vector);
    QVERIFY(!keys.isEmpty());
    const QByteArray pem = jwtio(publicKeyFrom).value(QStringLiteral("publicKey")).toString().toUtf8();

    AttackVariantsMenu menu;
    menu.setPublicKeyProvider([pem] { return pem; });
    menu.setTokenText(original);

    int actions = 0;
    for (AttackKind kind : allAttackKinds()) {
        QAction* action = menu.action(kind);
        QVERIFY(action);
        QVERIFY2(action->text().contains(QLatin1Char('A')), qPrintable(action->text())); // its ATTACKS.md id
        QVERIFY(!action->toolTip().isEmpty());
        QCOMPARE(action->statusTip(), action->toolTip());
        if (!action->isEnabled())
            continue;
        ++actions;
        AttackVariantDialog* dialog = runAction(menu, kind);
        QVERIFY2(dialog, qPrintable(attackKindName(kind)));
        auto* list = child<QListWidget>(dialog, "attackVariantList");
        QVERIFY(list->count() > 0);
        QCOMPARE(list->count(), dialog->variants().size());
        QVERIFY(child<QLabel>(dialog, "attackVariantHeaderLabel")->text().contains(QStringLiteral("rejects")));
        for (int row = 0; row < list->count(); ++row) {
            list->setCurrentRow(row);
            const AttackVariant& v = dialog->variants().at(row);
            QCOMPARE(v.kind, kind);
            QVERIFY(child<QLabel>(dialog, "attackVariantIdLabel")->text().contains(v.attackId));
            const QByteArray shown = child<QPlainTextEdit>(dialog, "attackVariantTokenView")->toPlainText().toLatin1();
            QCOMPARE(shown, v.token);
            QVERIFY(shown != original);
            Result<ParsedToken> parsed = parseToken(shown);
            QVERIFY2(parsed, qPrintable(v.name));
            const JwsVerification verdict = verifyJws(*parsed, keys);
            QVERIFY2(!verdict.isValid(), qPrintable(v.name + QStringLiteral(" verified: ") + verdict.reason));
            QCOMPARE(child<QWidget>(dialog, "attackVariantCompanionBox")->isVisibleTo(dialog), !v.companion.isEmpty());
        }
        dialog->close();
    }
    QCOMPARE(actions, enabled);

    // The original is untouched and still verifies.
    QCOMPARE(original, originalCopy);
    Result<ParsedToken> parsed = parseToken(original);
    QVERIFY(parsed);
    QVERIFY(verifyJws(*parsed, keys).isValid());
}

void TestAttackVariantsUi::psychicSignatureDisabledForHs256()
{
    AttackVariantsMenu menu;
    menu.setTokenText(jwtio(QStringLiteral("HS256")).value(QStringLiteral("token")).toString().toLatin1());
    QAction* psychic = menu.action(AttackKind::PsychicSignature);
    QVERIFY(!psychic->isEnabled());
    QVERIFY2(psychic->toolTip().contains(QStringLiteral("does not apply")) &&
                 psychic->toolTip().contains(QStringLiteral("ES256")),
             qPrintable(psychic->toolTip()));
    QVERIFY(psychic->toolTip().contains(QStringLiteral("A12")));
    QVERIFY(menu.action(AttackKind::AlgNone)->isEnabled());
}

void TestAttackVariantsUi::noTokenDisablesEverything()
{
    AttackVariantsMenu menu;
    for (AttackKind kind : allAttackKinds())
        QVERIFY(!menu.action(kind)->isEnabled());
    menu.setTokenText("not a token");
    for (AttackKind kind : allAttackKinds()) {
        QVERIFY(!menu.action(kind)->isEnabled());
        QVERIFY(menu.action(kind)->toolTip().contains(QStringLiteral("does not apply")));
    }
}

void TestAttackVariantsUi::jkuCarriesTheGivenUrl()
{
    const QString url = QStringLiteral("https://tester.example/keys/jwks.json");
    AttackVariantsMenu menu;
    menu.setTokenText(jwtio(QStringLiteral("RS256")).value(QStringLiteral("token")).toString().toLatin1());
    AttackVariantDialog* dialog = runAction(menu, AttackKind::JkuUrl, url);
    QVERIFY(dialog);
    QCOMPARE(dialog->variants().size(), 1);
    const QByteArray token = child<QPlainTextEdit>(dialog, "attackVariantTokenView")->toPlainText().toLatin1();
    const QJsonObject header = QJsonDocument::fromJson(headerJson(token)).object();
    QCOMPARE(header.value(QStringLiteral("jku")).toString(), url);
    // The companion is the JWK Set to host there, with the kid the header names.
    QVERIFY(child<QWidget>(dialog, "attackVariantCompanionBox")->isVisibleTo(dialog));
    const QJsonObject jwks =
        QJsonDocument::fromJson(child<QPlainTextEdit>(dialog, "attackVariantCompanionView")->toPlainText().toUtf8())
            .object();
    const QJsonObject jwk = jwks.value(QStringLiteral("keys")).toArray().at(0).toObject();
    QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), header.value(QStringLiteral("kid")).toString());
    QVERIFY(!jwk.contains(QStringLiteral("d"))); // public only
    QVERIFY(child<QLabel>(dialog, "attackVariantCompanionNoteLabel")->text().contains(url));
    grab(dialog, "variants-jku");
}

void TestAttackVariantsUi::hmacSecretInKeyInputIsNeverUsedAsPublicKey()
{
    // For an HS256 token the verification input holds the real secret: using it as the "public key" would make a
    // correctly signed token. The menu must ask for a public key file instead.
    const QJsonObject vector = jwtio(QStringLiteral("HS256"));
    const QByteArray secret = vector.value(QStringLiteral("secret")).toString().toUtf8();
    AttackVariantsMenu menu;
    menu.setPublicKeyProvider([secret] { return secret; });
    menu.setTokenText(vector.value(QStringLiteral("token")).toString().toLatin1());
    menu.action(AttackKind::HmacPublicKey)->trigger();
    QFileDialog* ask = nullptr;
    QVERIFY(QTest::qWaitFor([&ask] { return (ask = topLevel<QFileDialog>("attackPublicKeyFileDialog")) != nullptr; }));
    QVERIFY(!menu.isGenerating());

    // The user picks jwt.io's RS256 public key file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("public.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jwtio(QStringLiteral("RS256")).value(QStringLiteral("publicKey")).toString().toUtf8());
    file.close();
    Q_EMIT ask->fileSelected(path); // what accepting the dialog with that file does
    ask->close();
    QTRY_VERIFY_WITH_TIMEOUT(menu.lastDialog() != nullptr, kGenerateTimeoutMs);
    const KeySet keys = originalKeys(vector);
    for (const AttackVariant& v : menu.lastDialog()->variants()) {
        QCOMPARE(v.kind, AttackKind::HmacPublicKey);
        Result<ParsedToken> parsed = parseToken(v.token);
        QVERIFY(parsed);
        QVERIFY(!verifyJws(*parsed, keys).isValid());
    }
}

void TestAttackVariantsUi::openVariantEmitsTheChosenVariant()
{
    AttackVariantsMenu menu;
    menu.setTokenText(jwtio(QStringLiteral("ES256")).value(QStringLiteral("token")).toString().toLatin1());
    QList<AttackVariant> opened;
    connect(&menu, &AttackVariantsMenu::openVariant, this, [&opened](const AttackVariant& v) { opened.append(v); });
    AttackVariantDialog* dialog = runAction(menu, AttackKind::AlgNone);
    QVERIFY(dialog);
    QCOMPARE(dialog->variants().size(), 4); // none, None, NONE, nOnE
    grab(dialog, "variants-alg-none");
    child<QListWidget>(dialog, "attackVariantList")->setCurrentRow(2);
    QTest::mouseClick(child<QPushButton>(dialog, "attackVariantOpenButton"), Qt::LeftButton);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.front().name, dialog->variants().at(2).name);
    QCOMPARE(opened.front().token, dialog->variants().at(2).token);
    QCOMPARE(QJsonDocument::fromJson(headerJson(opened.front().token)).object().value(QStringLiteral("alg")).toString(),
             QStringLiteral("NONE"));
    QVERIFY(opened.front().label.startsWith(QStringLiteral("Attack variant")));
}

QTEST_MAIN(TestAttackVariantsUi)
#include "TestAttackVariantsUi.moc"
