// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the forensics check files (audit/detail/*Checks.cpp); not a public header.

#include "audit/Base64Styles.h"
#include "audit/SignatureForensics.h"
#include "jwk/Key.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace assay::detail {

/// The token as forensics sees it: the parts as received, decoded even when they are not strict base64url (a
/// re-encoded token is one of the hypotheses, so its header must still be readable).
struct ForensicTarget
{
    QByteArray rawHeader;
    QByteArray rawPayload;
    QByteArray headerBytes;
    QByteArray payloadBytes;
    AnyBase64 headerSpelling;  // how the header part was written (irregular() when not base64url)
    AnyBase64 payloadSpelling; // likewise; regular for b64:false and detached payloads
    AnyBase64 signatureSpelling;
    QByteArray signature;          // decoded signature bytes
    bool payloadUnencoded = false; // RFC 7797 b64:false: the payload takes part in the signing input as is
    bool payloadDetached = false;
    std::optional<JsonDocument> header;
    std::optional<JsonDocument> payloadJson;
    QString algName;                 // the header's alg as written (empty when missing)
    std::optional<JwsAlgorithm> alg; // when it names a supported signature algorithm (never None)

    /// The signing input as received: `header.payload` exactly as in the token.
    [[nodiscard]] QByteArray signingInput() const { return rawHeader + '.' + rawPayload; }
    /// The payload part of a signing input for other payload bytes (base64url, or as is for b64:false).
    [[nodiscard]] QByteArray payloadPart(const QByteArray& bytes) const;
    /// " (with the signature part's '=' padding normalized)" when the signature had to be read leniently, so a
    /// finding of another hypothesis does not hide that; empty otherwise.
    [[nodiscard]] QString signatureCaveat() const;
};

/// Builds the target; nullopt (with `why`) when the token cannot be examined at all.
[[nodiscard]] std::optional<ForensicTarget> makeForensicTarget(const ParsedToken& token, int signatureIndex,
                                                               QString& why);

/// One key to try, with how to name it in a finding.
struct ForensicKey
{
    Key key;
    std::optional<int> index; // in ForensicsInput::keys; nullopt for the typed secret
    QString label;
};

/// "key 2 (kid "abc", RSA 2048-bit public key, SHA-256 thumbprint ...)".
[[nodiscard]] QString forensicKeyLabel(const Key& key, int index);
[[nodiscard]] QString secretEncodingName(SecretEncoding encoding);

/// Runs verifications against a budget. Every hypothesis goes through here, so the only way to a finding is a
/// signature that verified.
class ForensicProbe
{
public:
    explicit ForensicProbe(int budget)
        : m_budget(budget)
    {
    }

    /// True only when `signature` verifies over `input` with the key and algorithm. Once the budget is spent it
    /// returns false without verifying and exhausted() becomes true.
    [[nodiscard]] bool verifies(const Key& key, JwsAlgorithm alg, QByteArrayView input, QByteArrayView signature);
    [[nodiscard]] int tried() const { return m_tried; }
    [[nodiscard]] bool exhausted() const { return m_exhausted; }

private:
    int m_budget;
    int m_tried = 0;
    bool m_exhausted = false;
};

/// Everything one explainSignatureFailure() call works with.
struct ForensicRun
{
    const ForensicTarget& target;
    const ForensicsInput& input;
    ForensicProbe& probe;
    ForensicsReport& report;
    std::optional<ForensicKey> secret; // the typed secret under the chosen encoding, when it decodes
    QList<ForensicKey> keys;           // input.keys, at most kForensicsMaxKeys
    /// False when the failed verification stopped before choosing keys (malformed part, alg pinned, ...): then
    /// "another key" explains nothing, since no key was tried at all.
    bool verifierChoseKeys = false;
    QList<int> triedByVerifier;  // indices of input.keys the verifier tried
    QStringList notTriedReasons; // per key of input.keys: why the verifier did not try it (empty: it did)

    /// The typed secret (if any) and the keys that can physically do `alg`, secret first.
    [[nodiscard]] QList<ForensicKey> keysFor(JwsAlgorithm alg) const;
};

/// Records one hypothesis in the report's "what we checked" list when it goes out of scope: the candidates
/// counted by the probe meanwhile, Confirmed when a finding was added, RuledOut when candidates ran and none
/// verified, NotApplicable otherwise.
class CheckScope
{
public:
    CheckScope(ForensicRun& run, ForensicHypothesis hypothesis);
    ~CheckScope();
    CheckScope(const CheckScope&) = delete;
    CheckScope& operator=(const CheckScope&) = delete;

    /// Adds a verified finding (code filled in from the hypothesis).
    void confirm(ForensicFinding finding);
    /// What was tried, or why nothing was (shown in the list).
    void setNote(QString note) { m_check.note = std::move(note); }
    [[nodiscard]] bool confirmed() const { return m_found > 0; }

private:
    ForensicRun& m_run;
    ForensicCheck m_check;
    int m_start = 0;
    int m_found = 0;
};

// The checks, one per hypothesis, in the order of allForensicHypotheses().
void checkSecretEncoding(ForensicRun& run);   // SecretChecks.cpp
void checkSecretWhitespace(ForensicRun& run); // SecretChecks.cpp
void checkOtherKey(ForensicRun& run);         // KeyChecks.cpp
void checkAlgorithmMixup(ForensicRun& run);   // KeyChecks.cpp
void checkEcdsaDer(ForensicRun& run);         // KeyChecks.cpp
void checkJsonReserialized(ForensicRun& run); // EncodingChecks.cpp
void checkSegmentEncoding(ForensicRun& run);  // EncodingChecks.cpp
void checkPublicKeyAsHmac(ForensicRun& run);  // ConfusionCheck.cpp

} // namespace assay::detail
