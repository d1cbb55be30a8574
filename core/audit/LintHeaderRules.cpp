// SPDX-License-Identifier: Apache-2.0
// Header rules: what a JOSE header says about how the token must be processed (ATTACKS.md A01, A02, A17-A19, A22,
// A28, A32). The verifier enforces the MUSTs; the lint explains them next to the member that triggers them.
#include "audit/detail/LintRules.h"

#include "jws/JoseHeader.h"
#include "jws/JwsAlgorithm.h"

namespace assay::detail {

namespace {

// Registered header parameter names a lenient, case-insensitive reader might confuse with a look-alike.
const QStringList& registeredHeaderNames()
{
    static const QStringList names{
        QStringLiteral("alg"), QStringLiteral("jku"), QStringLiteral("jwk"),  QStringLiteral("kid"),
        QStringLiteral("x5u"), QStringLiteral("x5c"), QStringLiteral("x5t"),  QStringLiteral("x5t#S256"),
        QStringLiteral("typ"), QStringLiteral("cty"), QStringLiteral("crit"), QStringLiteral("enc"),
        QStringLiteral("zip"), QStringLiteral("epk"), QStringLiteral("apu"),  QStringLiteral("apv"),
        QStringLiteral("iv"),  QStringLiteral("tag"), QStringLiteral("p2s"),  QStringLiteral("p2c"),
        QStringLiteral("b64"),
    };
    return names;
}

void nameCase(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    for (const HeaderMember& hm : headerMembers(entry)) {
        const QString& name = hm.member->name;
        if (registeredHeaderNames().contains(name))
            continue;
        for (const QString& registered : registeredHeaderNames()) {
            if (name.compare(registered, Qt::CaseInsensitive) == 0) {
                sink.add(LintCode::HeaderNameCase,
                         QStringLiteral("\"%1\" is not \"%2\": header names are case-sensitive, so a correct "
                                        "verifier ignores it, but a lenient one may act on it")
                             .arg(quoteForMessage(name), registered),
                         sink.member(hm.segment, index, *hm.member));
                break;
            }
        }
    }
}

void critical(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    auto header = JoseHeader::make(entry);
    if (!header)
        return; // a header that cannot be read, has duplicates or overlaps: reported by lintStructure
    auto crit = header->checkCritical();
    if (crit)
        return;
    const Error& e = crit.error();
    const HeaderMember hm = findHeaderMember(entry, u"crit");
    const LintLocation loc = hm ? sink.member(hm.segment, index, *hm.member) : sink.whole(Segment::Header, index);
    const LintCode code = e.code == ErrorCode::CritUnsupported ? LintCode::CritUnsupported : LintCode::CritInvalid;
    sink.add(code, e.message + QStringLiteral(" (RFC 7515 section 4.1.11)"), loc);
}

bool isCommonType(const QString& normalized)
{
    // JWT (RFC 7519 section 5.1), JOSE / JOSE+JSON (RFC 7515 section 9.2), and the explicit "<kind>+jwt" types of
    // RFC 8725 section 3.11 (at+jwt, logout+jwt, secevent+jwt, dpop+jwt, ...).
    return normalized == QLatin1String("jwt") || normalized == QLatin1String("jose") ||
           normalized == QLatin1String("jose+json") ||
           (normalized.endsWith(QLatin1String("+jwt")) && normalized.size() > 4);
}

void typeAndContentType(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    const HeaderMember typ = findHeaderMember(entry, u"typ");
    if (!typ) {
        sink.add(LintCode::TypMissing,
                 QStringLiteral("no typ: explicit typing (\"JWT\", \"at+jwt\", ...) keeps a token minted for one "
                                "purpose from being accepted for another"),
                 sink.whole(Segment::Header, index));
    } else if (const auto value = typ.member->toString(); !value) {
        sink.add(LintCode::TypUnusual,
                 QStringLiteral("typ is %1, not a string").arg(jsonKindDescription(typ.member->kind)),
                 sink.member(typ.segment, index, *typ.member));
    } else if (!isCommonType(normalizedMediaType(*value))) {
        sink.add(LintCode::TypUnusual,
                 QStringLiteral("typ \"%1\" is not a type used for tokens (JWT, JOSE, JOSE+JSON or <kind>+jwt)")
                     .arg(quoteForMessage(*value)),
                 sink.member(typ.segment, index, *typ.member));
    }

    const HeaderMember cty = findHeaderMember(entry, u"cty");
    if (!cty)
        return;
    const auto value = cty.member->toString();
    if (!value) {
        sink.add(LintCode::CtyUnusual,
                 QStringLiteral("cty is %1, not a string").arg(jsonKindDescription(cty.member->kind)),
                 sink.member(cty.segment, index, *cty.member));
    } else if (normalizedMediaType(*value) == QLatin1String("jwt")) {
        return; // a nested JWT (RFC 7519 section 5.2); lintPayload checks that the payload is one
    } else if (normalizedMediaType(*value) == QLatin1String("json")) {
        sink.add(LintCode::CtyUnusual,
                 QStringLiteral("cty \"%1\": a JWT's claims set needs no cty (RFC 7519 section 5.2 uses it only "
                                "for nested tokens, \"JWT\")")
                     .arg(quoteForMessage(*value)),
                 sink.member(cty.segment, index, *cty.member));
    } else {
        sink.add(LintCode::CtyUnusual,
                 QStringLiteral("cty \"%1\": the payload is declared as something other than a JWT claims set")
                     .arg(quoteForMessage(*value)),
                 sink.member(cty.segment, index, *cty.member));
    }
}

void algorithm(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    const HeaderMember alg = findHeaderMember(entry, u"alg");
    if (!alg) {
        if (entry.header || entry.unprotectedHeader)
            sink.add(LintCode::AlgInvalid, QStringLiteral("the header has no alg: the token cannot be verified"),
                     sink.whole(Segment::Header, index));
        return;
    }
    const LintLocation loc = sink.member(alg.segment, index, *alg.member);
    const auto name = alg.member->toString();
    if (!name) {
        sink.add(
            LintCode::AlgInvalid,
            QStringLiteral("alg is %1 (%2), not a string")
                .arg(jsonKindDescription(alg.member->kind), quoteForMessage(QString::fromUtf8(alg.member->rawValue))),
            loc);
        return;
    }
    const auto known = jwsAlgorithmFromName(*name);
    if (known == JwsAlgorithm::None) {
        QString message = QStringLiteral("alg \"none\": the token is unsecured, nothing vouches for its content; "
                                         "it must never be accepted as verified");
        if (!entry.signature.raw.isEmpty())
            message += QStringLiteral(", and its signature part is not empty, which RFC 7518 section 3.6 forbids");
        sink.add(LintCode::AlgNone, message, loc);
        return;
    }
    if (known)
        return;
    const QString near = closeAlgorithmName(*name);
    if (!near.isEmpty()) {
        LintFinding& f = sink.add(LintCode::AlgCaseVariant,
                                  QStringLiteral("alg \"%1\" imitates \"%2\": names are case-sensitive, so it is an "
                                                 "unknown algorithm that slips past lenient blocklists")
                                      .arg(quoteForMessage(*name), near),
                                  loc);
        if (near == QLatin1String("none"))
            f.attackIds.append(QStringLiteral("A01"));
        return;
    }
    sink.add(LintCode::AlgUnknown,
             QStringLiteral("alg \"%1\" is not a registered JWS algorithm").arg(quoteForMessage(*name)), loc);
}

void unencodedPayload(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    const HeaderMember b64 = findHeaderMember(entry, u"b64");
    if (!b64)
        return;
    const LintLocation loc = sink.member(b64.segment, index, *b64.member);
    auto header = JoseHeader::make(entry);
    if (!header)
        return;
    auto unencoded = header->unencodedPayload();
    if (!unencoded) {
        sink.add(LintCode::B64Invalid, unencoded.error().message, loc);
        return;
    }
    if (*unencoded) {
        sink.add(LintCode::B64False,
                 QStringLiteral("b64 false: the payload is signed unencoded (RFC 7797); a verifier that ignores "
                                "b64 checks a different signing input and reads different claims"),
                 loc);
    }
}

void unprotectedMembers(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    if (!entry.unprotectedHeader || entry.unprotectedHeader->members().isEmpty())
        return;
    QStringList names;
    for (const JsonMember& m : entry.unprotectedHeader->members()) {
        names.append(m.name);
        static const QStringList processing{QStringLiteral("alg"), QStringLiteral("enc"), QStringLiteral("zip"),
                                            QStringLiteral("crit"), QStringLiteral("b64")};
        if (processing.contains(m.name) && !(entry.header && entry.header->contains(m.name))) {
            sink.add(LintCode::UnprotectedParam,
                     QStringLiteral("\"%1\" is only in the unprotected header: anyone can change how the token is "
                                    "processed without breaking the signature")
                         .arg(m.name),
                     sink.member(Segment::UnprotectedHeader, index, m));
        }
    }
    names.removeDuplicates();
    const LintLocation loc = sink.whole(Segment::UnprotectedHeader, index);
    sink.add(LintCode::UnprotectedHeader,
             QStringLiteral("the JSON serialization carries unprotected header members (%1): the signature does not "
                            "cover them")
                 .arg(quoteForMessage(names.join(QStringLiteral(", ")), 120)),
             loc);
}

void compression(LintSink& sink, const JwsSignatureEntry& entry, int index)
{
    const HeaderMember zip = findHeaderMember(entry, u"zip");
    if (!zip)
        return;
    sink.add(LintCode::ZipInJws,
             QStringLiteral("zip in a JWS: compression is defined for JWE only (RFC 7516 section 4.1.3); a "
                            "verifier that inflates the payload can be handed a decompression bomb"),
             sink.member(zip.segment, index, *zip.member));
}

} // namespace

void lintHeaders(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    for (int i = 0; i < token.signatures.size(); ++i) {
        const JwsSignatureEntry& entry = token.signatures[i];
        if (!entry.header && !entry.unprotectedHeader)
            continue;
        nameCase(sink, entry, i);
        critical(sink, entry, i);
        typeAndContentType(sink, entry, i);
    }
}

void lintJwsHeaders(LintSink& sink)
{
    const ParsedToken& token = sink.token();
    if (!token.isJws())
        return;
    std::optional<bool> firstUnencoded;
    for (int i = 0; i < token.signatures.size(); ++i) {
        const JwsSignatureEntry& entry = token.signatures[i];
        if (!entry.header && !entry.unprotectedHeader && entry.headerError)
            continue; // nothing readable; lintStructure said why
        algorithm(sink, entry, i);
        unencodedPayload(sink, entry, i);
        unprotectedMembers(sink, entry, i);
        compression(sink, entry, i);

        // RFC 7797 section 3: every signature covers the same payload, so all must agree on b64.
        const HeaderMember b64 = findHeaderMember(entry, u"b64");
        const bool unencoded = b64 && b64.member->toBool() == false;
        if (!firstUnencoded) {
            firstUnencoded = unencoded;
        } else if (*firstUnencoded != unencoded) {
            sink.add(LintCode::B64Invalid,
                     QStringLiteral("signature %1 disagrees with signature 1 on b64 (RFC 7797 section 3)").arg(i + 1),
                     b64 ? sink.member(b64.segment, i, *b64.member) : sink.whole(Segment::Header, i));
        }
    }
}

} // namespace assay::detail
