// SPDX-License-Identifier: Apache-2.0
#include "SignCommand.h"

#include "Console.h"
#include "InputReader.h"
#include "JsonObjectText.h"
#include "KeyArguments.h"
#include "TimeArgument.h"

#include "encoding/JsonWriter.h"
#include "jws/JwsSigner.h"
#include "jws/KeySelector.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace assay::cli {

namespace {

const QString kAlg = QStringLiteral("alg");
const QString kHeader = QStringLiteral("header");
const QString kKid = QStringLiteral("kid");
const QString kIat = QStringLiteral("iat");
const QString kExp = QStringLiteral("exp");
const QString kNbf = QStringLiteral("nbf");
const QString kAllowWeak = QStringLiteral("allow-weak-key");

} // namespace

SignCommand::SignCommand(const Console& console)
    : Command(console)
{
}

QString SignCommand::name() const
{
    return QStringLiteral("sign");
}

QString SignCommand::summary() const
{
    return QStringLiteral("Sign a JSON payload and print the compact token.");
}

void SignCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nHeader and payload are signed exactly as given, minified (key order, numbers and escapes "
                       "kept).\nThe header is {\"alg\":ALG,\"typ\":\"JWT\"}, then kid, then the members of --header (a "
                       "typ there replaces the default typ in place).\n--iat, --nbf and --exp are appended to the "
                       "payload in that order.\nTIME: NumericDate, ISO 8601 (UTC when no offset) or a duration from "
                       "now (+15m, +2h, +7d, +3600).\nExit status: 0 signed, 1 signing refused, 2 usage error."));
    parser.addOption(QCommandLineOption(kAlg, QStringLiteral("The algorithm (required): %1.").arg(algorithmList()),
                                        QStringLiteral("ALG")));
    KeyArguments::addOptions(parser);
    parser.addOption(QCommandLineOption(kHeader, QStringLiteral("Extra header members as a JSON object (or @FILE)."),
                                        QStringLiteral("JSON")));
    parser.addOption(
        QCommandLineOption(kKid, QStringLiteral("Put this kid in the header and use it to pick the key from a JWKS."),
                           QStringLiteral("KID")));
    parser.addOption(QCommandLineOption(kIat, QStringLiteral("Add \"iat\" (the current time) to the payload.")));
    parser.addOption(QCommandLineOption(kExp, QStringLiteral("Add \"exp\": a duration from now (+15m) or a TIME."),
                                        QStringLiteral("+DURATION|TIME")));
    parser.addOption(QCommandLineOption(kNbf, QStringLiteral("Add \"nbf\": a duration from now or a TIME."),
                                        QStringLiteral("+DURATION|TIME")));
    parser.addOption(QCommandLineOption(
        kAllowWeak, QStringLiteral("Sign even with a weak key (short HMAC secret, RSA < 2048 bits).")));
    parser.addPositionalArgument(
        QStringLiteral("payload"),
        QStringLiteral("The payload JSON object, - for standard input, or @FILE. Optional only with --iat, --nbf or "
                       "--exp (then {} plus those)."),
        QStringLiteral("[PAYLOAD_JSON|-|@FILE]"));
}

