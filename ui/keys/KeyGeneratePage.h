// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/Key.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QGroupBox;
template <typename T> class QFutureWatcher;

namespace assay::ui {

class PrivateKeySaver;

/// The workbench's Generate tab: an HMAC secret of a chosen size, RSA 2048/3072/4096, EC P-256/P-384/P-521/
/// secp256k1, Ed25519, Ed448, X25519 or X448, made by the core (jwk/KeyGenerator.h) on a worker thread with a busy
/// indicator, OpenSSL's progress (candidate primes tested, for RSA) and a Cancel that stops OpenSSL's work. The key
/// gets its RFC 7638 thumbprint as kid and is shown as PEM and JWK, private and public (a secret in hex, base64 and
/// base64url), ready to copy, use, keep or save.
class KeyGeneratePage : public QWidget
{
    Q_OBJECT

public:
    explicit KeyGeneratePage(QWidget* parent = nullptr);
    ~KeyGeneratePage() override;

    /// The last generated key (null before the first one).
    [[nodiscard]] const Key& key() const { return m_key; }
    /// True while a key is being generated.
    [[nodiscard]] bool isGenerating() const { return m_watcher != nullptr; }

    void generate();
    void cancel();

Q_SIGNALS:
    void useForSigning(const assay::Key& key);
    void useForVerifying(const assay::Key& key);
    void addToSession(const assay::Key& key, const QString& name);
    void message(const QString& text);

private:
    struct Output
    {
        QWidget* box = nullptr; // title, copy button and view: hidden together
        QLabel* title = nullptr;
        QPlainTextEdit* view = nullptr;
        QPushButton* copy = nullptr;
    };
    struct SecretRow
    {
        QLabel* label = nullptr;
        QLineEdit* field = nullptr;
        QPushButton* copy = nullptr;
    };

    void onTypeChanged();
    void onGenerated(QFutureWatcher<Result<Key>>* watcher);
    void onProgress(int candidates);
    void showKey();
    void setBusy(bool busy);
    void savePublicKey();
    void saveJwks();
    void savePrivateKey();
    Output makeOutput(const QString& name, const QString& title);
    SecretRow makeSecretRow(const QString& name, const QString& label);
    void copy(const QString& text, const QString& what);

    QComboBox* m_typeCombo;
    QComboBox* m_rsaSizeCombo;
    QSpinBox* m_secretBitsSpin;
    QLabel* m_sizeLabel;
    QPushButton* m_generateButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_busyBar;
    QLabel* m_statusLabel;
    QGroupBox* m_resultBox;
    QLabel* m_descriptionLabel;
    QLineEdit* m_kidField;
    QLineEdit* m_uriField;
    SecretRow m_hex;
    SecretRow m_base64;
    SecretRow m_base64url;
    Output m_privatePem;
    Output m_privateJwk;
    Output m_publicPem;
    Output m_publicJwk;
    QPushButton* m_useForSigningButton;
    QPushButton* m_useForVerifyingButton;
    QPushButton* m_addToSessionButton;
    QPushButton* m_savePublicButton;
    QPushButton* m_saveJwksButton;
    QPushButton* m_savePrivateButton;
    PrivateKeySaver* m_saver;

    QFutureWatcher<Result<Key>>* m_watcher = nullptr; // the generation in flight; null when none
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;  // shared with that generation's thread
    QString m_generating;                             // "RSA 4096", for the status line
    Key m_key;
    int m_generated = 0;
};

} // namespace assay::ui
