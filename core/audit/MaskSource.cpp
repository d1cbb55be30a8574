// SPDX-License-Identifier: Apache-2.0
#include "audit/MaskSource.h"

#include "audit/CandidateBatch.h"

#include <algorithm>

namespace assay {

class MaskSource::Cursor final : public CandidateCursor
{
public:
    explicit Cursor(MaskSource& source)
        : m_source(source)
        , m_digits(static_cast<std::size_t>(BruteForceMask::MaxPositions), 0)
    {
    }

    Result<bool> fill(CandidateBatch& batch) override
    {
        batch.clear();
        const quint64 total = m_source.m_mask.keyspace();
        // Claim one batch worth of candidate numbers; the counter only moves past the end by a bounded amount.
        if (m_source.m_next.load(std::memory_order_relaxed) >= total)
            return false;
        const quint64 first = m_source.m_next.fetch_add(CandidateBatch::Capacity, std::memory_order_relaxed);
        if (first >= total)
            return false;
        const quint64 count = std::min<quint64>(CandidateBatch::Capacity, total - first);
        seek(first);
        for (quint64 n = 0; n < count; ++n) {
            unsigned char* out = batch.appendUninitialized(static_cast<std::size_t>(m_length));
            for (int i = 0; i < m_length; ++i)
                out[i] = static_cast<unsigned char>(m_charsets[i]->at(m_digits[i]));
            advance();
        }
        return true;
    }

private:
    // Positions the odometer on candidate number `index`.
    void seek(quint64 index)
    {
        const BruteForceMask& mask = m_source.m_mask;
        for (int length = mask.minLength(); length <= mask.maxLength(); ++length) {
            const quint64 count = mask.keyspace(length);
            if (index >= count) {
                index -= count;
                continue;
            }
            setLength(length);
            for (int i = length - 1; i >= 0; --i) {
                const auto radix = static_cast<quint64>(m_charsets[i]->size());
                m_digits[i] = static_cast<qsizetype>(index % radix);
                index /= radix;
            }
            return;
        }
    }

    void setLength(int length)
    {
        m_length = length;
        for (int i = 0; i < length; ++i)
            m_charsets[i] = &m_source.m_mask.positions()[static_cast<std::size_t>(i)];
    }

    // The next candidate: the last position turns fastest; past the last candidate of a length comes the first of
    // the next length.
    void advance()
    {
        for (int i = m_length - 1; i >= 0; --i) {
            if (++m_digits[i] < m_charsets[i]->size())
                return;
            m_digits[i] = 0;
        }
        if (m_length < m_source.m_mask.maxLength()) {
            setLength(m_length + 1);
            std::fill(m_digits.begin(), m_digits.begin() + m_length, 0);
        }
    }

    MaskSource& m_source;
    std::vector<qsizetype> m_digits;
    std::array<const QByteArray*, BruteForceMask::MaxPositions> m_charsets{};
    int m_length = 0;
};

MaskSource::MaskSource(BruteForceMask mask)
    : m_mask(std::move(mask))
{
}

QString MaskSource::name() const
{
    return QStringLiteral("mask %1").arg(m_mask.text());
}

Result<void> MaskSource::start()
{
    m_next.store(0, std::memory_order_relaxed);
    return {};
}

std::unique_ptr<CandidateCursor> MaskSource::openCursor()
{
    return std::make_unique<Cursor>(*this);
}

} // namespace assay
