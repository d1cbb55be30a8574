// SPDX-License-Identifier: Apache-2.0
#include "claims/ClaimValidator.h"

#include "encoding/JsonDocument.h"

#include <QHash>
#include <QSet>
#include <QtNumeric>

#include <limits>

namespace assay {

namespace {

QString abbreviate(QByteArrayView raw)
{
    // One-line messages stay readable for a megabyte-long value; the full text is in ClaimResult::rawValue.
    constexpr qsizetype kMax = 80;
    if (raw.size() <= kMax)
        return QString::fromUtf8(raw);
    return QString::fromUtf8(raw.first(kMax)) + QStringLiteral("...");
}

QString quoted(const QString& s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 out = 0;
    if (qAddOverflow(a, b, &out))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return out;
}

qint64 saturatingMul1000(qint64 a)
{
    qint64 out = 0;
    if (qMulOverflow(a, qint64(1000), &out))
        return a > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return out;
}

// Media types compare case-insensitively (RFC 2045 section 5.1), but only in ASCII: Unicode case folding would let
// "\u212A" (Kelvin sign) stand in for "k".
bool asciiCaseInsensitiveEqual(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char16_t x = a[i].unicode();
        char16_t y = b[i].unicode();
        if (x >= u'A' && x <= u'Z')
            x = char16_t(x - u'A' + u'a');
        if (y >= u'A' && y <= u'Z')
            y = char16_t(y - u'A' + u'a');
        if (x != y)
            return false;
    }
    return true;
}

ClaimResult row(const QString& name, ClaimStatus status, std::optional<ErrorCode> code, QString message,
                QByteArray raw = {})
{
    ClaimResult r;
    r.name = name;
    r.status = status;
    r.code = code;
    r.message = std::move(message);
    r.rawValue = std::move(raw);
    return r;
}

// How the claim verbs read on either side of the evaluation time.
struct TimeWording
{
    const char* future; // "expires"
    const char* past;   // "expired"
};

QString relativePhrase(const NumericDate& date, qint64 now, TimeWording wording)
{
    const QString generic = date.relativeTo(now);
    const bool future = date.compareToMSecs(now) > 0;
    const QString when = generic == QLatin1String("now") ? QStringLiteral("just now") : generic;
    return QLatin1String(future ? wording.future : wording.past) + QLatin1Char(' ') + when;
}

/// Everything one validate() call needs, so each check stays a small function.
class Checker
{
public:
    Checker(const ClaimExpectations& expectations, const JsonDocument& payload, const JsonDocument* header, qint64 now)
        : m_expect(expectations)
        , m_payload(payload)
        , m_header(header)
        , m_now(now)
        , m_leeway(qMax<qint64>(0, expectations.leewaySeconds))
        , m_report(now, m_leeway)
    {
        for (const JsonMember& m : payload.members())
            ++m_counts[m.name];
        // duplicates() gives "name" for the top level and "a.b.name" or "a[0].name" below it. Names may contain
        // dots ("http://example.com/is_root"), so the owning claim is the longest top-level name that prefixes the
        // path and is followed by '.' or '['.
        for (const QString& path : payload.duplicates()) {
            if (m_counts.value(path) > 1)
                continue;
            QString owner;
            for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
                const QString& name = it.key();
                if (name.size() <= owner.size() || path.size() <= name.size() || !path.startsWith(name))
                    continue;
                const QChar next = path.at(name.size());
                if (next == QLatin1Char('.') || next == QLatin1Char('['))
                    owner = name;
            }
            if (!owner.isEmpty())
                m_nested[owner].append(path);
        }
    }

    ClaimReport run()
    {
        checkString(QStringLiteral("iss"), m_expect.issuer);
        checkString(QStringLiteral("sub"), m_expect.subject);
        checkAudience();
        checkTime(QStringLiteral("exp"));
        checkTime(QStringLiteral("nbf"));
        checkTime(QStringLiteral("iat"));
        checkType();
        checkRequired();
        reportRemainingDuplicates();
        return std::move(m_report);
    }

private:
    void add(ClaimResult r, bool payloadClaim = true)
    {
        if (payloadClaim)
            m_reported.insert(r.name);
        m_report.append(std::move(r));
    }

