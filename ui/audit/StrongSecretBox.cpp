// SPDX-License-Identifier: Apache-2.0
#include "audit/StrongSecretBox.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyGenerator.h"
#include "jwk/SecretText.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay::ui {

StrongSecretBox::StrongSecretBox(QWidget* parent)
    : QWidget(parent)
    , m_generateButton(new QPushButton(tr("&Generate a strong replacement"), this))
    , m_descriptionLabel(new QLabel(this))
    , m_base64UrlField(new QLineEdit(this))
    , m_hexField(new QLineEdit(this))
    , m_copyBase64UrlButton(new QPushButton(tr("Copy"), this))
    , m_copyHexButton(new QPushButton(tr("Copy"), this))
    , m_useButton(new QPushButton(tr("&Use this secret to re-sign"), this))
{
    setObjectName(QStringLiteral("strongSecretBox"));
    m_generateButton->setObjectName(QStringLiteral("strongSecretGenerateButton"));
    m_generateButton->setAccessibleName(tr("Generate a strong replacement secret"));
    m_descriptionLabel->setObjectName(QStringLiteral("strongSecretDescriptionLabel"));
    m_descriptionLabel->setWordWrap(true);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QLineEdit* field : {m_base64UrlField, m_hexField}) {
        field->setReadOnly(true);
        field->setFont(mono);
    }
    m_base64UrlField->setObjectName(QStringLiteral("strongSecretBase64UrlField"));
    m_base64UrlField->setAccessibleName(tr("Replacement secret (base64url)"));
    m_hexField->setObjectName(QStringLiteral("strongSecretHexField"));
    m_hexField->setAccessibleName(tr("Replacement secret (hex)"));
    m_copyBase64UrlButton->setObjectName(QStringLiteral("strongSecretCopyBase64UrlButton"));
    m_copyBase64UrlButton->setAccessibleName(tr("Copy the replacement secret (base64url)"));
    m_copyHexButton->setObjectName(QStringLiteral("strongSecretCopyHexButton"));
    m_copyHexButton->setAccessibleName(tr("Copy the replacement secret (hex)"));
    m_useButton->setObjectName(QStringLiteral("strongSecretUseButton"));
    m_useButton->setAccessibleName(tr("Use the replacement secret to re-sign the token"));
    m_useButton->setToolTip(tr("Put this secret in the main window's signing key and re-sign the token with it"));

    auto* base64UrlLabel = new QLabel(tr("base64url"), this);
    base64UrlLabel->setBuddy(m_base64UrlField);
    auto* hexLabel = new QLabel(tr("hex"), this);
    hexLabel->setBuddy(m_hexField);
    auto* grid = new QGridLayout;
    grid->addWidget(base64UrlLabel, 0, 0);
    grid->addWidget(m_base64UrlField, 0, 1);
    grid->addWidget(m_copyBase64UrlButton, 0, 2);
    grid->addWidget(hexLabel, 1, 0);
    grid->addWidget(m_hexField, 1, 1);
    grid->addWidget(m_copyHexButton, 1, 2);
    // The description on a row of its own: a word-wrapped label beside a button gets one line's height.
    auto* top = new QHBoxLayout;
    top->addWidget(m_generateButton);
    top->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_useButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_descriptionLabel);
    layout->addLayout(grid);
    layout->addLayout(bottom);

    connect(m_generateButton, &QPushButton::clicked, this, &StrongSecretBox::generate);
    connect(m_copyBase64UrlButton, &QPushButton::clicked, this,
            [this] { copy(m_base64UrlField, tr("replacement secret (base64url)")); });
    connect(m_copyHexButton, &QPushButton::clicked, this, [this] { copy(m_hexField, tr("replacement secret (hex)")); });
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        if (!m_secret.isNull())
            Q_EMIT useSecret(m_secret);
    });
    setAlgorithm(JwsAlgorithm::HS256);
}

StrongSecretBox::~StrongSecretBox()
{
    clear();
}

int StrongSecretBox::secretBytes() const
{
    return hashLength(algorithmHash(m_alg));
}

void StrongSecretBox::setAlgorithm(JwsAlgorithm alg)
{
    m_alg = alg;
    clear();
}

void StrongSecretBox::generate()
{
    // RAND_bytes through the core: microseconds, so on this thread.
    Result<Key> key = generateKey(KeyType::Oct, Curve::None, secretBytes() * 8);
    if (!key) {
        clear();
        m_descriptionLabel->setText(tr("Not generated: %1").arg(key.error().message));
        return;
    }
    // Bound to the token's algorithm (RFC 8725 section 3.1: one key, one algorithm).
    m_secret = key->withMetadata(QString(), jwsAlgorithmName(m_alg), QStringLiteral("sig"));
    const SecretRenderings s = renderSecret(*m_secret.secret());
    m_base64UrlField->setText(QString::fromLatin1(s.base64url.view()));
    m_hexField->setText(QString::fromLatin1(s.hex.view()));
    m_descriptionLabel->setText(tr("A fresh random %1-byte secret for %2 from OpenSSL's random generator. Keep it "
                                   "only on the servers that sign and verify.")
                                    .arg(secretBytes())
                                    .arg(jwsAlgorithmName(m_alg)));
    for (QWidget* w : {static_cast<QWidget*>(m_base64UrlField), static_cast<QWidget*>(m_hexField),
                       static_cast<QWidget*>(m_copyBase64UrlButton), static_cast<QWidget*>(m_copyHexButton),
                       static_cast<QWidget*>(m_useButton)})
        w->setEnabled(true);
}

void StrongSecretBox::clear()
{
    m_secret = Key();
    m_base64UrlField->clear();
    m_hexField->clear();
    m_descriptionLabel->setText(tr("A random secret of %1 bytes (%2 bits) or more, as %3 needs.")
                                    .arg(secretBytes())
                                    .arg(secretBytes() * 8)
                                    .arg(jwsAlgorithmName(m_alg)));
    for (QWidget* w : {static_cast<QWidget*>(m_base64UrlField), static_cast<QWidget*>(m_hexField),
                       static_cast<QWidget*>(m_copyBase64UrlButton), static_cast<QWidget*>(m_copyHexButton),
                       static_cast<QWidget*>(m_useButton)})
        w->setEnabled(false);
}

void StrongSecretBox::copy(QLineEdit* field, const QString& what)
{
    if (field->text().isEmpty())
        return;
    QApplication::clipboard()->setText(field->text());
    Q_EMIT message(tr("Copied the %1").arg(what));
}

} // namespace assay::ui
