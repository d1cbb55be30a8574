// SPDX-License-Identifier: Apache-2.0
#include "audit/AttackVariantDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QVBoxLayout>

namespace assay::ui {
namespace {

QPlainTextEdit* codeView(QWidget* parent, const char* name, const QString& accessibleName)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setTabChangesFocus(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setWordWrapMode(QTextOption::WrapAnywhere); // tokens have no spaces to wrap at
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return view;
}

QPushButton* button(QWidget* parent, const QString& text, const char* name, const QString& accessibleName)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setAccessibleName(accessibleName);
    b->setAutoDefault(false);
    return b;
}

} // namespace

AttackVariantDialog::AttackVariantDialog(QList<AttackVariant> variants, QWidget* parent)
    : QDialog(parent)
    , m_variants(std::move(variants))
{
    setObjectName(QStringLiteral("attackVariantDialog"));
    setWindowTitle(tr("Attack variants"));
    setAccessibleName(tr("Attack variants"));

    auto* header = new QLabel(this);
    header->setObjectName(QStringLiteral("attackVariantHeaderLabel"));
    header->setWordWrap(true);
    header->setTextFormat(Qt::RichText);
    header->setText(tr("<b>For authorized testing only.</b> Use these tokens only against systems you are allowed "
                       "to test. Each variant is a new token made from yours (the original is unchanged) that a "
                       "vulnerable verifier accepts; <b>Assay's own verifier rejects every one of them.</b>"));
    header->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2e00; padding: 8px; "
                                         "border: 1px solid #e0c060; border-radius: 4px; }"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("attackVariantList"));
    m_list->setAccessibleName(tr("Variants"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QString prefix = QStringLiteral("Attack variant: "); // the core's label prefix; the dialog's title says it
    for (const AttackVariant& v : std::as_const(m_variants)) {
        const QString label = v.label.startsWith(prefix) ? v.label.mid(prefix.size()) : v.label;
        auto* item = new QListWidgetItem(QStringLiteral("[%1] %2").arg(v.attackId, label), m_list);
        item->setToolTip(v.explanation);
    }

    auto* detail = new QWidget(this);
    m_titleLabel = new QLabel(detail);
    m_titleLabel->setObjectName(QStringLiteral("attackVariantTitleLabel"));
    m_titleLabel->setAccessibleName(tr("Variant"));
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_idLabel = new QLabel(detail);
    m_idLabel->setObjectName(QStringLiteral("attackVariantIdLabel"));
    m_idLabel->setAccessibleName(tr("Variant name and ATTACKS.md entry"));
    m_idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanationLabel = new QLabel(detail);
    m_explanationLabel->setObjectName(QStringLiteral("attackVariantExplanationLabel"));
    m_explanationLabel->setAccessibleName(tr("What a vulnerable verifier does"));
    m_explanationLabel->setWordWrap(true);
    m_explanationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenView = codeView(detail, "attackVariantTokenView", tr("Variant token"));
    m_copyTokenButton = button(detail, tr("&Copy token"), "attackVariantCopyTokenButton", tr("Copy the variant token"));
    m_openButton =
        button(detail, tr("&Open in new window"), "attackVariantOpenButton", tr("Open the variant in a new window"));
    m_openButton->setToolTip(tr("Open the variant as a new token in a window of its own; this token stays as it is"));

    m_companionBox = new QWidget(detail);
    m_companionBox->setObjectName(QStringLiteral("attackVariantCompanionBox"));
    m_companionNoteLabel = new QLabel(m_companionBox);
    m_companionNoteLabel->setObjectName(QStringLiteral("attackVariantCompanionNoteLabel"));
    m_companionNoteLabel->setWordWrap(true);
    m_companionView = codeView(m_companionBox, "attackVariantCompanionView", tr("Companion"));
    m_companionNoteLabel->setBuddy(m_companionView);
    m_copyCompanionButton =
        button(m_companionBox, tr("Cop&y"), "attackVariantCopyCompanionButton", tr("Copy the companion"));
    m_saveCompanionButton =
        button(m_companionBox, tr("&Save…"), "attackVariantSaveCompanionButton", tr("Save the companion to a file"));
    auto* companionButtons = new QHBoxLayout;
    companionButtons->addWidget(m_companionNoteLabel, 1);
    companionButtons->addWidget(m_copyCompanionButton);
    companionButtons->addWidget(m_saveCompanionButton);
    auto* companionLayout = new QVBoxLayout(m_companionBox);
    companionLayout->setContentsMargins(0, 0, 0, 0);
    companionLayout->addLayout(companionButtons);
    companionLayout->addWidget(m_companionView, 1);

    auto* tokenLabel = new QLabel(tr("&Token"), detail);
    tokenLabel->setBuddy(m_tokenView);
    auto* tokenButtons = new QHBoxLayout;
    tokenButtons->addWidget(tokenLabel);
    tokenButtons->addStretch(1);
    tokenButtons->addWidget(m_copyTokenButton);
    tokenButtons->addWidget(m_openButton);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_titleLabel);
    detailLayout->addWidget(m_idLabel);
    detailLayout->addWidget(m_explanationLabel);
    detailLayout->addLayout(tokenButtons);
    detailLayout->addWidget(m_tokenView, 2);
    detailLayout->addWidget(m_companionBox, 2);

    auto* splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({300, 640});

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("attackVariantStatusLabel"));
    auto* close = button(this, tr("Close"), "attackVariantCloseButton", tr("Close"));
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_statusLabel, 1);
    bottom->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_list, &QListWidget::currentRowChanged, this, &AttackVariantDialog::showCurrent);
    connect(m_copyTokenButton, &QPushButton::clicked, this, &AttackVariantDialog::copyToken);
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (const AttackVariant* v = current())
            Q_EMIT openVariant(*v);
    });
    connect(m_copyCompanionButton, &QPushButton::clicked, this, &AttackVariantDialog::copyCompanion);
    connect(m_saveCompanionButton, &QPushButton::clicked, this, &AttackVariantDialog::saveCompanion);
    connect(close, &QPushButton::clicked, this, &AttackVariantDialog::reject);

    resize(960, 560);
    setCurrentIndex(0);
    showCurrent();
}