    /// Reports the claim as ambiguous and returns true when its name repeats or a name repeats inside it.
    bool reportDuplicate(const QString& name)
    {
        const int count = m_counts.value(name);
        if (count > 1) {
            QStringList raws;
            QByteArray last;
            for (const JsonMember& m : m_payload.members()) {
                if (m.name == name) {
                    raws << abbreviate(m.rawValue);
                    last = m.rawValue;
                }
            }
            add(row(name, ClaimStatus::Invalid, ErrorCode::JsonDuplicateMember,
                    QStringLiteral("appears %1 times (%2): which value applies depends on the parser")
                        .arg(count)
                        .arg(raws.join(QStringLiteral(", "))),
                    last));
            return true;
        }
        if (const auto nested = m_nested.constFind(name); nested != m_nested.cend()) {
            const auto member = m_payload.member(name);
            add(row(name, ClaimStatus::Invalid, ErrorCode::JsonDuplicateMember,
                    QStringLiteral("contains duplicated member names (%1): which value applies depends on the parser")
                        .arg(nested->join(QStringLiteral(", "))),
                    member ? member->rawValue : QByteArray()));
            return true;
        }
        return false;
    }

    void checkString(const QString& name, const std::optional<QString>& expected)
    {
        if (reportDuplicate(name))
            return;
        const auto member = m_payload.member(name);
        if (!member) {
            if (expected)
                add(row(name, ClaimStatus::Missing, ErrorCode::ClaimMissing,
                        QStringLiteral("missing; expected %1").arg(quoted(*expected))));
            return;
        }
        const auto value = member->toString();
        if (!value) {
            add(row(name, ClaimStatus::Invalid, ErrorCode::ClaimInvalidType,
                    QStringLiteral("is %1 (%2), not a string")
                        .arg(jsonKindDescription(member->kind), abbreviate(member->rawValue)),
                    member->rawValue));
            return;
        }
        if (!expected) {
            add(row(name, ClaimStatus::Info, std::nullopt, quoted(*value), member->rawValue));
        } else if (*value == *expected) {
            add(row(name, ClaimStatus::Pass, std::nullopt, QStringLiteral("%1 matches").arg(quoted(*value)),
                    member->rawValue));
        } else {
            add(row(name, ClaimStatus::Fail, ErrorCode::ClaimMismatch,
                    QStringLiteral("%1 does not match the expected %2").arg(quoted(*value), quoted(*expected)),
                    member->rawValue));
        }
    }

    void checkAudience()
    {
        const QString name = QStringLiteral("aud");
        if (reportDuplicate(name))
            return;
        const auto member = m_payload.member(name);
        const auto& expected = m_expect.audience;
        if (!member) {
            if (expected)
                add(row(name, ClaimStatus::Missing, ErrorCode::ClaimMissing,
                        QStringLiteral("missing; expected %1").arg(quoted(*expected))));
            return;
        }
        // RFC 7519 section 4.1.3: a single string or an array of strings. Anything else (including an array with a
        // non-string element next to a matching one, CVE-2020-26160) is invalid rather than "no audience".
        std::optional<QStringList> audiences;
        if (member->kind == JsonKind::String) {
            if (const auto s = member->toString())
                audiences = QStringList{*s};
        } else if (member->kind == JsonKind::Array) {
            audiences = member->toStringList();
        }
        if (!audiences) {
            const QString why = member->kind == JsonKind::Array ? QStringLiteral("an array with a non-string element")
                                                                : jsonKindDescription(member->kind);
            add(row(name, ClaimStatus::Invalid, ErrorCode::ClaimInvalidType,
                    QStringLiteral("is %1 (%2), not a string or an array of strings")
                        .arg(why, abbreviate(member->rawValue)),
                    member->rawValue));
            return;
        }
        QStringList shown;
        for (const QString& a : *audiences)
            shown << quoted(a);
        const QString list = shown.join(QStringLiteral(", "));
        if (!expected) {
            add(row(name, ClaimStatus::Info, std::nullopt,
                    audiences->isEmpty() ? QStringLiteral("empty array: no audience") : list, member->rawValue));
        } else if (audiences->isEmpty()) {
            add(row(name, ClaimStatus::Fail, ErrorCode::ClaimMismatch,
                    QStringLiteral("is an empty array: the expected %1 is not among them").arg(quoted(*expected)),
                    member->rawValue));
        } else if (audiences->contains(*expected)) {
            add(row(name, ClaimStatus::Pass, std::nullopt,
                    QStringLiteral("%1 is among %2").arg(quoted(*expected), list), member->rawValue));
        } else {
            add(row(name, ClaimStatus::Fail, ErrorCode::ClaimMismatch,
                    QStringLiteral("the expected %1 is not among %2").arg(quoted(*expected), list), member->rawValue));
        }
    }

