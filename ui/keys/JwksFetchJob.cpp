// SPDX-License-Identifier: Apache-2.0
#include "keys/JwksFetchJob.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThread>

#include <atomic>
#include <memory>

namespace assay::ui {

namespace {

// Counts threads, for a caller that must know they are gone (tests, an orderly exit); nothing else is shared.
std::atomic<int> g_workersAlive{0};

// The worker: everything it touches is its own copy of the request and the promise it shares with the watcher.
void runFetch(QPromise<JwksFetchEvent>& promise, JwksFetchRequest request)
{
    promise.start();
    // Reports go through the promise only: no pointer to the page or the job, which may be gone by now.
    request.options.onRequest = [&promise](const QUrl& url) {
        JwksFetchEvent e;
        e.kind = JwksFetchEvent::Kind::Request;
        e.url = url;
        promise.addResult(e);
    };
    request.options.onRedirect = [&promise](const FetchHop& hop) {
        JwksFetchEvent e;
        e.kind = JwksFetchEvent::Kind::Redirect;
        e.hop = hop;
        promise.addResult(e);
    };

    auto done = [&promise](Result<JwksFetchOutcome> outcome) {
        JwksFetchEvent e;
        e.kind = JwksFetchEvent::Kind::Done;
        e.outcome = std::move(outcome);
        promise.addResult(e);
        promise.finish();
    };

    JwksFetchOutcome outcome;
    QUrl jwksUrl = request.jwksUrl;
    if (!request.issuer.isEmpty()) {
        Result<DiscoveredIssuer> found = discoverJwksUri(request.issuer, request.options);
        if (!found)
            return done(fail(found.error()));
        jwksUrl = found->jwksUri;
        outcome.discovered = std::move(*found);
        // Abandoned while discovering: the user no longer wants the keys, so no further connection is opened.
        if (promise.isCanceled())
            return promise.finish();
    }
    Result<FetchedJwks> fetched = fetchJwks(jwksUrl, request.options);
    if (!fetched)
        return done(fail(fetched.error()));
    outcome.jwks = std::move(*fetched);
    outcome.fetchedAt = QDateTime::currentDateTimeUtc();
    done(std::move(outcome));
}

} // namespace

JwksFetchJob::JwksFetchJob(QObject* parent)
    : QObject(parent)
{
}

JwksFetchJob::~JwksFetchJob()
{
    abandon();
}

void JwksFetchJob::start(const JwksFetchRequest& request)
{
    if (m_watcher != nullptr || m_done)
        return;
    auto promise = std::make_shared<QPromise<JwksFetchEvent>>();
    m_watcher = new QFutureWatcher<JwksFetchEvent>(this);
    connect(m_watcher, &QFutureWatcherBase::resultsReadyAt, this, &JwksFetchJob::onResults);
    m_watcher->setFuture(promise->future());
    // Not parented: the thread deletes itself when the fetch ends, whether or not anyone still listens.
    g_workersAlive.fetch_add(1);
    QThread* thread = QThread::create([promise, request] {
        runFetch(*promise, request);
        g_workersAlive.fetch_sub(1);
    });
    thread->setObjectName(QStringLiteral("jwks-fetch"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void JwksFetchJob::abandon()
{
    if (m_watcher == nullptr)
        return;
    m_watcher->disconnect(this);
    // Tells the worker (promise.isCanceled()) and drops every result it still adds.
    m_watcher->future().cancel();
    m_watcher->deleteLater();
    m_watcher = nullptr;
}

int JwksFetchJob::workersAlive()
{
    return g_workersAlive.load();
}

bool JwksFetchJob::isRunning() const
{
    return m_watcher != nullptr && !m_done;
}

void JwksFetchJob::onResults(int begin, int end)
{
    if (m_watcher == nullptr)
        return;
    // Copies first: a slot connected to these signals may abandon (and so delete the watcher).
    QList<JwksFetchEvent> events;
    for (int i = begin; i < end; ++i)
        events.append(m_watcher->future().resultAt(i));
    for (const JwksFetchEvent& e : std::as_const(events)) {
        if (m_watcher == nullptr)
            return;
        switch (e.kind) {
        case JwksFetchEvent::Kind::Request:
            Q_EMIT requesting(e.url);
            break;
        case JwksFetchEvent::Kind::Redirect:
            Q_EMIT redirected(e.hop);
            break;
        case JwksFetchEvent::Kind::Done:
            m_done = true;
            m_watcher->disconnect(this);
            m_watcher->deleteLater();
            m_watcher = nullptr;
            if (e.outcome && *e.outcome)
                Q_EMIT succeeded(**e.outcome);
            else if (e.outcome)
                Q_EMIT failed(e.outcome->error());
            return;
        }
    }
}

} // namespace assay::ui
