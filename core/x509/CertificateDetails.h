// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace assay {

/// The subjectAltName entries of a certificate (RFC 5280 section 4.2.1.6), in the order they appear.
/// IP addresses are written as `openssl x509 -ext subjectAltName` writes them (IPv6 as eight hex groups).
struct SubjectAltNames
{
    QStringList dns;
    QStringList ip;
    QStringList email;
    QStringList uri;
    QStringList other; // directory names, otherName, registeredID: shown, never interpreted

    [[nodiscard]] bool isEmpty() const
    {
        return dns.isEmpty() && ip.isEmpty() && email.isEmpty() && uri.isEmpty() && other.isEmpty();
    }
};

/// Whether a certificate is within its validity period at some instant (RFC 5280 section 4.1.2.5).
enum class CertificateValidity
{
    Valid,
    Expired,
    NotYetValid,
};

/// "valid", "expired", "not yet valid".
QString certificateValidityName(CertificateValidity validity);

/// What an X.509 certificate says, read once from its DER. A value type without OpenSSL handles.
struct CertificateDetails
{
    QByteArray der;
    QString subject; // RFC 2253 form, as `openssl x509 -nameopt RFC2253` prints it
    QString issuer;
    QDateTime notBefore;        // UTC
    QDateTime notAfter;         // UTC
    QString serialHex;          // upper-case hex, as `openssl x509 -serial` prints it
    int version = 0;            // 1, 2 or 3
    QString signatureAlgorithm; // OpenSSL's long name: "sha256WithRSAEncryption", "ecdsa-with-SHA256", "ED25519"
    SubjectAltNames subjectAltNames;
    bool selfSigned = false;      // subject == issuer and the signature verifies with the certificate's own key
    bool isCa = false;            // basicConstraints cA
    QString sha1Fingerprint;      // "AB:CD:...", as `openssl x509 -fingerprint -sha1` prints it
    QString sha256Fingerprint;    // "AB:CD:...", as `openssl x509 -fingerprint -sha256` prints it
    QString x5t;                  // RFC 7515 section 4.1.7: base64url SHA-1 of the DER
    QString x5tS256;              // RFC 7515 section 4.1.8: base64url SHA-256 of the DER
    QString publicKeyDescription; // "RSA 2048-bit public key", or OpenSSL's name for a key type JOSE does not use
    Key publicKey;                // null when the key is not one JOSE uses (DSA, ...) or did not validate
    QString publicKeyProblem;     // why publicKey is null

    [[nodiscard]] CertificateValidity validityAt(const QDateTime& at) const;
};

} // namespace assay
