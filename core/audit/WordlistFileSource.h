// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/CandidateSource.h"

#include <QFile>

#include <atomic>
#include <mutex>
#include <vector>

namespace assay {

/// Candidates from a wordlist file, one per line, streamed: the file is read in chunks of ChunkSize bytes that the
/// worker threads take in turn and split into lines themselves, so memory use stays flat for files of any size.
///
/// Each line is tested as its exact bytes (ATTACKS.md A11: no trimming, no re-encoding), except that the line break
/// is removed: "\n" or "\r\n" (a lone "\r" before "\n" is part of the break, not of the secret). Empty lines are
/// skipped (SecretCracker tries the empty secret once anyway), as is a UTF-8 byte order mark at the very start of
/// the file. Lines longer than MaxLineLength are skipped and counted in notes(). The last line needs no line break.
/// A pipe works too (`--wordlist /dev/stdin`, a process substitution); its progress is then unknown.
class WordlistFileSource final : public CandidateSource
{
public:
    static constexpr std::size_t ChunkSize = 1024 * 1024;
    static constexpr std::size_t MaxLineLength = 64 * 1024;

    explicit WordlistFileSource(QString path);
    ~WordlistFileSource() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] Result<void> start() override;
    [[nodiscard]] std::unique_ptr<CandidateCursor> openCursor() override;
    [[nodiscard]] std::optional<quint64> total() const override { return std::nullopt; }
    [[nodiscard]] std::optional<quint64> estimatedTotal() const override;
    [[nodiscard]] QStringList notes() const override;

private:
    class Cursor;

    /// Under the lock: the next run of whole lines (plus, at the end of the file, the last line without its line
    /// break) into `out`, its length in `length`. False at the end of the file.
    [[nodiscard]] Result<bool> takeChunk(std::vector<char>& out, std::size_t& length);
    /// A cursor finished splitting a chunk: `lines` candidates from `bytes` bytes (for the estimate).
    void account(quint64 lines, quint64 bytes);

    QString m_path;
    QFile m_file;
    std::atomic<qint64> m_size{0}; // 0 for a pipe: the amount to come is unknown

    std::mutex m_mutex;        // guards m_file and everything up to the atomics
    std::vector<char> m_carry; // the start of a line whose end has not been read yet
    bool m_endOfFile = false;
    bool m_skippingLongLine = false;
    bool m_atFileStart = true;

    std::atomic<quint64> m_bytesCounted{0};
    std::atomic<quint64> m_linesCounted{0};
    std::atomic<quint64> m_longLines{0};
};

} // namespace assay
