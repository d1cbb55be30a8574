// SPDX-License-Identifier: Apache-2.0
#include "session/TokenSession.h"

#include "claims/ClaimValidator.h"
#include "encoding/Base64Url.h"
#include "encoding/JsonDocument.h"
#include "jws/JwsSigner.h"
#include "jws/JwsVerifier.h"
#include "session/HeaderEditing.h"
#include "session/SigningPseudoCode.h"
#include "token/TokenIntake.h"

#include <QDateTime>

namespace assay {
namespace {

Error makeError(ErrorCode code, QString message, Segment segment = Segment::None)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = segment;
    return e;
}

/// While the text is not yet a token (typing, or a wrong number of parts), colour what is there anyway:
/// header, payload, then signature for every further part, each with its own base64url problem.
QList<TokenPart> splitOnDots(const QByteArray& token, qsizetype base)
{
    QList<TokenPart> parts;
    if (token.isEmpty() || token.startsWith('{'))
        return parts;
    qsizetype start = 0;
    int index = 0;
    while (start <= token.size()) {
        qsizetype dot = token.indexOf('.', start);
        if (dot < 0)
            dot = token.size();
        TokenPart part;
        part.kind = index == 0 ? Segment::Header : index == 1 ? Segment::Payload : Segment::Signature;
        part.offset = base + start;
        part.length = dot - start;
        if (auto decoded = base64url::decode(QByteArrayView(token).sliced(start, part.length), part.kind); !decoded)
            part.error = decoded.error();
        parts.append(part);
        start = dot + 1;
        ++index;
    }
    return parts;
}

TokenPart partOf(const DecodedSegment& segment, qsizetype base)
{
    TokenPart part;
    part.kind = segment.kind;
    part.offset = base + segment.offset;
    part.length = segment.raw.size();
    part.error = segment.error;
    return part;
}

/// The registered algorithm named by a base64url header segment, if it decodes and names one.
std::optional<JwsAlgorithm> algorithmOfSegment(const QByteArray& headerRaw, QString* nameOut)
{
    auto bytes = base64url::decode(headerRaw, Segment::Header);
    if (!bytes)
        return std::nullopt;
    auto doc = JsonDocument::parse(*bytes, Segment::Header);
    if (!doc)
        return std::nullopt;
    const auto alg = doc->member(u"alg");
    const auto name = alg ? alg->toString() : std::nullopt;
    if (!name)
        return std::nullopt;
    *nameOut = *name;
    return jwsAlgorithmFromName(*name);
}

} // namespace

TokenSession::TokenSession()
    : m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    load({});
}

QStringList TokenSession::setTokenText(QStringView text)
{
    // New text from the user replaces the token outright: edit state from the old token no longer applies.
    m_snapshot.headerEditError.reset();
    m_snapshot.payloadEditError.reset();
    m_snapshot.signatureOutdated = false;
    m_snapshot.signingError.reset();
    load(text.toUtf8());
    return m_snapshot.intakeNotes;
}

Result<void> TokenSession::editHeader(QByteArrayView json)
{
    return editSegment(EditedSegment::Header, json);
}

Result<void> TokenSession::editPayload(QByteArrayView json)
{
    return editSegment(EditedSegment::Payload, json);
}

Result<void> TokenSession::checkEditable() const
{
    const SessionSnapshot& s = m_snapshot;
    if (!s.parsed || s.form != TokenForm::CompactJws || s.parsed->signatures.isEmpty()) {
        return fail(
            ErrorCode::Usage,
            s.parsed ? QStringLiteral("only a compact JWS can be edited here (this is a %1)").arg(tokenFormName(s.form))
                     : QStringLiteral("there is no token to edit yet: paste one or start from a template"));
    }
    return {};
}

Result<void> TokenSession::editSegment(EditedSegment which, QByteArrayView json)
{
    if (auto ok = checkEditable(); !ok)
        return ok;
    const Segment segment = which == EditedSegment::Header ? Segment::Header : Segment::Payload;
    std::optional<Error>& pending =
        which == EditedSegment::Header ? m_snapshot.headerEditError : m_snapshot.payloadEditError;

    auto doc = JsonDocument::parse(json, segment);
    if (doc && segment == Segment::Header && !doc->isObject()) {
        Error e = makeError(ErrorCode::JsonNotObject, QStringLiteral("a JOSE header must be a JSON object"), segment);
        e.offset = 0;
        e.line = 1;
        e.column = 1;
        doc = std::unexpected(e);
    }
    if (!doc) {
        // Keep the last good token: the caller shows the error, and the user's text stays where it is.
        pending = doc.error();
        return fail(doc.error());
    }
    pending.reset();

    const ParsedToken& token = *m_snapshot.parsed;
    const JwsSignatureEntry& entry = token.signatures.front();
    const QByteArray minified = doc->minified();
    if (segment == Segment::Header) {
        // Whitespace-only edits leave the segment's bytes alone (a CR LF header stays a CR LF header).
        if (entry.header && entry.header->minified() == minified)
            return {};
        assemble(base64url::encode(minified), token.payload.raw, entry.signature.raw);
        return {};
    }
    if (token.payloadJson && token.payloadJson->minified() == minified)
        return {};
    if (token.payloadUnencoded) {
        // RFC 7797 section 5.2: a compact unencoded payload cannot contain '.'.
        if (const qsizetype dot = minified.indexOf('.'); dot >= 0) {
            Error e = makeError(ErrorCode::B64Invalid,
                                QStringLiteral("an unencoded (b64 false) payload must not contain '.' in the compact "
                                               "form (RFC 7797 section 5.2)"),
                                Segment::Payload);
            e.offset = dot;
            pending = e;
            return fail(e);
        }
        assemble(entry.protectedHeader.raw, minified, entry.signature.raw);
        return {};
    }
    assemble(entry.protectedHeader.raw, base64url::encode(minified), entry.signature.raw);
    return {};
}

