// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyGeneratePage.h"

#include "keys/KeyFiles.h"
#include "keys/KeyText.h"
#include "keys/PrivateKeySaver.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyExport.h"
#include "jwk/KeyGenerator.h"
#include "jwk/SecretText.h"
#include "jws/KeyPolicy.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>

namespace assay::ui {
namespace {

struct KeyChoice
{
    const char* label;
    KeyType type;
    Curve curve;
};

// The list, in its order. X25519 and X448 agree on keys (ECDH-ES) and sign nothing.
constexpr KeyChoice kChoices[] = {
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "HMAC secret"), KeyType::Oct, Curve::None},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "RSA"), KeyType::RSA, Curve::None},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "EC P-256"), KeyType::EC, Curve::P256},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "EC P-384"), KeyType::EC, Curve::P384},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "EC P-521"), KeyType::EC, Curve::P521},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "EC secp256k1"), KeyType::EC, Curve::Secp256k1},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "Ed25519"), KeyType::OKP, Curve::Ed25519},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "Ed448"), KeyType::OKP, Curve::Ed448},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "X25519 (key agreement)"), KeyType::OKP, Curve::X25519},
    {QT_TRANSLATE_NOOP("KeyGeneratePage", "X448 (key agreement)"), KeyType::OKP, Curve::X448},
};

QString exported(const Result<SecureBytes>& bytes)
{
    return bytes ? secureText(*bytes) : QString();
}

} // namespace

