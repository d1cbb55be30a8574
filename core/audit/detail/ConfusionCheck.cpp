// SPDX-License-Identifier: Apache-2.0
// Hypothesis 8: an HS* token whose HMAC secret is the user's public key, i.e. the algorithm-confusion forgery
// (CVE-2015-9235, CVE-2016-10555, ATTACKS.md A04). Reported as a security finding, not as a fix.
#include "audit/detail/ForensicRun.h"

#include "audit/PublicKeySecrets.h"
#include "jwk/KeyLoader.h"

namespace assay::detail {

void checkPublicKeyAsHmac(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::PublicKeyAsHmac);
    const ForensicTarget& t = run.target;
    if (!t.alg || algorithmFamily(*t.alg) != AlgorithmFamily::Hmac) {
        scope.setNote(QStringLiteral("the header's alg is not HS256, HS384 or HS512"));
        return;
    }
    int spellings = 0;
    int asymmetric = 0;
    for (const ForensicKey& k : std::as_const(run.keys)) {
        if (k.key.isSymmetric())
            continue;
        // The key text as given belongs to the first key it holds; the exports cover the others.
        const QList<PublicKeySpelling> candidates =
            publicKeySpellings(k.key, asymmetric == 0 ? QByteArrayView(run.input.keyText) : QByteArrayView());
        ++asymmetric;
        for (const PublicKeySpelling& s : candidates) {
            auto secret = keyFromSecret(s.bytes, SecretEncoding::Utf8);
            if (!secret)
                continue;
            ++spellings;
            if (!run.probe.verifies(*secret, *t.alg, t.signingInput(), t.signature))
                continue;
            ForensicFinding f;
            f.securityIssue = true;
            f.explanation =
                QStringLiteral("This %1 token's HMAC secret is the public key (%2 of %3): whoever made it "
                               "used the public key as an HMAC secret, the algorithm-confusion attack. Anyone who has "
                               "the public key can forge such tokens%4.")
                    .arg(jwsAlgorithmName(*t.alg), s.name, k.label, t.signatureCaveat());
            f.fix = QStringLiteral("Treat the token as forged, not as a mistake to fix. A verifier must take the "
                                   "algorithm from the key (an RSA, EC or OKP key never verifies HS*), never from the "
                                   "token's header.");
            f.evidence.alg = *t.alg;
            f.evidence.keyIndex = k.index;
            f.evidence.keyLabel = k.label;
            f.evidence.variant = s.name;
            f.evidence.segment = Segment::Key;
            scope.confirm(std::move(f));
        }
    }
    scope.setNote(asymmetric == 0
                      ? QStringLiteral("no public key was given")
                      : QStringLiteral("tried %1 spellings (PEM, DER, JWK) of %2 public key(s) as the HMAC secret")
                            .arg(spellings)
                            .arg(asymmetric));
}

} // namespace assay::detail
