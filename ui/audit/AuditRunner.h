// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "LatestOnlyTask.h"

#include "audit/ForensicsReport.h"
#include "audit/LintContext.h"
#include "audit/LintReport.h"
#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QObject>

#include <memory>
#include <optional>

namespace assay::ui {

/// What the lint of one state of the window needs; copies, so it can run on another thread.
struct LintJob
{
    std::optional<ParsedToken> token; // nullopt: lint `text`, which did not parse
    QByteArray text;
    LintContext context;
};

/// What signature forensics needs (audit/SignatureForensics.h); copies, the secret in SecureBytes.
struct ForensicsJob
{
    ParsedToken token;
    std::shared_ptr<const SecureBytes> secretText; // as typed, before decoding; null when none
    SecretEncoding secretEncoding = SecretEncoding::Utf8;
    KeySet keys;
    QByteArray keyText; // the public-key input as given; wiped when the job ends
    VerifyOptions options;
};

/// Runs the lint (on every change of token, keys or options) and signature forensics (when a signature fails) for
/// the window. Lint of a token up to kSyncLintBytes runs at once on the UI thread (well under a millisecond); a
/// larger token's lint (hundreds of HMACs over its signing input for the known-secrets check) and every forensics
/// run (up to kForensicsMaxCandidates verifications) go to the thread pool, newest request only (LatestOnlyTask).
class AuditRunner : public QObject
{
    Q_OBJECT

public:
    /// Up to this many token bytes the lint runs synchronously.
    static constexpr qsizetype kSyncLintBytes = 16 * 1024;

    explicit AuditRunner(QObject* parent = nullptr);
    ~AuditRunner() override;

    /// Lints; emits lintReady() (before returning, for a small token).
    void lint(LintJob job);
    /// Explains a failed signature; emits forensicsReady() later.
    void explain(ForensicsJob job);
    /// Drops any forensics result still to come (the verdict is no longer INVALID).
    void cancelExplain();

    [[nodiscard]] bool isLinting() const { return m_lint.busy(); }
    [[nodiscard]] bool isExplaining() const { return m_forensics.busy(); }
    /// How long the last delivered lint took, in milliseconds (for the panel's tooltip and benchmarks).
    [[nodiscard]] double lastLintMilliseconds() const { return m_lastLintMs; }

Q_SIGNALS:
    void lintReady(const assay::LintReport& report);
    void forensicsReady(const assay::ForensicsReport& report);

private:
    struct TimedReport
    {
        LintReport report;
        double milliseconds = 0;
    };
    [[nodiscard]] static TimedReport runLint(const LintJob& job);

    LatestOnlyTask<TimedReport> m_lint;
    LatestOnlyTask<ForensicsReport> m_forensics;
    double m_lastLintMs = 0;
};

} // namespace assay::ui