KeyGeneratePage::KeyGeneratePage(QWidget* parent)
    : QWidget(parent)
    , m_typeCombo(new QComboBox(this))
    , m_rsaSizeCombo(new QComboBox(this))
    , m_secretBitsSpin(new QSpinBox(this))
    , m_sizeLabel(new QLabel(tr("Si&ze"), this))
    , m_generateButton(new QPushButton(tr("&Generate"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_busyBar(new QProgressBar(this))
    , m_statusLabel(new QLabel(this))
    , m_resultBox(new QGroupBox(tr("Generated key"), this))
    , m_descriptionLabel(new QLabel(m_resultBox))
    , m_kidField(new QLineEdit(m_resultBox))
    , m_uriField(new QLineEdit(m_resultBox))
    , m_useForSigningButton(new QPushButton(tr("Use for &signing"), m_resultBox))
    , m_useForVerifyingButton(new QPushButton(tr("Use for &verifying"), m_resultBox))
    , m_addToSessionButton(new QPushButton(tr("&Add to session keys"), m_resultBox))
    , m_savePublicButton(new QPushButton(tr("Save &public key…"), m_resultBox))
    , m_saveJwksButton(new QPushButton(tr("Save public &JWKS…"), m_resultBox))
    , m_savePrivateButton(new QPushButton(tr("Save p&rivate key (encrypted)…"), m_resultBox))
    , m_saver(new PrivateKeySaver(this))
{
    setObjectName(QStringLiteral("keyGeneratePage"));
    setAccessibleName(tr("Generate a key"));

    for (const KeyChoice& c : kChoices)
        m_typeCombo->addItem(tr(c.label));
    m_typeCombo->setObjectName(QStringLiteral("generateTypeCombo"));
    m_typeCombo->setAccessibleName(tr("Key type"));
    m_typeCombo->setCurrentIndex(2); // EC P-256: quick and the most common asymmetric JOSE key
    for (int bits : {2048, 3072, 4096})
        m_rsaSizeCombo->addItem(tr("%1 bits").arg(bits), bits);
    m_rsaSizeCombo->setObjectName(QStringLiteral("generateRsaSizeCombo"));
    m_rsaSizeCombo->setAccessibleName(tr("RSA modulus size"));
    m_secretBitsSpin->setObjectName(QStringLiteral("generateSecretBitsSpin"));
    m_secretBitsSpin->setAccessibleName(tr("Secret size in bits"));
    m_secretBitsSpin->setRange(64, 8192);
    m_secretBitsSpin->setSingleStep(64);
    m_secretBitsSpin->setValue(256);
    m_secretBitsSpin->setSuffix(tr(" bits"));
    m_secretBitsSpin->setToolTip(tr("A multiple of 8. HS256 needs at least 256 bits, HS384 384, HS512 512 "
                                    "(RFC 7518 section 3.2)."));
    m_generateButton->setObjectName(QStringLiteral("generateButton"));
    m_generateButton->setAccessibleName(tr("Generate"));
    m_generateButton->setShortcut(QKeySequence(tr("Ctrl+G")));
    m_generateButton->setToolTip(tr("Generate a fresh key (Ctrl+G)"));
    m_generateButton->setDefault(true);
    m_cancelButton->setObjectName(QStringLiteral("generateCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel generation"));
    m_busyBar->setObjectName(QStringLiteral("generateBusyBar"));
    m_busyBar->setAccessibleName(tr("Generating"));
    m_busyBar->setRange(0, 0); // indeterminate: OpenSSL cannot say how many primes it will try
    m_busyBar->setMaximumWidth(160);
    m_busyBar->setTextVisible(false);
    m_statusLabel->setObjectName(QStringLiteral("generateStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Generation status"));
    m_statusLabel->setWordWrap(true);
    m_sizeLabel->setBuddy(m_rsaSizeCombo);

    auto* typeLabel = new QLabel(tr("&Type"), this);
    typeLabel->setBuddy(m_typeCombo);
    auto* controls = new QHBoxLayout;
    controls->addWidget(typeLabel);
    controls->addWidget(m_typeCombo);
    controls->addSpacing(12);
    controls->addWidget(m_sizeLabel);
    controls->addWidget(m_rsaSizeCombo);
    controls->addWidget(m_secretBitsSpin);
    controls->addSpacing(12);
    controls->addWidget(m_generateButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_busyBar);
    controls->addStretch(1);

    // The result: identity first (what it is, its kid), then the material, then what to do with it.
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_descriptionLabel->setObjectName(QStringLiteral("generatedDescriptionLabel"));
    m_descriptionLabel->setAccessibleName(tr("Generated key"));
    for (QLineEdit* field : {m_kidField, m_uriField}) {
        field->setReadOnly(true);
        field->setFont(mono);
    }
    m_kidField->setObjectName(QStringLiteral("generatedKidField"));
    m_kidField->setAccessibleName(tr("kid: the RFC 7638 SHA-256 thumbprint"));
    m_uriField->setObjectName(QStringLiteral("generatedThumbprintUriField"));
    m_uriField->setAccessibleName(tr("RFC 9278 thumbprint URI"));
    auto* kidCopy = new QPushButton(tr("Copy"), m_resultBox);
    kidCopy->setObjectName(QStringLiteral("copyGeneratedKidButton"));
    kidCopy->setAccessibleName(tr("Copy kid"));
    connect(kidCopy, &QPushButton::clicked, this, [this] { copy(m_kidField->text(), tr("kid")); });
    auto* uriCopy = new QPushButton(tr("Copy"), m_resultBox);
    uriCopy->setObjectName(QStringLiteral("copyGeneratedUriButton"));
    uriCopy->setAccessibleName(tr("Copy thumbprint URI"));
    connect(uriCopy, &QPushButton::clicked, this, [this] { copy(m_uriField->text(), tr("thumbprint URI")); });

    auto* identity = new QGridLayout;
    identity->addWidget(new QLabel(tr("kid (RFC 7638 thumbprint)"), m_resultBox), 0, 0);
    identity->addWidget(m_kidField, 0, 1);
    identity->addWidget(kidCopy, 0, 2);
    identity->addWidget(new QLabel(tr("Thumbprint URI (RFC 9278)"), m_resultBox), 1, 0);
    identity->addWidget(m_uriField, 1, 1);
    identity->addWidget(uriCopy, 1, 2);
    m_hex = makeSecretRow(QStringLiteral("Hex"), tr("Secret (hex)"));
    m_base64 = makeSecretRow(QStringLiteral("Base64"), tr("Secret (base64)"));
    m_base64url = makeSecretRow(QStringLiteral("Base64Url"), tr("Secret (base64url)"));
    int row = 2;
    for (const SecretRow& r : {m_hex, m_base64, m_base64url}) {
        identity->addWidget(r.label, row, 0);
        identity->addWidget(r.field, row, 1);
        identity->addWidget(r.copy, row, 2);
        ++row;
    }

    m_privatePem = makeOutput(QStringLiteral("PrivatePem"), tr("Private key (PKCS#8 PEM)"));
    m_privateJwk = makeOutput(QStringLiteral("PrivateJwk"), tr("Private key (JWK)"));
    m_publicPem = makeOutput(QStringLiteral("PublicPem"), tr("Public key (SPKI PEM)"));
    m_publicJwk = makeOutput(QStringLiteral("PublicJwk"), tr("Public key (JWK)"));
    auto* material = new QGridLayout;
    material->addWidget(m_privatePem.box, 0, 0);
    material->addWidget(m_privateJwk.box, 1, 0);
    material->addWidget(m_publicPem.box, 0, 1);
    material->addWidget(m_publicJwk.box, 1, 1);

    const std::pair<QPushButton*, const char*> actions[] = {
        {m_useForSigningButton, "useGeneratedForSigningButton"},
        {m_useForVerifyingButton, "useGeneratedForVerifyingButton"},
        {m_addToSessionButton, "addGeneratedToSessionButton"},
        {m_savePublicButton, "saveGeneratedPublicButton"},
        {m_saveJwksButton, "saveGeneratedJwksButton"},
        {m_savePrivateButton, "saveGeneratedPrivateButton"},
    };
    auto* actionRow = new QHBoxLayout;
    for (const auto& [button, name] : actions) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(button->text().remove(QLatin1Char('&')));
        actionRow->addWidget(button);
    }
    actionRow->addStretch(1);
    m_useForSigningButton->setToolTip(tr("Put this key in the main window's signing key input"));
    m_useForVerifyingButton->setToolTip(tr("Put this key in the main window's verification key input"));
    m_addToSessionButton->setToolTip(tr("Keep this key in the session keys (memory only)"));
    m_savePrivateButton->setToolTip(tr("Private keys are saved only encrypted with a passphrase"));

    auto* resultLayout = new QVBoxLayout(m_resultBox);
    resultLayout->addWidget(m_descriptionLabel);
    resultLayout->addLayout(identity);
    resultLayout->addLayout(material, 1);
    resultLayout->addLayout(actionRow);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_resultBox, 1);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &KeyGeneratePage::onTypeChanged);
    connect(m_generateButton, &QPushButton::clicked, this, &KeyGeneratePage::generate);
    connect(m_cancelButton, &QPushButton::clicked, this, &KeyGeneratePage::cancel);
    connect(m_useForSigningButton, &QPushButton::clicked, this, [this] { Q_EMIT useForSigning(m_key); });
    connect(m_useForVerifyingButton, &QPushButton::clicked, this, [this] { Q_EMIT useForVerifying(m_key); });
    connect(m_addToSessionButton, &QPushButton::clicked, this, [this] {
        Q_EMIT addToSession(m_key, QStringLiteral("%1 %2").arg(shortKeyKind(m_key), m_key.kid().left(8)));
    });
    connect(m_savePublicButton, &QPushButton::clicked, this, &KeyGeneratePage::savePublicKey);
    connect(m_saveJwksButton, &QPushButton::clicked, this, &KeyGeneratePage::saveJwks);
    connect(m_savePrivateButton, &QPushButton::clicked, this, &KeyGeneratePage::savePrivateKey);
    connect(m_saver, &PrivateKeySaver::message, this, &KeyGeneratePage::message);

    onTypeChanged();
    setBusy(false);
    m_resultBox->setEnabled(false);
    showKey();
}