AttackVariantDialog::~AttackVariantDialog() = default;

int AttackVariantDialog::currentIndex() const
{
    return m_list->currentRow();
}

void AttackVariantDialog::setCurrentIndex(int index)
{
    if (index >= 0 && index < m_list->count())
        m_list->setCurrentRow(index);
}

const AttackVariant* AttackVariantDialog::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_variants.size() ? &m_variants[row] : nullptr;
}

void AttackVariantDialog::showCurrent()
{
    const AttackVariant* v = current();
    m_titleLabel->setText(v ? QStringLiteral("<b>%1</b>").arg(v->label.toHtmlEscaped()) : tr("No variant"));
    m_idLabel->setText(v ? tr("%1 · ATTACKS.md %2").arg(v->name, v->attackId) : QString());
    m_explanationLabel->setText(v ? v->explanation : QString());
    m_tokenView->setPlainText(v ? QString::fromUtf8(v->token) : QString());
    m_copyTokenButton->setEnabled(v != nullptr);
    m_openButton->setEnabled(v != nullptr);
    const bool companion = v && !v->companion.isEmpty();
    m_companionBox->setVisible(companion);
    m_companionNoteLabel->setText(companion ? tr("Companion: %1").arg(v->companionNote) : QString());
    m_companionView->setPlainText(companion ? QString::fromUtf8(v->companion) : QString());
}

void AttackVariantDialog::copyToken()
{
    if (const AttackVariant* v = current()) {
        QApplication::clipboard()->setText(QString::fromUtf8(v->token));
        showStatus(tr("Copied the %1 token").arg(v->name));
    }
}

void AttackVariantDialog::copyCompanion()
{
    if (const AttackVariant* v = current(); v && !v->companion.isEmpty()) {
        QApplication::clipboard()->setText(QString::fromUtf8(v->companion));
        showStatus(tr("Copied the companion of %1").arg(v->name));
    }
}

void AttackVariantDialog::saveCompanion()
{
    const AttackVariant* v = current();
    if (!v || v->companion.isEmpty())
        return;
    const AttackVariant variant = *v;
    const bool jwks = variant.kind == AttackKind::JkuUrl;
    // open(), not exec(): no nested event loop; the dialog deletes itself.
    auto* dialog = new QFileDialog(this, tr("Save companion"));
    dialog->setObjectName(QStringLiteral("attackVariantSaveCompanionDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({jwks ? tr("JWK Set (*.json *.jwks)") : tr("JWK (*.jwk *.json)"), tr("All files (*)")});
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(jwks ? QStringLiteral("jwks.json") : QStringLiteral("attacker-key.jwk"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, variant](const QString& path) {
        QSaveFile file(path);
        bool ok = file.open(QIODevice::WriteOnly) && file.write(variant.companion) == variant.companion.size() &&
                  file.commit();
        // The x5u companion is a (throwaway) private key: readable by its owner alone.
        if (ok && variant.kind != AttackKind::JkuUrl)
            ok = QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        showStatus(ok ? tr("Saved %1").arg(QFileInfo(path).fileName()) : tr("Not saved: %1").arg(file.errorString()));
    });
    dialog->open();
}

void AttackVariantDialog::showStatus(const QString& text)
{
    m_statusLabel->setText(text);
    Q_EMIT message(text);
}

} // namespace assay::ui
