// SPDX-License-Identifier: Apache-2.0
#include "audit/SignatureForensics.h"

#include "audit/detail/ForensicRun.h"
#include "crypto/SecureBytes.h"
#include "crypto/SignatureEngine.h"

namespace assay {
namespace {

using detail::ForensicKey;
using detail::ForensicRun;

void allNotApplicable(ForensicsReport& report, const QString& why)
{
    for (ForensicHypothesis h : allForensicHypotheses()) {
        ForensicCheck check;
        check.hypothesis = h;
        check.title = forensicTitle(h);
        check.outcome = ForensicCheckOutcome::NotApplicable;
        check.note = why;
        report.checks.append(check);
    }
}

ForensicsReport notApplicable(const QString& why)
{
    ForensicsReport report;
    report.outcome = ForensicsOutcome::NotApplicable;
    report.summary = QStringLiteral("Nothing to examine: %1.").arg(why);
    allNotApplicable(report, why);
    return report;
}

ForensicsReport nothingToExplain(const QString& summary)
{
    ForensicsReport report;
    report.outcome = ForensicsOutcome::NothingToExplain;
    report.summary = summary;
    allNotApplicable(report, QStringLiteral("the signature matches as sent"));
    return report;
}

// Where the failed verification stood with the key set: which keys it tried, and why not the others.
void recordVerifierChoice(ForensicRun& run, const JwsVerification& verification)
{
    const int index = run.input.signatureIndex;
    if (index < 0 || index >= verification.signatures.size())
        return;
    const SignatureVerification& s = verification.signatures.at(index);
    const bool ambiguousSet = s.error && s.error->code == ErrorCode::KeySetInvalid;
    run.verifierChoseKeys = !s.selection.candidates.isEmpty() || ambiguousSet;
    run.triedByVerifier = s.selection.usable;
    for (int i = 0; i < run.input.keys.keys.size(); ++i) {
        QString reason;
        if (!run.triedByVerifier.contains(i)) {
            if (ambiguousSet)
                reason = s.reason;
            else if (i < s.selection.candidates.size() && !s.selection.candidates.at(i).reason.isEmpty())
                reason = s.selection.candidates.at(i).reason;
            else
                reason = QStringLiteral("it was not selected");
        }
        run.notTriedReasons.append(reason);
    }
}

} // namespace

ForensicsReport explainSignatureFailure(const ParsedToken& token, const ForensicsInput& input)
{
    QString why;
    const auto target = detail::makeForensicTarget(token, input.signatureIndex, why);
    if (!target)
        return notApplicable(why);
    const bool haveSecret = input.secretText != nullptr && !input.secretText->isEmpty();
    if (!haveSecret && input.keys.isEmpty())
        return notApplicable(QStringLiteral("no key or secret was given"));

    ForensicsReport report;
    detail::ForensicProbe probe(kForensicsMaxCandidates);
    ForensicRun run{*target, input, probe, report, std::nullopt, {}, false, {}, {}};
    if (haveSecret) {
        if (auto key = keyFromSecret(input.secretText->view(), input.secretEncoding))
            run.secret = ForensicKey{
                *key, std::nullopt,
                QStringLiteral("the typed secret (read as %1)").arg(detail::secretEncodingName(input.secretEncoding))};
    }
    for (int i = 0; i < input.keys.keys.size() && i < kForensicsMaxKeys; ++i)
        run.keys.append(ForensicKey{input.keys.keys.at(i), i, detail::forensicKeyLabel(input.keys.keys.at(i), i)});

    // The verification that failed, run again: if it passes there is nothing to explain.
    if (run.secret) {
        KeySet secretSet;
        secretSet.keys.append(run.secret->key);
        VerifyOptions options = input.verifyOptions;
        options.kid.clear(); // a typed secret has no kid
        if (verifyJws(token, secretSet, options).isValid())
            return nothingToExplain(QStringLiteral("The token verifies with the typed secret as given: there is no "
                                                   "signature failure to explain."));
    }
    if (!input.keys.isEmpty()) {
        const JwsVerification verification = verifyJws(token, input.keys, input.verifyOptions);
        if (verification.isValid())
            return nothingToExplain(QStringLiteral("The token verifies with the given keys: there is no signature "
                                                   "failure to explain."));
        recordVerifierChoice(run, verification);
    }
    // The signature may match as sent and a rule refused it (a weak key, the key's own alg or use, a pinned alg).
    const bool regular = !target->headerSpelling.irregular() && !target->payloadSpelling.irregular() &&
                         !target->signatureSpelling.irregular();
    if (regular && target->alg) {
        QList<ForensicKey> asGiven;
        if (run.secret)
            asGiven.append(*run.secret);
        // The keys the verifier tried; all of them when it stopped on a rule before choosing any.
        for (const ForensicKey& k : std::as_const(run.keys)) {
            if (!run.verifierChoseKeys || run.triedByVerifier.contains(*k.index))
                asGiven.append(k);
        }
        for (const ForensicKey& k : std::as_const(asGiven)) {
            if (signature::verify(k.key, *target->alg, target->signingInput(), target->signature))
                return nothingToExplain(QStringLiteral("The signature matches %1 as sent: the verification failed on "
                                                       "a rule (a weak key, the key's own alg or use, a pinned "
                                                       "algorithm), not on the signature.")
                                            .arg(k.label));
        }
    }

    detail::checkSecretEncoding(run);
    detail::checkSecretWhitespace(run);
    detail::checkOtherKey(run);
    detail::checkAlgorithmMixup(run);
    detail::checkEcdsaDer(run);
    detail::checkJsonReserialized(run);
    detail::checkSegmentEncoding(run);
    detail::checkPublicKeyAsHmac(run);

    report.candidatesTried = probe.tried();
    report.budgetExhausted = probe.exhausted();
    if (!report.findings.isEmpty()) {
        report.outcome = ForensicsOutcome::Explained;
        report.summary = QStringLiteral("%1The signature does not verify as sent, and the token stays invalid; %2 "
                                        "explanation(s) verified with real cryptography: %3")
                             .arg(report.hasSecurityIssue() ? QStringLiteral("Security finding. ") : QString())
                             .arg(report.findings.size())
                             .arg(report.findings.front().explanation);
    } else if (report.candidatesTried > 0) {
        report.outcome = ForensicsOutcome::Unexplained;
        report.summary = QStringLiteral("The signature does not verify, and none of %1 alternative verifications "
                                        "explains why: the key may be the wrong one, or the token was altered.")
                             .arg(report.candidatesTried);
    } else {
        report.outcome = ForensicsOutcome::NotApplicable;
        report.summary = QStringLiteral("Nothing could be tried for this token with what was given.");
    }
    return report;
}

} // namespace assay
