// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/CandidateSource.h"
#include "audit/CrackTarget.h"
#include "base/Result.h"
#include "crypto/SecureBytes.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace assay {

/// How a run of the secret checker ended.
enum class CrackOutcome
{
    Found,     // a candidate reproduces the signature: the token's secret is known
    NotFound,  // every candidate was tried; none is the secret (which says nothing about the secret's strength)
    Cancelled, // cancel() was called first
    Failed,    // a source could not be read (the error says why)
};

/// "found", "not found", "cancelled", "failed".
[[nodiscard]] QString crackOutcomeName(CrackOutcome outcome);

/// A snapshot of a run, safe to take from any thread at any time (for a progress bar).
struct CrackProgress
{
    quint64 tested = 0;                    // candidates tried so far
    std::optional<quint64> total;          // exact number of candidates, when every source knows it
    std::optional<quint64> estimatedTotal; // total, or an estimate once a wordlist's line length is known
    std::optional<double> fraction;        // tested / estimatedTotal, 0 to 1
    double candidatesPerSecond = 0;        // average since the start, all threads together
    std::optional<double> etaSeconds;      // time left at that rate, when the amount of work is known
    double elapsedSeconds = 0;
    QString source; // the source being read (the earliest any worker is still on)
    bool finished = false;
};

/// The end of a run.
struct CrackResult
{
    CrackOutcome outcome = CrackOutcome::NotFound;
    SecureBytes secret; // the secret, when found
    QString foundBy;    // which source produced it ("empty secret" for the empty-secret check)
    quint64 tested = 0;
    double elapsedSeconds = 0;
    double candidatesPerSecond = 0;
    int threads = 0;
    std::optional<Error> error; // when Failed
    QStringList notes;          // from the sources, e.g. skipped wordlist lines
};

struct CrackOptions
{
    int threads = 0; // worker threads; 0 = one per hardware thread; at most SecretCracker::MaxThreads
};

/// The weak-secret checker (ATTACKS.md A11): tries candidate secrets against an HS256/HS384/HS512 signature on
/// worker threads of its own, until one reproduces the signature, every source is exhausted, or cancel() is called.
///
/// The empty secret is tried first, always (ATTACKS.md A10); then each source in the order given, every worker
/// taking shares of the same source. A worker that finds a source empty moves on while others finish their last
/// shares of it, so with several workers a secret that is in two sources may be reported by the later one. Each worker
/// has its own HmacCandidateTester and CandidateBatch, so the loop allocates nothing per candidate; progress is counted
/// per worker in atomics and read by progress() without locking. Workers look at the stop flag every 128 candidates
/// (well under a millisecond), so cancel() stops them promptly.
///
/// For a window: start() returns at once; poll progress() from a timer, call cancel() from the UI thread, and take
/// result() once finished (or run() from a thread pool with a progress callback). Not copyable or movable: the
/// workers point at it.
class SecretCracker
{
public:
    SecretCracker(CrackTarget target, std::vector<std::unique_ptr<CandidateSource>> sources, CrackOptions options = {});
    /// Cancels and waits for the workers.
    ~SecretCracker();
    SecretCracker(const SecretCracker&) = delete;
    SecretCracker& operator=(const SecretCracker&) = delete;

    /// Starts the sources and the worker threads and returns. Fails when a source cannot start (a wordlist that
    /// does not open) or when called twice.
    [[nodiscard]] Result<void> start();
    /// Asks every worker to stop; returns at once. Thread-safe.
    void cancel();
    /// True once every worker has stopped (or the empty secret matched). Thread-safe.
    [[nodiscard]] bool isFinished() const;
    /// Waits up to `milliseconds` for the run to finish; true when it has.
    [[nodiscard]] bool waitFor(int milliseconds);
    [[nodiscard]] CrackProgress progress() const;
    /// Waits for the end of the run, joins the workers and returns the outcome (the secret as a copy).
    [[nodiscard]] CrackResult result();

    /// start(), then waits, calling `onProgress` on the calling thread every `intervalMs` and once at the end;
    /// returns result(). A start() failure comes back as outcome Failed.
    [[nodiscard]] CrackResult run(const std::function<void(const CrackProgress&)>& onProgress = {},
                                  int intervalMs = 250);

    static constexpr int MaxThreads = 1024;

    [[nodiscard]] int threadCount() const { return m_threadCount; }
    [[nodiscard]] const CrackTarget& target() const { return m_target; }
    /// One worker per hardware thread (at least 1).
    [[nodiscard]] static int defaultThreadCount();

private:
    struct alignas(64) WorkerSlot // one cache line per worker, so counting never contends
    {
        std::atomic<quint64> tested{0};
        std::atomic<int> source{0};
        std::atomic<bool> running{false};
    };

    void work(int worker);
    void recordFound(const unsigned char* data, std::size_t size, const QString& foundBy);
    void recordError(const Error& error);
    void finishWorker();
    [[nodiscard]] double elapsedSeconds() const;

    CrackTarget m_target;
    std::vector<std::unique_ptr<CandidateSource>> m_sources;
    int m_threadCount = 1;

    std::unique_ptr<WorkerSlot[]> m_slots;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_started{false};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_found{false};
    std::atomic<int> m_running{0};
    std::atomic<quint64> m_emptyTested{0};
    std::chrono::steady_clock::time_point m_startTime;

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_finishedChanged;
    bool m_finished = false;
    std::chrono::steady_clock::time_point m_endTime;
    SecureBytes m_secret;
    QString m_foundBy;
    std::optional<Error> m_error;
    std::mutex m_joinMutex;
};

} // namespace assay
