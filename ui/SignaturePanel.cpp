// SPDX-License-Identifier: Apache-2.0
#include "SignaturePanel.h"

#include "ui_SignaturePanel.h"

#include "DisplayText.h"
#include "PartColors.h"
#include "keys/SessionKeyRing.h"

#include <QCryptographicHash>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>

namespace assay::ui {
namespace {

constexpr qint64 kMaxKeyFileBytes = 4 * 1024 * 1024; // JWKS documents are small; anything larger is not a key

QString describeSet(const KeySet& set)
{
    QStringList parts;
    for (const Key& key : set.keys) {
        QString d = key.description();
        if (!key.kid().isEmpty())
            d += QStringLiteral(" (kid \"%1\")").arg(key.kid());
        parts.append(d);
    }
    QString text = set.keys.size() == 1
                       ? parts.front()
                       : SignaturePanel::tr("%n keys%1: %2", nullptr, int(set.keys.size()))
                             .arg(set.isJwks ? QStringLiteral(" (JWKS)") : QString(), parts.join(QStringLiteral("; ")));
    for (const QString& p : set.skipped + set.problems)
        text += QStringLiteral(" \u26A0 ") + p;
    return text;
}

QString escaped(const QString& text)
{
    return clipped(text).toHtmlEscaped();
}

} // namespace

SignaturePanel::SignaturePanel(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SignaturePanel>())
{
    m_ui->setupUi(this);
    m_public.edit = m_ui->publicKeyEdit;
    m_private.edit = m_ui->privateKeyEdit;

    QFont title = m_ui->signatureTitle->font();
    title.setBold(true);
    title.setLetterSpacing(QFont::PercentageSpacing, 108);
    m_ui->signatureTitle->setFont(title);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->pseudoCodeLabel->setFont(mono);
    m_ui->publicKeyEdit->setFont(mono);
    m_ui->privateKeyEdit->setFont(mono);

    for (JwsAlgorithm alg : supportedJwsAlgorithms())
        m_ui->algorithmCombo->addItem(jwsAlgorithmName(alg), int(alg));
    m_ui->algorithmCombo->addItem(jwsAlgorithmName(JwsAlgorithm::None), int(JwsAlgorithm::None));
    m_ui->algorithmCombo->setCurrentIndex(-1);

    m_ui->secretEncodingCombo->addItem(tr("UTF-8"), int(SecretEncoding::Utf8));
    m_ui->secretEncodingCombo->addItem(tr("base64"), int(SecretEncoding::Base64));
    m_ui->secretEncodingCombo->addItem(tr("base64url"), int(SecretEncoding::Base64Url));
    m_ui->secretEncodingCombo->addItem(tr("hex"), int(SecretEncoding::Hex));

    connect(m_ui->algorithmCombo, &QComboBox::activated, this, &SignaturePanel::onAlgorithmActivated);
    connect(m_ui->secretEdit, &QLineEdit::textChanged, this, &SignaturePanel::onSecretChanged);
    connect(m_ui->secretEncodingCombo, &QComboBox::currentIndexChanged, this, &SignaturePanel::onSecretChanged);
    connect(m_ui->showSecretButton, &QToolButton::toggled, this, [this](bool shown) {
        m_ui->secretEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showSecretButton->setText(shown ? tr("Hide") : tr("Show"));
        m_ui->showSecretButton->setAccessibleName(shown ? tr("Hide secret") : tr("Show secret"));
    });
    connect(m_ui->publicKeyEdit, &QPlainTextEdit::textChanged, this, [this] { onKeyTextChanged(m_public); });
    connect(m_ui->privateKeyEdit, &QPlainTextEdit::textChanged, this, [this] { onKeyTextChanged(m_private); });
    connect(m_ui->loadPublicKeyButton, &QPushButton::clicked, this, [this] { chooseKeyFile(false); });
    connect(m_ui->loadPrivateKeyButton, &QPushButton::clicked, this, [this] { chooseKeyFile(true); });
    connect(m_ui->keyWorkbenchButton, &QPushButton::clicked, this, &SignaturePanel::keyWorkbenchRequested);

    // Why the signature does not verify (signature forensics): an explanation with, where one exists, the fix.
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("forensicsLabel"));
    m_explanation->setAccessibleName(tr("Why the signature does not verify"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanationAction = new QPushButton(this);
    m_explanationAction->setObjectName(QStringLiteral("forensicsActionButton"));
    m_explanationAction->setAccessibleName(tr("Apply the suggested secret encoding"));
    connect(m_explanationAction, &QPushButton::clicked, this, [this] {
        if (!m_suggestedEncoding)
            return;
        // The user's choice, as if picked in the combo box: the verdict is then computed afresh.
        m_ui->secretEncodingCombo->setCurrentIndex(m_ui->secretEncodingCombo->findData(int(*m_suggestedEncoding)));
    });
    auto* explanationRow = new QHBoxLayout;
    explanationRow->addWidget(m_explanation, 1);
    explanationRow->addWidget(m_explanationAction, 0, Qt::AlignTop);
    m_ui->panelLayout->insertLayout(m_ui->panelLayout->indexOf(m_ui->keyStatusLabel) + 1, explanationRow);
    showExplanation(QString());

    applyTitle();
    m_ui->panelLayout->addStretch(1);
    showPage(m_ui->secretPage);
    m_ui->keyCandidatesList->hide();
    updateStatus();
}

SignaturePanel::~SignaturePanel()
{
    // The panel owns no SecureBytes copies beyond the KeyInputs, which wipe themselves; keys wipe on release.
}

void SignaturePanel::applyTitle()
{
    const PartColors colors = PartColors::forPalette(palette());
    m_ui->signatureTitle->setTextFormat(Qt::RichText);
    m_ui->signatureTitle->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;&nbsp;"
                       "<span style=\"color:%3; font-weight:normal\">%4</span>")
            .arg(colors.signature.name(), tr("SIGNATURE"), colors.neutral.name(), tr("verify &amp; re-sign")));
}

void SignaturePanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTitle();
        updateStatus();
    }
}

std::optional<JwsAlgorithm> SignaturePanel::currentAlgorithm() const
{
    const QVariant item = m_ui->algorithmCombo->currentData();
    if (!item.isValid())
        return std::nullopt;
    return static_cast<JwsAlgorithm>(item.toInt());
}

void SignaturePanel::onAlgorithmActivated(int index)
{
    const auto alg = static_cast<JwsAlgorithm>(m_ui->algorithmCombo->itemData(index).toInt());
    // The page (secret or key pair) follows the choice first, so the window re-signs with the matching key.
    updatePage(alg);
    Q_EMIT algorithmChosen(alg);
}

void SignaturePanel::showPage(QWidget* page)
{
    // Hidden pages must not size the stack: a one-line secret row should not sit in a key-pair-sized hole.
    for (int i = 0; i < m_ui->keyStack->count(); ++i) {
        QWidget* w = m_ui->keyStack->widget(i);
        w->setSizePolicy(QSizePolicy::Preferred, w == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_ui->keyStack->setCurrentWidget(page);
    m_ui->keyStack->setSizePolicy(QSizePolicy::Preferred,
                                  page == m_ui->asymmetricPage ? QSizePolicy::Expanding : QSizePolicy::Maximum);
    // Spare height goes to the key editors when they are shown, otherwise below everything.
    const bool keyPair = page == m_ui->asymmetricPage;
    m_ui->panelLayout->setStretch(m_ui->panelLayout->indexOf(m_ui->keyStack), keyPair ? 1 : 0);
    m_ui->panelLayout->setStretch(m_ui->panelLayout->count() - 1, keyPair ? 0 : 1);
    m_ui->keyStack->updateGeometry();
}

bool SignaturePanel::symmetricPage() const
{
    return m_ui->keyStack->currentWidget() == m_ui->secretPage;
}

void SignaturePanel::updatePage(std::optional<JwsAlgorithm> alg)
{
    if (!alg)
        return;
    QWidget* page = m_ui->asymmetricPage;
    if (*alg == JwsAlgorithm::None)
        page = m_ui->noKeyPage;
    else if (algorithmFamily(*alg) == AlgorithmFamily::Hmac)
        page = m_ui->secretPage;
    if (m_ui->keyStack->currentWidget() == page)
        return;
    showPage(page);
    updateStatus();
    // Another page means other keys apply.
    Q_EMIT keysChanged();
}

void SignaturePanel::showSnapshot(const SessionSnapshot& s)
{
    const int index = s.algorithm ? m_ui->algorithmCombo->findData(int(*s.algorithm)) : -1;
    m_ui->algorithmCombo->setCurrentIndex(index);
    m_ui->algorithmCombo->setToolTip(
        !s.algorithm && !s.algorithmName.isEmpty()
            ? tr("The header's alg \"%1\" is not an algorithm Assay can check").arg(s.algorithmName)
            : tr("Changing the algorithm rewrites alg in the header and re-signs with the signing key"));
    m_ui->algorithmCombo->setEnabled(s.editable);
    m_ui->pseudoCodeLabel->setText(s.signingPseudoCode.isEmpty() ? tr("No signing input yet") : s.signingPseudoCode);

    const PartColors colors = PartColors::forPalette(palette());
    m_ui->keyCandidatesList->clear();
    QString summary;
    if (!s.verification.signatures.isEmpty()) {
        const KeySelection& selection = s.verification.signatures.front().selection;
        summary = selection.summary;
        // Session keys follow the typed keys in the set the session verifies with: name them as the user did.
        const qsizetype typed = typedVerificationKeys().keys.size();
        const QList<SessionKey> session = m_ring ? m_ring->verifyingKeys(symmetricPage()) : QList<SessionKey>();
        for (const KeyCandidate& c : selection.candidates) {
            QString label = c.label;
            if (c.index >= typed && c.index - typed < session.size()) {
                const SessionKey& k = session.at(c.index - typed);
                label = k.key.kid().isEmpty()
                            ? tr("session key \"%1\" (%2)").arg(k.name, k.key.description())
                            : tr("session key \"%1\" (kid \"%2\", %3)").arg(k.name, k.key.kid(), k.key.description());
                summary.replace(c.label, label);
            }
            auto* item = new QListWidgetItem(
                QStringLiteral("%1  %2: %3")
                    .arg(c.usable ? QStringLiteral("\u2714") : QStringLiteral("\u2716"), label, c.reason),
                m_ui->keyCandidatesList);
            item->setForeground(c.usable ? colors.good : colors.neutral);
        }
    }
    // One key is self-explanatory; the list earns its space when a set offers a choice.
    m_ui->keyCandidatesList->setVisible(m_ui->keyCandidatesList->count() > 1);
    m_ui->keyStatusLabel->setProperty("selectionSummary", summary);
    updatePage(s.algorithm);
    updateStatus();
}

void SignaturePanel::onSecretChanged()
{
    QByteArray typed = m_ui->secretEdit->text().toUtf8();
    m_secretKey = Key();
    m_secretError.clear();
    if (!typed.isEmpty()) {
        const auto encoding = static_cast<SecretEncoding>(m_ui->secretEncodingCombo->currentData().toInt());
        if (auto key = keyFromSecret(typed, encoding))
            m_secretKey = *key;
        else
            m_secretError = key.error().message;
    }
    wipe(typed);
    updateStatus();
    Q_EMIT keysChanged();
}

void SignaturePanel::onKeyTextChanged(KeyInput& input)
{
    if (input.settingText)
        return;
    // Typed text replaces a loaded binary file and any passphrase given for the old content.
    wipe(input.fileBytes);
    input.passphrase.clear();
    parseKeyInput(input, true);
    updateStatus();
    Q_EMIT keysChanged();
}

void SignaturePanel::parseKeyInput(KeyInput& input, bool mayPrompt)
{
    input.keys = KeySet();
    input.error.clear();
    QByteArray material = input.fileBytes.isEmpty() ? input.edit->toPlainText().toUtf8() : input.fileBytes;
    if (!material.trimmed().isEmpty()) {
        auto set = loadKeys(material, input.passphrase.isEmpty() ? nullptr : &input.passphrase);
        if (set) {
            input.keys = *set;
        } else {
            input.error = set.error().message;
            const ErrorCode code = set.error().code;
            if (mayPrompt && (code == ErrorCode::KeyPassphraseRequired || code == ErrorCode::KeyPassphraseWrong)) {
                // Ask once per content (and again after a wrong passphrase), never on every keystroke.
                const QString fingerprint =
                    QString::fromLatin1(QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex());
                if (input.promptedFor != fingerprint || code == ErrorCode::KeyPassphraseWrong) {
                    input.promptedFor = fingerprint;
                    askPassphrase(input);
                }
            }
        }
    }
    if (input.fileBytes.isEmpty())
        wipe(material);
}

void SignaturePanel::askPassphrase(KeyInput& input)
{
    // Window-modal but asynchronous (open(), not exec()): no nested event loop.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("passphraseDialog"));
    dialog->setAccessibleName(tr("Key passphrase"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Encrypted key"));
    dialog->setLabelText(tr("The key is encrypted. Passphrase:"));
    dialog->setTextEchoMode(QLineEdit::Password);
    KeyInput* target = &input;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, target](const QString& text) {
        QByteArray bytes = text.toUtf8();
        target->passphrase = SecureBytes(bytes);
        wipe(bytes);
        parseKeyInput(*target, true);
        updateStatus();
        Q_EMIT keysChanged();
    });
    dialog->open();
}

void SignaturePanel::chooseKeyFile(bool privateKey)
{
    auto* dialog = new QFileDialog(this, privateKey ? tr("Load private key") : tr("Load public key"));
    dialog->setObjectName(QStringLiteral("keyFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Keys (*.pem *.der *.crt *.cer *.key *.pub *.json *.jwk *.jwks)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, privateKey](const QString& path) { loadKeyFile(privateKey, path); });
    dialog->open();
}

void SignaturePanel::loadKeyFile(bool privateKey, const QString& path)
{
    KeyInput& input = privateKey ? m_private : m_public;
    QFile file(path);
    if (file.size() > kMaxKeyFileBytes) {
        Q_EMIT message(tr("%1 is too large to be a key file").arg(QFileInfo(path).fileName()));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    QByteArray content = file.readAll();
    const bool binary = content.contains('\0') || QString::fromUtf8(content).toUtf8() != content;
    input.settingText = true;
    input.passphrase.clear();
    if (binary) {
        // DER cannot be shown as text: keep the bytes, show what they are.
        input.fileBytes = content;
        input.edit->setPlainText(
            tr("Binary key file %1 (%n bytes, DER). Type here to replace it.", nullptr, int(content.size()))
                .arg(QFileInfo(path).fileName()));
    } else {
        wipe(input.fileBytes);
        input.edit->setPlainText(QString::fromUtf8(content));
        wipe(content);
    }
    input.settingText = false;
    parseKeyInput(input, true);
    updateStatus();
    Q_EMIT message(input.error.isEmpty() ? tr("Loaded %1").arg(QFileInfo(path).fileName())
                                         : tr("%1: %2").arg(QFileInfo(path).fileName(), input.error));
    Q_EMIT keysChanged();
}

void SignaturePanel::setSecret(const QString& secret, SecretEncoding encoding)
{
    const QSignalBlocker blocker(m_ui->secretEncodingCombo);
    m_ui->secretEncodingCombo->setCurrentIndex(m_ui->secretEncodingCombo->findData(int(encoding)));
    if (m_ui->secretEdit->text() == secret)
        onSecretChanged();
    else
        m_ui->secretEdit->setText(secret);
}

void SignaturePanel::setPublicKeyText(const QString& text)
{
    m_ui->publicKeyEdit->setPlainText(text);
}

void SignaturePanel::setPrivateKeyText(const QString& text)
{
    m_ui->privateKeyEdit->setPlainText(text);
}

void SignaturePanel::focusKeyInput()
{
    if (symmetricPage())
        m_ui->secretEdit->setFocus(Qt::ShortcutFocusReason);
    else if (m_ui->keyStack->currentWidget() == m_ui->asymmetricPage)
        m_ui->publicKeyEdit->setFocus(Qt::ShortcutFocusReason);
    else
        m_ui->algorithmCombo->setFocus(Qt::ShortcutFocusReason);
}

void SignaturePanel::clearKeys()
{
    for (KeyInput* input : {&m_public, &m_private}) {
        input->settingText = true;
        input->edit->clear();
        input->settingText = false;
        wipe(input->fileBytes);
        input->passphrase.clear();
        input->keys = KeySet();
        input->error.clear();
    }
    const QSignalBlocker blocker(m_ui->secretEdit);
    m_ui->secretEdit->clear();
    m_secretKey = Key();
    m_secretError.clear();
    updateStatus();
    Q_EMIT keysChanged();
}

void SignaturePanel::setKeyRing(SessionKeyRing* ring)
{
    if (m_ring)
        m_ring->disconnect(this);
    m_ring = ring;
    if (m_ring) {
        connect(m_ring, &SessionKeyRing::changed, this, [this] {
            updateStatus();
            Q_EMIT keysChanged();
        });
    }
    updateStatus();
    Q_EMIT keysChanged();
}

SecureBytes SignaturePanel::typedSecret() const
{
    QByteArray typed = m_ui->secretEdit->text().toUtf8();
    SecureBytes secret(typed);
    wipe(typed);
    return secret;
}

SecretEncoding SignaturePanel::secretEncoding() const
{
    return static_cast<SecretEncoding>(m_ui->secretEncodingCombo->currentData().toInt());
}

QByteArray SignaturePanel::publicKeyMaterial() const
{
    return m_public.fileBytes.isEmpty() ? m_public.edit->toPlainText().toUtf8() : m_public.fileBytes;
}

void SignaturePanel::showExplanation(const QString& text, std::optional<SecretEncoding> suggested)
{
    const PartColors colors = PartColors::forPalette(palette());
    m_explanation->setText(
        text.isEmpty()
            ? QString()
            : QStringLiteral("<span style=\"color:%1\">\u2691</span> %2").arg(colors.signature.name(), escaped(text)));
    m_explanation->setToolTip(text);
    m_explanation->setVisible(!text.isEmpty());
    m_suggestedEncoding = text.isEmpty() ? std::nullopt : suggested;
    if (m_suggestedEncoding) {
        const QString name =
            m_ui->secretEncodingCombo->itemText(m_ui->secretEncodingCombo->findData(int(*m_suggestedEncoding)));
        m_explanationAction->setText(tr("Read as %1").arg(name));
        m_explanationAction->setToolTip(tr("Set the secret encoding to %1").arg(name));
    }
    m_explanationAction->setVisible(m_suggestedEncoding.has_value() && symmetricPage());
}

QString SignaturePanel::explanation() const
{
    return m_explanation->toolTip();
}

KeySet SignaturePanel::verificationKeys() const
{
    KeySet set = typedVerificationKeys();
    if (m_ring && m_ui->keyStack->currentWidget() != m_ui->noKeyPage) {
        // Only keys of the page's kind: a set mixing secrets and public keys is refused (ATTACKS.md A05).
        for (const SessionKey& k : m_ring->verifyingKeys(symmetricPage()))
            set.keys.append(k.key);
    }
    return set;
}

Key SignaturePanel::signingKey() const
{
    Key key = typedSigningKey();
    if (key.isNull() && m_ring && m_ui->keyStack->currentWidget() != m_ui->noKeyPage) {
        if (const auto session = m_ring->signingKey(symmetricPage()))
            key = session->key;
    }
    return key;
}

KeySet SignaturePanel::typedVerificationKeys() const
{
    if (m_ui->keyStack->currentWidget() == m_ui->noKeyPage)
        return {};
    if (symmetricPage()) {
        KeySet set;
        if (!m_secretKey.isNull())
            set.keys.append(m_secretKey);
        return set;
    }
    return m_public.keys;
}

Key SignaturePanel::typedSigningKey() const
{
    if (m_ui->keyStack->currentWidget() == m_ui->noKeyPage)
        return {};
    if (symmetricPage())
        return m_secretKey;
    for (const Key& key : m_private.keys.keys) {
        if (key.hasPrivate())
            return key;
    }
    return {};
}

void SignaturePanel::updateStatus()
{
    const PartColors colors = PartColors::forPalette(palette());
    const QString bad = QStringLiteral("<span style=\"color:%1\">\u2716 %2</span>").arg(colors.bad.name());
    QStringList lines;
    if (m_ui->keyStack->currentWidget() == m_ui->noKeyPage) {
        lines.append(escaped(tr("No key needed.")));
    } else if (symmetricPage()) {
        if (!m_secretError.isEmpty())
            lines.append(bad.arg(escaped(tr("Secret: %1").arg(m_secretError))));
        else if (!m_secretKey.isNull())
            lines.append(escaped(tr("Secret: %1. Verifies, and re-signs after edits.").arg(m_secretKey.description())));
        else
            lines.append(escaped(tr("Type the secret to verify the signature and re-sign after edits.")));
    } else {
        if (!m_public.error.isEmpty())
            lines.append(bad.arg(escaped(tr("Public key: %1").arg(m_public.error))));
        else if (!m_public.keys.isEmpty())
            lines.append(escaped(tr("Verifies with: %1").arg(describeSet(m_public.keys))));
        if (!m_private.error.isEmpty()) {
            lines.append(bad.arg(escaped(tr("Private key: %1").arg(m_private.error))));
        } else if (!m_private.keys.isEmpty()) {
            const Key key = typedSigningKey();
            lines.append(escaped(key.isNull() ? tr("The private key input holds no private key")
                                              : tr("Re-signs with: %1").arg(key.description())));
        }
        if (lines.isEmpty() && !m_ring)
            lines.append(escaped(tr("Give a public key to verify; add the private key to re-sign after edits.")));
    }
    if (m_ring && m_ui->keyStack->currentWidget() != m_ui->noKeyPage) {
        QStringList names;
        for (const SessionKey& k : m_ring->verifyingKeys(symmetricPage()))
            names.append(QStringLiteral("\"%1\"").arg(k.name));
        if (!names.isEmpty())
            lines.append(escaped(tr("Also tries %n session key(s): %1", nullptr, int(names.size()))
                                     .arg(names.join(QStringLiteral(", ")))));
        const auto session = m_ring->signingKey(symmetricPage());
        if (session && typedSigningKey().isNull())
            lines.append(
                escaped(tr("Re-signs with session key \"%1\" (%2)").arg(session->name, session->key.description())));
        if (lines.isEmpty())
            lines.append(escaped(symmetricPage()
                                     ? tr("Type the secret to verify the signature and re-sign after edits.")
                                     : tr("Give a public key to verify; add the private key to re-sign "
                                          "after edits.")));
    }
    const QString summary = m_ui->keyStatusLabel->property("selectionSummary").toString();
    if (!summary.isEmpty() && !verificationKeys().isEmpty())
        lines.append(escaped(tr("Key selection: %1").arg(summary)));
    m_ui->keyStatusLabel->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace assay::ui
