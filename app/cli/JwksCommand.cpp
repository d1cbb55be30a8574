// SPDX-License-Identifier: Apache-2.0
#include "JwksCommand.h"

#include "Console.h"
#include "KeyInput.h"
#include "KeyOutput.h"

#include "encoding/JsonWriter.h"
#include "jwk/KeyExport.h"

#include <QCommandLineParser>

#include <algorithm>

namespace assay::cli {

namespace {

const QString kPrivate = QStringLiteral("private");
const QString kSelectKid = QStringLiteral("select-kid");
const QString kPassphraseFile = QStringLiteral("passphrase-file");
const QString kOut = QStringLiteral("out");
const QString kJson = QStringLiteral("json");

} // namespace

JwksCommand::JwksCommand(const Console& console)
    : Command(console)
{
}

QString JwksCommand::name() const
{
    return QStringLiteral("jwks");
}

QString JwksCommand::summary() const
{
    return QStringLiteral("Build a JWK Set from key files, or pick one key from a set by kid.");
}

void JwksCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nEach KEY may be PEM, DER, JWK or JWKS and may hold several keys; all go into the set, in "
                       "order.\nPublic members only unless --private. Keys without a kid get their RFC 7638 SHA-256 "
                       "thumbprint as kid.\nTwo keys of one type with the same kid are refused.\nExit status: 0 "
                       "written, 1 a key did not load / duplicate kid / kid not found, 2 usage error."));
    parser.addOption(QCommandLineOption(
        kPrivate, QStringLiteral("Include private members (and HMAC secrets, which are nothing but private).")));
    parser.addOption(QCommandLineOption(kSelectKid, QStringLiteral("Print only the key with this kid (as one JWK)."),
                                        QStringLiteral("KID")));
    parser.addOption(QCommandLineOption(kPassphraseFile,
                                        QStringLiteral("Passphrase for encrypted private keys, read from FILE."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kOut, QStringLiteral("Write to FILE (mode 0600) instead of standard output."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kJson,
        QStringLiteral("Print {\"command\":\"jwks\",\"ok\":...,\"keys\":N,\"jwks\":SET} instead of the bare set.")));
    parser.addPositionalArgument(QStringLiteral("keys"),
                                 QStringLiteral("Key files, @FILE, - (standard input, once), or key text."),
                                 QStringLiteral("KEY..."));
}

ExitCode JwksCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated = rejectRepeated(parser, {kSelectKid, kPassphraseFile, kOut}))
        return *repeated;
    const bool json = parser.isSet(kJson);
    const bool includePrivate = parser.isSet(kPrivate);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no key given: pass one or more KEY files (or - for standard input)"));
    if (positional.count(QStringLiteral("-")) > 1)
        return usageError(QStringLiteral("standard input (-) can be read only once"));
    if (parser.isSet(kSelectKid) && parser.value(kSelectKid).isEmpty())
        return usageError(QStringLiteral("--select-kid must not be empty"));

    const KeyInput input(m_console);
    std::optional<SecureBytes> passphrase;
    if (parser.isSet(kPassphraseFile)) {
        auto read = input.readPassphrase(parser.value(kPassphraseFile), kPassphraseFile, name());
        if (!read)
            return read.error();
        passphrase = std::move(*read);
    }

    // Every input is read before anything is loaded, so a usage error never depends on key contents.
    QList<QByteArray> inputs;
    const auto wipeInputs = [&inputs]() {
        for (QByteArray& bytes : inputs)
            wipe(bytes);
    };
    for (const QString& argument : positional) {
        auto bytes = input.read(argument, name());
        if (!bytes) {
            wipeInputs();
            return bytes.error();
        }
        inputs.append(std::move(*bytes));
    }
    QList<Key> keys;
    QStringList setProblems;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        auto set = input.load(inputs[i], passphrase ? &*passphrase : nullptr,
                              QStringLiteral("KEY %1 (\"%2\")").arg(i + 1).arg(positional.at(i).left(60)));
        wipe(inputs[i]);
        if (!set) {
            wipeInputs();
            return set.error();
        }
        setProblems += set->problems;
        for (const Key& key : std::as_const(set->keys)) {
            Result<Key> withKid = applyMetadata(key, JwkMetadata{});
            if (!withKid) {
                m_console.error(withKid.error().toString());
                wipeInputs();
                return ExitCode::Failure;
            }
            keys.append(std::move(*withKid));
        }
    }

    Result<SecureBytes> result = fail(ErrorCode::Internal, QString());
    if (parser.isSet(kSelectKid)) {
        const QString kid = parser.value(kSelectKid);
        QList<Key> matches;
        for (const Key& key : std::as_const(keys)) {
            if (key.kid() == kid)
                matches.append(key);
        }
        if (matches.isEmpty()) {
            QStringList kids;
            for (const Key& key : std::as_const(keys))
                kids.append(QLatin1Char('"') + key.kid() + QLatin1Char('"'));
            m_console.error(QStringLiteral("no key has the kid \"%1\" (the kids are %2)")
                                .arg(kid, kids.join(QStringLiteral(", "))));
            return ExitCode::Failure;
        }
        // A kid that the set gives twice is ambiguous even when one of the two did not load (KeySet::problems
        // counts skipped members too): another verifier may load the other one.
        const QString duplicate = QStringLiteral("duplicate kid \"%1\"").arg(kid);
        const bool listedTwice = std::any_of(setProblems.cbegin(), setProblems.cend(),
                                             [&duplicate](const QString& p) { return p.startsWith(duplicate); });
        if (matches.size() > 1 || listedTwice) {
            m_console.error(QStringLiteral("the kid \"%1\" is given to more than one key; selection by kid is "
                                           "ambiguous")
                                .arg(kid));
            return ExitCode::Failure;
        }
        const Key& chosen = matches.front();
        if (chosen.isSymmetric() && !includePrivate) {
            m_console.error(QStringLiteral("the key \"%1\" is an HMAC secret; printing it needs --private").arg(kid));
            return ExitCode::Failure;
        }
        result = exportJwk(includePrivate && chosen.hasPrivate() ? chosen : chosen.publicKey(),
                           includePrivate && chosen.hasPrivate());
    } else {
        result = exportJwks(keys, includePrivate);
    }
    if (!result) {
        m_console.error(QStringLiteral("%1 (%2)").arg(result.error().message, errorCodeName(result.error().code)));
        return ExitCode::Failure;
    }
    QByteArray buffer(reinterpret_cast<const char*>(result->data()), static_cast<qsizetype>(result->size()));
    if (json) {
        JsonWriter j;
        j.beginObject();
        j.member(u"command", name());
        j.memberBool(u"ok", true);
        j.memberNumber(u"keys", parser.isSet(kSelectKid) ? 1 : keys.size());
        j.key(parser.isSet(kSelectKid) ? u"jwk" : u"jwks");
        j.raw(buffer);
        j.endObject();
        wipe(buffer);
        buffer = j.text() + '\n';
    } else {
        buffer += '\n';
    }
    const QString out = parser.isSet(kOut) ? parser.value(kOut) : QStringLiteral("-");
    const ExitCode written = KeyOutput(m_console).write(out, buffer, kOut);
    wipe(buffer);
    if (written == ExitCode::Ok && out != QLatin1String("-"))
        m_console.note(
            QStringLiteral("wrote %1 to \"%2\" (mode 0600)")
                .arg(parser.isSet(kSelectKid) ? QStringLiteral("the key") : QStringLiteral("%1 keys").arg(keys.size()),
                     out));
    return written;
}

} // namespace assay::cli
