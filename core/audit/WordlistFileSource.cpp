// SPDX-License-Identifier: Apache-2.0
#include "audit/WordlistFileSource.h"

#include "audit/CandidateBatch.h"

#include <QFileInfo>

#include <cstring>
#include <string_view>

namespace assay {

namespace {
// A cursor's buffer holds an unfinished line carried over (at most MaxLineLength) plus one chunk.
constexpr std::size_t BufferSize = WordlistFileSource::ChunkSize + WordlistFileSource::MaxLineLength;
} // namespace

class WordlistFileSource::Cursor final : public CandidateCursor
{
public:
    explicit Cursor(WordlistFileSource& source)
        : m_source(source)
        , m_chunk(BufferSize)
    {
    }

    Result<bool> fill(CandidateBatch& batch) override
    {
        batch.clear();
        while (!batch.isFull()) {
            if (m_position >= m_length) {
                if (m_length > 0)
                    m_source.account(m_lines, m_length);
                m_lines = 0;
                m_position = 0;
                m_length = 0;
                Result<bool> more = m_source.takeChunk(m_chunk, m_length);
                if (!more)
                    return fail(more.error());
                if (!*more)
                    return !batch.isEmpty();
            }
            const char* data = m_chunk.data();
            const char* begin = data + m_position;
            const char* end = data + m_length;
            const auto* newline =
                static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(end - begin)));
            const char* lineEnd = newline ? newline : end;
            m_position = static_cast<std::size_t>((newline ? newline + 1 : end) - data);
            auto size = static_cast<std::size_t>(lineEnd - begin);
            if (size > 0 && begin[size - 1] == '\r')
                --size;
            if (size == 0)
                continue;
            if (size > MaxLineLength) {
                m_source.m_longLines.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
            batch.append(begin, size);
            ++m_lines;
        }
        return true;
    }

private:
    WordlistFileSource& m_source;
    std::vector<char> m_chunk;
    std::size_t m_length = 0;
    std::size_t m_position = 0;
    quint64 m_lines = 0;
};

WordlistFileSource::WordlistFileSource(QString path)
    : m_path(std::move(path))
{
}

WordlistFileSource::~WordlistFileSource() = default;

QString WordlistFileSource::name() const
{
    return QStringLiteral("wordlist %1").arg(QFileInfo(m_path).fileName());
}

Result<void> WordlistFileSource::start()
{
    const std::lock_guard lock(m_mutex);
    m_file.close();
    m_file.setFileName(m_path);
    const QFileInfo info(m_path);
    if (info.isDir())
        return fail(ErrorCode::Io, QStringLiteral("cannot read wordlist %1: it is a folder").arg(m_path));
    // Unbuffered: chunks are read straight into the cursors' buffers, with no copy through QFile's own buffer.
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return fail(ErrorCode::Io, QStringLiteral("cannot open wordlist %1: %2").arg(m_path, m_file.errorString()));
    }
    m_size.store(m_file.isSequential() ? 0 : m_file.size());
    m_carry.clear();
    m_carry.reserve(MaxLineLength);
    m_endOfFile = false;
    m_skippingLongLine = false;
    m_atFileStart = true;
    m_bytesCounted.store(0);
    m_linesCounted.store(0);
    m_longLines.store(0);
    return {};
}

std::unique_ptr<CandidateCursor> WordlistFileSource::openCursor()
{
    return std::make_unique<Cursor>(*this);
}

Result<bool> WordlistFileSource::takeChunk(std::vector<char>& out, std::size_t& length)
{
    const std::lock_guard lock(m_mutex);
    for (;;) {
        if (m_endOfFile && m_carry.empty())
            return false;
        // The carry is at most MaxLineLength bytes, so carry + chunk always fits the cursor's buffer.
        std::size_t used = m_carry.size();
        std::memcpy(out.data(), m_carry.data(), used);
        m_carry.clear();
        if (!m_endOfFile) {
            char* fresh = out.data() + used;
            const qint64 got = m_file.read(fresh, static_cast<qint64>(ChunkSize));
            if (got < 0) {
                m_endOfFile = true;
                return fail(ErrorCode::Io,
                            QStringLiteral("reading wordlist %1 failed: %2").arg(m_path, m_file.errorString()));
            }
            if (got == 0)
                m_endOfFile = true;
            auto fresher = static_cast<std::size_t>(got);
            if (m_atFileStart && got > 0) {
                m_atFileStart = false;
                if (fresher >= 3 && std::memcmp(fresh, "\xEF\xBB\xBF", 3) == 0) {
                    std::memmove(fresh, fresh + 3, fresher - 3);
                    fresher -= 3;
                }
            }
            used += fresher;
        }

        std::string_view data(out.data(), used);
        if (m_skippingLongLine) {
            // The rest of a line already counted as too long: drop it up to its line break.
            const std::size_t newline = data.find('\n');
            if (newline == std::string_view::npos)
                continue; // all of it belongs to the long line (at the end of the file the loop then stops)
            m_skippingLongLine = false;
            data.remove_prefix(newline + 1);
            std::memmove(out.data(), data.data(), data.size());
            data = std::string_view(out.data(), data.size());
        }
        if (m_endOfFile) {
            // The last line needs no line break.
            if (data.empty())
                continue;
            length = data.size();
            return true;
        }
        const std::size_t lastNewline = data.rfind('\n');
        if (lastNewline != std::string_view::npos) {
            const std::size_t tail = data.size() - lastNewline - 1;
            if (tail > MaxLineLength) {
                m_longLines.fetch_add(1, std::memory_order_relaxed);
                m_skippingLongLine = true;
            } else {
                m_carry.assign(data.end() - static_cast<std::ptrdiff_t>(tail), data.end());
            }
            length = lastNewline + 1;
            return true;
        }
        if (data.size() > MaxLineLength) {
            m_longLines.fetch_add(1, std::memory_order_relaxed);
            m_skippingLongLine = true;
            continue;
        }
        m_carry.assign(data.begin(), data.end()); // a line that goes on past this chunk: read on
    }
}

void WordlistFileSource::account(quint64 lines, quint64 bytes)
{
    m_linesCounted.fetch_add(lines, std::memory_order_relaxed);
    m_bytesCounted.fetch_add(bytes, std::memory_order_relaxed);
}

std::optional<quint64> WordlistFileSource::estimatedTotal() const
{
    const quint64 bytes = m_bytesCounted.load(std::memory_order_relaxed);
    const quint64 lines = m_linesCounted.load(std::memory_order_relaxed);
    const qint64 size = m_size.load(std::memory_order_relaxed);
    if (bytes == 0 || size <= 0)
        return std::nullopt;
    const double perByte = static_cast<double>(lines) / static_cast<double>(bytes);
    return static_cast<quint64>(perByte * static_cast<double>(size) + 0.5);
}

QStringList WordlistFileSource::notes() const
{
    QStringList notes;
    if (const quint64 skipped = m_longLines.load(std::memory_order_relaxed); skipped > 0) {
        notes.append(QStringLiteral("%1: %2 line(s) longer than %3 KiB skipped")
                         .arg(name())
                         .arg(skipped)
                         .arg(MaxLineLength / 1024));
    }
    return notes;
}

} // namespace assay