KeyGeneratePage::~KeyGeneratePage()
{
    // A generation still running is told to stop; its watcher (our child) is gone with us, so nothing is seen.
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    if (m_watcher)
        m_watcher->disconnect(this);
}

KeyGeneratePage::Output KeyGeneratePage::makeOutput(const QString& name, const QString& title)
{
    Output o;
    o.box = new QWidget(m_resultBox);
    o.box->setObjectName(QStringLiteral("generated%1Box").arg(name));
    o.title = new QLabel(title, o.box);
    o.view = new QPlainTextEdit(o.box);
    o.view->setObjectName(QStringLiteral("generated%1View").arg(name));
    o.view->setAccessibleName(title);
    o.view->setReadOnly(true);
    o.view->setTabChangesFocus(true);
    o.view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    o.title->setBuddy(o.view);
    o.copy = new QPushButton(tr("Copy"), o.box);
    o.copy->setObjectName(QStringLiteral("copyGenerated%1Button").arg(name));
    o.copy->setAccessibleName(tr("Copy %1").arg(title));
    auto* head = new QHBoxLayout;
    head->addWidget(o.title);
    head->addStretch(1);
    head->addWidget(o.copy);
    auto* layout = new QVBoxLayout(o.box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(o.view, 1);
    QPlainTextEdit* view = o.view;
    connect(o.copy, &QPushButton::clicked, this, [this, view, title] { copy(view->toPlainText(), title); });
    return o;
}

KeyGeneratePage::SecretRow KeyGeneratePage::makeSecretRow(const QString& name, const QString& label)
{
    SecretRow r;
    r.label = new QLabel(label, m_resultBox);
    r.field = new QLineEdit(m_resultBox);
    r.field->setObjectName(QStringLiteral("generatedSecret%1Field").arg(name));
    r.field->setAccessibleName(label);
    r.field->setReadOnly(true);
    r.field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    r.label->setBuddy(r.field);
    r.copy = new QPushButton(tr("Copy"), m_resultBox);
    r.copy->setObjectName(QStringLiteral("copyGeneratedSecret%1Button").arg(name));
    r.copy->setAccessibleName(tr("Copy %1").arg(label));
    QLineEdit* field = r.field;
    connect(r.copy, &QPushButton::clicked, this, [this, field, label] { copy(field->text(), label); });
    return r;
}

void KeyGeneratePage::onTypeChanged()
{
    const KeyChoice& c = kChoices[qBound(0, m_typeCombo->currentIndex(), int(std::size(kChoices)) - 1)];
    m_rsaSizeCombo->setVisible(c.type == KeyType::RSA);
    m_secretBitsSpin->setVisible(c.type == KeyType::Oct);
    m_sizeLabel->setVisible(c.type == KeyType::RSA || c.type == KeyType::Oct);
    m_sizeLabel->setBuddy(c.type == KeyType::Oct ? static_cast<QWidget*>(m_secretBitsSpin) : m_rsaSizeCombo);
}

void KeyGeneratePage::generate()
{
    const KeyChoice& c = kChoices[qBound(0, m_typeCombo->currentIndex(), int(std::size(kChoices)) - 1)];
    int bits = 0;
    if (c.type == KeyType::RSA)
        bits = m_rsaSizeCombo->currentData().toInt();
    else if (c.type == KeyType::Oct)
        bits = m_secretBitsSpin->value();
    // A new request supersedes one in flight: its watcher goes, and with it the result.
    cancel();
    m_watcher = new QFutureWatcher<Result<Key>>(this);
    QFutureWatcher<Result<Key>>* watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] { onGenerated(watcher); });
    const KeyType type = c.type;
    const Curve curve = c.curve;
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, &KeyGeneratePage::onProgress);
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    // RSA 4096 can take seconds: never on the UI thread. The kid is the RFC 7638 thumbprint, set there too. The
    // thread holds its own share of the cancel flag, so it may outlive this page.
    watcher->setFuture(
        QtConcurrent::run([type, curve, bits, cancelFlag = m_cancelFlag](QPromise<Result<Key>>& promise) {
            KeyGenerationControl control;
            control.cancel = cancelFlag.get();
            // Qt delivers progress to the watcher on the UI thread (at most a few times a second).
            control.onProgress = [&promise](const KeyGenerationProgress& p) {
                if (p.candidates > 0)
                    promise.setProgressValue(int(std::min<qint64>(p.candidates, INT_MAX)));
            };
            Result<Key> key = generateKey(type, curve, bits, control);
            if (key)
                key = applyMetadata(*key, JwkMetadata{KidChoice::Thumbprint, {}, {}, {}});
            promise.addResult(std::move(key));
        }));
    m_generating = m_typeCombo->currentText() + (bits > 0 ? QStringLiteral(" %1").arg(bits) : QString());
    m_statusLabel->setText(tr("Generating %1…").arg(m_generating));
    setBusy(true);
}