ExitCode SignCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated =
            rejectRepeated(parser, {kAlg, kHeader, kKid, kExp, kNbf, QStringLiteral("secret-encoding"),
                                    QStringLiteral("passphrase-file")}))
        return *repeated;

    // Algorithm.
    if (!parser.isSet(kAlg))
        return usageError(QStringLiteral("--alg is required (one of %1)").arg(algorithmList()));
    const QString algName = parser.value(kAlg);
    const std::optional<JwsAlgorithm> alg = jwsAlgorithmFromName(algName);
    if (!alg) {
        return usageError(
            QStringLiteral("unknown algorithm \"%1\"; names are case-sensitive: %2").arg(algName, algorithmList()));
    }
    if (*alg == JwsAlgorithm::None)
        return usageError(QStringLiteral("--alg none would produce an unsigned token; refusing"));

    const InputReader reader(m_console.input());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        return usageError(QStringLiteral("expected one payload, got %1 arguments (quote the JSON, or use - or @FILE)")
                              .arg(positional.size()));
    }

    // Header: defaults, then --kid, then --header's members.
    const QString kid = parser.value(kKid);
    if (parser.isSet(kKid) && kid.isEmpty())
        return usageError(QStringLiteral("--kid must not be empty"));
    JsonObjectText header;
    header.append(u"alg", JsonWriter::quote(jwsAlgorithmName(*alg)));
    header.append(u"typ", QByteArrayLiteral("\"JWT\""));
    if (parser.isSet(kKid))
        header.append(u"kid", JsonWriter::quote(kid));
    QString selectionKid = kid;
    if (parser.isSet(kHeader)) {
        const QString headerArgument = parser.value(kHeader);
        Result<QByteArray> headerBytes = headerArgument.startsWith(QLatin1Char('@'))
                                             ? reader.read(headerArgument)
                                             : Result<QByteArray>(headerArgument.toUtf8());
        if (!headerBytes)
            return usageError(QStringLiteral("--header: %1").arg(headerBytes.error().message));
        Result<JsonObjectText> extra = JsonObjectText::parse(*headerBytes, Segment::Header, QStringLiteral("--header"));
        if (!extra)
            return usageError(extra.error().toString());
        for (const JsonObjectText::Member& m : extra->members()) {
            if (m.name == QLatin1String("alg")) {
                if (m.json.toString() != jwsAlgorithmName(*alg)) {
                    return usageError(QStringLiteral("--header has alg %1 but --alg is %2")
                                          .arg(QString::fromUtf8(m.json.rawValue), jwsAlgorithmName(*alg)));
                }
            } else if (m.name == QLatin1String("typ")) {
                header.replaceValue(u"typ", m.json.rawValue);
            } else if (m.name == QLatin1String("kid") && parser.isSet(kKid)) {
                return usageError(QStringLiteral("kid given both with --kid and in --header"));
            } else {
                if (m.name == QLatin1String("kid"))
                    selectionKid = m.json.toString().value_or(QString());
                header.append(m);
            }
        }
    }

    // Payload: as given (minified), plus the time claims asked for.
    const bool addsClaims = parser.isSet(kIat) || parser.isSet(kExp) || parser.isSet(kNbf);
    JsonObjectText payload;
    if (positional.isEmpty()) {
        if (!addsClaims)
            return usageError(QStringLiteral("no payload given: pass PAYLOAD_JSON, - (standard input) or @FILE"));
    } else {
        Result<QByteArray> payloadBytes = reader.read(positional.front());
        if (!payloadBytes)
            return usageError(QStringLiteral("payload: %1").arg(payloadBytes.error().message));
        Result<JsonObjectText> given =
            JsonObjectText::parse(*payloadBytes, Segment::Payload, QStringLiteral("the payload"));
        if (!given)
            return usageError(given.error().toString());
        payload = std::move(*given);
    }
    const qint64 nowMSecs = QDateTime::currentMSecsSinceEpoch();
    const auto addTimeClaim = [&](const QString& claim, qint64 msecs) -> std::optional<ExitCode> {
        if (payload.contains(claim)) {
            return usageError(
                QStringLiteral("the payload already has \"%1\"; remove it there or drop --%1").arg(claim));
        }
        // NumericDate in whole seconds, floored (a time before the epoch rounds down, not toward zero).
        const qint64 seconds = msecs >= 0 ? msecs / 1000 : -((-msecs + 999) / 1000);
        payload.append(claim, QByteArray::number(seconds));
        return std::nullopt;
    };
    if (parser.isSet(kIat)) {
        if (const std::optional<ExitCode> failed = addTimeClaim(kIat, nowMSecs))
            return *failed;
    }
    for (const QString& claim : {kNbf, kExp}) {
        if (!parser.isSet(claim))
            continue;
        Result<qint64> at = TimeArgument::parseInstant(parser.value(claim), nowMSecs);
        if (!at)
            return usageError(QStringLiteral("--%1: %2").arg(claim, at.error().message));
        if (const std::optional<ExitCode> failed = addTimeClaim(claim, *at))
            return *failed;
    }

    // Key.
    Result<KeySet> keys = KeyArguments::load(parser, m_console);
    if (!keys)
        return usageError(keys.error().message);
    const KeySelection selection = selectKeys(*keys, selectionKid, *alg, KeyOperation::Sign);
    const std::optional<int> chosen = selection.chosen();
    if (!chosen) {
        return usageError(QStringLiteral("no key can sign %1: %2").arg(jwsAlgorithmName(*alg), selection.summary));
    }
    if (keys->keys.size() > 1)
        m_console.note(QStringLiteral("signing with %1").arg(selection.candidates.value(*chosen).label));

    SignOptions signOptions;
    signOptions.allowWeakKey = parser.isSet(kAllowWeak);
    Result<QByteArray> token = signCompact(header.text(), payload.text(), keys->keys.at(*chosen), *alg, signOptions);
    if (!token) {
        QString message = QStringLiteral("cannot sign: %1").arg(token.error().toString());
        if (token.error().code == ErrorCode::KeyInvalid && !signOptions.allowWeakKey)
            message += QStringLiteral(" (--allow-weak-key overrides this)");
        m_console.error(message);
        return ExitCode::Failure;
    }
    m_console.write(*token);
    m_console.printLine();
    return ExitCode::Ok;
}

} // namespace assay::cli
