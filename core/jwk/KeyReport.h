// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Error.h"
#include "jwk/Key.h"
#include "jwk/KeyFinding.h"
#include "x509/CertificateChain.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace assay {

/// Everything inspection learned about one key: the key itself when it loaded, its public JWK and thumbprints,
/// the certificates that came with it, and findings with stable codes. When the key did not load, `key` is null,
/// `loadError` says why, and the findings explain it as far as the input allows.
struct KeyReport
{
    QString source; // where in the input: "JWK", "key 2", "PEM block 1 (PRIVATE KEY)", "DER"
    Key key;        // null when the input did not give a usable key
    std::optional<Error> loadError;

    QByteArray publicJwk;     // RFC 7517 JSON of the public part; empty for oct keys (they have none)
    QString thumbprintSha256; // RFC 7638, base64url
    QString thumbprintSha384;
    QString thumbprintSha512;
    QString thumbprintUri; // RFC 9278, SHA-256
    std::optional<quint64> rsaExponent;

    /// Certificates that came with the key (x5c, a PEM bundle, or the certificate the key was read from), leaf
    /// first, with their links.
    CertificateChain chain;
    /// The leaf certificate holds this very key (nullopt when there is no certificate or no key to compare).
    std::optional<bool> leafMatchesKey;
    QString x5t;     // the JWK's x5t member as given (RFC 7517 section 4.8)
    QString x5tS256; // the JWK's x5t#S256 member as given (section 4.9)

    QList<KeyFinding> findings;

    [[nodiscard]] bool loaded() const { return !key.isNull(); }
    [[nodiscard]] bool hasErrors() const { return hasErrorFinding(findings); }
};

/// The inspection of a whole input (one JWK, a JWK Set, a PEM bundle, DER): one report per key, plus findings
/// about the set as a whole (duplicate kid, mixed symmetric and asymmetric keys).
struct KeyInspection
{
    QString inputKind; // "JWK", "JWK Set", "PEM", "DER"
    QList<KeyReport> keys;
    QList<KeyFinding> findings;

    /// An error finding on the set or on any key.
    [[nodiscard]] bool hasErrors() const;
};

} // namespace assay
