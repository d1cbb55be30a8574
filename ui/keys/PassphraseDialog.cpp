// SPDX-License-Identifier: Apache-2.0
#include "keys/PassphraseDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay::ui {

PassphraseDialog::PassphraseDialog(const QString& purpose, QWidget* parent)
    : QDialog(parent)
    , m_passphrase(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newPassphraseDialog"));
    setAccessibleName(tr("New passphrase"));
    setWindowTitle(tr("Encrypt with a passphrase"));
    setWindowModality(Qt::WindowModal);

    auto* purposeLabel = new QLabel(purpose, this);
    purposeLabel->setWordWrap(true);
    m_passphrase->setObjectName(QStringLiteral("newPassphraseEdit"));
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("confirmPassphraseEdit"));
    m_confirm->setAccessibleName(tr("Passphrase again"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_hint->setObjectName(QStringLiteral("passphraseHint"));
    m_buttons->setObjectName(QStringLiteral("passphraseButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("passphraseOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Encrypt"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("passphraseCancelButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Passphrase"), m_passphrase);
    form->addRow(tr("&Again"), m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(purposeLabel);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseDialog::updateState);
    connect(m_confirm, &QLineEdit::textChanged, this, &PassphraseDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] {
        m_passphrase->clear();
        m_confirm->clear();
    });
    updateState();
}

void PassphraseDialog::updateState()
{
    const QString a = m_passphrase->text();
    const QString b = m_confirm->text();
    const bool ok = !a.isEmpty() && a == b;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    if (a.isEmpty())
        m_hint->setText(tr("Without the passphrase the file cannot be opened: there is no recovery."));
    else if (a != b)
        m_hint->setText(tr("The two passphrases differ."));
    else if (a.size() < 12)
        m_hint->setText(tr("Short passphrases fall to guessing; several words are stronger."));
    else
        m_hint->clear();
}

SecureBytes PassphraseDialog::takePassphrase()
{
    QByteArray bytes = m_passphrase->text().toUtf8();
    SecureBytes out(bytes);
    wipe(bytes);
    m_passphrase->clear();
    m_confirm->clear();
    return out;
}

} // namespace assay::ui
