// SPDX-License-Identifier: Apache-2.0
#include "TokenJson.h"

#include "TokenText.h"

#include "claims/ClaimReport.h"
#include "encoding/JsonWriter.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QDateTime>
#include <QTimeZone>

namespace assay::cli {

namespace {

void optionalString(JsonWriter& out, QStringView name, const QString& value)
{
    if (value.isEmpty())
        out.memberNull(name);
    else
        out.member(name, value);
}

void segmentMember(JsonWriter& out, QStringView name, const DecodedSegment& segment)
{
    out.member(name, QString::fromLatin1(segment.raw));
}

} // namespace

void TokenJson::writeTokenMembers(JsonWriter& out, const ParsedToken& token)
{
    out.member(u"form", tokenFormName(token.form));
    optionalString(out, u"alg", TokenText::algorithmOf(token));

    out.key(u"segments").beginObject();
    if (token.form == TokenForm::CompactJwe) {
        if (!token.signatures.isEmpty())
            segmentMember(out, u"header", token.signatures.front().protectedHeader);
        static const QStringView jweNames[] = {u"encryptedKey", u"iv", u"ciphertext", u"tag"};
        for (qsizetype i = 0; i < token.jweParts.size() && i < 4; ++i)
            segmentMember(out, jweNames[i], token.jweParts[i]);
    } else if (token.form == TokenForm::CompactJws && !token.signatures.isEmpty()) {
        segmentMember(out, u"header", token.signatures.front().protectedHeader);
        segmentMember(out, u"payload", token.payload);
        segmentMember(out, u"signature", token.signatures.front().signature);
    } else {
        segmentMember(out, u"payload", token.payload);
    }
    out.endObject();

    // The first protected header as written (a JWE's too); every signature's headers follow in "signatures".
    if (const JsonDocument* header = token.header())
        out.key(u"header").raw(header->raw());
    else
        out.memberNull(u"header");

    if (token.form != TokenForm::CompactJwe) {
        if (token.payloadJson) {
            out.key(u"payload").raw(token.payloadJson->raw());
        } else {
            out.memberNull(u"payload");
            if (!token.payload.error && !token.payloadDetached) {
                const QByteArray& bytes = token.payload.bytes;
                if (const std::optional<QString> text = TokenText::utf8Text(bytes))
                    out.member(u"payloadText", *text);
                else
                    out.member(u"payloadBase64url", QString::fromLatin1(token.payload.raw));
            }
        }
        out.memberBool(u"payloadDetached", token.payloadDetached);
        out.memberBool(u"payloadUnencoded", token.payloadUnencoded);

        out.key(u"signatures").beginArray();
        for (const JwsSignatureEntry& entry : token.signatures) {
            out.beginObject();
            out.member(u"protected", QString::fromLatin1(entry.protectedHeader.raw));
            if (entry.header)
                out.key(u"header").raw(entry.header->raw());
            else
                out.memberNull(u"header");
            if (entry.unprotectedHeader)
                out.key(u"unprotectedHeader").raw(entry.unprotectedHeader->raw());
            else
                out.memberNull(u"unprotectedHeader");
            out.member(u"signature", QString::fromLatin1(entry.signature.raw));
            out.endObject();
        }
        out.endArray();
    }

    out.key(u"diagnostics");
    writeErrors(out, token.diagnostics);
}

void TokenJson::writeError(JsonWriter& out, const Error& error)
{
    out.beginObject();
    out.member(u"code", errorCodeName(error.code));
    out.member(u"message", error.message);
    optionalString(out, u"segment", segmentName(error.segment));
    if (error.offset >= 0)
        out.memberNumber(u"offset", error.offset);
    else
        out.memberNull(u"offset");
    if (error.line > 0) {
        out.memberNumber(u"line", error.line);
        out.memberNumber(u"column", error.column);
    } else {
        out.memberNull(u"line");
        out.memberNull(u"column");
    }
    optionalString(out, u"detail", error.detail);
    out.endObject();
}

void TokenJson::writeErrors(JsonWriter& out, const QList<Error>& errors)
{
    out.beginArray();
    for (const Error& e : errors)
        writeError(out, e);
    out.endArray();
}

void TokenJson::writeClaims(JsonWriter& out, const ClaimReport& report)
{
    out.beginObject();
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(report.evaluationTimeMSecs(), Qt::UTC);
    out.member(u"evaluatedAt", at.toString(Qt::ISODate));
    out.memberNumber(u"evaluatedAtNumericDate", report.evaluationTimeMSecs() / 1000);
    out.memberNumber(u"leewaySeconds", report.leewaySeconds());
    out.memberBool(u"ok", report.ok());
    out.key(u"results").beginArray();
    for (const ClaimResult& r : report.results()) {
        out.beginObject();
        out.member(u"name", r.name);
        out.member(u"status", claimStatusName(r.status));
        if (r.code)
            out.member(u"code", errorCodeName(*r.code));
        else
            out.memberNull(u"code");
        out.member(u"message", r.message);
        if (r.rawValue.isEmpty())
            out.memberNull(u"value");
        else
            out.key(u"value").raw(r.rawValue);
        optionalString(out, u"utc", r.utc);
        optionalString(out, u"local", r.local);
        optionalString(out, u"relative", r.relative);
        out.key(u"warnings").stringList(r.warnings);
        out.endObject();
    }
    out.endArray();
    out.endObject();
}

void TokenJson::writeVerification(JsonWriter& out, const JwsVerification& verification)
{
    out.beginObject();
    out.member(u"verdict", verdictName(verification.verdict));
    out.member(u"reason", verification.reason);
    out.key(u"error");
    if (verification.error)
        writeError(out, *verification.error);
    else
        out.null();
    out.key(u"notes").stringList(verification.notes);
    out.key(u"signatures").beginArray();
    for (const SignatureVerification& s : verification.signatures)
        writeSignature(out, s);
    out.endArray();
    out.endObject();
}

void TokenJson::writeSignature(JsonWriter& out, const SignatureVerification& s)
{
    out.beginObject();
    out.memberNumber(u"index", s.index);
    out.member(u"verdict", verdictName(s.verdict));
    optionalString(out, u"alg", s.algName);
    out.member(u"reason", s.reason);
    out.key(u"error");
    if (s.error)
        writeError(out, *s.error);
    else
        out.null();
    if (s.keyIndex)
        out.memberNumber(u"keyIndex", *s.keyIndex);
    else
        out.memberNull(u"keyIndex");
    out.key(u"keySelection").beginObject();
    out.member(u"summary", s.selection.summary);
    out.key(u"usable").beginArray();
    for (int index : s.selection.usable)
        out.number(index);
    out.endArray();
    out.key(u"candidates").beginArray();
    for (const KeyCandidate& c : s.selection.candidates) {
        out.beginObject();
        out.memberNumber(u"index", c.index);
        out.member(u"label", c.label);
        out.memberBool(u"usable", c.usable);
        out.member(u"reason", c.reason);
        out.endObject();
    }
    out.endArray();
    out.endObject();
    optionalString(out, u"weakness", s.weakness);
    out.key(u"notes").stringList(s.notes);
    out.endObject();
}

} // namespace assay::cli
