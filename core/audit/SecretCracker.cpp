// SPDX-License-Identifier: Apache-2.0
#include "audit/SecretCracker.h"

#include "audit/CandidateBatch.h"
#include "audit/HmacCandidateTester.h"

#include <algorithm>
#include <system_error>

namespace assay {

namespace {

// Candidates between two looks at the stop flag: at 2 million per second and core, 128 take 64 microseconds.
constexpr std::size_t StopCheckInterval = 128;

const QString EmptySecretSource = QStringLiteral("empty secret");

} // namespace

QString crackOutcomeName(CrackOutcome outcome)
{
    switch (outcome) {
    case CrackOutcome::Found:
        return QStringLiteral("found");
    case CrackOutcome::NotFound:
        return QStringLiteral("not found");
    case CrackOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case CrackOutcome::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

int SecretCracker::defaultThreadCount()
{
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

SecretCracker::SecretCracker(CrackTarget target, std::vector<std::unique_ptr<CandidateSource>> sources,
                             CrackOptions options)
    : m_target(std::move(target))
    , m_sources(std::move(sources))
    , m_threadCount(std::clamp(options.threads > 0 ? options.threads : defaultThreadCount(), 1, MaxThreads))
    , m_slots(std::make_unique<WorkerSlot[]>(static_cast<std::size_t>(m_threadCount)))
{
}

SecretCracker::~SecretCracker()
{
    cancel();
    const std::lock_guard join(m_joinMutex);
    for (std::thread& t : m_threads) {
        if (t.joinable())
            t.join();
    }
}

Result<void> SecretCracker::start()
{
    if (m_started.exchange(true))
        return fail(ErrorCode::Usage, QStringLiteral("the secret checker is already running"));
    for (const std::unique_ptr<CandidateSource>& source : m_sources) {
        if (Result<void> ok = source->start(); !ok) {
            const std::lock_guard lock(m_mutex);
            m_error = ok.error();
            m_finished = true;
            m_startTime = m_endTime = std::chrono::steady_clock::now();
            m_finishedChanged.notify_all();
            return fail(ok.error());
        }
    }

    std::unique_lock lock(m_mutex);
    m_startTime = std::chrono::steady_clock::now();

    // The empty secret first (ATTACKS.md A10): one HMAC, and OpenSSL accepts it as a key without complaint.
    {
        HmacCandidateTester tester(m_target);
        m_emptyTested.store(1, std::memory_order_relaxed);
        if (tester.matches(nullptr, 0)) {
            m_found.store(true);
            m_foundBy = EmptySecretSource;
            m_finished = true;
            m_endTime = std::chrono::steady_clock::now();
            m_finishedChanged.notify_all();
            return {};
        }
    }

    m_running.store(m_threadCount);
    for (int w = 0; w < m_threadCount; ++w)
        m_slots[static_cast<std::size_t>(w)].running.store(true);
    lock.unlock();
    m_threads.reserve(static_cast<std::size_t>(m_threadCount));
    for (int w = 0; w < m_threadCount; ++w) {
        try {
            m_threads.emplace_back([this, w] { work(w); });
        } catch (const std::system_error& e) {
            // No exception leaves the core: stop the workers already running and account for the ones never started.
            Error error;
            error.code = ErrorCode::Internal;
            error.message = QStringLiteral("cannot start a worker thread");
            error.detail = QString::fromLocal8Bit(e.what());
            recordError(error);
            for (int unstarted = w; unstarted < m_threadCount; ++unstarted) {
                m_slots[static_cast<std::size_t>(unstarted)].running.store(false);
                finishWorker();
            }
            break;
        }
    }
    return {};
}

void SecretCracker::work(int worker)
{
    WorkerSlot& slot = m_slots[static_cast<std::size_t>(worker)];
    HmacCandidateTester tester(m_target);
    CandidateBatch batch;

    for (std::size_t s = 0; s < m_sources.size() && !m_stop.load(std::memory_order_relaxed); ++s) {
        slot.source.store(static_cast<int>(s), std::memory_order_relaxed);
        const std::unique_ptr<CandidateCursor> cursor = m_sources[s]->openCursor();
        while (!m_stop.load(std::memory_order_relaxed)) {
            Result<bool> more = cursor->fill(batch);
            if (!more) {
                recordError(more.error());
                break;
            }
            if (!*more)
                break;
            const std::size_t count = batch.size();
            std::size_t i = 0;
            for (; i < count; ++i) {
                if (i % StopCheckInterval == 0 && m_stop.load(std::memory_order_relaxed))
                    break;
                if (tester.matches(batch.data(i), batch.length(i))) {
                    ++i;
                    recordFound(batch.data(i - 1), batch.length(i - 1), m_sources[s]->name());
                    break;
                }
            }
            // Only this thread writes its counter; readers may see it a batch late.
            slot.tested.store(slot.tested.load(std::memory_order_relaxed) + i, std::memory_order_relaxed);
        }
    }
    slot.running.store(false, std::memory_order_relaxed);
    finishWorker();
}

void SecretCracker::recordFound(const unsigned char* data, std::size_t size, const QString& foundBy)
{
    if (!m_found.exchange(true)) {
        const std::lock_guard lock(m_mutex);
        m_secret = SecureBytes(data, size);
        m_foundBy = foundBy;
    }
    m_stop.store(true);
}

void SecretCracker::recordError(const Error& error)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_error)
            m_error = error;
    }
    m_stop.store(true);
}

void SecretCracker::finishWorker()
{
    if (m_running.fetch_sub(1) == 1) {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_endTime = std::chrono::steady_clock::now();
        m_finishedChanged.notify_all();
    }
}

void SecretCracker::cancel()
{
    m_cancelled.store(true);
    m_stop.store(true);
}

bool SecretCracker::isFinished() const
{
    const std::lock_guard lock(m_mutex);
    return m_finished;
}

bool SecretCracker::waitFor(int milliseconds)
{
    std::unique_lock lock(m_mutex);
    if (!m_started.load())
        return false;
    return m_finishedChanged.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return m_finished; });
}