    void checkTime(const QString& name)
    {
        if (reportDuplicate(name))
            return;
        const auto member = m_payload.member(name);
        if (!member)
            return;
        auto parsed = NumericDate::fromJson(*member);
        if (!parsed) {
            add(row(name, ClaimStatus::Invalid, ErrorCode::ClaimInvalidType, parsed.error().message, member->rawValue));
            return;
        }
        const NumericDate& date = *parsed;
        ClaimResult r = row(name, ClaimStatus::Pass, std::nullopt, {}, member->rawValue);
        r.date = date;
        r.warnings = date.warningMessages();
        if (!date.isRepresentable()) {
            // Ordering would still work, but a date no calendar can show is no usable NumericDate (1e400 is
            // infinity to a double-based reader: "never expires").
            r.status = ClaimStatus::Invalid;
            r.code = ErrorCode::ClaimInvalidType;
            r.message = QStringLiteral("%1 is out of range: no NumericDate can be that far from 1970")
                            .arg(abbreviate(member->rawValue));
            r.relative = date.relativeTo(m_now);
            add(std::move(r));
            return;
        }
        r.utc = date.toUtcString();
        r.local = date.toLocalString(m_expect.displayZone);
        const qint64 leewayMs = saturatingMul1000(m_leeway);
        const QString leewayNote = QStringLiteral(", accepted within the %1 s leeway").arg(m_leeway);
        const QString at = QStringLiteral(" (%1)").arg(r.utc);
        if (name == QLatin1String("exp")) {
            r.relative = relativePhrase(date, m_now, {"expires", "expired"});
            const bool expired = date.compareToMSecs(saturatingAdd(m_now, -leewayMs)) <= 0;
            const bool pastExp = date.compareToMSecs(m_now) <= 0;
            if (expired) {
                r.status = ClaimStatus::Fail;
                r.code = ErrorCode::ClaimExpired;
            }
            r.message = r.relative + at + (!expired && pastExp ? leewayNote : QString());
        } else if (name == QLatin1String("nbf")) {
            r.relative = relativePhrase(date, m_now, {"becomes valid", "became valid"});
            const bool notYet = date.compareToMSecs(saturatingAdd(m_now, leewayMs)) > 0;
            const bool beforeNbf = date.compareToMSecs(m_now) > 0;
            if (notYet) {
                r.status = ClaimStatus::Fail;
                r.code = ErrorCode::ClaimNotYetValid;
                r.message = QStringLiteral("not valid yet: ") + r.relative + at;
            } else {
                r.message = r.relative + at + (beforeNbf ? leewayNote : QString());
            }
        } else {
            r.relative = relativePhrase(date, m_now, {"issued", "issued"});
            const bool inFuture = date.compareToMSecs(saturatingAdd(m_now, leewayMs)) > 0;
            const bool afterNow = date.compareToMSecs(m_now) > 0;
            if (inFuture) {
                r.status = ClaimStatus::Fail;
                r.code = ErrorCode::ClaimIssuedInFuture;
                r.message = QStringLiteral("issued in the future: ") + date.relativeTo(m_now) + at;
            } else if (afterNow) {
                r.message = QStringLiteral("issued in the future: ") + date.relativeTo(m_now) + at + leewayNote;
            } else {
                r.message = r.relative + at;
            }
        }
        add(std::move(r));
    }

