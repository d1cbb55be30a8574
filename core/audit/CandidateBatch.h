// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace assay {

/// A reusable buffer of guessed secrets handed from a candidate source to one worker thread. Its storage is
/// reserved once and kept across clear(), so producing and testing candidates allocates nothing in the steady
/// state (a wordlist line longer than any before it may grow the storage once).
class CandidateBatch
{
public:
    /// How many candidates a batch holds: small enough that a worker sees a cancel request within a fraction of a
    /// millisecond, large enough that the per-batch bookkeeping does not show.
    static constexpr std::size_t Capacity = 1024;

    CandidateBatch();
    ~CandidateBatch();
    CandidateBatch(const CandidateBatch&) = delete;
    CandidateBatch& operator=(const CandidateBatch&) = delete;

    void clear()
    {
        m_bytes.resize(0); // keeps the capacity (QByteArray::clear() would release it)
        m_ends.clear();
    }
    [[nodiscard]] bool isFull() const { return m_ends.size() >= Capacity; }
    [[nodiscard]] bool isEmpty() const { return m_ends.empty(); }
    [[nodiscard]] std::size_t size() const { return m_ends.size(); }

    /// Copies one candidate in.
    void append(const unsigned char* data, std::size_t size);
    void append(const char* data, std::size_t size) { append(reinterpret_cast<const unsigned char*>(data), size); }

    /// Room for a candidate of `size` bytes, to be written by the caller (mask and rule generators).
    [[nodiscard]] unsigned char* appendUninitialized(std::size_t size);

    [[nodiscard]] const unsigned char* data(std::size_t index) const
    {
        return reinterpret_cast<const unsigned char*>(m_bytes.constData()) + begin(index);
    }
    [[nodiscard]] std::size_t length(std::size_t index) const { return m_ends[index] - begin(index); }

private:
    [[nodiscard]] std::size_t begin(std::size_t index) const { return index == 0 ? 0 : m_ends[index - 1]; }

    QByteArray m_bytes; // wiped with assay::wipe() at the end: the last batch may hold the secret found

    std::vector<std::size_t> m_ends;
};

} // namespace assay
