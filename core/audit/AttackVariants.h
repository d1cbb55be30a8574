// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jwk/Key.h"
#include "token/ParsedToken.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

/// The attack variants the workbench can produce from a token, for authorized testing of *other* verifiers
/// (ATTACKS.md; jwt_tool -X a/n/k/i/s, PortSwigger's JWT labs). Assay's own verifier rejects every one of them.
enum class AttackKind
{
    AlgNone,          // A01/A02: alg "none", "None", "NONE", "nOnE" with an empty signature
    EmptySignature,   // A03: the original header and payload, signature removed
    HmacPublicKey,    // A04: HS* signed with the public key's PEM text as the HMAC secret (with and without "\n")
    EmbeddedJwk,      // A06: signed with a fresh key whose public JWK is put in the header
    JkuUrl,           // A07: jku set to a URL the tester controls, signed with a fresh key
    X5uUrl,           // A07: x5u set to a URL the tester controls, signed with a fresh key
    KidInjection,     // A09: kid path traversal / SQL / shell payloads, signed with the key they would select
    PsychicSignature, // A12: ES256/384/512/ES256K with r = s = 0 (CVE-2022-21449)
    B64Flip,          // A18: the payload re-encoded against the header's b64 (RFC 7797)
};

/// "alg-none", "empty-signature", "hmac-public-key", "embedded-jwk", "jku", "x5u", "kid-injection",
/// "psychic-signature", "b64-flip" (stable: used by `assay-cli attack --variant`).
[[nodiscard]] QString attackKindName(AttackKind kind);
[[nodiscard]] std::optional<AttackKind> attackKindFromName(QStringView name);
[[nodiscard]] QList<AttackKind> allAttackKinds();

/// What some variants need besides the token.
struct AttackOptions
{
    /// The original's public key exactly as the target server holds it (usually its PEM file): the HMAC secret of
    /// the algorithm-confusion variant. Trailing line breaks are removed first; the variant is made without and with
    /// one "\n".
    QByteArray publicKeyText;
    /// Used when publicKeyText is empty: the key's SubjectPublicKeyInfo PEM is the text.
    Key publicKey;
    /// The URL for the jku and x5u variants (the tester hosts the companion there). Never fetched.
    QString keyUrl;
    /// The key the embedded-jwk, jku and x5u variants sign with (a private asymmetric key). When null, a fresh one is
    /// generated per call: the original's kind (RSA 2048, the same curve), P-256 for HMAC and unknown algorithms.
    Key attackerKey;
    /// Optional: the tester's own key for the b64 flip, so that the only fault left is the missing crit.
    Key b64SigningKey;
};

/// One produced token. The original token is never modified; `token` is a new compact JWS.
struct AttackVariant
{
    AttackKind kind = AttackKind::AlgNone;
    QString name;        // unique within one kind: "alg-none/None", "hmac-public-key/newline", "kid-injection/sql"
    QString label;       // "Attack variant: alg \"None\" (case variant), no signature"
    QString attackId;    // the ATTACKS.md entry: "A02"
    QString explanation; // one line: what a vulnerable verifier does with it
    QByteArray token;
    QByteArray companion; // what the tester must host or keep: the JWK Set for jku, the private JWK for x5u
    QString companionNote;
};

/// The variants of one kind (several for alg-none, hmac-public-key and kid-injection). Fails, saying why, when the
/// kind does not apply: not a JWS, a header that is not a JSON object, no public key or URL given, psychic signature
/// for a token that is not ES*, an unencoded payload containing '.', an empty signature already, ...
[[nodiscard]] Result<QList<AttackVariant>> makeAttackVariants(AttackKind kind, const ParsedToken& original,
                                                              const AttackOptions& options = {});

/// Every variant that applies, in the order of AttackKind; kinds that do not apply are left out (a fresh key is
/// generated at most once and shared by the embedded-jwk, jku and x5u variants).
[[nodiscard]] QList<AttackVariant> attackVariants(const ParsedToken& original, const AttackOptions& options = {});

} // namespace assay
