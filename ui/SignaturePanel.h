// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "crypto/SecureBytes.h"
#include "jwk/Key.h"
#include "jwk/KeyLoader.h"
#include "jwk/KeySet.h"
#include "jws/JwsAlgorithm.h"
#include "session/SessionSnapshot.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Ui {
class SignaturePanel;
}

namespace assay::ui {

class SessionKeyRing;

/// The signature section: the algorithm picker, the signing input as pseudo-code, the key inputs (an HMAC secret
/// in one of four encodings, or public/private keys as PEM, DER, JWK or JWKS, typed or loaded from a file, with a
/// passphrase prompt for encrypted keys), and which key of a set was chosen and why.
/// Secrets are parsed into Key (SecureBytes inside) as they are typed and are never written to settings.
class SignaturePanel : public QWidget
{
    Q_OBJECT

public:
    explicit SignaturePanel(QWidget* parent = nullptr);
    ~SignaturePanel() override;

    /// Shows the token's algorithm, pseudo-code and key selection.
    void showSnapshot(const SessionSnapshot& snapshot);

    /// The keys to verify with for the current algorithm family (the secret, or the public key set).
    [[nodiscard]] KeySet verificationKeys() const;
    /// The key that re-signs after edits (the secret, or the private key), or a null Key.
    [[nodiscard]] Key signingKey() const;
    [[nodiscard]] bool hasVerificationKeys() const { return !verificationKeys().isEmpty(); }
    /// The algorithm shown in the picker, if any.
    [[nodiscard]] std::optional<JwsAlgorithm> currentAlgorithm() const;

    /// Fills the inputs from elsewhere (a template, a test); each emits keysChanged().
    void setSecret(const QString& secret, SecretEncoding encoding);
    void setPublicKeyText(const QString& text);
    void setPrivateKeyText(const QString& text);
    /// Reads a key file (PEM, DER, JWK or JWKS) into the public or private input.
    void loadKeyFile(bool privateKey, const QString& path);
    /// Moves the keyboard focus to the key input shown (the secret, or the public key).
    void focusKeyInput();
    /// Forgets every key (secret, public, private) and wipes what this panel holds.
    void clearKeys();
    /// The session's named keys (key workbench): those ticked "verify with" are tried after the typed keys, the
    /// one ticked "sign with" re-signs when no key is typed. The ring must outlive the panel.
    void setKeyRing(SessionKeyRing* ring);

    /// True when the secret input is shown (HS* token), false for the key pair or no-key page.
    [[nodiscard]] bool showsSecret() const { return symmetricPage(); }
    /// The secret exactly as typed, before decoding, and the encoding chosen for it (signature forensics).
    [[nodiscard]] SecureBytes typedSecret() const;
    [[nodiscard]] SecretEncoding secretEncoding() const;
    /// The public-key input as given (text or a loaded binary file), for signature forensics.
    [[nodiscard]] QByteArray publicKeyMaterial() const;
    /// Shows why the signature does not verify (signature forensics, issue 5) under the key status; with
    /// `suggested`, a button that reads the secret in that encoding. An empty text hides the line.
    void showExplanation(const QString& text, std::optional<SecretEncoding> suggested = std::nullopt);
    [[nodiscard]] QString explanation() const;

Q_SIGNALS:
    /// The user picked an algorithm in the picker.
    void algorithmChosen(assay::JwsAlgorithm alg);
    /// Any key input changed (re-parsed already).
    void keysChanged();
    /// A one-line message for the window's message line.
    void message(const QString& text);
    /// The user asked for the key workbench ("Keys…").
    void keyWorkbenchRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct KeyInput
    {
        QPlainTextEdit* edit = nullptr;
        QByteArray fileBytes;   // a binary (DER) file's content; the editor shows a note instead
        SecureBytes passphrase; // given for the current content
        QString promptedFor;    // the content a passphrase was last asked for (ask once per content)
        KeySet keys;
        QString error;
        bool settingText = false;
    };

    void onAlgorithmActivated(int index);
    void onSecretChanged();
    void onKeyTextChanged(KeyInput& input);
    void parseKeyInput(KeyInput& input, bool mayPrompt);
    void askPassphrase(KeyInput& input);
    void chooseKeyFile(bool privateKey);
    void updatePage(std::optional<JwsAlgorithm> alg);
    void showPage(QWidget* page);
    void updateStatus();
    void applyTitle();
    [[nodiscard]] bool symmetricPage() const;
    [[nodiscard]] KeySet typedVerificationKeys() const;
    [[nodiscard]] Key typedSigningKey() const;

    std::unique_ptr<Ui::SignaturePanel> m_ui;
    Key m_secretKey;
    QString m_secretError;
    KeyInput m_public;
    KeyInput m_private;
    SessionKeyRing* m_ring = nullptr;
    QLabel* m_explanation = nullptr;
    QPushButton* m_explanationAction = nullptr;
    std::optional<SecretEncoding> m_suggestedEncoding;
};

} // namespace assay::ui
