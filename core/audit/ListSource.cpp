// SPDX-License-Identifier: Apache-2.0
#include "audit/ListSource.h"

#include "audit/BuiltinSecrets.h"
#include "audit/CandidateBatch.h"

#include <algorithm>

namespace assay {

namespace {
// Words handed to a cursor at a time: one batch, so a cursor touches the shared counter once per batch.
constexpr qsizetype Run = static_cast<qsizetype>(CandidateBatch::Capacity);
} // namespace

class ListSource::Cursor final : public CandidateCursor
{
public:
    explicit Cursor(ListSource& source)
        : m_source(source)
    {
    }

    Result<bool> fill(CandidateBatch& batch) override
    {
        batch.clear();
        const qsizetype count = m_source.m_words.size();
        const qsizetype first = m_source.m_next.fetch_add(Run, std::memory_order_relaxed);
        if (first >= count)
            return false;
        const qsizetype end = std::min(count, first + Run);
        for (qsizetype i = first; i < end; ++i) {
            const QByteArray& word = m_source.m_words.at(i);
            batch.append(word.constData(), static_cast<std::size_t>(word.size()));
        }
        return true;
    }

private:
    ListSource& m_source;
};

ListSource::ListSource(QString name, QList<QByteArray> words)
    : m_name(std::move(name))
    , m_words(std::move(words))
{
}

std::unique_ptr<ListSource> ListSource::builtin()
{
    const std::span<const std::string_view> secrets = builtinSecrets();
    QList<QByteArray> words;
    words.reserve(static_cast<qsizetype>(secrets.size()));
    for (std::string_view secret : secrets)
        words.append(QByteArray(secret.data(), static_cast<qsizetype>(secret.size())));
    return std::make_unique<ListSource>(QStringLiteral("built-in list (%1 known secrets)").arg(secrets.size()),
                                        std::move(words));
}

Result<void> ListSource::start()
{
    m_next.store(0, std::memory_order_relaxed);
    return {};
}

std::unique_ptr<CandidateCursor> ListSource::openCursor()
{
    return std::make_unique<Cursor>(*this);
}

} // namespace assay