    void checkType()
    {
        const QString name = QStringLiteral("typ");
        const auto& expected = m_expect.type;
        if (!m_header || !m_header->isObject()) {
            if (expected)
                add(row(name, ClaimStatus::Missing, ErrorCode::ClaimMissing,
                        QStringLiteral("no protected header to read typ from; expected %1").arg(quoted(*expected))),
                    false);
            return;
        }
        int count = 0;
        for (const JsonMember& m : m_header->members())
            count += m.name == name ? 1 : 0;
        const auto member = m_header->member(name);
        if (count > 1) {
            add(row(name, ClaimStatus::Invalid, ErrorCode::JsonDuplicateMember,
                    QStringLiteral("appears %1 times in the protected header").arg(count), member->rawValue),
                false);
            return;
        }
        if (!member) {
            if (expected)
                add(row(name, ClaimStatus::Missing, ErrorCode::ClaimMissing,
                        QStringLiteral("missing from the protected header; expected %1").arg(quoted(*expected))),
                    false);
            return;
        }
        const auto value = member->toString();
        if (!value) {
            add(row(name, ClaimStatus::Invalid, ErrorCode::ClaimInvalidType,
                    QStringLiteral("is %1 (%2), not a string")
                        .arg(jsonKindDescription(member->kind), abbreviate(member->rawValue)),
                    member->rawValue),
                false);
        } else if (!expected) {
            add(row(name, ClaimStatus::Info, std::nullopt, quoted(*value), member->rawValue), false);
        } else if (ClaimValidator::typeMatches(*value, *expected)) {
            add(row(name, ClaimStatus::Pass, std::nullopt,
                    QStringLiteral("%1 matches %2").arg(quoted(*value), quoted(*expected)), member->rawValue),
                false);
        } else {
            add(row(name, ClaimStatus::Fail, ErrorCode::ClaimMismatch,
                    QStringLiteral("%1 does not match the expected %2").arg(quoted(*value), quoted(*expected)),
                    member->rawValue),
                false);
        }
    }

    void checkRequired()
    {
        for (const QString& name : m_expect.requiredClaims) {
            if (m_reported.contains(name))
                continue; // already has a row (present, or reported missing by its own check)
            if (reportDuplicate(name))
                continue;
            if (const auto member = m_payload.member(name)) {
                add(row(name, ClaimStatus::Pass, std::nullopt, QStringLiteral("present (required)"), member->rawValue));
            } else {
                add(row(name, ClaimStatus::Missing, ErrorCode::ClaimMissing,
                        QStringLiteral("required claim is missing")));
            }
        }
    }

    void reportRemainingDuplicates()
    {
        // Document order, so the report reads like the payload.
        for (const JsonMember& m : m_payload.members()) {
            if (!m_reported.contains(m.name))
                reportDuplicate(m.name);
        }
    }

    const ClaimExpectations& m_expect;
    const JsonDocument& m_payload;
    const JsonDocument* m_header;
    qint64 m_now;
    qint64 m_leeway;
    ClaimReport m_report;
    QHash<QString, int> m_counts;
    QHash<QString, QStringList> m_nested;
    QSet<QString> m_reported;
};

} // namespace

ClaimValidator::ClaimValidator(ClaimExpectations expectations)
    : m_expectations(std::move(expectations))
{
}

Result<ClaimReport> ClaimValidator::validate(const JsonDocument& payload, qint64 evaluationTimeMSecs,
                                             const JsonDocument* protectedHeader) const
{
    if (!payload.isObject())
        return fail(ErrorCode::JsonNotObject, QStringLiteral("payload is not a JSON object (claims set)"),
                    Segment::Payload);
    return Checker(m_expectations, payload, protectedHeader, evaluationTimeMSecs).run();
}

bool ClaimValidator::typeMatches(QStringView tokenType, QStringView expectedType)
{
    // RFC 7515 section 4.1.9: a typ without '/' means "application/" + typ.
    const auto normalized = [](QStringView t) {
        return t.contains(QLatin1Char('/')) ? t.toString() : QStringLiteral("application/") + t.toString();
    };
    return asciiCaseInsensitiveEqual(normalized(tokenType), normalized(expectedType));
}

} // namespace assay
