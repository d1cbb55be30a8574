// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "crypto/SecureBytes.h"
#include "jwk/KeyReport.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
template <typename T> class QFutureWatcher;

namespace assay::ui {

class KeyReportView;

/// What one inspection run produced, for the input it ran on.
struct InspectionOutcome
{
    Result<KeyInspection> inspection;
    QString inputDigest; // SHA-256 of the input: a passphrase is asked once per input
    QDateTime at;
};

/// The workbench's Inspect tab: any key pasted, loaded or dropped (PEM and DER of every kind, JWK, JWKS, X.509
/// certificates and x5c chains) is inspected by the core (jwk/KeyInspector.h) on a worker thread, debounced while
/// typing, with a passphrase prompt for encrypted keys. One row per key found, and the selected key in full.
class KeyInspectPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeyInspectPage(QWidget* parent = nullptr);
    ~KeyInspectPage() override;

    /// Replaces the input with `text` (inspected after the debounce).
    void setInputText(const QString& text);
    /// Reads a key file into the input (DER is kept as bytes; the editor shows a note).
    void loadFile(const QString& path);

    /// True while an inspection is pending or running.
    [[nodiscard]] bool isInspecting() const;
    /// The last inspection shown (nullopt before any, or when the input failed as a whole).
    [[nodiscard]] const std::optional<KeyInspection>& inspection() const { return m_inspection; }
    /// The key selected in the list (null when none loaded).
    [[nodiscard]] Key selectedKey() const;

    void focusInput();

Q_SIGNALS:
    /// The selected key changed (null when there is none): the Convert tab's source.
    void selectedKeyChanged(const assay::Key& key);
    void addToSession(const assay::Key& key, const QString& name);
    void useForSigning(const assay::Key& key);
    void useForVerifying(const assay::Key& key);
    void convertRequested();
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void onTextEdited();
    void startInspection();
    void onInspected();
    void showOutcome(const InspectionOutcome& outcome);
    void showSelected();
    void askPassphrase();
    void chooseFile();
    void clearInput();
    void updateButtons();

    QPlainTextEdit* m_input;
    QPushButton* m_loadButton;
    QPushButton* m_passphraseButton;
    QPushButton* m_clearButton;
    QLabel* m_statusLabel;
    QListWidget* m_keysList;
    KeyReportView* m_reportView;
    QPushButton* m_addToSessionButton;
    QPushButton* m_useForSigningButton;
    QPushButton* m_useForVerifyingButton;
    QPushButton* m_convertButton;
    QTimer* m_debounce;
    QFutureWatcher<InspectionOutcome>* m_watcher;

    QByteArray m_fileBytes; // a binary (DER) file's content; the editor shows a note instead
    SecureBytes m_passphrase;
    QString m_promptedFor; // the input digest a passphrase was last asked for
    QString m_lastDigest;
    bool m_rerun = false; // the input changed while an inspection ran
    bool m_settingText = false;
    bool m_asking = false;
    std::optional<KeyInspection> m_inspection;
    QDateTime m_at;
};

} // namespace assay::ui
