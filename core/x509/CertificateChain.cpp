// SPDX-License-Identifier: Apache-2.0
#include "x509/CertificateChain.h"

#include "x509/CertificateInspector.h"

namespace assay {

bool CertificateChain::isLinked() const
{
    for (const ChainLink& link : links) {
        if (!link.signatureVerifies)
            return false;
    }
    return true;
}

Result<CertificateChain> inspectCertificateChain(const QList<QByteArray>& ders)
{
    CertificateChain chain;
    for (qsizetype i = 0; i < ders.size(); ++i) {
        Result<CertificateDetails> details = inspectCertificate(ders.at(i));
        if (!details) {
            Error e = details.error();
            e.message = QStringLiteral("certificate %1: %2").arg(i + 1).arg(e.message);
            return fail(std::move(e));
        }
        chain.certificates.append(std::move(*details));
    }
    for (qsizetype i = 0; i + 1 < chain.certificates.size(); ++i) {
        const CertificateDetails& subject = chain.certificates.at(i);
        const CertificateDetails& issuer = chain.certificates.at(i + 1);
        ChainLink link;
        link.issuerNameMatches = subject.issuer == issuer.subject;
        Result<bool> signedBy = isSignedBy(subject, issuer);
        link.signatureVerifies = signedBy && *signedBy;
        chain.links.append(link);
    }
    return chain;
}

} // namespace assay
