// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyConvertPage.h"

#include "DisplayText.h"
#include "keys/KeyFiles.h"
#include "keys/KeyText.h"
#include "keys/PrivateKeySaver.h"

#include "jwk/KeyExport.h"
#include "jws/KeyPolicy.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace assay::ui {
namespace {

using Target = KeyConvertPage::Target;

struct TargetInfo
{
    Target target;
    const char* label;
    std::optional<KeyStructure> structure; // nullopt: JWK or JWK Set
    const char* suffix;
};

constexpr TargetInfo kTargets[] = {
    {Target::Spki, QT_TRANSLATE_NOOP("KeyConvertPage", "SPKI public key (PUBLIC KEY)"), KeyStructure::Spki, "pub"},
    {Target::Pkcs1Public, QT_TRANSLATE_NOOP("KeyConvertPage", "PKCS#1 public key (RSA PUBLIC KEY)"),
     KeyStructure::Pkcs1Public, "rsa.pub"},
    {Target::Pkcs1Private, QT_TRANSLATE_NOOP("KeyConvertPage", "PKCS#1 private key (RSA PRIVATE KEY)"),
     KeyStructure::Pkcs1Private, "rsa"},
    {Target::Pkcs8, QT_TRANSLATE_NOOP("KeyConvertPage", "PKCS#8 private key (PRIVATE KEY)"), KeyStructure::Pkcs8, "p8"},
    {Target::Pkcs8Encrypted, QT_TRANSLATE_NOOP("KeyConvertPage", "Encrypted PKCS#8 (ENCRYPTED PRIVATE KEY)"),
     KeyStructure::Pkcs8Encrypted, "p8"},
    {Target::Sec1, QT_TRANSLATE_NOOP("KeyConvertPage", "SEC 1 EC private key (EC PRIVATE KEY)"), KeyStructure::Sec1,
     "ec"},
    {Target::JwkPublic, QT_TRANSLATE_NOOP("KeyConvertPage", "JWK, public"), std::nullopt, "jwk"},
    {Target::JwkPrivate, QT_TRANSLATE_NOOP("KeyConvertPage", "JWK, private"), std::nullopt, "jwk"},
    {Target::JwksPublic, QT_TRANSLATE_NOOP("KeyConvertPage", "JWK Set of the inspected keys, public"), std::nullopt,
     "jwks"},
    {Target::JwksPrivate, QT_TRANSLATE_NOOP("KeyConvertPage", "JWK Set of the inspected keys, private"), std::nullopt,
     "jwks"},
};

const TargetInfo& infoFor(Target t)
{
    for (const TargetInfo& i : kTargets) {
        if (i.target == t)
            return i;
    }
    return kTargets[0];
}

bool isPrivateTarget(Target t)
{
    const TargetInfo& i = infoFor(t);
    if (i.structure)
        return isPrivateStructure(*i.structure) && *i.structure != KeyStructure::Pkcs8Encrypted;
    return t == Target::JwkPrivate || t == Target::JwksPrivate;
}

} // namespace

