// SPDX-License-Identifier: Apache-2.0
#include "audit/RuleSource.h"

#include "audit/CandidateBatch.h"
#include "audit/ManglingRules.h"

namespace assay {

class RuleSource::Cursor final : public CandidateCursor
{
public:
    explicit Cursor(std::unique_ptr<CandidateCursor> words)
        : m_words(std::move(words))
    {
    }

    Result<bool> fill(CandidateBatch& batch) override
    {
        batch.clear();
        while (!batch.isFull()) {
            if (m_word >= m_input.size()) {
                Result<bool> more = m_words->fill(m_input);
                if (!more)
                    return fail(more.error());
                m_word = 0;
                m_rule = 0;
                if (!*more)
                    return !batch.isEmpty();
            }
            ManglingRules::apply(m_rule, m_input.data(m_word), m_input.length(m_word), batch);
            if (++m_rule == ManglingRules::Count) {
                m_rule = 0;
                ++m_word;
            }
        }
        return true;
    }

private:
    std::unique_ptr<CandidateCursor> m_words;
    CandidateBatch m_input;
    std::size_t m_word = 0;
    int m_rule = 0;
};

RuleSource::RuleSource(std::unique_ptr<CandidateSource> words)
    : m_words(std::move(words))
{
}

RuleSource::~RuleSource() = default;

QString RuleSource::name() const
{
    return QStringLiteral("%1 with rules").arg(m_words->name());
}

std::unique_ptr<CandidateCursor> RuleSource::openCursor()
{
    return std::make_unique<Cursor>(m_words->openCursor());
}

std::optional<quint64> RuleSource::total() const
{
    if (const std::optional<quint64> words = m_words->total())
        return *words * ManglingRules::Count;
    return std::nullopt;
}

std::optional<quint64> RuleSource::estimatedTotal() const
{
    if (const std::optional<quint64> words = m_words->estimatedTotal())
        return *words * ManglingRules::Count;
    return std::nullopt;
}

} // namespace assay
