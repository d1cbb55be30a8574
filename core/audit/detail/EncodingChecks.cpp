// SPDX-License-Identifier: Apache-2.0
// Hypotheses 6 and 7: the signature covers other bytes than the token carries: a re-serialized header or payload,
// or the parts in another base64 spelling.
#include "audit/detail/ForensicRun.h"

#include "audit/JsonReserializer.h"
#include "encoding/Base64Url.h"

namespace assay::detail {
namespace {

// One signing input to try, and what it stands for.
struct Candidate
{
    QByteArray input;
    QString variant;
    Segment segment = Segment::None; // Header, Payload, or Input for both
};

void addCandidate(QList<Candidate>& list, const ForensicTarget& t, Candidate c)
{
    if (c.input == t.signingInput())
        return;
    for (const auto& existing : std::as_const(list)) {
        if (existing.input == c.input)
            return;
    }
    list.append(std::move(c));
}

QString partName(Segment segment)
{
    switch (segment) {
    case Segment::Header:
        return QStringLiteral("header");
    case Segment::Payload:
        return QStringLiteral("payload");
    default:
        return QStringLiteral("header and payload");
    }
}

// Tries every candidate with every key that fits the header's alg; calls `report` for each that verifies.
template <typename Report> int tryCandidates(ForensicRun& run, const QList<Candidate>& candidates, Report report)
{
    const ForensicTarget& t = run.target;
    const QList<ForensicKey> keys = run.keysFor(*t.alg);
    for (const ForensicKey& k : keys) {
        for (const Candidate& c : candidates) {
            if (run.probe.verifies(k.key, *t.alg, c.input, t.signature))
                report(k, c);
        }
    }
    return static_cast<int>(keys.size());
}

ForensicEvidence evidenceFor(const ForensicRun& run, const ForensicKey& k, const Candidate& c)
{
    ForensicEvidence e;
    e.alg = *run.target.alg;
    e.keyIndex = k.index;
    e.keyLabel = k.label;
    if (!k.index)
        e.secretEncoding = run.input.secretEncoding;
    e.variant = c.variant;
    e.segment = c.segment;
    e.signingInput = c.input;
    return e;
}

} // namespace

void checkJsonReserialized(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::JsonReserialized);
    const ForensicTarget& t = run.target;
    if (!t.alg || run.keysFor(*t.alg).isEmpty()) {
        scope.setNote(QStringLiteral("no given key or secret fits the header's alg"));
        return;
    }
    const QByteArray rawHeader = t.rawHeader;
    const QList<JsonSerialization> headers = alternativeSerializations(*t.header);
    const QList<JsonSerialization> payloads =
        t.payloadJson ? alternativeSerializations(*t.payloadJson) : QList<JsonSerialization>();

    QList<Candidate> candidates;
    for (const auto& h : headers)
        addCandidate(candidates, t, {base64url::encode(h.bytes) + '.' + t.rawPayload, h.name, Segment::Header});
    for (const auto& p : payloads)
        addCandidate(candidates, t, {rawHeader + '.' + t.payloadPart(p.bytes), p.name, Segment::Payload});
    // One program usually re-encodes both parts the same way.
    for (const auto& h : headers) {
        for (const auto& p : payloads) {
            if (p.name == h.name)
                addCandidate(candidates, t,
                             {base64url::encode(h.bytes) + '.' + t.payloadPart(p.bytes), h.name, Segment::Input});
        }
    }

    const int keyCount = tryCandidates(run, candidates, [&](const ForensicKey& k, const Candidate& c) {
        ForensicFinding f;
        f.explanation = QStringLiteral("The signature verifies over the %1 re-serialized as \"%2\", not over the "
                                       "bytes the token carries: someone decoded the JSON and encoded it again after "
                                       "signing (or the signer sent other bytes than it signed)%3.")
                            .arg(partName(c.segment), c.variant, t.signatureCaveat());
        f.fix = QStringLiteral("Pass signed tokens on exactly as received: never decode and re-encode their JSON. The "
                               "signature covers the received text (RFC 7515 section 5.2).");
        f.evidence = evidenceFor(run, k, c);
        scope.confirm(std::move(f));
    });
    scope.setNote(
        QStringLiteral("tried %1 serializations of the header and %2 of the payload (%3 signing inputs) "
                       "with %4 key(s)")
            .arg(headers.size())
            .arg(t.payloadJson ? QString::number(payloads.size()) : QStringLiteral("none (the payload is not JSON)"))
            .arg(candidates.size())
            .arg(keyCount));
}