KeyConvertPage::KeyConvertPage(QWidget* parent)
    : QWidget(parent)
    , m_sourceLabel(new QLabel(this))
    , m_targetCombo(new QComboBox(this))
    , m_encodingCombo(new QComboBox(this))
    , m_kidEdit(new QLineEdit(this))
    , m_kidThumbprintButton(new QPushButton(tr("&Thumbprint"), this))
    , m_algCombo(new QComboBox(this))
    , m_useCombo(new QComboBox(this))
    , m_metadataNote(new QLabel(this))
    , m_passphraseEdit(new QLineEdit(this))
    , m_confirmEdit(new QLineEdit(this))
    , m_passphraseLabel(new QLabel(tr("&Passphrase"), this))
    , m_confirmLabel(new QLabel(tr("A&gain"), this))
    , m_convertButton(new QPushButton(tr("Co&nvert"), this))
    , m_outputView(new QPlainTextEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_copyButton(new QPushButton(tr("&Copy"), this))
    , m_saveButton(new QPushButton(tr("&Save…"), this))
    , m_saver(new PrivateKeySaver(this))
    , m_watcher(new QFutureWatcher<Result<QByteArray>>(this))
{
    setObjectName(QStringLiteral("keyConvertPage"));
    setAccessibleName(tr("Convert a key"));

    m_sourceLabel->setObjectName(QStringLiteral("convertSourceLabel"));
    m_sourceLabel->setAccessibleName(tr("Key to convert"));
    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (const TargetInfo& t : kTargets)
        m_targetCombo->addItem(tr(t.label), int(t.target));
    m_targetCombo->setObjectName(QStringLiteral("convertTargetCombo"));
    m_targetCombo->setAccessibleName(tr("Convert to"));
    m_encodingCombo->addItem(QStringLiteral("PEM"), int(KeyEncoding::Pem));
    m_encodingCombo->addItem(QStringLiteral("DER"), int(KeyEncoding::Der));
    m_encodingCombo->setObjectName(QStringLiteral("convertEncodingCombo"));
    m_encodingCombo->setAccessibleName(tr("Encoding"));
    m_kidEdit->setObjectName(QStringLiteral("convertKidEdit"));
    m_kidEdit->setAccessibleName(tr("kid"));
    m_kidEdit->setPlaceholderText(tr("no kid"));
    m_kidThumbprintButton->setObjectName(QStringLiteral("convertKidThumbprintButton"));
    m_kidThumbprintButton->setAccessibleName(tr("Use the thumbprint as kid"));
    m_kidThumbprintButton->setToolTip(tr("Set kid to the key's RFC 7638 SHA-256 thumbprint"));
    m_algCombo->setObjectName(QStringLiteral("convertAlgCombo"));
    m_algCombo->setAccessibleName(tr("alg"));
    m_algCombo->setEditable(true);
    m_useCombo->setObjectName(QStringLiteral("convertUseCombo"));
    m_useCombo->setAccessibleName(tr("use"));
    m_useCombo->addItem(tr("(none)"), QString());
    m_useCombo->addItem(QStringLiteral("sig"), QStringLiteral("sig"));
    m_useCombo->addItem(QStringLiteral("enc"), QStringLiteral("enc"));
    m_metadataNote->setObjectName(QStringLiteral("convertMetadataNote"));
    m_metadataNote->setWordWrap(true);
    for (QLineEdit* e : {m_passphraseEdit, m_confirmEdit})
        e->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setObjectName(QStringLiteral("convertPassphraseEdit"));
    m_passphraseEdit->setAccessibleName(tr("Passphrase"));
    m_confirmEdit->setObjectName(QStringLiteral("convertConfirmPassphraseEdit"));
    m_confirmEdit->setAccessibleName(tr("Passphrase again"));
    m_passphraseLabel->setBuddy(m_passphraseEdit);
    m_confirmLabel->setBuddy(m_confirmEdit);
    m_convertButton->setObjectName(QStringLiteral("convertButton"));
    m_convertButton->setAccessibleName(tr("Convert"));
    m_convertButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_convertButton->setToolTip(tr("Convert now (Ctrl+Return)"));
    m_outputView->setObjectName(QStringLiteral("convertOutputView"));
    m_outputView->setAccessibleName(tr("Converted key"));
    m_outputView->setReadOnly(true);
    m_outputView->setTabChangesFocus(true);
    m_outputView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_statusLabel->setObjectName(QStringLiteral("convertStatusLabel"));
    m_statusLabel->setAccessibleName(tr("Conversion status"));
    m_statusLabel->setWordWrap(true);
    m_copyButton->setObjectName(QStringLiteral("convertCopyButton"));
    m_copyButton->setAccessibleName(tr("Copy the converted key"));
    m_saveButton->setObjectName(QStringLiteral("convertSaveButton"));
    m_saveButton->setAccessibleName(tr("Save the converted key"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Source"), m_sourceLabel);
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_targetCombo, 1);
    targetRow->addWidget(m_encodingCombo);
    auto* targetLabel = new QLabel(tr("&Format"), this);
    targetLabel->setBuddy(m_targetCombo);
    form->addRow(targetLabel, targetRow);
    auto* kidRow = new QHBoxLayout;
    kidRow->addWidget(m_kidEdit, 1);
    kidRow->addWidget(m_kidThumbprintButton);
    auto* kidLabel = new QLabel(tr("&kid"), this);
    kidLabel->setBuddy(m_kidEdit);
    form->addRow(kidLabel, kidRow);
    auto* algLabel = new QLabel(tr("&alg"), this);
    algLabel->setBuddy(m_algCombo);
    form->addRow(algLabel, m_algCombo);
    auto* useLabel = new QLabel(tr("&use"), this);
    useLabel->setBuddy(m_useCombo);
    form->addRow(useLabel, m_useCombo);
    form->addRow(QString(), m_metadataNote);
    form->addRow(m_passphraseLabel, m_passphraseEdit);
    form->addRow(m_confirmLabel, m_confirmEdit);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_convertButton);
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch(1);
    auto* outputLabel = new QLabel(tr("&Output"), this);
    outputLabel->setBuddy(m_outputView);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_statusLabel);
    layout->addWidget(outputLabel);
    layout->addWidget(m_outputView, 1);

    connect(m_targetCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        autoConvert();
    });
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, this, &KeyConvertPage::autoConvert);
    connect(m_kidEdit, &QLineEdit::textChanged, this, &KeyConvertPage::autoConvert);
    connect(m_algCombo, &QComboBox::currentTextChanged, this, &KeyConvertPage::autoConvert);
    connect(m_useCombo, &QComboBox::currentIndexChanged, this, &KeyConvertPage::autoConvert);
    connect(m_kidThumbprintButton, &QPushButton::clicked, this, &KeyConvertPage::resetKid);
    connect(m_convertButton, &QPushButton::clicked, this, &KeyConvertPage::convert);
    connect(m_copyButton, &QPushButton::clicked, this, &KeyConvertPage::copyOutput);
    connect(m_saveButton, &QPushButton::clicked, this, &KeyConvertPage::saveOutput);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &KeyConvertPage::onEncrypted);
    connect(m_saver, &PrivateKeySaver::message, this, &KeyConvertPage::message);
    for (QLineEdit* e : {m_passphraseEdit, m_confirmEdit})
        connect(e, &QLineEdit::textChanged, this, &KeyConvertPage::updateControls);

    setSource({}, {});
}

