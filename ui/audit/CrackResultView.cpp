// SPDX-License-Identifier: Apache-2.0
#include "audit/CrackResultView.h"

#include "audit/CrackText.h"
#include "audit/StrongSecretBox.h"

#include "audit/SecretCracker.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay::ui {

CrackResultView::CrackResultView(QWidget* parent)
    : QWidget(parent)
    , m_warningBanner(new QLabel(this))
    , m_outcomeLabel(new QLabel(this))
    , m_foundBox(new QWidget(this))
    , m_secretField(new QLineEdit(m_foundBox))
    , m_secretHexField(new QLineEdit(m_foundBox))
    , m_copySecretButton(new QPushButton(tr("Copy"), m_foundBox))
    , m_copySecretHexButton(new QPushButton(tr("Copy"), m_foundBox))
    , m_strongBox(new StrongSecretBox(m_foundBox))
{
    setObjectName(QStringLiteral("crackResultView"));
    m_warningBanner->setObjectName(QStringLiteral("crackWarningBanner"));
    m_warningBanner->setAccessibleName(tr("Warning"));
    m_warningBanner->setWordWrap(true);
    m_warningBanner->setTextFormat(Qt::RichText);
    // A fixed red banner in both themes: this is the one finding that means "anyone can forge your tokens".
    m_warningBanner->setStyleSheet(QStringLiteral("QLabel { background: #b00020; color: white; padding: 8px; "
                                                  "border-radius: 4px; }"));
    m_outcomeLabel->setObjectName(QStringLiteral("crackOutcomeLabel"));
    m_outcomeLabel->setAccessibleName(tr("Outcome"));
    m_outcomeLabel->setWordWrap(true);
    m_outcomeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_foundBox->setObjectName(QStringLiteral("crackFoundBox"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QLineEdit* field : {m_secretField, m_secretHexField}) {
        field->setReadOnly(true);
        field->setFont(mono);
    }
    m_secretField->setObjectName(QStringLiteral("crackSecretField"));
    m_secretField->setAccessibleName(tr("Found secret"));
    m_secretHexField->setObjectName(QStringLiteral("crackSecretHexField"));
    m_secretHexField->setAccessibleName(tr("Found secret (hex)"));
    m_copySecretButton->setObjectName(QStringLiteral("crackCopySecretButton"));
    m_copySecretButton->setAccessibleName(tr("Copy the found secret"));
    m_copySecretHexButton->setObjectName(QStringLiteral("crackCopySecretHexButton"));
    m_copySecretHexButton->setAccessibleName(tr("Copy the found secret (hex)"));

    auto* secretLabel = new QLabel(tr("Secret"), m_foundBox);
    secretLabel->setBuddy(m_secretField);
    auto* hexLabel = new QLabel(tr("Hex"), m_foundBox);
    hexLabel->setBuddy(m_secretHexField);
    auto* grid = new QGridLayout;
    grid->addWidget(secretLabel, 0, 0);
    grid->addWidget(m_secretField, 0, 1);
    grid->addWidget(m_copySecretButton, 0, 2);
    grid->addWidget(hexLabel, 1, 0);
    grid->addWidget(m_secretHexField, 1, 1);
    grid->addWidget(m_copySecretHexButton, 1, 2);
    auto* replacement = new QGroupBox(tr("Replacement"), m_foundBox);
    auto* replacementLayout = new QVBoxLayout(replacement);
    m_strongBox->setParent(replacement);
    replacementLayout->addWidget(m_strongBox);
    auto* foundLayout = new QVBoxLayout(m_foundBox);
    foundLayout->setContentsMargins(0, 0, 0, 0);
    foundLayout->addLayout(grid);
    foundLayout->addWidget(replacement);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warningBanner);
    layout->addWidget(m_outcomeLabel);
    layout->addWidget(m_foundBox);

    connect(m_copySecretButton, &QPushButton::clicked, this, [this] { copy(m_secretField, tr("secret")); });
    connect(m_copySecretHexButton, &QPushButton::clicked, this, [this] { copy(m_secretHexField, tr("secret (hex)")); });
    connect(m_strongBox, &StrongSecretBox::useSecret, this, &CrackResultView::useSecret);
    connect(m_strongBox, &StrongSecretBox::message, this, &CrackResultView::message);
    clear();
}

CrackResultView::~CrackResultView()
{
    clear();
}

void CrackResultView::setAlgorithm(JwsAlgorithm alg)
{
    m_alg = alg;
    m_strongBox->setAlgorithm(alg);
}

void CrackResultView::clear()
{
    m_secret.clear();
    m_secretField->clear();
    m_secretHexField->clear();
    m_strongBox->clear();
    m_warningBanner->clear();
    m_warningBanner->hide();
    m_outcomeLabel->clear();
    m_outcomeLabel->hide();
    m_foundBox->hide();
}

void CrackResultView::showFound(const CrackResult& r)
{
    clear();
    m_secret = r.secret.clone();
    const int minimum = hashLength(algorithmHash(m_alg));
    m_warningBanner->setText(
        tr("<b>The token's secret is known: anyone can forge tokens.</b><br>The %1 secret was found by the %2. "
           "Anyone holding one of these tokens can find it the same way and sign tokens your service accepts. "
           "Replace it with a random secret of at least %3 bytes and revoke every token signed with this one.")
            .arg(jwsAlgorithmName(m_alg), r.foundBy.toHtmlEscaped())
            .arg(minimum));
    m_warningBanner->show();

    const std::optional<QString> text = printableSecret(m_secret.view());
    m_secretField->setText(text.value_or(QString()));
    m_secretField->setPlaceholderText(text ? QString() : tr("(not printable text: see the hex form)"));
    m_copySecretButton->setEnabled(text.has_value());
    QByteArray hex = m_secret.view().toByteArray().toHex();
    m_secretHexField->setText(QString::fromLatin1(hex));
    wipe(hex);
    m_outcomeLabel->setText(tr("Found after %1 candidates in %2 (%3 bytes of secret).")
                                .arg(crackCount(r.tested), crackDuration(r.elapsedSeconds))
                                .arg(m_secret.size()));
    m_outcomeLabel->show();
    m_foundBox->show();
}

void CrackResultView::showNotFound(const CrackResult& r, const QString& sources)
{
    clear();
    m_outcomeLabel->setText(tr("<b>Not found.</b> None of the %1 candidates (%2) is the secret. That does not prove "
                               "the secret strong: only a random secret of at least %3 bytes is.")
                                .arg(crackCount(r.tested), sources.toHtmlEscaped())
                                .arg(hashLength(algorithmHash(m_alg))));
    m_outcomeLabel->show();
}

void CrackResultView::showCancelled(const CrackResult& r)
{
    clear();
    m_outcomeLabel->setText(
        tr("Cancelled after %1 candidates; none of them was the secret.").arg(crackCount(r.tested)));
    m_outcomeLabel->show();
}

void CrackResultView::showFailed(const QString& message)
{
    clear();
    m_outcomeLabel->setText(tr("<b>Failed:</b> %1").arg(message.toHtmlEscaped()));
    m_outcomeLabel->show();
}

void CrackResultView::copy(QLineEdit* field, const QString& what)
{
    if (field->text().isEmpty())
        return;
    QApplication::clipboard()->setText(field->text());
    Q_EMIT message(tr("Copied the %1").arg(what));
}

} // namespace assay::ui