Result<void> TokenSession::setAlgorithm(JwsAlgorithm alg)
{
    if (auto ok = checkEditable(); !ok)
        return ok;
    if (m_snapshot.headerEditError) {
        return fail(ErrorCode::Usage,
                    QStringLiteral("the header being edited is not valid JSON yet (%1); fix it before changing the "
                                   "algorithm")
                        .arg(m_snapshot.headerEditError->toString()),
                    Segment::Header);
    }
    const ParsedToken& token = *m_snapshot.parsed;
    const JwsSignatureEntry& entry = token.signatures.front();
    if (entry.protectedHeader.error)
        return fail(*entry.protectedHeader.error);
    auto text = setHeaderAlgorithm(entry.protectedHeader.bytes, alg);
    if (!text)
        return fail(text.error());
    if (*text == entry.protectedHeader.bytes)
        return {};
    // Only the alg value changed; the rest of the header keeps its bytes (not minified).
    assemble(base64url::encode(*text), token.payload.raw, entry.signature.raw);
    return {};
}

Result<void> TokenSession::resign()
{
    if (auto ok = checkEditable(); !ok)
        return ok;
    if (m_signingKey.isNull())
        return fail(ErrorCode::KeyNotFound, QStringLiteral("no signing key: give a secret or a private key"),
                    Segment::Key);
    const ParsedToken& token = *m_snapshot.parsed;
    const JwsSignatureEntry& entry = token.signatures.front();
    assemble(entry.protectedHeader.raw, token.payload.raw, entry.signature.raw);
    if (m_snapshot.signingError)
        return fail(*m_snapshot.signingError);
    return {};
}

void TokenSession::assemble(const QByteArray& headerRaw, const QByteArray& payloadRaw, const QByteArray& oldSignature)
{
    const QByteArray signingInput = headerRaw + '.' + payloadRaw;
    QByteArray signature = oldSignature;
    bool outdated = true;
    m_snapshot.signingError.reset();

    QString algName;
    const std::optional<JwsAlgorithm> alg = algorithmOfSegment(headerRaw, &algName);
    if (alg == JwsAlgorithm::None) {
        // RFC 7519 section 6.1: an unsecured JWS has an empty signature; nothing can be outdated.
        signature.clear();
        outdated = false;
    } else if (!m_signingKey.isNull()) {
        if (!alg) {
            m_snapshot.signingError = makeError(
                ErrorCode::AlgUnsupported,
                algName.isEmpty() ? QStringLiteral("cannot re-sign: the header has no alg")
                                  : QStringLiteral("cannot re-sign: \"%1\" is not a supported algorithm").arg(algName),
                Segment::Header);
        } else if (auto signed_ = signSigningInput(signingInput, m_signingKey, *alg); signed_) {
            signature = *signed_;
            outdated = false;
        } else {
            m_snapshot.signingError = signed_.error();
        }
    }
    m_snapshot.signatureOutdated = outdated;
    load(signingInput + '.' + signature, Origin::Assembled);
}

