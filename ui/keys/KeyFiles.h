// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace assay::ui {

/// Key files are small: a JWKS with a long x5c chain is kilobytes. Anything larger is not a key file.
inline constexpr qint64 kMaxKeyFileBytes = 4 * 1024 * 1024;

/// Reads a key file into `bytes`; an empty string on success, otherwise a message for the user.
[[nodiscard]] QString readKeyFile(const QString& path, QByteArray& bytes);

/// Writes `bytes` atomically (QSaveFile: a failed write leaves any old file as it was); an empty string on
/// success, otherwise a message for the user. `ownerOnly` makes the file readable by its owner alone (for
/// encrypted private keys: the passphrase protects them, the permissions keep them from casual reading too).
[[nodiscard]] QString writeKeyFile(const QString& path, QByteArrayView bytes, bool ownerOnly = false);

/// True when `bytes` cannot be shown as text (DER): a NUL byte or invalid UTF-8.
[[nodiscard]] bool isBinary(const QByteArray& bytes);

/// Opens a window-modal save dialog (open(), not exec()) named `objectName`; `onChosen` runs with the path when the
/// user accepts. The dialog deletes itself.
void askSaveFile(QWidget* parent, const QString& objectName, const QString& title, const QStringList& filters,
                 const QString& suggestedName, const QString& defaultSuffix,
                 std::function<void(const QString& path, const QString& filter)> onChosen);

/// The same for opening an existing file.
void askOpenFile(QWidget* parent, const QString& objectName, const QString& title, const QStringList& filters,
                 std::function<void(const QString& path)> onChosen);

} // namespace assay::ui
