// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "x509/CertificateDetails.h"

#include <QList>

namespace assay {

/// How one certificate relates to the next one in a chain.
struct ChainLink
{
    bool issuerNameMatches = false; // certificate i's issuer equals certificate i+1's subject
    bool signatureVerifies = false; // certificate i's signature verifies with certificate i+1's key
};

/// A certificate chain as given (an x5c array, or the certificates of a PEM bundle), leaf first.
/// Nothing is trusted and nothing is fetched: the links say only what the certificates themselves prove.
struct CertificateChain
{
    QList<CertificateDetails> certificates;
    QList<ChainLink> links; // links[i] relates certificates[i] to certificates[i + 1]

    [[nodiscard]] bool isEmpty() const { return certificates.isEmpty(); }
    /// Every certificate is signed by the next one.
    [[nodiscard]] bool isLinked() const;
};

/// Reads each DER certificate and checks each link. Fails on the first certificate that does not parse, with
/// its 1-based position in the message.
[[nodiscard]] Result<CertificateChain> inspectCertificateChain(const QList<QByteArray>& ders);

} // namespace assay
