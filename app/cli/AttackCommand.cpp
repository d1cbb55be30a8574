// SPDX-License-Identifier: Apache-2.0
#include "AttackCommand.h"

#include "Console.h"
#include "InputReader.h"

#include "audit/AttackVariants.h"
#include "crypto/SecureBytes.h"
#include "encoding/JsonWriter.h"
#include "jwk/KeyLoader.h"

#include <QCommandLineParser>

namespace assay::cli {

namespace {

const QString kVariant = QStringLiteral("variant");
const QString kPublicKey = QStringLiteral("public-key");
const QString kUrl = QStringLiteral("url");
const QString kAttackerKey = QStringLiteral("attacker-key");
const QString kJson = QStringLiteral("json");

QString variantNames()
{
    QStringList names;
    for (AttackKind kind : allAttackKinds())
        names.append(attackKindName(kind));
    return names.join(QStringLiteral(", "));
}

} // namespace

AttackCommand::AttackCommand(const Console& console)
    : Command(console)
{
}

QString AttackCommand::name() const
{
    return QStringLiteral("attack");
}

QString AttackCommand::summary() const
{
    return QStringLiteral("Print attack variants of a token, for authorized testing of other verifiers.");
}

void AttackCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nEach variant is a new token (the original is unchanged) that a vulnerable verifier "
                       "accepts and Assay rejects. Use them only against systems you are allowed to test."
                       "\nVariants: %1, or all.")
            .arg(variantNames()) +
        QStringLiteral("\nExit status: 0 printed, 1 the variant does not apply to this token, 2 usage error."));
    parser.addOption(
        QCommandLineOption(kVariant, QStringLiteral("The variant to make, or all."), QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption(
        kPublicKey, QStringLiteral("The original's public key file exactly as the server has it (hmac-public-key)."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kUrl, QStringLiteral("The URL you host the key at (jku, x5u); never fetched."),
                                        QStringLiteral("URL")));
    parser.addOption(QCommandLineOption(
        kAttackerKey,
        QStringLiteral("Your private key for embedded-jwk, jku and x5u (default: a fresh key of the token's kind)."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("token"),
                                 QStringLiteral("The token, - for standard input, or @FILE. Default: standard input."),
                                 QStringLiteral("[TOKEN|-|@FILE]"));
}

ExitCode AttackCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated = rejectRepeated(parser, {kVariant, kPublicKey, kUrl, kAttackerKey}))
        return *repeated;
    const bool json = parser.isSet(kJson);

    if (!parser.isSet(kVariant))
        return usageError(QStringLiteral("--variant is required: %1, or all").arg(variantNames()));
    const QString variantName = parser.value(kVariant);
    const bool all = variantName == QLatin1String("all");
    const std::optional<AttackKind> kind = attackKindFromName(variantName);
    if (!all && !kind)
        return usageError(QStringLiteral("unknown --variant \"%1\": %2, or all").arg(variantName, variantNames()));

    AttackOptions options;
    options.keyUrl = parser.value(kUrl);
    if (parser.isSet(kPublicKey)) {
        Result<QByteArray> text = InputReader::readFile(parser.value(kPublicKey));
        if (!text)
            return usageError(QStringLiteral("--public-key: %1").arg(text.error().message));
        options.publicKeyText = *text;
    }
    if (parser.isSet(kAttackerKey)) {
        Result<QByteArray> data = InputReader::readFile(parser.value(kAttackerKey));
        if (!data)
            return usageError(QStringLiteral("--attacker-key: %1").arg(data.error().message));
        Result<KeySet> keys = loadKeys(*data);
        wipe(*data);
        if (!keys || keys->isEmpty())
            return usageError(QStringLiteral("--attacker-key: %1")
                                  .arg(keys ? QStringLiteral("no usable key") : keys.error().toString()));
        options.attackerKey = keys->keys.front();
    }
    if (parser.positionalArguments().size() > 1)
        return usageError(
            QStringLiteral("expected one token, got %1 arguments").arg(parser.positionalArguments().size()));

    std::expected<IntakeResult, ExitCode> intake = readToken(parser.positionalArguments());
    if (!intake)
        return intake.error();
    Result<ParsedToken> token = parseToken(intake->token);
    if (!token) {
        m_console.error(QStringLiteral("not a token: %1").arg(token.error().toString()));
        return ExitCode::Failure;
    }

    QList<AttackVariant> variants;
    if (all) {
        variants = attackVariants(*token, options);
    } else {
        Result<QList<AttackVariant>> made = makeAttackVariants(*kind, *token, options);
        if (!made) {
            m_console.error(QStringLiteral("%1 does not apply: %2").arg(variantName, made.error().message));
            return ExitCode::Failure;
        }
        variants = *made;
    }
    if (variants.isEmpty()) {
        m_console.error(QStringLiteral("no attack variant applies to this token"));
        return ExitCode::Failure;
    }

    if (json) {
        JsonWriter out;
        out.beginObject();
        out.member(u"command", name());
        out.key(u"variants");
        out.beginArray();
        for (const AttackVariant& v : std::as_const(variants)) {
            out.beginObject();
            out.member(u"variant", v.name);
            out.member(u"label", v.label);
            out.member(u"attack", v.attackId);
            out.member(u"explanation", v.explanation);
            out.member(u"token", QString::fromUtf8(v.token));
            if (v.companion.isEmpty()) {
                out.memberNull(u"companion");
            } else {
                out.key(u"companion").raw(v.companion); // a JWK or JWK Set, already JSON
                out.member(u"companionNote", v.companionNote);
            }
            out.endObject();
        }
        out.endArray();
        out.endObject();
        m_console.write(out.text());
        m_console.printLine();
        return ExitCode::Ok;
    }

    // Labels as "#" lines, tokens alone on theirs, so `grep -v '^#'` leaves only tokens.
    for (const AttackVariant& v : std::as_const(variants)) {
        m_console.printLine(QStringLiteral("# %1 [%2] (%3)").arg(v.label, v.attackId, v.name));
        m_console.printLine(QStringLiteral("# %1").arg(v.explanation));
        m_console.write(v.token);
        m_console.printLine();
        if (!v.companion.isEmpty()) {
            m_console.printLine(QStringLiteral("# companion: %1").arg(v.companionNote));
            m_console.printLine(QStringLiteral("# %1").arg(QString::fromUtf8(v.companion)));
        }
    }
    return ExitCode::Ok;
}

} // namespace assay::cli
