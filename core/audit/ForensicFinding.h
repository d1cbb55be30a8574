// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/ForensicHypothesis.h"
#include "base/Error.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsAlgorithm.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace assay {

/// What made a hypothesis verify: the key, the algorithm and the variant that the real verification accepted.
/// Never holds secret bytes: a secret variant is described in words ("a trailing \n added").
struct ForensicEvidence
{
    JwsAlgorithm alg = JwsAlgorithm::None;        // the algorithm the signature verified with
    std::optional<int> keyIndex;                  // index in ForensicsInput::keys; nullopt for the typed secret
    QString keyLabel;                             // "key 2 (kid \"abc\", RSA 2048-bit public key, thumbprint ...)"
    std::optional<SecretEncoding> secretEncoding; // the encoding of the typed secret that was used
    QString variant;                              // what was changed: "base64", "pretty-printed, 2 spaces", ...
    Segment segment = Segment::None;              // the part that was changed (Header, Payload, Signature, Key)
    /// For re-serialized JSON and re-encoded parts: the exact signing input that verified (public data only).
    QByteArray signingInput;
};

/// One explanation that was confirmed by verification. It explains a failure; it never makes the token valid.
struct ForensicFinding
{
    ForensicHypothesis hypothesis = ForensicHypothesis::SecretEncoding;
    QString code;        // forensicCode(hypothesis), stable
    QString explanation; // one line, plain words: what happened
    QString fix;         // what to change
    /// True for findings that are an attack or a vulnerability rather than a mistake (public key as HMAC secret).
    bool securityIssue = false;
    ForensicEvidence evidence;
};

/// What happened to one hypothesis: the "what we checked" list.
enum class ForensicCheckOutcome
{
    Confirmed,     // at least one candidate verified (see the findings)
    RuledOut,      // every candidate was verified and none matched
    NotApplicable, // nothing to try for this token and input (the note says why)
};

struct ForensicCheck
{
    ForensicHypothesis hypothesis = ForensicHypothesis::SecretEncoding;
    QString title; // forensicTitle(hypothesis)
    ForensicCheckOutcome outcome = ForensicCheckOutcome::NotApplicable;
    int candidates = 0;     // signature verifications run for it
    QString note;           // what was tried, or why nothing was
    bool truncated = false; // the work budget ran out before every candidate was tried
};

} // namespace assay
