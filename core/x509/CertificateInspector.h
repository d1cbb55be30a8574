// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "x509/CertificateDetails.h"

#include <QByteArrayView>

namespace assay {

/// Reads a DER X.509 certificate (RFC 5280): names, validity, serial, signature algorithm, SANs, fingerprints,
/// x5t/x5t#S256 values and the public key. The whole input must be one certificate (no trailing bytes).
/// ERR_KEY_PARSE when it is not a certificate.
[[nodiscard]] Result<CertificateDetails> inspectCertificate(QByteArrayView der);

/// True when `subject`'s signature verifies with `issuer`'s public key (the link x5c[i] -> x5c[i+1] of
/// RFC 7517 section 4.7). Only the signature is checked, not names, key usage or validity dates.
[[nodiscard]] Result<bool> isSignedBy(const CertificateDetails& subject, const CertificateDetails& issuer);

} // namespace assay
