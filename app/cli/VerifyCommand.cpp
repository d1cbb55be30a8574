// SPDX-License-Identifier: Apache-2.0
#include "VerifyCommand.h"

#include "Console.h"
#include "KeyArguments.h"
#include "TimeArgument.h"
#include "TokenJson.h"
#include "TokenText.h"

#include "audit/ForensicsReportFormat.h"
#include "audit/SignatureForensics.h"
#include "claims/ClaimValidator.h"
#include "encoding/JsonWriter.h"
#include "jws/JwsVerifier.h"
#include "token/ParsedToken.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTimeZone>

namespace assay::cli {

namespace {

const QString kAlg = QStringLiteral("alg");
const QString kKid = QStringLiteral("kid");
const QString kNow = QStringLiteral("now");
const QString kLeeway = QStringLiteral("leeway");
const QString kIss = QStringLiteral("iss");
const QString kAud = QStringLiteral("aud");
const QString kSub = QStringLiteral("sub");
const QString kTyp = QStringLiteral("typ");
const QString kRequire = QStringLiteral("require");
const QString kAllowWeak = QStringLiteral("allow-weak-key");
const QString kJson = QStringLiteral("json");

} // namespace

VerifyCommand::VerifyCommand(const Console& console)
    : Command(console)
{
}

QString VerifyCommand::name() const
{
    return QStringLiteral("verify");
}

QString VerifyCommand::summary() const
{
    return QStringLiteral("Check a token's signature with your key, and its claims.");
}

void VerifyCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nThe key decides which algorithms are acceptable; keys inside the token are never trusted."
                       "\nWhen the signature does not verify, says why where a variant of the key or token verifies "
                       "(a base64 secret, a trailing newline, re-serialized JSON, ...); the token stays invalid."
                       "\nTIME: NumericDate (1300819380), ISO 8601 (2011-03-22T18:43:00Z, UTC when no offset) or a "
                       "signed duration from now (+15m, -2h, +7d, +3600)."
                       "\nExit status: 0 signature VALID and every claim check passed, 1 otherwise, 2 usage error."));
    KeyArguments::addOptions(parser);
    parser.addOption(QCommandLineOption(kAlg, QStringLiteral("Require this algorithm (case-sensitive), e.g. RS256."),
                                        QStringLiteral("ALG")));
    parser.addOption(QCommandLineOption(
        kKid, QStringLiteral("Only try keys with this kid (overrides the token's kid)."), QStringLiteral("KID")));
    parser.addOption(QCommandLineOption(kNow, QStringLiteral("Evaluate the claims at TIME instead of now."),
                                        QStringLiteral("TIME")));
    parser.addOption(
        QCommandLineOption(kLeeway, QStringLiteral("Clock skew allowed for exp, nbf and iat: seconds or 90s, 5m, 1h."),
                           QStringLiteral("SECONDS")));
    parser.addOption(QCommandLineOption(kIss, QStringLiteral("Expected issuer (exact match)."), QStringLiteral("ISS")));
    parser.addOption(
        QCommandLineOption(kAud, QStringLiteral("Expected audience (the aud string, or one element of the aud array)."),
                           QStringLiteral("AUD")));
    parser.addOption(
        QCommandLineOption(kSub, QStringLiteral("Expected subject (exact match)."), QStringLiteral("SUB")));
    parser.addOption(
        QCommandLineOption(kTyp, QStringLiteral("Expected header typ (media type comparison: JWT == application/jwt)."),
                           QStringLiteral("TYP")));
    parser.addOption(QCommandLineOption(kRequire, QStringLiteral("A claim that must be present; repeat for several."),
                                        QStringLiteral("CLAIM")));
    parser.addOption(QCommandLineOption(
        kAllowWeak, QStringLiteral("Accept a weak key (short HMAC secret, RSA < 2048 bits); still reported.")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("token"),
                                 QStringLiteral("The token, - for standard input, or @FILE. Default: standard input."),
                                 QStringLiteral("[TOKEN|-|@FILE]"));
}

