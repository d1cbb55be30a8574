// SPDX-License-Identifier: Apache-2.0
#include "AboutDialog.h"

#include "crypto/BuildInfo.h"

#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>

namespace assay::ui {

QString AboutDialog::versionReport()
{
    return QStringLiteral("Assay %1\nQt %2 (built with %3)\n%4\n%5")
        .arg(QStringLiteral(ASSAY_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             opensslVersion(), QSysInfo::prettyProductName());
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setAccessibleName(tr("About Assay"));
    setWindowTitle(tr("About Assay"));

    auto* title = new QLabel(tr("Assay %1").arg(QStringLiteral(ASSAY_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setBold(true);
    title->setFont(f);

    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setAccessibleName(tr("About text"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(
        tr("<p>An offline workbench for JSON Web Tokens and JOSE: decode, verify, edit and re-sign.</p>"
           "<p><b>Private by design:</b> Assay never connects to the network. Tokens, secrets and keys stay on "
           "this computer; secrets are kept in memory only and never written to disk.</p>"
           "<table>"
           "<tr><td>Qt&nbsp;</td><td>%1 (built with %2)</td></tr>"
           "<tr><td>OpenSSL&nbsp;</td><td>%3</td></tr>"
           "<tr><td>System&nbsp;</td><td>%4</td></tr>"
           "</table>"
           "<p>Licensed under the Apache License 2.0.</p>")
            .arg(QString::fromLatin1(qVersion()).toHtmlEscaped(), QStringLiteral(QT_VERSION_STR),
                 opensslVersion().toHtmlEscaped(), QSysInfo::prettyProductName().toHtmlEscaped()));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy version info"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionButton"));
    copy->setAccessibleName(tr("Copy version information"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionReport()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace assay::ui