void KeyGeneratePage::cancel()
{
    if (!m_watcher)
        return;
    // OpenSSL stops at its next progress callback (KeyGenerationControl); whatever the thread still returns is
    // dropped unseen with the watcher.
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_cancelFlag.reset();
    m_watcher->disconnect(this);
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_statusLabel->setText(tr("Cancelled: the key generation was stopped and nothing was made."));
    setBusy(false);
}

void KeyGeneratePage::onGenerated(QFutureWatcher<Result<Key>>* watcher)
{
    if (watcher != m_watcher)
        return;
    const Result<Key> made = watcher->future().resultCount() > 0
                                 ? watcher->result()
                                 : Result<Key>(fail(ErrorCode::Internal, tr("no result")));
    watcher->deleteLater();
    m_watcher = nullptr;
    m_cancelFlag.reset();
    setBusy(false);
    if (!made) {
        m_statusLabel->setText(tr("Not generated: %1").arg(made.error().message));
        return;
    }
    m_key = *made;
    ++m_generated;
    m_statusLabel->setText(tr("Generated a fresh %1 (memory only until you save it).").arg(m_key.description()));
    showKey();
}

void KeyGeneratePage::onProgress(int candidates)
{
    if (m_watcher == nullptr || candidates <= 0)
        return;
    // OpenSSL gives no fraction, only that it is still searching: a count, with the bar left indeterminate.
    m_statusLabel->setText(
        candidates == 1
            ? tr("Generating %1: searching primes… (1 candidate tested)").arg(m_generating)
            : tr("Generating %1: searching primes… (%2 candidates tested)").arg(m_generating).arg(candidates));
}

