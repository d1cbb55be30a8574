// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"
#include "keys/JwksCacheView.h"

#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSettings;

namespace assay {
struct FetchHop;
struct JwksCacheEntry;
} // namespace assay

namespace assay::ui {

class FetchedKeysView;
class JwksFetchJob;
struct JwksFetchOutcome;
struct JwksFetchRequest;

/// The workbench's Issuer keys tab (issue 4 "Key sets from an issuer — only when the user asks"): fetch a JWK Set
/// from a JWKS URL, or from an issuer through OpenID Connect Discovery then RFC 8414, with the core's net/ code.
///
/// Consent first: the exact URLs are shown (and a refused URL explained) as the user types, nothing connects until
/// Fetch is clicked and a confirmation naming those URLs is answered Yes. https only; plain http to this machine
/// only when ticked (never remembered). The fetch runs on a thread of its own (JwksFetchJob) with the URL being
/// requested and each redirect shown; Cancel abandons it at once. Results are kept for offline use (JwksCache) and
/// listed below, where they can be loaded without a connection or removed.
class IssuerKeysPage : public QWidget
{
    Q_OBJECT

public:
    enum class Source
    {
        JwksUrl,
        Issuer,
    };

    /// `settings` keeps only the "Keep a copy for offline use" choice. The cache lives in
    /// QStandardPaths::CacheLocation + "/jwks" unless setCacheDirectory() says otherwise.
    IssuerKeysPage(QSettings& settings, QWidget* parent = nullptr);
    ~IssuerKeysPage() override;

    /// Prefills the issuer (the token's `iss`) and switches to discovery; nothing is fetched.
    void setIssuer(const QString& issuer);
    void setJwksUrl(const QString& url);
    void setCacheDirectory(const QString& directory);
    [[nodiscard]] QString cacheDirectory() const;
    /// Replaces the confirmation asked before fetching and before removing all cached sets (tests answer it).
    void setConfirm(ConfirmFunction confirm);

    /// The URLs a fetch would request first, in order (the JWKS URL, or the discovery documents); empty when the
    /// input is refused (see previewText()).
    [[nodiscard]] QList<QUrl> plannedUrls() const { return m_planned; }
    [[nodiscard]] bool isFetching() const;
    [[nodiscard]] FetchedKeysView* resultView() const { return m_result; }
    [[nodiscard]] JwksCacheView* cacheView() const { return m_cache; }

    /// Asks for consent, then fetches exactly what was shown. Does nothing while the input is refused.
    void fetch();
    /// For tests: the limits of the next fetches.
    void setLimits(int timeoutMs, qint64 maxBytes);
    /// Abandons the fetch in flight (its connection ends by itself within the timeout).
    void cancel();

Q_SIGNALS:
    void addToSession(const assay::Key& key, const QString& name);
    void useForVerifying(const assay::Key& key);
    void message(const QString& text);

private:
    void updatePreview();
    void startFetch(const JwksFetchRequest& consented);
    void onRequesting(const QUrl& url);
    void onRedirected(const assay::FetchHop& hop);
    void onSucceeded(const assay::ui::JwksFetchOutcome& outcome);
    void onFailed(const assay::Error& error);
    void endFetch();
    void showCached(const assay::JwksCacheEntry& entry);
    void setBusy(bool busy);
    void appendActivity(const QString& line);
    void chooseCaFile();
    [[nodiscard]] Source source() const;

    QSettings& m_settings;
    QRadioButton* m_urlRadio;
    QRadioButton* m_issuerRadio;
    QLineEdit* m_input;
    QLabel* m_previewLabel;
    QCheckBox* m_allowHttpCheck;
    QLineEdit* m_caFileEdit;
    QPushButton* m_caFileButton;
    QCheckBox* m_keepCopyCheck;
    QPushButton* m_fetchButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_busyBar;
    QLabel* m_statusLabel;
    QPlainTextEdit* m_activityView;
    FetchedKeysView* m_result;
    JwksCacheView* m_cache;
    ConfirmFunction m_confirm;

    QList<QUrl> m_planned;
    QUrl m_lastRequested;         // by the fetch in flight, for the error message
    QPointer<JwksFetchJob> m_job; // the fetch in flight; null when none
    qint64 m_maxBytes;
    int m_timeoutMs;
};

} // namespace assay::ui