KeyConvertPage::~KeyConvertPage()
{
    m_watcher->disconnect(this);
}

KeyConvertPage::Target KeyConvertPage::target() const
{
    return static_cast<Target>(m_targetCombo->currentData().toInt());
}

bool KeyConvertPage::isJwkTarget() const
{
    return !infoFor(target()).structure.has_value();
}

bool KeyConvertPage::isDer() const
{
    return !isJwkTarget() && m_encodingCombo->currentData().toInt() == int(KeyEncoding::Der);
}

void KeyConvertPage::setTarget(Target t)
{
    m_targetCombo->setCurrentIndex(m_targetCombo->findData(int(t)));
}

void KeyConvertPage::setSource(const Key& key, const QList<Key>& all)
{
    m_key = key;
    m_all.clear();
    for (const Key& k : all) {
        if (!k.isNull())
            m_all.append(k);
    }
    if (key.isNull()) {
        m_sourceLabel->setText(tr("No key: paste or load one on the Inspect tab (Ctrl+2)."));
    } else {
        QString text = key.description();
        if (!key.kid().isEmpty())
            text += tr(", kid \"%1\"").arg(clipped(key.kid(), 80));
        if (m_all.size() > 1)
            text += tr(" (a JWK Set takes all %1 inspected keys)").arg(m_all.size());
        m_sourceLabel->setText(text);
    }
    {
        const QSignalBlocker b1(m_kidEdit);
        const QSignalBlocker b2(m_algCombo);
        const QSignalBlocker b3(m_useCombo);
        // The key's own kid, or its RFC 7638 thumbprint when it has none (the core's default, KidChoice).
        m_kidEdit->setText(key.isNull() ? QString()
                                        : (key.kid().isEmpty() ? key.thumbprint(256).value_or(QString()) : key.kid()));
        m_algCombo->clear();
        m_algCombo->addItem(QString());
        if (!key.isNull()) {
            for (JwsAlgorithm alg : algorithmsForKey(key))
                m_algCombo->addItem(jwsAlgorithmName(alg));
        }
        m_algCombo->setCurrentText(key.isNull() ? QString() : key.alg());
        const int use = m_useCombo->findData(key.isNull() ? QString() : key.use());
        m_useCombo->setCurrentIndex(use < 0 ? 0 : use);
    }
    updateControls();
    autoConvert();
}

void KeyConvertPage::resetKid()
{
    if (!m_key.isNull())
        m_kidEdit->setText(m_key.thumbprint(256).value_or(QString()));
}