void KeyGeneratePage::setBusy(bool busy)
{
    m_busyBar->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(busy);
}

void KeyGeneratePage::showKey()
{
    const Key& k = m_key;
    const bool have = !k.isNull();
    const bool secret = have && k.isSymmetric();
    m_resultBox->setEnabled(have);
    m_descriptionLabel->setText(have ? k.description() : tr("Nothing generated yet: pick a type and press Generate."));
    m_kidField->setText(have ? k.kid() : QString());
    m_uriField->setText(have ? k.thumbprintUri(256).value_or(QString()) : QString());

    for (const SecretRow* r : {&m_hex, &m_base64, &m_base64url}) {
        r->label->setVisible(secret);
        r->field->setVisible(secret);
        r->copy->setVisible(secret);
        r->field->clear();
    }
    if (secret) {
        const SecretRenderings s = renderSecret(*k.secret());
        m_hex.field->setText(secureText(s.hex));
        m_base64.field->setText(secureText(s.base64));
        m_base64url.field->setText(secureText(s.base64url));
    }
    // A secret has one form only (its JWK); the PEM and public outputs make room for it.
    for (const Output* o : {&m_privatePem, &m_publicPem, &m_publicJwk})
        o->box->setVisible(!secret);
    m_privateJwk.title->setText(secret ? tr("Secret (JWK)") : tr("Private key (JWK)"));
    m_privatePem.view->setPlainText(have && !secret ? exported(exportKey(k, KeyStructure::Pkcs8, KeyEncoding::Pem))
                                                    : QString());
    m_privateJwk.view->setPlainText(have ? exported(exportJwk(k, true)) : QString());
    m_publicPem.view->setPlainText(have && !secret ? exported(exportKey(k, KeyStructure::Spki, KeyEncoding::Pem))
                                                   : QString());
    m_publicJwk.view->setPlainText(have && !secret ? exported(exportJwk(k, false)) : QString());

    const bool signs = have && !algorithmsForKey(k).isEmpty();
    m_useForSigningButton->setEnabled(signs);
    m_useForVerifyingButton->setEnabled(signs);
    if (have && !signs)
        m_useForSigningButton->setToolTip(
            tr("%1 keys agree on keys (ECDH-ES); they sign nothing").arg(curveName(k.curve())));
    m_savePublicButton->setEnabled(have && !secret);
    m_saveJwksButton->setEnabled(have && !secret);
    m_savePrivateButton->setEnabled(have);
}

