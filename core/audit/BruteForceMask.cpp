// SPDX-License-Identifier: Apache-2.0
#include "audit/BruteForceMask.h"

#include <limits>

namespace assay {

namespace {

QByteArray range(char first, char last)
{
    QByteArray out;
    for (int c = first; c <= last; ++c)
        out.append(static_cast<char>(c));
    return out;
}

// hashcat's built-in charsets, in hashcat's order.
std::optional<QByteArray> builtinCharset(char placeholder)
{
    switch (placeholder) {
    case 'l':
        return range('a', 'z');
    case 'u':
        return range('A', 'Z');
    case 'd':
        return range('0', '9');
    case 'h':
        return range('0', '9') + range('a', 'f');
    case 'H':
        return range('0', '9') + range('A', 'F');
    case 's':
        return QByteArray(R"( !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)");
    case 'a':
        return range('a', 'z') + range('A', 'Z') + range('0', '9') + QByteArray(R"( !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)");
    case 'b': {
        QByteArray all(256, '\0');
        for (int i = 0; i < 256; ++i)
            all[i] = static_cast<char>(i);
        return all;
    }
    default:
        return std::nullopt;
    }
}

// a * b and a + b, false when the result does not fit in 64 bits (portable: no compiler builtins).
bool multiply(quint64 a, quint64 b, quint64& out)
{
    if (a != 0 && b > std::numeric_limits<quint64>::max() / a)
        return false;
    out = a * b;
    return true;
}

bool add(quint64 a, quint64 b, quint64& out)
{
    if (b > std::numeric_limits<quint64>::max() - a)
        return false;
    out = a + b;
    return true;
}

// Adds the bytes of `more` that `set` does not hold yet, keeping the order of first appearance.
void unite(QByteArray& set, QByteArrayView more)
{
    for (char c : more) {
        if (!set.contains(c))
            set.append(c);
    }
}

// A custom charset's text: built-in placeholders, "??" and literal characters, united into one set.
Result<QByteArray> parseCharset(const QString& text, int number)
{
    const QByteArray bytes = text.toUtf8();
    QByteArray set;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '?') {
            unite(set, QByteArrayView(&bytes.constData()[i], 1));
            continue;
        }
        if (i + 1 >= bytes.size())
            return fail(ErrorCode::Usage, QStringLiteral("custom charset %1 ends with a lone \"?\" (write ?? for a "
                                                         "literal question mark)")
                                              .arg(number));
        const char p = bytes.at(++i);
        if (p == '?') {
            unite(set, "?");
            continue;
        }
        if (p >= '1' && p <= '4')
            return fail(ErrorCode::Usage,
                        QStringLiteral("custom charset %1 uses ?%2: a custom charset can hold built-in placeholders "
                                       "(?l ?u ?d ?h ?H ?s ?a ?b) and characters, not other custom charsets")
                            .arg(number)
                            .arg(QLatin1Char(p)));
        const std::optional<QByteArray> builtin = builtinCharset(p);
        if (!builtin)
            return fail(
                ErrorCode::Usage,
                QStringLiteral("custom charset %1: unknown placeholder ?%2").arg(number).arg(QString::fromUtf8(&p, 1)));
        unite(set, *builtin);
    }
    if (set.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("custom charset %1 is empty").arg(number));
    return set;
}

} // namespace

