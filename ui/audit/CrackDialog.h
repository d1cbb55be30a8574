// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/CrackTarget.h"
#include "audit/SecretCracker.h"
#include "jwk/Key.h"
#include "token/ParsedToken.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QScrollArea;
class QTimer;

namespace assay::ui {

class CrackProgressView;
class CrackResultView;
class CrackSourcesForm;

/// "Check secret strength" (issue 5, ATTACKS.md A11), for authorized testing: guesses the HMAC secret of an
/// HS256/HS384/HS512 token with the core's SecretCracker, which runs on worker threads of its own. start() returns
/// at once; a timer on the UI thread polls progress() four times a second, so the window stays responsive; Cancel
/// and closing stop the workers within milliseconds (closing waits only for that). A token that is not HS* gets a
/// message saying why and nothing to run.
///
/// A found secret is shown with a warning and an action that makes a strong replacement (useSecret()). Every secret
/// shown is wiped, with the fields that showed it, when the dialog closes.
class CrackDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CrackDialog(const ParsedToken& token, QWidget* parent = nullptr);
    /// Parses `tokenText` with the core's parser first.
    explicit CrackDialog(QByteArrayView tokenText, QWidget* parent = nullptr);
    /// Cancels a run and waits for its workers (they stop within milliseconds).
    ~CrackDialog() override;

    /// False for a token that is not HS256/HS384/HS512 (notApplicableReason() says why).
    [[nodiscard]] bool isApplicable() const { return m_target.has_value(); }
    [[nodiscard]] QString notApplicableReason() const { return m_notApplicableReason; }
    [[nodiscard]] bool isRunning() const { return m_cracker != nullptr; }
    /// How the last run ended (nullopt before the first).
    [[nodiscard]] std::optional<CrackOutcome> lastOutcome() const { return m_lastOutcome; }
    [[nodiscard]] CrackSourcesForm* sourcesForm() const { return m_sources; }
    [[nodiscard]] CrackResultView* resultView() const { return m_result; }

    /// Starts a run with the sources as chosen (does nothing while one runs).
    void start();
    /// Asks the run to stop; the dialog is idle again as soon as the workers have stopped.
    void cancel();

    void done(int result) override;

Q_SIGNALS:
    /// The user chose to re-sign the token with a strong replacement secret (an oct Key bound to the token's alg;
    /// its bytes stay in SecureBytes).
    void useSecret(const assay::Key& secret);
    /// A run ended (found, not found, cancelled or failed).
    void runFinished(assay::CrackOutcome outcome);
    /// A short note for a status bar ("Copied the secret").
    void message(const QString& text);

private:
    void build(const Result<ParsedToken>& token);
    void poll();
    void finishRun();
    void stopRun();
    void setRunning(bool running);
    void updateStartButton();
    void copyForHashcat();
    void showStatus(const QString& text);

    std::optional<ParsedToken> m_token;
    std::optional<CrackTarget> m_target;
    QString m_notApplicableReason;
    std::unique_ptr<SecretCracker> m_cracker; // the run in progress; null when idle
    std::optional<CrackOutcome> m_lastOutcome;
    QString m_runSources;

    QScrollArea* m_scroll;
    QLabel* m_introLabel;
    QLabel* m_notApplicableLabel;
    QWidget* m_sourcesBox;
    CrackSourcesForm* m_sources;
    QPushButton* m_startButton;
    QPushButton* m_cancelButton;
    CrackProgressView* m_progress;
    CrackResultView* m_result;
    QPushButton* m_hashcatButton;
    QPushButton* m_closeButton;
    QLabel* m_statusLabel;
    QTimer* m_pollTimer;
};

} // namespace assay::ui
