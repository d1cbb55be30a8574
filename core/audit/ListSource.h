// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/CandidateSource.h"

#include <QByteArray>
#include <QList>

#include <atomic>

namespace assay {

/// Candidates from a list held in memory: the built-in list of known secrets, or words a caller supplies. Workers
/// take the words in runs, by index.
class ListSource final : public CandidateSource
{
public:
    ListSource(QString name, QList<QByteArray> words);

    /// The built-in list (BuiltinSecrets.h).
    [[nodiscard]] static std::unique_ptr<ListSource> builtin();

    [[nodiscard]] QString name() const override { return m_name; }
    [[nodiscard]] Result<void> start() override;
    [[nodiscard]] std::unique_ptr<CandidateCursor> openCursor() override;
    [[nodiscard]] std::optional<quint64> total() const override { return static_cast<quint64>(m_words.size()); }

private:
    class Cursor;

    QString m_name;
    QList<QByteArray> m_words;
    std::atomic<qsizetype> m_next{0};
};

} // namespace assay