Result<BruteForceMask> BruteForceMask::parse(const QString& mask, const MaskOptions& options)
{
    if (mask.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("the mask is empty"));

    std::array<std::optional<QByteArray>, 4> custom;
    for (int n = 0; n < 4; ++n) {
        if (options.customCharsets[n].isNull())
            continue;
        Result<QByteArray> set = parseCharset(options.customCharsets[n], n + 1);
        if (!set)
            return fail(set.error());
        custom[n] = std::move(*set);
    }

    BruteForceMask result;
    result.m_text = mask;
    const QByteArray bytes = mask.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '?') {
            result.m_positions.push_back(QByteArray(1, c));
        } else {
            if (i + 1 >= bytes.size())
                return fail(ErrorCode::Usage,
                            QStringLiteral("the mask ends with a lone \"?\" at byte %1 (write ?? for a literal "
                                           "question mark)")
                                .arg(i + 1),
                            Segment::None, i);
            const char p = bytes.at(++i);
            if (p == '?') {
                result.m_positions.push_back(QByteArrayLiteral("?"));
            } else if (p >= '1' && p <= '4') {
                const int n = p - '1';
                if (!custom[n])
                    return fail(ErrorCode::Usage,
                                QStringLiteral("the mask uses ?%1 at byte %2 but custom charset %1 is not given")
                                    .arg(n + 1)
                                    .arg(i),
                                Segment::None, i - 1);
                result.m_positions.push_back(*custom[n]);
            } else if (const std::optional<QByteArray> builtin = builtinCharset(p)) {
                result.m_positions.push_back(*builtin);
            } else {
                return fail(ErrorCode::Usage,
                            QStringLiteral("unknown placeholder ?%1 at byte %2 of the mask (known: ?l ?u ?d ?h ?H ?s "
                                           "?a ?b ?1 ?2 ?3 ?4 ?"
                                           "?)")
                                .arg(QString::fromUtf8(&p, 1))
                                .arg(i),
                            Segment::None, i - 1);
            }
        }
        if (static_cast<int>(result.m_positions.size()) > MaxPositions)
            return fail(ErrorCode::Usage, QStringLiteral("the mask is longer than %1 positions").arg(MaxPositions));
    }

    const int length = static_cast<int>(result.m_positions.size());
    result.m_minLength = length;
    result.m_maxLength = length;
    if (options.increment) {
        const int low = options.incrementMin;
        const int high = options.incrementMax == 0 ? length : options.incrementMax;
        if (low < 1 || low > length)
            return fail(ErrorCode::Usage, QStringLiteral("the increment minimum %1 is outside 1..%2 (the mask's "
                                                         "length)")
                                              .arg(low)
                                              .arg(length));
        if (high < 1 || high > length)
            return fail(ErrorCode::Usage, QStringLiteral("the increment maximum %1 is outside 1..%2 (the mask's "
                                                         "length)")
                                              .arg(high)
                                              .arg(length));
        if (low > high)
            return fail(ErrorCode::Usage,
                        QStringLiteral("the increment minimum %1 is larger than the maximum %2").arg(low).arg(high));
        result.m_minLength = low;
        result.m_maxLength = high;
    }

    quint64 total = 0;
    quint64 product = 1;
    bool overflow = false;
    for (int i = 0; i < result.m_maxLength && !overflow; ++i) {
        overflow = !multiply(product, static_cast<quint64>(result.m_positions[i].size()), product);
        if (!overflow && i + 1 >= result.m_minLength)
            overflow = !add(total, product, total);
    }
    if (overflow)
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("the mask has more than 2^64 - 1 candidates; shorten it or use smaller charsets"));
    result.m_keyspace = total;
    return result;
}

quint64 BruteForceMask::keyspace(int length) const
{
    if (length < m_minLength || length > m_maxLength)
        return 0;
    quint64 product = 1;
    for (int i = 0; i < length; ++i)
        product *= static_cast<quint64>(m_positions[i].size());
    return product;
}

QByteArray BruteForceMask::candidate(quint64 index) const
{
    for (int length = m_minLength; length <= m_maxLength; ++length) {
        const quint64 count = keyspace(length);
        if (index >= count) {
            index -= count;
            continue;
        }
        QByteArray out(length, '\0');
        for (int i = length - 1; i >= 0; --i) {
            const auto radix = static_cast<quint64>(m_positions[i].size());
            out[i] = m_positions[i].at(static_cast<qsizetype>(index % radix));
            index /= radix;
        }
        return out;
    }
    return {};
}

} // namespace assay
