// SPDX-License-Identifier: Apache-2.0
#include "x509/CertificateDetails.h"

namespace assay {

QString certificateValidityName(CertificateValidity validity)
{
    switch (validity) {
    case CertificateValidity::Valid:
        return QStringLiteral("valid");
    case CertificateValidity::Expired:
        return QStringLiteral("expired");
    case CertificateValidity::NotYetValid:
        return QStringLiteral("not yet valid");
    }
    return {};
}

CertificateValidity CertificateDetails::validityAt(const QDateTime& at) const
{
    // RFC 5280 section 4.1.2.5: both bounds are inclusive.
    if (notBefore.isValid() && at < notBefore)
        return CertificateValidity::NotYetValid;
    if (notAfter.isValid() && at > notAfter)
        return CertificateValidity::Expired;
    return CertificateValidity::Valid;
}

} // namespace assay
