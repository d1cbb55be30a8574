// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "crypto/SecureBytes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace assay::ui {

/// Asks for a new passphrase twice (for encrypting a private key): OK only when both agree and are not empty.
/// Opened with open(), never exec(): no nested event loop. The fields are cleared as soon as the passphrase has
/// been taken, so the widgets keep no copy longer than needed.
class PassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PassphraseDialog(const QString& purpose, QWidget* parent = nullptr);

    /// The passphrase (UTF-8) once accepted; empties the fields. Call once, from the accepted() handler.
    [[nodiscard]] SecureBytes takePassphrase();

private:
    void updateState();

    QLineEdit* m_passphrase;
    QLineEdit* m_confirm;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
};

} // namespace assay::ui
