// SPDX-License-Identifier: Apache-2.0
#include "KeyInspectCommand.h"

#include "Console.h"
#include "KeyInput.h"
#include "KeyReportJson.h"
#include "KeyReportText.h"
#include "TimeArgument.h"

#include "encoding/JsonWriter.h"
#include "jwk/KeyInspector.h"

#include <QCommandLineParser>
#include <QTimeZone>

namespace assay::cli {

namespace {

const QString kPassphraseFile = QStringLiteral("passphrase-file");
const QString kAt = QStringLiteral("at");
const QString kShowSecret = QStringLiteral("show-secret");
const QString kJson = QStringLiteral("json");

} // namespace

KeyInspectCommand::KeyInspectCommand(const Console& console)
    : Command(console)
{
}

QString KeyInspectCommand::name() const
{
    return QStringLiteral("inspect");
}

QString KeyInspectCommand::path() const
{
    return QStringLiteral("key ") + name();
}

QString KeyInspectCommand::summary() const
{
    return QStringLiteral("Everything about a key, JWK Set or PEM bundle, with findings.");
}

void KeyInspectCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nKEY: JWK, JWKS, PEM (keys and certificates; several blocks allowed) or DER; a key that does "
                       "not load is explained.\nFindings have stable codes (KEY_RSA_SHORT_MODULUS, CERT_EXPIRED, ...) "
                       "and a severity: info, warning or error.\nTIME: NumericDate, ISO 8601 (UTC when no offset) or "
                       "a duration from now (+30d).\nExit status: 0 no error finding, 1 a key did not load or has an "
                       "error finding, 2 usage error."));
    parser.addOption(QCommandLineOption(kPassphraseFile,
                                        QStringLiteral("Passphrase for an encrypted private key, read from FILE."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kAt, QStringLiteral("Judge certificate validity at TIME instead of now."),
                                        QStringLiteral("TIME")));
    parser.addOption(QCommandLineOption(
        kShowSecret, QStringLiteral("Print an HMAC secret in hex, base64, base64url and UTF-8 (hidden otherwise).")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("key"),
                                 QStringLiteral("Key file, @FILE, - for standard input, or the key text. Default: "
                                                "standard input."),
                                 QStringLiteral("[KEY|-|@FILE]"));
}

ExitCode KeyInspectCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated = rejectRepeated(parser, {kPassphraseFile, kAt}))
        return *repeated;
    const bool json = parser.isSet(kJson);
    const bool showSecret = parser.isSet(kShowSecret);

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    qint64 atMs = nowMs;
    if (parser.isSet(kAt)) {
        Result<qint64> at = TimeArgument::parseInstant(parser.value(kAt), nowMs);
        if (!at)
            return usageError(QStringLiteral("--at: %1").arg(at.error().message));
        atMs = *at;
    }
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc());

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(QStringLiteral("expected one key, got %1 arguments").arg(positional.size()));
    QString argument = positional.value(0);
    if (positional.isEmpty()) {
        if (m_console.inputIsTerminal())
            return usageError(QStringLiteral("no key given: pass KEY, - (standard input) or @FILE"));
        argument = QStringLiteral("-");
    }

    const KeyInput input(m_console);
    std::optional<SecureBytes> passphrase;
    if (parser.isSet(kPassphraseFile)) {
        auto read = input.readPassphrase(parser.value(kPassphraseFile), kPassphraseFile, path());
        if (!read)
            return read.error();
        passphrase = std::move(*read);
    }
    auto bytes = input.read(argument, path());
    if (!bytes)
        return bytes.error();

    Result<KeyInspection> inspection = inspectKeyText(*bytes, passphrase ? &*passphrase : nullptr, at);
    wipe(*bytes);
    if (!inspection) {
        const Error& e = inspection.error();
        QString message = QStringLiteral("%1 (%2)").arg(e.toString(), errorCodeName(e.code));
        if (e.code == ErrorCode::KeyPassphraseRequired)
            return usageError(message + QStringLiteral("; give it with --passphrase-file FILE"));
        if (e.code == ErrorCode::KeyPassphraseWrong)
            return usageError(message);
        m_console.error(message);
        return ExitCode::Failure;
    }
    const bool ok = !inspection->hasErrors();

    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", path());
        out.memberBool(u"ok", ok);
        out.member(u"input", inspection->inputKind);
        out.member(u"at", at.toUTC().toString(Qt::ISODate));
        out.key(u"keys");
        out.beginArray();
        for (const KeyReport& r : std::as_const(inspection->keys))
            KeyReportJson::writeReport(out, r, at, showSecret);
        out.endArray();
        out.key(u"findings");
        KeyReportJson::writeFindings(out, inspection->findings);
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
        return ok ? ExitCode::Ok : ExitCode::Failure;
    }

    const KeyReportText text(m_console);
    const int count = static_cast<int>(inspection->keys.size());
    m_console.printLine(QStringLiteral("Input: %1, %2 %3")
                            .arg(inspection->inputKind)
                            .arg(count)
                            .arg(count == 1 ? QStringLiteral("key") : QStringLiteral("keys")));
    for (int i = 0; i < count; ++i) {
        m_console.printLine();
        text.printReport(inspection->keys.at(i), i + 1, count, at, showSecret);
    }
    if (!inspection->findings.isEmpty()) {
        m_console.printLine();
        text.printFindings(QStringLiteral("Set findings:"), inspection->findings, QString());
    }
    m_console.printLine();
    m_console.printLine(ok ? QStringLiteral("Result: OK") : QStringLiteral("Result: PROBLEMS FOUND"));
    if (!ok) {
        for (const KeyReport& r : std::as_const(inspection->keys)) {
            for (const KeyFinding& f : r.findings) {
                if (f.severity == FindingSeverity::Error)
                    m_console.error(QStringLiteral("%1: %2: %3").arg(r.source, keyFindingCodeName(f.code), f.message));
            }
        }
        for (const KeyFinding& f : std::as_const(inspection->findings)) {
            if (f.severity == FindingSeverity::Error)
                m_console.error(QStringLiteral("%1: %2").arg(keyFindingCodeName(f.code), f.message));
        }
    }
    return ok ? ExitCode::Ok : ExitCode::Failure;
}

} // namespace assay::cli
