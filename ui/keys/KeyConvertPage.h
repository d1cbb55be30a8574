// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwk/Key.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
template <typename T> class QFutureWatcher;

namespace assay::ui {

class PrivateKeySaver;

/// The workbench's Convert tab: the key selected on the Inspect tab in another structure and encoding (SPKI,
/// PKCS#1 public and private, PKCS#8, encrypted PKCS#8, SEC 1 as PEM or DER; JWK public or private; a JWK Set of
/// every key inspected), with kid (the key's own, or its RFC 7638 thumbprint), alg and use set for JWK output.
/// The core converts (jwk/KeyExport.h); encrypted PKCS#8 runs on a worker thread (PBKDF2 is slow on purpose).
/// DER goes to a file only; private output is saved only encrypted.
class KeyConvertPage : public QWidget
{
    Q_OBJECT

public:
    enum class Target
    {
        Spki,
        Pkcs1Public,
        Pkcs1Private,
        Pkcs8,
        Pkcs8Encrypted,
        Sec1,
        JwkPublic,
        JwkPrivate,
        JwksPublic,
        JwksPrivate,
    };

    explicit KeyConvertPage(QWidget* parent = nullptr);
    ~KeyConvertPage() override;

    /// The key to convert, and every key of the inspected input (for JWK Set output).
    void setSource(const Key& key, const QList<Key>& all);
    void setTarget(Target target);
    /// Runs the conversion now (the encrypted target needs this; the others follow every change by themselves).
    void convert();

    /// The current output's bytes (PEM, JSON or DER); empty when there is none.
    [[nodiscard]] QByteArrayView output() const { return m_output.view(); }
    [[nodiscard]] bool isConverting() const { return m_encrypting; }

Q_SIGNALS:
    void message(const QString& text);

private:
    [[nodiscard]] Target target() const;
    [[nodiscard]] bool isJwkTarget() const;
    [[nodiscard]] bool isDer() const;
    [[nodiscard]] Result<Key> withMetadata(const Key& key, bool useKidField) const;
    [[nodiscard]] Result<SecureBytes> convertPlain() const;
    void updateControls();
    void autoConvert();
    void showOutput(Result<SecureBytes> result);
    void onEncrypted();
    void copyOutput();
    void saveOutput();
    void resetKid();

    QLabel* m_sourceLabel;
    QComboBox* m_targetCombo;
    QComboBox* m_encodingCombo;
    QLineEdit* m_kidEdit;
    QPushButton* m_kidThumbprintButton;
    QComboBox* m_algCombo;
    QComboBox* m_useCombo;
    QLabel* m_metadataNote;
    QLineEdit* m_passphraseEdit;
    QLineEdit* m_confirmEdit;
    QLabel* m_passphraseLabel;
    QLabel* m_confirmLabel;
    QPushButton* m_convertButton;
    QPlainTextEdit* m_outputView;
    QLabel* m_statusLabel;
    QPushButton* m_copyButton;
    QPushButton* m_saveButton;
    PrivateKeySaver* m_saver;
    QFutureWatcher<Result<QByteArray>>* m_watcher;

    Key m_key;
    QList<Key> m_all;
    SecureBytes m_output;
    bool m_outputPrivate = false; // plain-text private material: copy is the user's choice, saving is encrypted
    bool m_encrypting = false;
};

} // namespace assay::ui