double SecretCracker::elapsedSeconds() const
{
    // Called with m_mutex held.
    if (!m_started.load() || m_startTime == std::chrono::steady_clock::time_point())
        return 0;
    const auto end = m_finished ? m_endTime : std::chrono::steady_clock::now();
    return std::chrono::duration<double>(end - m_startTime).count();
}

CrackProgress SecretCracker::progress() const
{
    CrackProgress p;
    bool exhausted = false; // finished because every source ran out
    {
        const std::lock_guard lock(m_mutex);
        p.elapsedSeconds = elapsedSeconds();
        p.finished = m_finished;
        exhausted = m_finished && !m_found.load() && !m_cancelled.load() && !m_error;
    }
    quint64 workersTested = 0;
    int earliest = static_cast<int>(m_sources.size());
    for (int w = 0; w < m_threadCount; ++w) {
        const WorkerSlot& slot = m_slots[static_cast<std::size_t>(w)];
        workersTested += slot.tested.load(std::memory_order_relaxed);
        if (slot.running.load(std::memory_order_relaxed))
            earliest = std::min(earliest, slot.source.load(std::memory_order_relaxed));
    }
    p.tested = m_emptyTested.load(std::memory_order_relaxed) + workersTested;
    if (earliest < static_cast<int>(m_sources.size()))
        p.source = m_sources[static_cast<std::size_t>(earliest)]->name();

    quint64 total = 1; // the empty secret
    quint64 estimate = 1;
    bool exact = true;
    bool estimated = true;
    for (const std::unique_ptr<CandidateSource>& source : m_sources) {
        if (const std::optional<quint64> t = source->total())
            total += *t;
        else
            exact = false;
        if (const std::optional<quint64> e = source->estimatedTotal())
            estimate += *e;
        else
            estimated = false;
    }
    if (exact)
        p.total = total;
    if (estimated)
        p.estimatedTotal = std::max(estimate, p.tested);
    if (p.estimatedTotal && *p.estimatedTotal > 0)
        p.fraction =
            exhausted ? 1.0 : std::min(1.0, static_cast<double>(p.tested) / static_cast<double>(*p.estimatedTotal));
    if (p.elapsedSeconds > 0)
        p.candidatesPerSecond = static_cast<double>(workersTested) / p.elapsedSeconds;
    if (!p.finished && p.estimatedTotal && p.candidatesPerSecond > 0)
        p.etaSeconds = static_cast<double>(*p.estimatedTotal - p.tested) / p.candidatesPerSecond;
    return p;
}

CrackResult SecretCracker::result()
{
    {
        std::unique_lock lock(m_mutex);
        m_finishedChanged.wait(lock, [this] { return m_finished || !m_started.load(); });
    }
    {
        const std::lock_guard join(m_joinMutex);
        for (std::thread& t : m_threads) {
            if (t.joinable())
                t.join();
        }
    }

    const CrackProgress p = progress();
    CrackResult r;
    r.tested = p.tested;
    r.elapsedSeconds = p.elapsedSeconds;
    r.candidatesPerSecond = p.candidatesPerSecond;
    r.threads = m_threadCount;
    for (const std::unique_ptr<CandidateSource>& source : m_sources)
        r.notes += source->notes();

    const std::lock_guard lock(m_mutex);
    if (m_found.load()) {
        r.outcome = CrackOutcome::Found;
        r.secret = m_secret.clone();
        r.foundBy = m_foundBy;
    } else if (m_error) {
        r.outcome = CrackOutcome::Failed;
        r.error = m_error;
    } else if (m_cancelled.load()) {
        r.outcome = CrackOutcome::Cancelled;
    } else {
        r.outcome = CrackOutcome::NotFound;
    }
    return r;
}

CrackResult SecretCracker::run(const std::function<void(const CrackProgress&)>& onProgress, int intervalMs)
{
    if (Result<void> started = start(); !started) {
        CrackResult r;
        r.outcome = CrackOutcome::Failed;
        r.error = started.error();
        r.threads = m_threadCount;
        return r;
    }
    while (!waitFor(intervalMs)) {
        if (onProgress)
            onProgress(progress());
    }
    if (onProgress)
        onProgress(progress());
    return result();
}

} // namespace assay
