// SPDX-License-Identifier: Apache-2.0
#include "KeyThumbprintCommand.h"

#include "Console.h"
#include "KeyInput.h"
#include "encoding/JsonWriter.h"

#include <QCommandLineParser>

namespace assay::cli {

namespace {

const QString kHash = QStringLiteral("hash");
const QString kUri = QStringLiteral("uri");
const QString kPassphraseFile = QStringLiteral("passphrase-file");
const QString kJson = QStringLiteral("json");

} // namespace

KeyThumbprintCommand::KeyThumbprintCommand(const Console& console)
    : Command(console)
{
}

QString KeyThumbprintCommand::name() const
{
    return QStringLiteral("thumbprint");
}

QString KeyThumbprintCommand::path() const
{
    return QStringLiteral("key ") + name();
}

QString KeyThumbprintCommand::summary() const
{
    return QStringLiteral("Print the RFC 7638 thumbprint (or RFC 9278 URI) of each key.");
}

void KeyThumbprintCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() + QStringLiteral("\nOne line per key, in input order. The thumbprint covers the key's required JWK "
                                   "members only (kid, alg and use do not change it).\nExit status: 0 printed, 1 a key "
                                   "did not load, 2 usage error."));
    parser.addOption(
        QCommandLineOption(kHash, QStringLiteral("sha256 (default), sha384 or sha512."), QStringLiteral("HASH")));
    parser.addOption(QCommandLineOption(
        kUri, QStringLiteral("Print the RFC 9278 URI (urn:ietf:params:oauth:jwk-thumbprint:sha-256:...).")));
    parser.addOption(QCommandLineOption(kPassphraseFile,
                                        QStringLiteral("Passphrase for an encrypted private key, read from FILE."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print one JSON object instead of text.")));
    parser.addPositionalArgument(QStringLiteral("key"),
                                 QStringLiteral("Key file, @FILE, - for standard input, or the key text. Default: "
                                                "standard input."),
                                 QStringLiteral("[KEY|-|@FILE]"));
}

ExitCode KeyThumbprintCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated = rejectRepeated(parser, {kHash, kPassphraseFile}))
        return *repeated;
    const bool json = parser.isSet(kJson);
    int bits = 256;
    if (parser.isSet(kHash)) {
        const QString hash = parser.value(kHash).toLower().remove(QLatin1Char('-'));
        if (hash == QLatin1String("sha256"))
            bits = 256;
        else if (hash == QLatin1String("sha384"))
            bits = 384;
        else if (hash == QLatin1String("sha512"))
            bits = 512;
        else
            return usageError(
                QStringLiteral("--hash must be sha256, sha384 or sha512, not \"%1\"").arg(parser.value(kHash)));
    }

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
    auto keys = input.load(*bytes, passphrase ? &*passphrase : nullptr, QStringLiteral("KEY"));
    wipe(*bytes);
    if (!keys)
        return keys.error();

    JsonWriter j;
    if (json) {
        j.beginObject();
        j.member(u"command", path());
        j.member(u"hash", QStringLiteral("sha-%1").arg(bits));
        j.key(u"keys");
        j.beginArray();
    }
    for (const Key& key : std::as_const(keys->keys)) {
        Result<QString> thumbprint = key.thumbprint(bits);
        Result<QString> uri = key.thumbprintUri(bits);
        if (!thumbprint || !uri) {
            m_console.error((!thumbprint ? thumbprint.error() : uri.error()).toString());
            return ExitCode::Failure;
        }
        if (json) {
            j.beginObject();
            if (key.kid().isEmpty())
                j.memberNull(u"kid");
            else
                j.member(u"kid", key.kid());
            j.member(u"description", key.description());
            j.member(u"thumbprint", *thumbprint);
            j.member(u"uri", *uri);
            j.endObject();
        } else {
            m_console.printLine(parser.isSet(kUri) ? *uri : *thumbprint);
        }
    }
    const bool complete = keys->skipped.isEmpty();
    if (json) {
        j.endArray();
        j.key(u"skipped").stringList(keys->skipped);
        j.memberBool(u"ok", complete);
        j.endObject();
        m_console.write(j.text());
        m_console.printLine();
    }
    if (!complete)
        m_console.error(QStringLiteral("%1 key(s) in the input did not load; their thumbprints are missing")
                            .arg(keys->skipped.size()));
    return complete ? ExitCode::Ok : ExitCode::Failure;
}

} // namespace assay::cli
