// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace assay::ui {

/// Runs slow work off the UI thread so that only the latest request's result arrives: while a job runs, newer
/// requests replace each other as "pending" (so typing on a megabyte token queues one job, not one per keystroke),
/// and a result that a newer request has made stale is dropped (a generation counter). The watcher is parented to
/// `owner`, so a closed window drops the callback; the job itself holds copies of what it needs.
template <typename R> class LatestOnlyTask
{
public:
    using Job = std::function<R()>;
    using Deliver = std::function<void(const R&)>;

    LatestOnlyTask(QObject* owner, Deliver deliver)
        : m_watcher(new QFutureWatcher<R>(owner))
        , m_deliver(std::move(deliver))
    {
        QObject::connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, [this] { onFinished(); });
    }
    ~LatestOnlyTask() { m_watcher->disconnect(); }
    LatestOnlyTask(const LatestOnlyTask&) = delete;
    LatestOnlyTask& operator=(const LatestOnlyTask&) = delete;

    /// Starts `job`, or keeps it as the one pending job if another is still running.
    void run(Job job)
    {
        ++m_generation;
        if (m_watcher->isRunning() || m_starting) {
            m_pending = std::move(job);
            return;
        }
        start(std::move(job));
    }
    /// Drops the running job's result and any pending job.
    void cancel()
    {
        ++m_generation;
        m_pending = nullptr;
    }
    /// True while a job runs or waits.
    [[nodiscard]] bool busy() const { return m_watcher->isRunning() || m_starting || bool(m_pending); }
    /// Which request the last delivered result answered (1 for the first run() call).
    [[nodiscard]] quint64 generation() const { return m_generation; }

private:
    void start(Job job)
    {
        m_running = m_generation;
        m_starting = true;
        m_watcher->setFuture(QtConcurrent::run(std::move(job)));
    }

    void onFinished()
    {
        m_starting = false;
        if (!m_watcher->future().isFinished())
            return; // a late notification about a replaced future
        if (m_pending) {
            Job next = std::move(m_pending);
            m_pending = nullptr;
            start(std::move(next));
            return;
        }
        if (m_running == m_generation && m_watcher->future().resultCount() > 0)
            m_deliver(m_watcher->result());
    }

    QFutureWatcher<R>* m_watcher;
    Deliver m_deliver;
    Job m_pending;
    quint64 m_generation = 0;
    quint64 m_running = 0;
    bool m_starting = false; // started, and its finished notification not yet handled
};

} // namespace assay::ui