ExitCode VerifyCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated =
            rejectRepeated(parser, {kAlg, kKid, kNow, kLeeway, kIss, kAud, kSub, kTyp,
                                    QStringLiteral("secret-encoding"), QStringLiteral("passphrase-file")}))
        return *repeated;
    const bool json = parser.isSet(kJson);

    // Every option is checked before the token is read, so a usage error never depends on the token.
    VerifyOptions options;
    options.allowWeakKeys = parser.isSet(kAllowWeak);
    options.kid = parser.value(kKid);
    if (parser.isSet(kKid) && options.kid.isEmpty())
        return usageError(QStringLiteral("--kid must not be empty"));
    if (parser.isSet(kAlg)) {
        const QString name = parser.value(kAlg);
        const std::optional<JwsAlgorithm> alg = jwsAlgorithmFromName(name);
        if (!alg) {
            return usageError(QStringLiteral("unknown algorithm \"%1\" for --alg; names are case-sensitive: %2")
                                  .arg(name, algorithmList()));
        }
        if (*alg == JwsAlgorithm::None)
            return usageError(QStringLiteral("--alg none: an unsigned token never verifies"));
        options.expectedAlg = alg;
    }

    qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(kNow)) {
        Result<qint64> at = TimeArgument::parseInstant(parser.value(kNow), now);
        if (!at)
            return usageError(QStringLiteral("--now: %1").arg(at.error().message));
        now = *at;
    }

    ClaimExpectations expectations;
    if (parser.isSet(kLeeway)) {
        Result<qint64> leeway = TimeArgument::parseDuration(parser.value(kLeeway));
        if (!leeway)
            return usageError(QStringLiteral("--leeway: %1").arg(leeway.error().message));
        expectations.leewaySeconds = *leeway;
    }
    if (parser.isSet(kIss))
        expectations.issuer = parser.value(kIss);
    if (parser.isSet(kAud))
        expectations.audience = parser.value(kAud);
    if (parser.isSet(kSub))
        expectations.subject = parser.value(kSub);
    if (parser.isSet(kTyp))
        expectations.type = parser.value(kTyp);
    expectations.requiredClaims = parser.values(kRequire);
    for (const QString& claim : std::as_const(expectations.requiredClaims)) {
        if (claim.isEmpty())
            return usageError(QStringLiteral("--require needs a claim name"));
    }
    const bool expectsClaims = expectations.issuer || expectations.audience || expectations.subject ||
                               expectations.type || !expectations.requiredClaims.isEmpty();

    if (parser.positionalArguments().size() > 1)
        return usageError(
            QStringLiteral("expected one token, got %1 arguments").arg(parser.positionalArguments().size()));

    KeyArguments::Material material; // the key as given, for forensics
    Result<KeySet> keys = KeyArguments::load(parser, m_console, &material);
    if (!keys)
        return usageError(keys.error().message);

    std::expected<IntakeResult, ExitCode> intake = readToken(parser.positionalArguments());
    if (!intake)
        return intake.error();

    Result<ParsedToken> parsed = parseToken(intake->token);
    if (!parsed) {
        const Error& e = parsed.error();
        if (json) {
            JsonWriter out;
            out.beginObject();
            out.member(u"command", name());
            out.memberBool(u"ok", false);
            out.member(u"verdict", verdictName(Verdict::Malformed));
            out.member(u"reason", e.toString());
            out.key(u"error");
            TokenJson::writeError(out, e);
            out.key(u"diagnostics");
            TokenJson::writeErrors(out, {e});
            out.key(u"failures").stringList({QStringLiteral("MALFORMED: %1").arg(TokenText::describe(e))});
            out.key(u"notes").stringList(intake->stripped);
            out.endObject();
            m_console.write(out.text());
            m_console.printLine();
        } else {
            m_console.error(QStringLiteral("MALFORMED: %1").arg(TokenText::describe(e)));
        }
        return ExitCode::Failure;
    }
    const ParsedToken& token = *parsed;

    JwsVerification verification = verifyJws(token, *keys, options);
    if (token.form == TokenForm::CompactJwe) {
        if (const std::optional<Error> problem = TokenText::jweProblem(token)) {
            verification.verdict = Verdict::Malformed;
            verification.reason = problem->toString();
            verification.error = problem;
        }
    }

    // When the signature does not verify, find out why (issue 5 "Signature forensics"): each explanation is a real
    // verification of a variant. It explains the failure; the verdict and the exit status stay as they are.
    std::optional<ForensicsReport> forensics;
    if (token.isJws() && (verification.verdict == Verdict::Invalid || verification.verdict == Verdict::Malformed)) {
        ForensicsInput input;
        input.secretText = material.secretText.isEmpty() ? nullptr : &material.secretText;
        input.secretEncoding = material.secretEncoding;
        input.keys = *keys;
        input.keyText = material.publicKeyText;
        input.verifyOptions = options;
        ForensicsReport report = explainSignatureFailure(token, input);
        if (report.outcome == ForensicsOutcome::Explained || report.outcome == ForensicsOutcome::Unexplained)
            forensics = std::move(report);
    }

    QStringList failures;
    if (verification.verdict != Verdict::Valid) {
        QString failure =
            QStringLiteral("signature %1: %2").arg(verdictName(verification.verdict), verification.reason);
        if (verification.error)
            failure += QStringLiteral(" (%1)").arg(errorCodeName(verification.error->code));
        failures.append(failure);
    }

    std::optional<ClaimReport> claims;
    if (token.isJws() && token.payloadJson && token.payloadJson->isObject()) {
        Result<ClaimReport> report = ClaimValidator(expectations).validate(*token.payloadJson, now, token.header());
        if (report)
            claims = std::move(*report);
        else
            failures.append(QStringLiteral("claims: %1").arg(report.error().toString()));
    } else if (token.isJws() && expectsClaims) {
        failures.append(
            QStringLiteral("claims: the payload is not a JSON object, so the expected claims cannot be checked"));
    }
    if (claims) {
        for (const ClaimResult& r : claims->failures())
            failures.append(QStringLiteral("claim %1: %2").arg(r.name, r.message));
    }
    const bool ok = failures.isEmpty();

    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.memberBool(u"ok", ok);
        TokenJson::writeTokenMembers(out, token);
        out.member(u"verdict", verdictName(verification.verdict));
        out.member(u"reason", verification.reason);
        out.key(u"verification");
        TokenJson::writeVerification(out, verification);
        out.key(u"claims");
        if (claims)
            TokenJson::writeClaims(out, *claims);
        else
            out.null();
        out.key(u"failures").stringList(failures);
        out.key(u"notes").stringList(intake->stripped);
        if (forensics) {
            out.key(u"forensics");
            writeForensicsJson(out, *forensics);
        }
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
        return ok ? ExitCode::Ok : ExitCode::Failure;
    }

    const TokenText text(m_console);
    text.printSummary(token);
    m_console.printLine(
        QStringLiteral("Signature:  %1: %2").arg(verdictName(verification.verdict), verification.reason));
    for (const SignatureVerification& s : verification.signatures) {
        const QString prefix = verification.signatures.size() > 1
                                   ? QStringLiteral("Key (signature %1): ").arg(s.index + 1)
                                   : QStringLiteral("Key:        ");
        if (!s.selection.summary.isEmpty())
            m_console.printLine(prefix + s.selection.summary);
        if (!s.weakness.isEmpty())
            m_console.printLine(QStringLiteral("Weak key:   %1").arg(s.weakness));
    }
    for (const QString& note : verification.notes)
        m_console.printLine(QStringLiteral("Note:       %1").arg(note));
    if (forensics && forensics->explained()) {
        for (const ForensicFinding& f : forensics->findings) {
            m_console.printLine(QStringLiteral("Why:        %1").arg(f.explanation));
            m_console.printLine(QStringLiteral("Fix:        %1").arg(f.fix));
        }
    } else if (forensics) {
        m_console.printLine(QStringLiteral("Why:        %1").arg(forensics->summary));
    }
    if (claims)
        text.printClaims(*claims);
    text.printDiagnostics(token.diagnostics);
    m_console.printLine();
    m_console.printLine(ok ? QStringLiteral("Result:     OK") : QStringLiteral("Result:     FAILED"));

    for (const QString& failure : std::as_const(failures))
        m_console.error(failure);
    return ok ? ExitCode::Ok : ExitCode::Failure;
}

} // namespace assay::cli
