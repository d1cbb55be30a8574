// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "token/ParsedToken.h"

#include <QString>
#include <QStringList>

namespace assay {

/// The JOSE header of one signature: the protected header plus, in JSON serialization, the unprotected one.
/// Applies the header rules of RFC 7515 (sections 4.1, 5.2, 7.2.1) and RFC 7797 in one place, for the verifier,
/// the signer and the lints.
class JoseHeader
{
public:
    /// Fails when the protected header is missing or has duplicate names, or the unprotected header overlaps it.
    [[nodiscard]] static Result<JoseHeader> make(const JwsSignatureEntry& entry);

    /// `alg` as written: present (protected or unprotected), and a JSON string.
    [[nodiscard]] Result<QString> algorithm() const;
    /// The `kid` string, or empty.
    [[nodiscard]] QString keyId() const;
    /// True when `name` comes from the unprotected header.
    [[nodiscard]] bool isUnprotected(const QString& name) const;
    /// Notes for keys the token asserts about itself (jwk, jku, x5u, x5c, x5t): shown, never trusted.
    [[nodiscard]] QStringList selfAssertedKeyNotes() const;
    /// RFC 7515 4.1.11: crit is a non-empty array of unique strings, protected, naming present non-registered
    /// parameters that this implementation understands (only "b64").
    [[nodiscard]] Result<void> checkCritical() const;
    /// RFC 7797: true when the payload is unencoded (b64 false, listed in crit, protected, boolean).
    [[nodiscard]] Result<bool> unencodedPayload() const;

private:
    JoseHeader(const JsonDocument* protectedHeader, const JsonDocument* unprotectedHeader)
        : m_protected(protectedHeader)
        , m_unprotected(unprotectedHeader)
    {
    }
    [[nodiscard]] const JsonMember* find(QStringView name) const;

    const JsonDocument* m_protected;
    const JsonDocument* m_unprotected; // may be null
};

} // namespace assay
