// SPDX-License-Identifier: Apache-2.0
// JWE header rules (ATTACKS.md A27-A29, A31): read from the protected header alone, nothing is decrypted.
#include "audit/detail/LintRules.h"

#include "encoding/Base64Url.h"

#include <algorithm>

namespace assay::detail {

namespace {

void pbes2(LintSink& sink, const JwsSignatureEntry& entry, const LintContext& context)
{
    const HeaderMember p2c = findHeaderMember(entry, u"p2c");
    if (!p2c) {
        sink.add(LintCode::Pbes2CountInvalid, QStringLiteral("PBES2 without p2c (RFC 7518 section 4.8.1.2)"),
                 sink.whole(Segment::Header));
    } else {
        const LintLocation loc = sink.member(p2c.segment, 0, *p2c.member);
        const QByteArray& raw = p2c.member->rawValue;
        // A positive integer written as digits only: no fraction, exponent, sign or string (RFC 7518 4.8.1.2).
        const bool digits = p2c.member->kind == JsonKind::Number && !raw.isEmpty() &&
                            std::all_of(raw.cbegin(), raw.cend(), [](char c) { return c >= '0' && c <= '9'; });
        bool fits = false;
        const qint64 count = digits && raw.size() <= 18 ? raw.toLongLong(&fits) : 0;
        if (!digits || (fits && count < 1)) {
            sink.add(LintCode::Pbes2CountInvalid,
                     QStringLiteral("p2c %1 is not a positive whole number; the decryption must be refused")
                         .arg(quoteForMessage(QString::fromUtf8(raw))),
                     loc);
        } else if (!fits || count > context.maxPbes2Count) {
            sink.add(LintCode::Pbes2CountExcessive,
                     QStringLiteral("p2c %1 is above the cap of %2: PBKDF2 runs before the tag is checked, so one "
                                    "token costs the recipient that many hashes (CVE-2022-36083)")
                         .arg(quoteForMessage(QString::fromUtf8(raw)))
                         .arg(context.maxPbes2Count),
                     loc);
        } else if (count < 1000) {
            sink.add(LintCode::Pbes2CountLow,
                     QStringLiteral("p2c %1 is below the 1000 iterations RFC 7518 section 4.8.1.2 recommends: the "
                                    "password is cheap to guess")
                         .arg(count),
                     loc);
        }
    }

    const HeaderMember p2s = findHeaderMember(entry, u"p2s");
    const auto text = p2s ? p2s.member->toString() : std::nullopt;
    const auto salt = text ? base64url::decode(text->toLatin1()) : Result<QByteArray>();
    if (!p2s || !text || !salt || salt->size() < 8) {
        QString what = QStringLiteral("PBES2 without p2s");
        if (p2s && !text)
            what = QStringLiteral("p2s is not a string");
        else if (p2s && !salt)
            what = QStringLiteral("p2s is not base64url");
        else if (p2s)
            what = QStringLiteral("p2s is %1 bytes").arg(salt->size());
        sink.add(LintCode::Pbes2SaltShort,
                 QStringLiteral("%1: RFC 7518 section 4.8.1.1 requires a salt input of at least 8 bytes").arg(what),
                 p2s ? sink.member(p2s.segment, 0, *p2s.member) : sink.whole(Segment::Header));
    }
}

} // namespace

void lintJwe(LintSink& sink, const LintContext& context)
{
    const ParsedToken& token = sink.token();
    if (token.form != TokenForm::CompactJwe || token.signatures.isEmpty() || !token.signatures.front().header)
        return;
    const JwsSignatureEntry& entry = token.signatures.front();

    const HeaderMember alg = findHeaderMember(entry, u"alg");
    const QString algName = alg ? alg.member->toString().value_or(QString()) : QString();
    if (algName == QLatin1String("RSA1_5")) {
        sink.add(LintCode::JweRsa15,
                 QStringLiteral("RSA1_5 key management: PKCS #1 v1.5 decryption is a Bleichenbacher padding oracle "
                                "unless every failure is indistinguishable (RFC 7516 section 11.5); use RSA-OAEP-256"),
                 sink.member(alg.segment, 0, *alg.member));
    }
    if (algName.startsWith(QLatin1String("PBES2-")))
        pbes2(sink, entry, context);

    if (const HeaderMember zip = findHeaderMember(entry, u"zip")) {
        const QString value = zip.member->toString().value_or(QString());
        QString message = QStringLiteral("compressed before encryption: the ciphertext length leaks how "
                                         "compressible (and so how guessable) the content is, and the recipient "
                                         "must guard against decompression bombs");
        if (value != QLatin1String("DEF"))
            message += QStringLiteral("; zip \"%1\" is not the registered \"DEF\"").arg(quoteForMessage(value));
        sink.add(LintCode::JweCompressed, message, sink.member(zip.segment, 0, *zip.member));
    }

    const HeaderMember cty = findHeaderMember(entry, u"cty");
    const QString contentType = cty ? normalizedMediaType(cty.member->toString().value_or(QString())) : QString();
    if (contentType != QLatin1String("jwt")) {
        sink.add(LintCode::JweUnsignedClaims,
                 QStringLiteral("the content is not declared as a nested signed JWT (cty \"JWT\"): if it holds "
                                "claims, they are encrypted but not signed, and anyone who can encrypt to the "
                                "recipient can make them (CVE-2026-29000)"),
                 cty ? sink.member(cty.segment, 0, *cty.member) : sink.whole(Segment::Header));
    }
}

} // namespace assay::detail
