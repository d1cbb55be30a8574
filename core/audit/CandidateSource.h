// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace assay {

class CandidateBatch;

/// One worker thread's view of a candidate source: it takes the next share of the source's candidates each time.
class CandidateCursor
{
public:
    CandidateCursor() = default;
    virtual ~CandidateCursor();
    CandidateCursor(const CandidateCursor&) = delete;
    CandidateCursor& operator=(const CandidateCursor&) = delete;

    /// Clears `batch` and fills it with up to CandidateBatch::Capacity candidates. Returns false when this source
    /// has nothing left (the batch is then empty); fails on an I/O error.
    [[nodiscard]] virtual Result<bool> fill(CandidateBatch& batch) = 0;
};

/// Where guessed secrets come from: the built-in list, a wordlist file, rules over either, a mask. One source is
/// shared by every worker thread; each worker reads it through its own cursor, and the cursors split the candidates
/// between them (every candidate goes to exactly one worker). Everything here is thread-safe except start().
class CandidateSource
{
public:
    CandidateSource() = default;
    virtual ~CandidateSource();
    CandidateSource(const CandidateSource&) = delete;
    CandidateSource& operator=(const CandidateSource&) = delete;

    /// A short description for progress and results: "built-in list", "wordlist rockyou.txt", "mask ?l?l?l?l".
    [[nodiscard]] virtual QString name() const = 0;

    /// Rewinds to the first candidate (a source can be run again). Fails when the source cannot be read at all
    /// (a wordlist that does not open). Called before any cursor is opened, from one thread.
    [[nodiscard]] virtual Result<void> start() = 0;

    /// A cursor for one worker thread.
    [[nodiscard]] virtual std::unique_ptr<CandidateCursor> openCursor() = 0;

    /// The exact number of candidates, when known before the run.
    [[nodiscard]] virtual std::optional<quint64> total() const = 0;

    /// The number of candidates as far as it can be told during the run: total() where known, otherwise an estimate
    /// (a wordlist's size divided by the average line length read so far); nullopt before anything is known.
    [[nodiscard]] virtual std::optional<quint64> estimatedTotal() const { return total(); }

    /// Remarks about the run so far, e.g. wordlist lines that were too long and skipped.
    [[nodiscard]] virtual QStringList notes() const { return {}; }
};

} // namespace assay
