// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>

namespace assay::ui {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("KeyFiles", text);
}

} // namespace

QString readKeyFile(const QString& path, QByteArray& bytes)
{
    QFile file(path);
    if (QFileInfo(path).size() > kMaxKeyFileBytes)
        return tr("%1 is too large to be a key file").arg(QFileInfo(path).fileName());
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(path, file.errorString());
    bytes = file.readAll();
    return {};
}

QString writeKeyFile(const QString& path, QByteArrayView bytes, bool ownerOnly)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot save %1: %2").arg(path, file.errorString());
    if (ownerOnly)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes.data(), bytes.size());
    if (!file.commit())
        return tr("Cannot save %1: %2").arg(path, file.errorString());
    return {};
}

bool isBinary(const QByteArray& bytes)
{
    return bytes.contains('\0') || QString::fromUtf8(bytes).toUtf8() != bytes;
}

void askSaveFile(QWidget* parent, const QString& objectName, const QString& title, const QStringList& filters,
                 const QString& suggestedName, const QString& defaultSuffix,
                 std::function<void(const QString& path, const QString& filter)> onChosen)
{
    auto* dialog = new QFileDialog(parent, title);
    dialog->setObjectName(objectName);
    dialog->setAccessibleName(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters(filters);
    if (!defaultSuffix.isEmpty())
        dialog->setDefaultSuffix(defaultSuffix);
    if (!suggestedName.isEmpty())
        dialog->selectFile(suggestedName);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent,
                     [dialog, onChosen = std::move(onChosen)](const QString& path) {
                         onChosen(path, dialog->selectedNameFilter());
                     });
    dialog->open();
}

void askOpenFile(QWidget* parent, const QString& objectName, const QString& title, const QStringList& filters,
                 std::function<void(const QString& path)> onChosen)
{
    auto* dialog = new QFileDialog(parent, title);
    dialog->setObjectName(objectName);
    dialog->setAccessibleName(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters(filters);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, std::move(onChosen));
    dialog->open();
}

} // namespace assay::ui
