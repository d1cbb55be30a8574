// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "crypto/SecureBytes.h"
#include "jwk/Key.h"
#include "jws/JwsAlgorithm.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace assay {
struct CrackResult;
}

namespace assay::ui {

class StrongSecretBox;

/// How a run of the weak-secret checker ended. Found: a banner that the secret is guessable and tokens can be
/// forged, which source found it, the secret (as text when printable, always in hex) with copy buttons, and the
/// strong-replacement box. Not found: how many candidates were tried, and that this does not prove the secret strong.
/// Cancelled and failed runs say so. The found secret is held in SecureBytes and wiped, with the fields that showed
/// it, by clear().
class CrackResultView : public QWidget
{
    Q_OBJECT

public:
    explicit CrackResultView(QWidget* parent = nullptr);
    ~CrackResultView() override;

    void setAlgorithm(JwsAlgorithm alg);
    /// Shows nothing and wipes the secret (before a run, and when the dialog closes).
    void clear();
    void showFound(const CrackResult& result);
    void showNotFound(const CrackResult& result, const QString& sources);
    void showCancelled(const CrackResult& result);
    void showFailed(const QString& message);

    /// The found secret (empty when none is shown).
    [[nodiscard]] const SecureBytes& secret() const { return m_secret; }
    [[nodiscard]] StrongSecretBox* strongSecretBox() const { return m_strongBox; }

Q_SIGNALS:
    void useSecret(const assay::Key& secret);
    void message(const QString& text);

private:
    void copy(QLineEdit* field, const QString& what);

    JwsAlgorithm m_alg = JwsAlgorithm::HS256;
    QLabel* m_warningBanner;
    QLabel* m_outcomeLabel;
    QWidget* m_foundBox;
    QLineEdit* m_secretField;
    QLineEdit* m_secretHexField;
    QPushButton* m_copySecretButton;
    QPushButton* m_copySecretHexButton;
    StrongSecretBox* m_strongBox;
    SecureBytes m_secret;
};

} // namespace assay::ui