void KeyConvertPage::updateControls()
{
    const Target t = target();
    const bool jwk = isJwkTarget();
    const bool set = t == Target::JwksPublic || t == Target::JwksPrivate;
    const bool encrypted = t == Target::Pkcs8Encrypted;
    m_encodingCombo->setEnabled(!jwk);
    // A single key's kid is typed here; in a set each key keeps its kid or gets its thumbprint.
    const bool oneKey = !set || m_all.size() <= 1;
    m_kidEdit->setEnabled(jwk && oneKey);
    m_kidThumbprintButton->setEnabled(jwk && oneKey && !m_key.isNull());
    m_algCombo->setEnabled(jwk);
    m_useCombo->setEnabled(jwk);
    if (!jwk)
        m_metadataNote->setText(tr("PEM and DER carry no kid, alg or use: those are JWK members."));
    else if (!oneKey)
        m_metadataNote->setText(tr("In the set each key keeps its kid, or gets its RFC 7638 thumbprint as kid; "
                                   "alg and use, when set, apply to every key."));
    else
        m_metadataNote->setText(tr("kid is the key's own, or its RFC 7638 thumbprint; an empty field writes none."));
    for (QWidget* w : {static_cast<QWidget*>(m_passphraseEdit), static_cast<QWidget*>(m_confirmEdit),
                       static_cast<QWidget*>(m_passphraseLabel), static_cast<QWidget*>(m_confirmLabel)})
        w->setVisible(encrypted);
    const bool passphraseOk = !m_passphraseEdit->text().isEmpty() && m_passphraseEdit->text() == m_confirmEdit->text();
    m_convertButton->setEnabled(!m_key.isNull() && !m_encrypting && (!encrypted || passphraseOk));
    m_copyButton->setEnabled(!m_output.isEmpty() && !isDer());
    m_saveButton->setEnabled(!m_output.isEmpty());
    m_saveButton->setText(m_outputPrivate ? tr("&Save encrypted…") : tr("&Save…"));
    m_saveButton->setToolTip(m_outputPrivate ? tr("Private keys are saved only encrypted with a passphrase, as an "
                                                  "encrypted JWK Set")
                                             : tr("Save the output to a file"));
}

Result<Key> KeyConvertPage::withMetadata(const Key& key, bool useKidField) const
{
    JwkMetadata meta;
    if (useKidField) {
        meta.kidChoice = KidChoice::Value;
        meta.kid = m_kidEdit->text().trimmed();
    } else {
        meta.kidChoice = KidChoice::ThumbprintIfMissing;
    }
    meta.alg = m_algCombo->currentText().trimmed();
    meta.use = m_useCombo->currentData().toString();
    return applyMetadata(key, meta);
}

Result<SecureBytes> KeyConvertPage::convertPlain() const
{
    const Target t = target();
    const TargetInfo& info = infoFor(t);
    if (info.structure) {
        return exportKey(m_key, *info.structure, static_cast<KeyEncoding>(m_encodingCombo->currentData().toInt()));
    }
    if (t == Target::JwkPublic || t == Target::JwkPrivate) {
        Result<Key> key = withMetadata(m_key, true);
        if (!key)
            return fail(key.error());
        return exportJwk(*key, t == Target::JwkPrivate);
    }
    const QList<Key> source = m_all.isEmpty() ? QList<Key>{m_key} : m_all;
    QList<Key> keys;
    for (const Key& k : source) {
        Result<Key> key = withMetadata(k, source.size() == 1);
        if (!key)
            return fail(key.error());
        keys.append(*key);
    }
    return exportJwks(keys, t == Target::JwksPrivate);
}

void KeyConvertPage::autoConvert()
{
    updateControls();
    if (target() == Target::Pkcs8Encrypted) {
        m_output.clear();
        m_outputPrivate = false;
        m_outputView->clear();
        m_statusLabel->setText(m_key.isNull() ? QString()
                                              : tr("Type the passphrase twice, then press Convert (Ctrl+Return): "
                                                   "PBKDF2 with 600000 iterations takes a moment."));
        updateControls();
        return;
    }
    convert();
}

void KeyConvertPage::convert()
{
    if (m_key.isNull()) {
        showOutput(SecureBytes());
        m_statusLabel->clear();
        return;
    }
    if (target() != Target::Pkcs8Encrypted) {
        showOutput(convertPlain());
        return;
    }
    if (m_encrypting || m_passphraseEdit->text().isEmpty() || m_passphraseEdit->text() != m_confirmEdit->text())
        return;
    QByteArray typed = m_passphraseEdit->text().toUtf8();
    auto passphrase = std::make_shared<SecureBytes>(typed);
    wipe(typed);
    m_passphraseEdit->clear();
    m_confirmEdit->clear();
    const Key key = m_key;
    const auto encoding = static_cast<KeyEncoding>(m_encodingCombo->currentData().toInt());
    m_encrypting = true;
    m_statusLabel->setText(tr("Encrypting…"));
    updateControls();
    // The encrypted structure is no secret without the passphrase, so it travels back as plain bytes.
    m_watcher->setFuture(QtConcurrent::run([key, encoding, passphrase]() -> Result<QByteArray> {
        Result<SecureBytes> out = exportKey(key, KeyStructure::Pkcs8Encrypted, encoding, passphrase.get());
        passphrase->clear();
        if (!out)
            return fail(out.error());
        return QByteArray(out->view().data(), out->view().size());
    }));
}

