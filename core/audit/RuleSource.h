// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/CandidateSource.h"

namespace assay {

/// Applies ManglingRules to every word of another source (the built-in list, a wordlist): each word yields
/// ManglingRules::Count candidates, all rules of one word before the next word.
class RuleSource final : public CandidateSource
{
public:
    explicit RuleSource(std::unique_ptr<CandidateSource> words);
    ~RuleSource() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] Result<void> start() override { return m_words->start(); }
    [[nodiscard]] std::unique_ptr<CandidateCursor> openCursor() override;
    [[nodiscard]] std::optional<quint64> total() const override;
    [[nodiscard]] std::optional<quint64> estimatedTotal() const override;
    [[nodiscard]] QStringList notes() const override { return m_words->notes(); }

private:
    class Cursor;

    std::unique_ptr<CandidateSource> m_words;
};

} // namespace assay