void checkSegmentEncoding(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::SegmentEncoding);
    const ForensicTarget& t = run.target;
    if (!t.alg || run.keysFor(*t.alg).isEmpty()) {
        scope.setNote(QStringLiteral("no given key or secret fits the header's alg"));
        return;
    }
    const bool partsIrregular = t.headerSpelling.irregular() || t.payloadSpelling.irregular();
    const bool signatureIrregular = t.signatureSpelling.irregular();

    // As received, but with the signature read leniently: answers "the parts are fine as written, only their
    // spelling is wrong" (the verifier refuses such a token as malformed before checking the signature).
    QList<Candidate> asWritten;
    if (partsIrregular || signatureIrregular)
        asWritten.append({t.signingInput(), QStringLiteral("as written"), Segment::Input});
    int keyCount = tryCandidates(run, asWritten, [&](const ForensicKey& k, const Candidate& c) {
        QStringList what;
        if (t.headerSpelling.irregular())
            what << QStringLiteral("the header part has %1").arg(t.headerSpelling.describe());
        if (t.payloadSpelling.irregular())
            what << QStringLiteral("the payload part has %1").arg(t.payloadSpelling.describe());
        if (signatureIrregular)
            what << QStringLiteral("the signature part has %1").arg(t.signatureSpelling.describe());
        ForensicFinding f;
        f.explanation =
            QStringLiteral(
                "The signature matches the parts as written, but %1: JWS parts must be unpadded base64url (RFC 7515 "
                "section 2), so the signer (or something on the way) used another base64 "
                "encoder.")
                .arg(what.join(QStringLiteral(" and ")));
        f.fix = QStringLiteral("Encode every part with unpadded base64url (A-Z a-z 0-9 - _, no '='), and sign the "
                               "parts exactly as sent.");
        f.evidence = evidenceFor(run, k, c);
        f.evidence.segment = signatureIrregular && !partsIrregular ? Segment::Signature : Segment::Input;
        scope.confirm(std::move(f));
    });

    // Signed over other spellings of the same header and payload bytes: the token was re-encoded after signing.
    QList<Candidate> candidates;
    const auto encodePayload = [&](Base64Style style) {
        return t.payloadUnencoded ? t.rawPayload : encodeBase64Style(t.payloadBytes, style);
    };
    for (Base64Style style : {Base64Style::UrlUnpadded, Base64Style::UrlPadded, Base64Style::StandardPadded,
                              Base64Style::StandardUnpadded}) {
        const QString name = base64StyleName(style);
        const QByteArray header = encodeBase64Style(t.headerBytes, style);
        addCandidate(candidates, t, {header + '.' + encodePayload(style), name, Segment::Input});
        addCandidate(candidates, t, {header + '.' + t.rawPayload, name, Segment::Header});
        if (!t.payloadUnencoded && !t.rawPayload.isEmpty())
            addCandidate(candidates, t, {t.rawHeader + '.' + encodePayload(style), name, Segment::Payload});
    }
    keyCount = std::max(
        keyCount, tryCandidates(run, candidates, [&](const ForensicKey& k, const Candidate& c) {
            ForensicFinding f;
            f.explanation = QStringLiteral("The signature verifies over the %1 encoded as %2, not as the token carries "
                                           "them: the token was re-encoded after signing%3.")
                                .arg(partName(c.segment), c.variant, t.signatureCaveat());
            f.fix = QStringLiteral("Sign the unpadded base64url parts exactly as they are sent (RFC 7515 section 5.1), "
                                   "and never re-encode a signed token.");
            f.evidence = evidenceFor(run, k, c);
            scope.confirm(std::move(f));
        }));
    scope.setNote(QStringLiteral("tried %1 signing inputs (base64url, padded base64url, standard base64 with and "
                                 "without padding, per part)%2 with %3 key(s)")
                      .arg(candidates.size() + asWritten.size())
                      .arg(signatureIrregular ? QStringLiteral(", the signature normalized") : QString())
                      .arg(keyCount));
}

} // namespace assay::detail
