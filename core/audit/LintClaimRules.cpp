// SPDX-License-Identifier: Apache-2.0
// Claims (ATTACKS.md A23, A32, A33): the time claims' presence, spelling, order and position relative to "now", the
// types of the registered string claims, and whether typ fits the claims.
#include "audit/detail/LintRules.h"

#include "claims/NumericDate.h"

#include <QDateTime>

namespace assay::detail {

namespace {

struct TimeClaim
{
    const JsonMember* member = nullptr;
    std::optional<NumericDate> date;
};

// Exact ordering of two dates (whole seconds, then the fraction).
int compareDates(const NumericDate& a, const NumericDate& b)
{
    if (a.seconds() != b.seconds())
        return a.seconds() < b.seconds() ? -1 : 1;
    if (a.nanoseconds() != b.nanoseconds())
        return a.nanoseconds() < b.nanoseconds() ? -1 : 1;
    return 0;
}

QString utcOf(const NumericDate& date)
{
    const QString utc = date.toUtcString();
    return utc.isEmpty() ? QString::fromUtf8(date.rawText()) : utc;
}

TimeClaim timeClaim(LintSink& sink, const JsonDocument& payload, const QString& name)
{
    TimeClaim claim;
    claim.member = payload.find(name);
    if (!claim.member)
        return claim;
    const JsonMember& m = *claim.member;
    const LintLocation loc = sink.member(Segment::Payload, 0, m);
    auto date = NumericDate::fromJson(m);
    if (!date) {
        sink.add(LintCode::TimeNotNumber,
                 QStringLiteral("%1 is %2 (%3), not a NumericDate: libraries disagree on whether it counts, so it "
                                "must be treated as invalid, never as absent")
                     .arg(name, jsonKindDescription(m.kind), quoteForMessage(QString::fromUtf8(m.rawValue))),
                 loc);
        return claim;
    }
    claim.date = *date;
    const QString raw = quoteForMessage(QString::fromUtf8(m.rawValue));
    if (date->hasWarning(NumericDate::Warning::LooksLikeMilliseconds)) {
        sink.add(LintCode::TimeMilliseconds,
                 QStringLiteral("%1 %2 looks like milliseconds (%3); NumericDate counts seconds, so as written it "
                                "is %4")
                     .arg(name, raw, date->millisecondsReading(), utcOf(*date)),
                 loc);
    }
    if (date->hasWarning(NumericDate::Warning::Fractional)) {
        sink.add(LintCode::TimeFractional,
                 QStringLiteral("%1 %2 has a fractional part: allowed, but many libraries truncate or reject it")
                     .arg(name, raw),
                 loc);
    }
    if (date->hasWarning(NumericDate::Warning::Negative)) {
        sink.add(LintCode::TimeNegative, QStringLiteral("%1 %2 is before 1970").arg(name, raw), loc);
    }
    // A millisecond value is also past 9999 when read as seconds; LINT_TIME_MILLISECONDS already says so.
    const bool milliseconds = date->hasWarning(NumericDate::Warning::LooksLikeMilliseconds);
    if (!milliseconds && (date->hasWarning(NumericDate::Warning::BeyondYear9999) ||
                          date->hasWarning(NumericDate::Warning::OutOfRange))) {
        sink.add(LintCode::TimeBeyond9999,
                 QStringLiteral("%1 %2 is after the year 9999: date libraries overflow or clamp it").arg(name, raw),
                 loc);
    }
    if (date->hasWarning(NumericDate::Warning::BeyondSafeInteger)) {
        sink.add(LintCode::TimeUnsafeInteger,
                 QStringLiteral("%1 %2 is larger than 2^53: readers that use doubles see another value").arg(name, raw),
                 loc);
    }
    return claim;
}

void timeClaims(LintSink& sink, const JsonDocument& payload, const LintContext& context)
{
    const TimeClaim exp = timeClaim(sink, payload, QStringLiteral("exp"));
    const TimeClaim nbf = timeClaim(sink, payload, QStringLiteral("nbf"));
    const TimeClaim iat = timeClaim(sink, payload, QStringLiteral("iat"));

    if (!exp.member) {
        sink.add(LintCode::ExpMissing,
                 QStringLiteral("no exp: the token never expires, so a leaked copy works forever"),
                 sink.whole(Segment::Payload));
    }
    if (exp.date && nbf.date && compareDates(*nbf.date, *exp.date) >= 0) {
        sink.add(LintCode::NbfAfterExp,
                 QStringLiteral("nbf (%1) is not before exp (%2): the token is never valid")
                     .arg(utcOf(*nbf.date), utcOf(*exp.date)),
                 sink.member(Segment::Payload, 0, *nbf.member));
    }
    if (exp.date && iat.date && compareDates(*iat.date, *exp.date) > 0) {
        sink.add(LintCode::IatAfterExp,
                 QStringLiteral("iat (%1) is after exp (%2): the token expired before it was issued")
                     .arg(utcOf(*iat.date), utcOf(*exp.date)),
                 sink.member(Segment::Payload, 0, *iat.member));
    }

    if (exp.date && exp.date->isRepresentable()) {
        const TimeClaim& start = iat.date ? iat : nbf;
        if (start.date && start.date->isRepresentable()) {
            const qint64 lifetime = exp.date->seconds() - start.date->seconds();
            if (lifetime > context.maxLifetimeSeconds) {
                sink.add(LintCode::LongLifetime,
                         QStringLiteral("the token lives %1 (%2 to exp), more than %3")
                             .arg(NumericDate::formatDuration(lifetime), start.member->name,
                                  NumericDate::formatDuration(context.maxLifetimeSeconds)),
                         sink.member(Segment::Payload, 0, *exp.member));
            }
        } else if (context.evaluationTimeMSecs) {
            const qint64 left = exp.date->secondsFrom(*context.evaluationTimeMSecs);
            if (left > context.maxLifetimeSeconds) {
                sink.add(LintCode::LongLifetime,
                         QStringLiteral("the token expires in %1, more than %2 from now, and has no iat or nbf")
                             .arg(NumericDate::formatDuration(left),
                                  NumericDate::formatDuration(context.maxLifetimeSeconds)),
                         sink.member(Segment::Payload, 0, *exp.member));
            }
        }
    }

    if (!context.evaluationTimeMSecs)
        return;
    const qint64 now = *context.evaluationTimeMSecs;
    const qint64 leewayMs = qMax<qint64>(0, context.leewaySeconds) * 1000;
    const QString at = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate);
    if (exp.date && exp.date->compareToMSecs(now - leewayMs) <= 0) {
        sink.add(LintCode::Expired,
                 QStringLiteral("expired %1 (%2), judged at %3").arg(exp.date->relativeTo(now), utcOf(*exp.date), at),
                 sink.member(Segment::Payload, 0, *exp.member));
    }
    if (nbf.date && nbf.date->compareToMSecs(now + leewayMs) > 0) {
        sink.add(LintCode::NotYetValid,
                 QStringLiteral("not valid before %1 (%2)").arg(utcOf(*nbf.date), nbf.date->relativeTo(now)),
                 sink.member(Segment::Payload, 0, *nbf.member));
    }
    if (iat.date && iat.date->compareToMSecs(now + leewayMs) > 0) {
        sink.add(LintCode::IatInFuture,
                 QStringLiteral("issued in the future: iat is %1 (%2), judged at %3")
                     .arg(utcOf(*iat.date), iat.date->relativeTo(now), at),
                 sink.member(Segment::Payload, 0, *iat.member));
    }
}

// RFC 7519 section 4.1: iss, sub and jti are strings; aud is a string or an array of strings (CVE-2020-26160).
void claimTypes(LintSink& sink, const JsonDocument& payload)
{
    for (const char* name : {"iss", "sub", "jti"}) {
        const JsonMember* m = payload.find(QString::fromLatin1(name));
        if (m && m->kind != JsonKind::String) {
            sink.add(LintCode::ClaimType,
                     QStringLiteral("%1 is %2, not a string").arg(QLatin1String(name), jsonKindDescription(m->kind)),
                     sink.member(Segment::Payload, 0, *m));
        }
    }
    if (const JsonMember* aud = payload.find(u"aud")) {
        const bool ok = aud->kind == JsonKind::String || (aud->kind == JsonKind::Array && aud->toStringList());
        if (!ok) {
            sink.add(LintCode::ClaimType,
                     QStringLiteral("aud is %1; it must be a string or an array of strings, and a verifier that "
                                    "cannot read it may skip the audience check")
                         .arg(jsonKindDescription(aud->kind)),
                     sink.member(Segment::Payload, 0, *aud));
        } else if (aud->kind == JsonKind::Array && aud->toStringList()->isEmpty()) {
            sink.add(LintCode::ClaimType, QStringLiteral("aud is an empty array: no audience can match"),
                     sink.member(Segment::Payload, 0, *aud));
        }
    }
}

// RFC 8725 section 3.11 explicit typing, checked against the claims each type requires.
void typeVersusClaims(LintSink& sink, const JsonDocument& payload)
{
    const JwsSignatureEntry& entry = sink.token().signatures.front();
    const HeaderMember typ = findHeaderMember(entry, u"typ");
    const auto value = typ ? typ.member->toString() : std::nullopt;
    if (!value)
        return;
    const QString type = normalizedMediaType(*value);
    QStringList required;
    QString what;
    if (type == QLatin1String("at+jwt")) {
        // RFC 9068 section 2.2: the claims a JWT access token must carry.
        required = {QStringLiteral("iss"),       QStringLiteral("exp"), QStringLiteral("aud"), QStringLiteral("sub"),
                    QStringLiteral("client_id"), QStringLiteral("iat"), QStringLiteral("jti")};
        what = QStringLiteral("an access token (RFC 9068)");
    } else if (type == QLatin1String("logout+jwt") || type == QLatin1String("secevent+jwt")) {
        required = {QStringLiteral("iss"), QStringLiteral("iat"), QStringLiteral("jti"), QStringLiteral("events")};
        what = QStringLiteral("a security event or logout token (RFC 8417)");
    } else if (type == QLatin1String("dpop+jwt")) {
        required = {QStringLiteral("jti"), QStringLiteral("htm"), QStringLiteral("htu"), QStringLiteral("iat")};
        what = QStringLiteral("a DPoP proof (RFC 9449)");
    } else {
        return;
    }
    QStringList missing;
    for (const QString& name : std::as_const(required)) {
        if (!payload.contains(name))
            missing.append(name);
    }
    QString idTokenHint;
    if (type == QLatin1String("at+jwt") && (payload.contains(u"nonce") || payload.contains(u"at_hash")))
        idTokenHint = QStringLiteral("; nonce/at_hash suggest an OpenID Connect ID token");
    if (missing.isEmpty() && idTokenHint.isEmpty())
        return;
    sink.add(LintCode::TypMismatch,
             QStringLiteral("typ \"%1\" says %2, but the claims do not fit%3%4")
                 .arg(quoteForMessage(*value), what,
                      missing.isEmpty() ? QString()
                                        : QStringLiteral(" (missing %1)").arg(missing.join(QStringLiteral(", "))),
                      idTokenHint),
             sink.member(typ.segment, 0, *typ.member));
}

} // namespace

void lintClaims(LintSink& sink, const LintContext& context)
{
    const ParsedToken& token = sink.token();
    if (!token.isJws() || !token.payloadJson || !token.payloadJson->isObject() || token.signatures.isEmpty())
        return;
    const JsonDocument& payload = *token.payloadJson;
    timeClaims(sink, payload, context);
    claimTypes(sink, payload);
    typeVersusClaims(sink, payload);
}

} // namespace assay::detail