void KeyConvertPage::onEncrypted()
{
    m_encrypting = false;
    const Result<QByteArray> out = m_watcher->result();
    if (target() != Target::Pkcs8Encrypted) {
        updateControls(); // the user moved on; this result is for another target
        return;
    }
    if (!out)
        showOutput(fail(out.error()));
    else
        showOutput(SecureBytes(*out));
}

void KeyConvertPage::showOutput(Result<SecureBytes> result)
{
    m_output.clear();
    m_outputPrivate = false;
    if (!result) {
        m_outputView->clear();
        m_statusLabel->setText(tr("Cannot convert: %1").arg(clipped(result.error().message)));
        updateControls();
        return;
    }
    m_output = std::move(*result);
    m_outputPrivate = isPrivateTarget(target()) && !m_output.isEmpty();
    if (m_output.isEmpty()) {
        m_outputView->clear();
    } else if (isDer()) {
        m_outputView->setPlainText(
            tr("DER, %n byte(s) of binary data: use Save… to write it to a file.", nullptr, int(m_output.size())));
        m_statusLabel->setText(tr("Converted to %1 (DER).").arg(m_targetCombo->currentText()));
    } else {
        m_outputView->setPlainText(secureText(m_output));
        m_statusLabel->setText(m_outputPrivate
                                   ? tr("Converted. This output holds the private key in plain text: copy it only "
                                        "where it belongs; Save encrypts it.")
                                   : tr("Converted to %1.").arg(m_targetCombo->currentText()));
    }
    updateControls();
}

void KeyConvertPage::copyOutput()
{
    if (m_output.isEmpty() || isDer())
        return;
    QApplication::clipboard()->setText(secureText(m_output));
    Q_EMIT message(m_outputPrivate ? tr("Copied the private key (plain text) to the clipboard")
                                   : tr("Copied the converted key"));
}

void KeyConvertPage::saveOutput()
{
    if (m_output.isEmpty())
        return;
    const Target t = target();
    if (m_outputPrivate) {
        // Never plain text on disk: the same keys go into an encrypted JWK Set instead.
        QList<Key> keys;
        if (t == Target::JwksPrivate) {
            const QList<Key> source = m_all.isEmpty() ? QList<Key>{m_key} : m_all;
            for (const Key& k : source)
                keys.append(withMetadata(k, source.size() == 1).value_or(k));
        } else {
            keys.append(isJwkTarget() ? withMetadata(m_key, true).value_or(m_key) : m_key);
        }
        m_saver->save(keys, shortKeyKind(m_key).replace(QLatin1Char(' '), QLatin1Char('-')));
        return;
    }
    const TargetInfo& info = infoFor(t);
    const bool der = isDer();
    const QString suffix = isJwkTarget()
                               ? QString::fromLatin1(info.suffix)
                               : QStringLiteral("%1.%2").arg(QString::fromLatin1(info.suffix),
                                                             der ? QStringLiteral("der") : QStringLiteral("pem"));
    QStringList filters;
    if (isJwkTarget())
        filters = {tr("JSON (*.%1 *.json)").arg(QString::fromLatin1(info.suffix))};
    else
        filters = {der ? tr("DER (*.der)") : tr("PEM (*.pem)")};
    filters.append(tr("All files (*)"));
    // The bytes are taken now: the output may change while the dialog is open.
    auto bytes = std::make_shared<QByteArray>(m_output.view().data(), m_output.view().size());
    askSaveFile(this, QStringLiteral("saveConvertedDialog"), tr("Save converted key"), filters,
                shortKeyKind(m_key).replace(QLatin1Char(' '), QLatin1Char('-')) + QLatin1Char('.') + suffix, QString(),
                [this, bytes](const QString& path, const QString&) {
                    const QString error = writeKeyFile(path, *bytes);
                    Q_EMIT message(error.isEmpty() ? tr("Saved %1").arg(QFileInfo(path).fileName()) : error);
                });
}

} // namespace assay::ui
