// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"
#include "jws/JwsAlgorithm.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace assay::ui {

/// "Generate a strong replacement": a random HMAC secret as long as the algorithm's hash (HS256 32 bytes, HS384 48,
/// HS512 64: RFC 7518 section 3.2 asks for at least that much), drawn from OpenSSL's CSPRNG by the core
/// (jwk/KeyGenerator.h), shown in base64url and hex for copying, and handed on with useSecret() as a Key, whose
/// secret lives in SecureBytes, so no plain copy of it travels with the signal.
class StrongSecretBox : public QWidget
{
    Q_OBJECT

public:
    explicit StrongSecretBox(QWidget* parent = nullptr);
    ~StrongSecretBox() override;

    /// The algorithm the replacement is for (decides its length); forgets any secret shown.
    void setAlgorithm(JwsAlgorithm alg);
    /// Bytes of secret the algorithm needs.
    [[nodiscard]] int secretBytes() const;

    /// Makes a fresh secret and shows it (each call a different one).
    void generate();
    /// The last secret made (null before the first, and after clear()); an oct key whose alg is the algorithm.
    [[nodiscard]] const Key& secret() const { return m_secret; }
    /// Forgets the secret and empties the fields that showed it.
    void clear();

Q_SIGNALS:
    /// "Use this secret": re-sign the token with it. The key shares its SecureBytes; nothing is copied in plain form.
    void useSecret(const assay::Key& secret);
    void message(const QString& text);

private:
    void copy(QLineEdit* field, const QString& what);

    JwsAlgorithm m_alg = JwsAlgorithm::HS256;
    QPushButton* m_generateButton;
    QLabel* m_descriptionLabel;
    QLineEdit* m_base64UrlField;
    QLineEdit* m_hexField;
    QPushButton* m_copyBase64UrlButton;
    QPushButton* m_copyHexButton;
    QPushButton* m_useButton;
    Key m_secret;
};

} // namespace assay::ui