void TokenSession::load(const QByteArray& input, Origin origin)
{
    SessionSnapshot s;
    // Edit state belongs to the session, not to one parse of the text.
    s.headerEditError = m_snapshot.headerEditError;
    s.payloadEditError = m_snapshot.payloadEditError;
    s.signatureOutdated = m_snapshot.signatureOutdated;
    s.signingError = m_snapshot.signingError;

    s.input = input;
    // The intake looks for prefixes, quotes and line breaks; a token this session assembled has none, and skipping
    // it saves two conversions of the whole token on every keystroke in a JSON editor.
    const IntakeResult intake =
        origin == Origin::Assembled ? IntakeResult{input, {}} : cleanPastedToken(QString::fromUtf8(input));
    s.token = intake.token;
    s.intakeNotes = intake.stripped;
    s.tokenOffset = s.token.isEmpty() ? 0 : s.input.indexOf(s.token);

    auto parsed = parseToken(s.token);
    if (!parsed) {
        s.parseError = parsed.error();
        if (s.tokenOffset >= 0)
            s.parts = splitOnDots(s.token, s.tokenOffset);
    } else {
        const ParsedToken& t = *parsed;
        s.form = t.form;
        s.diagnostics = t.diagnostics;
        s.editable = t.form == TokenForm::CompactJws && !t.signatures.isEmpty();
        if (s.tokenOffset >= 0 && !t.signatures.isEmpty() &&
            (t.form == TokenForm::CompactJws || t.form == TokenForm::CompactJwe)) {
            const JwsSignatureEntry& entry = t.signatures.front();
            s.parts.append(partOf(entry.protectedHeader, s.tokenOffset));
            if (t.form == TokenForm::CompactJws) {
                s.parts.append(partOf(t.payload, s.tokenOffset));
                s.parts.append(partOf(entry.signature, s.tokenOffset));
            } else {
                for (const DecodedSegment& part : t.jweParts)
                    s.parts.append(partOf(part, s.tokenOffset));
            }
        }
        if (const JsonDocument* header = t.header()) {
            s.headerText = header->pretty();
            s.headerIsJson = true;
            if (const auto alg = header->member(u"alg"); alg && alg->toString()) {
                s.algorithmName = *alg->toString();
                s.algorithm = jwsAlgorithmFromName(s.algorithmName);
            }
        } else if (!t.signatures.isEmpty()) {
            s.headerText = t.signatures.front().protectedHeader.bytes;
        }
        if (t.payloadJson) {
            s.payloadText = t.payloadJson->pretty();
            s.payloadIsJson = true;
        } else {
            s.payloadText = t.payload.bytes;
        }
        s.unencodedPayload = t.payloadUnencoded;
        s.parsed = std::move(*parsed);
    }
    if (s.algorithm)
        s.signingPseudoCode = signingPseudoCode(*s.algorithm, s.unencodedPayload);
    m_snapshot = std::move(s);
    reverify();
    reevaluateClaims();
}

KeySet TokenSession::effectiveVerificationKeys() const
{
    if (!m_verificationKeys.isEmpty() || m_signingKey.isNull())
        return m_verificationKeys;
    // Only a signing key was given: it (or its public half) is what the user means to verify with.
    KeySet set;
    set.keys.append(m_signingKey.isSymmetric() ? m_signingKey : m_signingKey.publicKey());
    return set;
}

void TokenSession::reverify()
{
    SessionSnapshot& s = m_snapshot;
    if (!s.parsed) {
        s.verification = JwsVerification();
        s.verification.verdict = Verdict::Malformed;
        s.verification.reason = s.parseError ? s.parseError->message : QString();
        s.verification.error = s.parseError;
        return;
    }
    s.verification = verifyJws(*s.parsed, effectiveVerificationKeys());
}

void TokenSession::reevaluateClaims()
{
    SessionSnapshot& s = m_snapshot;
    s.evaluationTimeMSecs = now();
    s.claims.reset();
    s.claimsError.reset();
    if (!s.parsed)
        return;
    if (!s.parsed->payloadJson) {
        if (s.parsed->payloadJsonError)
            s.claimsError = s.parsed->payloadJsonError;
        else if (s.form == TokenForm::CompactJwe)
            s.claimsError =
                makeError(ErrorCode::Usage, QStringLiteral("the payload of a JWE is encrypted"), Segment::Payload);
        else
            s.claimsError =
                makeError(ErrorCode::Usage, QStringLiteral("there is no payload (detached content)"), Segment::Payload);
        return;
    }
    auto report =
        ClaimValidator(m_expectations).validate(*s.parsed->payloadJson, s.evaluationTimeMSecs, s.parsed->header());
    if (report)
        s.claims = std::move(*report);
    else
        s.claimsError = report.error();
}

void TokenSession::setVerificationKeys(KeySet keys)
{
    m_verificationKeys = std::move(keys);
    reverify();
}

void TokenSession::setSigningKey(Key key)
{
    m_signingKey = std::move(key);
    reverify();
}

void TokenSession::setExpectations(ClaimExpectations expectations)
{
    m_expectations = std::move(expectations);
    reevaluateClaims();
}

void TokenSession::setEvaluationTime(std::optional<qint64> msecsSinceEpoch)
{
    m_fixedTime = msecsSinceEpoch;
    reevaluateClaims();
}

void TokenSession::setClock(Clock clock)
{
    m_clock = std::move(clock);
    reevaluateClaims();
}

void TokenSession::refreshTime()
{
    reevaluateClaims();
}

qint64 TokenSession::now() const
{
    return m_fixedTime ? *m_fixedTime : m_clock();
}

} // namespace assay