void KeyGeneratePage::copy(const QString& text, const QString& what)
{
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    Q_EMIT message(tr("Copied the %1").arg(what));
}

void KeyGeneratePage::savePublicKey()
{
    const Key key = m_key.publicKey();
    askSaveFile(this, QStringLiteral("savePublicKeyDialog"), tr("Save public key"),
                {tr("PEM public key (*.pem)"), tr("JWK (*.jwk *.json)")},
                shortKeyKind(m_key) + QStringLiteral(".pub.pem"), QStringLiteral("pem"),
                [this, key](const QString& path, const QString& filter) {
                    const bool jwk = filter.contains(QLatin1String("*.jwk")) || path.endsWith(QLatin1String(".jwk")) ||
                                     path.endsWith(QLatin1String(".json"));
                    const Result<SecureBytes> bytes =
                        jwk ? exportJwk(key, false) : exportKey(key, KeyStructure::Spki, KeyEncoding::Pem);
                    if (!bytes) {
                        Q_EMIT message(tr("Not saved: %1").arg(bytes.error().message));
                        return;
                    }
                    const QString error = writeKeyFile(path, bytes->view());
                    Q_EMIT message(error.isEmpty() ? tr("Saved %1").arg(QFileInfo(path).fileName()) : error);
                });
}

void KeyGeneratePage::saveJwks()
{
    const Key key = m_key.publicKey();
    askSaveFile(this, QStringLiteral("saveJwksDialog"), tr("Save public JWKS"), {tr("JWK Set (*.jwks *.json)")},
                shortKeyKind(m_key) + QStringLiteral(".jwks"), QStringLiteral("jwks"),
                [this, key](const QString& path, const QString&) {
                    const Result<SecureBytes> bytes = exportJwks({key}, false);
                    if (!bytes) {
                        Q_EMIT message(tr("Not saved: %1").arg(bytes.error().message));
                        return;
                    }
                    const QString error = writeKeyFile(path, bytes->view());
                    Q_EMIT message(error.isEmpty() ? tr("Saved %1").arg(QFileInfo(path).fileName()) : error);
                });
}

void KeyGeneratePage::savePrivateKey()
{
    if (!m_key.isNull())
        m_saver->save({m_key}, shortKeyKind(m_key).replace(QLatin1Char(' '), QLatin1Char('-')));
}

} // namespace assay::ui
