// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jws/JwsAlgorithm.h"
#include "session/TokenSession.h"
#include "session/TokenTemplate.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDockWidget;
class QLabel;
class QSettings;
class QTimer;
template <typename T> class QFutureWatcher;

namespace Ui {
class MainWindow;
}

namespace assay {
struct ForensicsReport;
class LintReport;
struct AttackVariant;
} // namespace assay

namespace assay::ui {

class AttackVariantsMenu;
class AuditRunner;
class CrackDialog;
class ClaimsTableModel;
class FindingsPanel;
struct FindingRow;
class KeyWorkbench;
class RecentFiles;
class SessionKeyRing;

/// The inspector window (issue 3): the encoded token on the left with the verification badge, the decoded header,
/// payload, claims and signature on the right, all live. The editing model is the core's TokenSession; this class
/// only routes user input to it and shows its snapshot.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `settings` holds geometry and non-secret preferences (never keys or secrets); it must outlive the window.
    explicit MainWindow(QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Replaces the token with `text` as if pasted (the intake runs; what it strips is reported).
    void setTokenText(const QString& text);
    /// Opens a token file; false (with a message) when it cannot be read.
    bool openFile(const QString& path);
    /// A command-line argument: an existing file's path, otherwise token text.
    void openArgument(const QString& argument);
    /// Reads an HMAC secret (UTF-8, one trailing newline ignored) from a file, so it never appears in a process
    /// listing; false (with a message) when unreadable.
    bool loadSecretFile(const QString& path);
    /// Reads a verification key file (PEM, DER, JWK or JWKS) into the public-key input.
    void loadKeyFile(const QString& path);
    /// Starts a new token from a template; the key is generated off the UI thread.
    void newFromTemplate(JwsAlgorithm alg);

    [[nodiscard]] const TokenSession& session() const { return m_session; }
    /// The message line's current text.
    [[nodiscard]] QString statusMessage() const;
    /// True while a template key is being generated.
    [[nodiscard]] bool isGenerating() const;
    /// Opens (or raises) the key workbench window (issue 4) and returns it.
    KeyWorkbench* openKeyWorkbench();
    /// Opens the key workbench on its Issuer keys tab with the token's "iss" filled in. Nothing is fetched: the tab
    /// shows the exact URLs and asks before it connects.
    KeyWorkbench* openIssuerKeys();
    /// Opens the weak-secret checker (Audit > Check Secret Strength) for the current token and returns it.
    CrackDialog* openSecretChecker();
    /// Opens `variant` in a new inspector window of its own, labelled as an attack variant; this window and its
    /// token are left as they are. The new window verifies with this window's keys, so it shows the rejection.
    MainWindow* openAttackVariant(const AttackVariant& variant);
    /// The Audit menu's "Attack variants" submenu.
    [[nodiscard]] AttackVariantsMenu* attackVariantsMenu() const { return m_attackMenu; }
    /// The label of the attack variant this window shows; empty for an ordinary window.
    [[nodiscard]] QString attackVariantLabel() const { return m_variantLabel; }
    /// The session's named keys, shared by the key workbench and the signature panel (memory only).
    [[nodiscard]] SessionKeyRing& keyRing() const { return *m_keyRing; }
    /// The findings panel (issue 5) and what runs the lint and signature forensics for it.
    [[nodiscard]] FindingsPanel* findingsPanel() const { return m_findings; }
    [[nodiscard]] AuditRunner* auditRunner() const { return m_audit; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Where a change came from; a view is never rewritten by the change it made itself.
    enum class Source
    {
        Encoded,
        Header,
        Payload,
        Algorithm,
        Keys,
        Options,
        Clock,
        Replace, // file, paste action, template, drop, command line: every view follows
    };

    void setupActions();
    void setupTemplatesMenu();
    void onEncodedEdited();
    void onHeaderEdited();
    void onPayloadEdited();
    void onAlgorithmChosen(JwsAlgorithm alg);
    void onKeysChanged();
    void onOptionsChanged();
    void onClockTick();
    void onTemplateReady();
    void applyKeysToSession();
    void useKey(const Key& key, bool forSigning);
    void replaceToken(const QString& text, const QStringList& notes);
    void refresh(Source source);
    void updateViews(Source source);
    void updateJsonPane(bool header, Source source);
    void syncEncodedPane();
    void updateStatus();
    void updateTitle();
    void showMessage(const QString& text);
    void markEdited();
    void applyTheme();

    void openDialog();
    bool saveTo(const QString& path);
    void save();
    void saveAs();
    void updateRecentMenu();
    void pasteToken();
    void copyText(const QString& text, const QString& what);
    void copyDecoded();
    void resign();
    void clearAll();
    void showAbout();

    // Audit (issue 5): lint on every change, forensics when a signature fails, findings shown in the panes.
    void setupFindingsDock();
    void setupAuditMenu();
    void markAsAttackVariant(const AttackVariant& variant);
    void requestAudit(Source source);
    void onLintReady(const LintReport& report);
    void onForensicsReady(const ForensicsReport& report);
    void showFinding(const FindingRow& row, bool focus);
    void applyDiagnostics(const LintReport& report);
    [[nodiscard]] int claimFailures() const;

    void restoreSettings();
    void storeSettings();

    std::unique_ptr<Ui::MainWindow> m_ui;
    QSettings& m_settings;
    std::unique_ptr<RecentFiles> m_recent;
    TokenSession m_session;
    ClaimsTableModel* m_claims;
    QLabel* m_statusMessage;
    QLabel* m_actionMessage;
    QTimer* m_actionMessageTimer;
    QTimer* m_clockTimer;
    QFutureWatcher<Result<TokenTemplate>>* m_templateWatcher;
    SessionKeyRing* m_keyRing;
    QPointer<KeyWorkbench> m_workbench; // created on first use; a separate window parented to this one
    FindingsPanel* m_findings;
    QDockWidget* m_findingsDock;
    AuditRunner* m_audit;
    AttackVariantsMenu* m_attackMenu = nullptr;
    QString m_variantLabel;         // set when this window shows an attack variant
    QByteArray m_auditRequestedFor; // the token of the latest lint request
    QByteArray m_auditShownFor;     // the token the panel's lint findings belong to
    int m_auditClaimFailures = -1;  // failed claims at the latest request: re-lint when time changes them

    QString m_filePath;
    QByteArray m_savedToken; // the token as last opened or saved
    bool m_edited = false;   // changed by editing since the last open/save (drives the close prompt)
    bool m_closeConfirmed = false;
    bool m_refreshing = false;
    bool m_keysDirty = false;
    bool m_batch = false;        // several inputs change together; one refresh follows
    bool m_generating = false;   // a template key is being generated
    QStringList m_pasteNotes;    // what the last paste's intake removed
    QByteArray m_headerShownFor; // the header segment the header editor currently shows
    QByteArray m_payloadShownFor;
};

} // namespace assay::ui
