// SPDX-License-Identifier: Apache-2.0
#include "AuditRunner.h"

#include "audit/LintToken.h"
#include "audit/SignatureForensics.h"

#include <QElapsedTimer>

namespace assay::ui {

AuditRunner::AuditRunner(QObject* parent)
    : QObject(parent)
    , m_lint(this,
             [this](const TimedReport& r) {
                 m_lastLintMs = r.milliseconds;
                 Q_EMIT lintReady(r.report);
             })
    , m_forensics(this, [this](const ForensicsReport& r) { Q_EMIT forensicsReady(r); })
{
}

AuditRunner::~AuditRunner() = default;

AuditRunner::TimedReport AuditRunner::runLint(const LintJob& job)
{
    QElapsedTimer timer;
    timer.start();
    TimedReport out;
    out.report = job.token ? lintToken(*job.token, job.context) : lintTokenText(job.text, job.context);
    out.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

void AuditRunner::lint(LintJob job)
{
    if (job.text.size() <= kSyncLintBytes) {
        m_lint.cancel(); // an older, larger token's result must not arrive after this one
        // No text, no token, no findings (lintTokenText() would call the empty text malformed).
        const TimedReport r = job.text.isEmpty() && !job.token ? TimedReport{} : runLint(job);
        m_lastLintMs = r.milliseconds;
        Q_EMIT lintReady(r.report);
        return;
    }
    m_lint.run([job = std::move(job)] { return runLint(job); });
}

void AuditRunner::explain(ForensicsJob job)
{
    m_forensics.run([job = std::make_shared<ForensicsJob>(std::move(job))] {
        ForensicsInput input;
        input.secretText = job->secretText.get();
        input.secretEncoding = job->secretEncoding;
        input.keys = job->keys;
        input.keyText = job->keyText;
        input.verifyOptions = job->options;
        ForensicsReport report = explainSignatureFailure(job->token, input);
        wipe(input.keyText);
        wipe(job->keyText);
        return report;
    });
}

void AuditRunner::cancelExplain()
{
    m_forensics.cancel();
}

} // namespace assay::ui
