// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "net/HttpFetch.h"
#include "net/JwksFetcher.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

template <typename T> class QFutureWatcher;

namespace assay::ui {

/// What one fetch asked for: a JWKS URL, or an issuer whose jwks_uri is discovered first.
struct JwksFetchRequest
{
    QUrl jwksUrl;   // used when `issuer` is empty
    QString issuer; // discover from this issuer (OpenID Connect Discovery, then RFC 8414)
    /// Limits and trust; its callbacks are the job's own and are replaced.
    FetchOptions options;
};

/// A fetch that succeeded.
struct JwksFetchOutcome
{
    std::optional<DiscoveredIssuer> discovered; // set when the request named an issuer
    FetchedJwks jwks;
    QDateTime fetchedAt; // UTC, when the set arrived
};

/// One thing the worker reports, in order: each URL right before it is requested, each redirect followed, and at
/// last the outcome.
struct JwksFetchEvent
{
    enum class Kind
    {
        Request,
        Redirect,
        Done,
    };
    Kind kind = Kind::Done;
    QUrl url;
    FetchHop hop;
    std::optional<Result<JwksFetchOutcome>> outcome;
};

/// Runs one fetch (core/net: httpGet() underneath) on a thread of its own and reports back on the UI thread.
///
/// httpGet() cannot be interrupted, so abandoning is all a caller can do: abandon() (or deleting the job) drops
/// every report still to come, at once; the worker thread ends by itself within the fetch's timeout and touches
/// nothing but its own promise. Between the discovery and the JWKS request the worker checks whether it was
/// abandoned, so an abandoned discovery opens no further connection. A thread of its own, not the global pool:
/// abandoned fetches waiting for their timeout must not hold up key generation or the next fetch.
class JwksFetchJob : public QObject
{
    Q_OBJECT

public:
    explicit JwksFetchJob(QObject* parent = nullptr);
    ~JwksFetchJob() override;

    /// Starts the fetch; once per job.
    void start(const JwksFetchRequest& request);
    /// Stops listening: no signal is emitted afterwards.
    void abandon();
    [[nodiscard]] bool isRunning() const;
    /// Worker threads still alive in this process, abandoned ones included (they end within their timeout).
    [[nodiscard]] static int workersAlive();

Q_SIGNALS:
    /// Right before `url` is requested (the first URL, each discovery document, each redirect target).
    void requesting(const QUrl& url);
    void redirected(const assay::FetchHop& hop);
    /// Once, at the end, one or the other (never after abandon()). Two signals rather than one carrying a Result:
    /// std::expected's unconstrained operator== breaks Qt's meta-type registration.
    void succeeded(const assay::ui::JwksFetchOutcome& outcome);
    void failed(const assay::Error& error);

private:
    void onResults(int begin, int end);

    QFutureWatcher<JwksFetchEvent>* m_watcher = nullptr;
    bool m_done = false;
};

} // namespace assay::ui
