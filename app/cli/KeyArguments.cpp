// SPDX-License-Identifier: Apache-2.0
#include "KeyArguments.h"

#include "Console.h"
#include "InputReader.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace assay::cli {

namespace {

const QString kKey = QStringLiteral("key");
const QString kSecret = QStringLiteral("secret");
const QString kSecretFile = QStringLiteral("secret-file");
const QString kSecretEncoding = QStringLiteral("secret-encoding");
const QString kPassphraseFile = QStringLiteral("passphrase-file");

std::unexpected<Error> usage(QString message)
{
    return fail(ErrorCode::Usage, std::move(message), Segment::Key);
}

std::optional<SecretEncoding> parseEncoding(const QString& name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("utf8") || n == QLatin1String("utf-8"))
        return SecretEncoding::Utf8;
    if (n == QLatin1String("base64"))
        return SecretEncoding::Base64;
    if (n == QLatin1String("base64url"))
        return SecretEncoding::Base64Url;
    if (n == QLatin1String("hex"))
        return SecretEncoding::Hex;
    return std::nullopt;
}

// Files written with `echo` or an editor end in a line break that is almost never part of the secret.
bool stripTrailingLineBreak(QByteArray& bytes)
{
    bool stripped = false;
    while (bytes.endsWith('\n') || bytes.endsWith('\r')) {
        bytes.chop(1);
        stripped = true;
    }
    return stripped;
}

Result<SecureBytes> readPassphrase(const QString& path, const Console& console)
{
    Result<QByteArray> bytes = InputReader::readFile(path);
    if (!bytes)
        return usage(QStringLiteral("--passphrase-file: %1").arg(bytes.error().message));
    if (stripTrailingLineBreak(*bytes))
        console.note(QStringLiteral("removed the trailing line break from the passphrase file"));
    SecureBytes passphrase(*bytes);
    wipe(*bytes);
    return passphrase;
}

Result<KeySet> loadKeyFile(const QCommandLineParser& parser, const Console& console, KeyArguments::Material* material)
{
    const QString path = parser.value(kKey);
    Result<QByteArray> data = InputReader::readFile(path);
    if (!data)
        return usage(QStringLiteral("--key: %1").arg(data.error().message));

    std::optional<SecureBytes> passphrase;
    if (parser.isSet(kPassphraseFile)) {
        Result<SecureBytes> read = readPassphrase(parser.value(kPassphraseFile), console);
        if (!read) {
            wipe(*data);
            return fail(read.error());
        }
        passphrase = std::move(*read);
    }

    Result<KeySet> keys = loadKeys(*data, passphrase ? &*passphrase : nullptr);
    if (keys && material != nullptr) {
        // Forensics tries a public key file's text as an HMAC secret (algorithm confusion); a file that holds
        // anything secret is not kept.
        bool onlyPublic = true;
        for (const Key& key : keys->keys)
            onlyPublic = onlyPublic && !key.hasPrivate();
        if (onlyPublic)
            material->publicKeyText = *data;
    }
    wipe(*data);
    if (!keys) {
        Error e = keys.error();
        QString message = QStringLiteral("--key \"%1\": %2").arg(path, e.toString());
        if (e.code == ErrorCode::KeyPassphraseRequired)
            message += QStringLiteral("; give it with --passphrase-file FILE");
        e.message = message;
        e.detail.clear();
        e.code = e.code == ErrorCode::Internal ? ErrorCode::KeyParse : e.code;
        e.segment = Segment::None; // the location is already inside the message
        e.offset = -1;
        e.line = e.column = 0;
        return fail(std::move(e));
    }
    for (const QString& skipped : keys->skipped)
        console.note(QStringLiteral("--key \"%1\": skipped %2").arg(path, skipped));
    for (const QString& problem : keys->problems)
        console.note(QStringLiteral("--key \"%1\": %2").arg(path, problem));
    if (keys->isEmpty())
        return usage(QStringLiteral("--key \"%1\": the file holds no usable key").arg(path));
    return keys;
}

Result<KeySet> loadSecret(QByteArray& secret, SecretEncoding encoding, const QString& option,
                          KeyArguments::Material* material)
{
    if (material != nullptr) {
        material->secretText = SecureBytes(secret);
        material->secretEncoding = encoding;
    }
    Result<Key> key = keyFromSecret(secret, encoding);
    wipe(secret);
    if (!key) {
        Error e = key.error();
        e.message = QStringLiteral("%1: %2").arg(option, e.message);
        e.segment = Segment::None;
        return fail(std::move(e));
    }
    KeySet set;
    set.keys.append(std::move(*key));
    return set;
}

} // namespace

void KeyArguments::addOptions(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(
        kKey, QStringLiteral("Key file: PEM, DER, JWK or JWKS (detected automatically)."), QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kSecret, QStringLiteral("HMAC secret as text (visible in the process list: prefer --secret-file)."),
        QStringLiteral("TEXT")));
    parser.addOption(QCommandLineOption(
        kSecretFile, QStringLiteral("HMAC secret read from FILE (trailing line breaks are removed)."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kSecretEncoding,
                                        QStringLiteral("How the secret is written: utf8 (default), base64, "
                                                       "base64url or hex."),
                                        QStringLiteral("ENCODING")));
    parser.addOption(QCommandLineOption(kPassphraseFile,
                                        QStringLiteral("Passphrase for an encrypted PKCS#8 key file, read from FILE."),
                                        QStringLiteral("FILE")));
}

Result<KeySet> KeyArguments::load(const QCommandLineParser& parser, const Console& console, Material* material)
{
    const int sources = int(parser.isSet(kKey)) + int(parser.isSet(kSecret)) + int(parser.isSet(kSecretFile));
    if (sources == 0)
        return usage(QStringLiteral("no key given: use --key FILE, --secret TEXT or --secret-file FILE"));
    if (sources > 1)
        return usage(QStringLiteral("give only one of --key, --secret and --secret-file"));
    if (parser.values(kKey).size() > 1 || parser.values(kSecret).size() > 1 || parser.values(kSecretFile).size() > 1)
        return usage(QStringLiteral("give the key option only once"));

    if (parser.isSet(kKey)) {
        if (parser.isSet(kSecretEncoding))
            return usage(QStringLiteral("--secret-encoding applies to --secret and --secret-file, not to --key"));
        return loadKeyFile(parser, console, material);
    }
    if (parser.isSet(kPassphraseFile))
        return usage(QStringLiteral("--passphrase-file applies to --key only"));

    SecretEncoding encoding = SecretEncoding::Utf8;
    if (parser.isSet(kSecretEncoding)) {
        const std::optional<SecretEncoding> parsed = parseEncoding(parser.value(kSecretEncoding));
        if (!parsed) {
            return usage(QStringLiteral("unknown --secret-encoding \"%1\": use utf8, base64, base64url or hex")
                             .arg(parser.value(kSecretEncoding)));
        }
        encoding = *parsed;
    }

    if (parser.isSet(kSecret)) {
        QByteArray secret = parser.value(kSecret).toUtf8();
        return loadSecret(secret, encoding, QStringLiteral("--secret"), material);
    }

    const QString path = parser.value(kSecretFile);
    Result<QByteArray> secret = InputReader::readFile(path);
    if (!secret)
        return usage(QStringLiteral("--secret-file: %1").arg(secret.error().message));
    if (stripTrailingLineBreak(*secret))
        console.note(QStringLiteral("removed the trailing line break from the secret file"));
    return loadSecret(*secret, encoding, QStringLiteral("--secret-file \"%1\"").arg(path), material);
}

} // namespace assay::cli
