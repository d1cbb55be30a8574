// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay {

/// Converts an ASN.1 DER ECDSA-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }, RFC 3279 section 2.2.3), which is
/// what OpenSSL, Java and most HSMs produce, into the fixed-length r||s form JWS requires (RFC 7518 section 3.4).
/// `componentBytes` is the curve's field size (32 for P-256, 48 for P-384, 66 for P-521). Fails
/// (ERR_SIGNATURE_DER) unless the whole input is one DER structure whose r and s are positive and fit.
/// Used by signature forensics to test the "signed in DER" explanation; the verifier itself never converts.
[[nodiscard]] Result<QByteArray> ecdsaDerToJose(QByteArrayView der, int componentBytes);

} // namespace assay
