// SPDX-License-Identifier: Apache-2.0
#include "KeyConvertCommand.h"

#include "Console.h"
#include "KeyInput.h"
#include "KeyMetadataArguments.h"
#include "KeyOutput.h"

#include "encoding/JsonWriter.h"
#include "jwk/KeyExport.h"

#include <QCommandLineParser>

namespace assay::cli {

namespace {

const QString kTo = QStringLiteral("to");
const QString kEncrypt = QStringLiteral("encrypt");
const QString kPassphraseFile = QStringLiteral("passphrase-file");
const QString kNewPassphraseFile = QStringLiteral("new-passphrase-file");
const QString kKdf = QStringLiteral("kdf");
const QString kOut = QStringLiteral("out");
const QString kJson = QStringLiteral("json");

enum class TargetKind
{
    Structured, // PEM or DER
    Jwk,
    JwkPrivate,
    Jwks,
    JwksPrivate,
};

struct Target
{
    const char* name;
    TargetKind kind;
    KeyStructure structure;
    KeyEncoding encoding;
};

constexpr Target kTargets[] = {
    {"pem-spki", TargetKind::Structured, KeyStructure::Spki, KeyEncoding::Pem},
    {"pem-pkcs1", TargetKind::Structured, KeyStructure::Pkcs1Private, KeyEncoding::Pem},
    {"pem-pkcs1-public", TargetKind::Structured, KeyStructure::Pkcs1Public, KeyEncoding::Pem},
    {"pem-pkcs8", TargetKind::Structured, KeyStructure::Pkcs8, KeyEncoding::Pem},
    {"pem-sec1", TargetKind::Structured, KeyStructure::Sec1, KeyEncoding::Pem},
    {"der-spki", TargetKind::Structured, KeyStructure::Spki, KeyEncoding::Der},
    {"der-pkcs1", TargetKind::Structured, KeyStructure::Pkcs1Private, KeyEncoding::Der},
    {"der-pkcs1-public", TargetKind::Structured, KeyStructure::Pkcs1Public, KeyEncoding::Der},
    {"der-pkcs8", TargetKind::Structured, KeyStructure::Pkcs8, KeyEncoding::Der},
    {"der-sec1", TargetKind::Structured, KeyStructure::Sec1, KeyEncoding::Der},
    {"jwk", TargetKind::Jwk, KeyStructure::Spki, KeyEncoding::Pem},
    {"jwk-private", TargetKind::JwkPrivate, KeyStructure::Spki, KeyEncoding::Pem},
    {"jwks", TargetKind::Jwks, KeyStructure::Spki, KeyEncoding::Pem},
    {"jwks-private", TargetKind::JwksPrivate, KeyStructure::Spki, KeyEncoding::Pem},
};

QString targetNames()
{
    QStringList names;
    for (const Target& t : kTargets)
        names.append(QLatin1String(t.name));
    return names.join(QStringLiteral(", "));
}

const Target* findTarget(const QString& name)
{
    for (const Target& t : kTargets) {
        if (name.compare(QLatin1String(t.name), Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

} // namespace

KeyConvertCommand::KeyConvertCommand(const Console& console)
    : Command(console)
{
}

QString KeyConvertCommand::name() const
{
    return QStringLiteral("convert");
}

QString KeyConvertCommand::path() const
{
    return QStringLiteral("key ") + name();
}

QString KeyConvertCommand::summary() const
{
    return QStringLiteral("Write a key as PEM, DER, JWK or JWKS in another structure.");
}

void KeyConvertCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral("\nFORMAT: %1.\n"
                       "pkcs1 is the RSA private key (RSA PRIVATE KEY), pkcs1-public the RSA public key; sec1 is an EC "
                       "private key; pkcs8 with --encrypt is PBES2 AES-256-CBC.\n"
                       "JWK and JWKS output get a kid: the key's own, or its RFC 7638 thumbprint when it has none.\n"
                       "DER is written with --out FILE only. Files are created with mode 0600.\n"
                       "Exit status: 0 converted, 1 the key does not load or cannot take that form, 2 usage error.")
            .arg(targetNames()));
    parser.addOption(
        QCommandLineOption(kTo, QStringLiteral("The output format (required)."), QStringLiteral("FORMAT")));
    parser.addOption(QCommandLineOption(
        kEncrypt, QStringLiteral("Encrypt the PKCS#8 output (pem-pkcs8 or der-pkcs8) with a passphrase.")));
    parser.addOption(QCommandLineOption(
        kPassphraseFile,
        QStringLiteral("Passphrase in FILE: opens an encrypted input, and encrypts the output with --encrypt."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(kNewPassphraseFile,
                                        QStringLiteral("With --encrypt: encrypt with the passphrase in FILE instead."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kKdf, QStringLiteral("With --encrypt: pbkdf2 (HMAC-SHA256, 600000 iterations; default) or scrypt."),
        QStringLiteral("KDF")));
    KeyMetadataArguments::addOptions(parser);
    parser.addOption(QCommandLineOption(kOut, QStringLiteral("Write to FILE (mode 0600) instead of standard output."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kJson, QStringLiteral("Print a JSON object with the converted text (PEM and JWK output only).")));
    parser.addPositionalArgument(QStringLiteral("key"),
                                 QStringLiteral("Key file, @FILE, - for standard input, or the key text."),
                                 QStringLiteral("KEY|-|@FILE"));
}

ExitCode KeyConvertCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated =
            rejectRepeated(parser, {kTo, kPassphraseFile, kNewPassphraseFile, kKdf, kOut, QStringLiteral("kid"),
                                    QStringLiteral("alg"), QStringLiteral("use")}))
        return *repeated;
    const bool json = parser.isSet(kJson);

    if (!parser.isSet(kTo))
        return usageError(QStringLiteral("--to is required: %1").arg(targetNames()));
    const Target* target = findTarget(parser.value(kTo));
    if (target == nullptr)
        return usageError(QStringLiteral("unknown --to \"%1\": use %2").arg(parser.value(kTo), targetNames()));
    const bool structured = target->kind == TargetKind::Structured;
    const bool der = structured && target->encoding == KeyEncoding::Der;
    const QString out = parser.value(kOut);
    if (der && (out.isEmpty() || out == QLatin1String("-")))
        return usageError(QStringLiteral("DER is binary: write it to a file with --out FILE"));
    if (der && json)
        return usageError(QStringLiteral("--json cannot carry DER; write it with --out FILE"));

    const bool encrypt = parser.isSet(kEncrypt);
    KeyStructure structure = target->structure;
    if (encrypt) {
        if (!structured || structure != KeyStructure::Pkcs8)
            return usageError(QStringLiteral("--encrypt applies to pem-pkcs8 and der-pkcs8 only"));
        if (!parser.isSet(kPassphraseFile) && !parser.isSet(kNewPassphraseFile))
            return usageError(QStringLiteral("--encrypt needs --passphrase-file FILE or --new-passphrase-file FILE"));
        structure = KeyStructure::Pkcs8Encrypted;
    } else if (parser.isSet(kNewPassphraseFile) || parser.isSet(kKdf)) {
        return usageError(QStringLiteral("--new-passphrase-file and --kdf apply with --encrypt only"));
    }
    Pkcs8Encryption encryption;
    if (parser.isSet(kKdf)) {
        const QString kdf = parser.value(kKdf).toLower();
        if (kdf == QLatin1String("scrypt"))
            encryption.kdf = PbeKdf::Scrypt;
        else if (kdf != QLatin1String("pbkdf2"))
            return usageError(QStringLiteral("--kdf must be pbkdf2 or scrypt, not \"%1\"").arg(parser.value(kKdf)));
    }

    JwkMetadata metadata;
    if (const QString problem = KeyMetadataArguments::read(parser, KidChoice::ThumbprintIfMissing, metadata);
        !problem.isEmpty())
        return usageError(problem);
    if (structured && KeyMetadataArguments::anySet(parser))
        return usageError(QStringLiteral("--kid, --kid-thumbprint, --alg and --use are JWK members; PEM and DER "
                                         "carry none"));

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(positional.isEmpty()
                              ? QStringLiteral("no key given: pass KEY, - (standard input) or @FILE")
                              : QStringLiteral("expected one key, got %1 arguments").arg(positional.size()));

    const KeyInput input(m_console);
    std::optional<SecureBytes> passphrase;
    if (parser.isSet(kPassphraseFile)) {
        auto read = input.readPassphrase(parser.value(kPassphraseFile), kPassphraseFile, path());
        if (!read)
            return read.error();
        passphrase = std::move(*read);
    }
    std::optional<SecureBytes> newPassphrase;
    if (parser.isSet(kNewPassphraseFile)) {
        auto read = input.readPassphrase(parser.value(kNewPassphraseFile), kNewPassphraseFile, path());
        if (!read)
            return read.error();
        newPassphrase = std::move(*read);
    }
    auto bytes = input.read(positional.front(), path());
    if (!bytes)
        return bytes.error();
    auto keys = input.load(*bytes, passphrase ? &*passphrase : nullptr, QStringLiteral("KEY"));
    wipe(*bytes);
    if (!keys)
        return keys.error();

    const bool set = target->kind == TargetKind::Jwks || target->kind == TargetKind::JwksPrivate;
    if (!set && keys->keys.size() != 1) {
        m_console.error(QStringLiteral("the input holds %1 keys; convert writes one (use --to jwks, or "
                                       "\"assay-cli jwks --select-kid KID\" to pick one)")
                            .arg(keys->keys.size()));
        return ExitCode::Failure;
    }
    if (set && metadata.kidChoice == KidChoice::Value && keys->keys.size() > 1)
        return usageError(QStringLiteral("--kid names one key, and the input holds %1").arg(keys->keys.size()));

    QList<Key> converted;
    for (const Key& key : std::as_const(keys->keys)) {
        Result<Key> withMetadata = structured ? Result<Key>(key) : applyMetadata(key, metadata);
        if (!withMetadata) {
            m_console.error(withMetadata.error().toString());
            return ExitCode::Failure;
        }
        if (metadata.alg || metadata.use) {
            if (const QString problem = KeyMetadataArguments::checkAgainstKey(*withMetadata); !problem.isEmpty())
                return usageError(problem);
        }
        converted.append(std::move(*withMetadata));
    }

    // An oct key's "public" JWK would be the secret itself: refuse rather than print the secret unasked.
    if (target->kind == TargetKind::Jwk && converted.front().isSymmetric()) {
        m_console.error(QStringLiteral("an HMAC secret has no public JWK; its JWK is the secret itself: use --to "
                                       "jwk-private"));
        return ExitCode::Failure;
    }

    const SecureBytes* encryptWith = newPassphrase ? &*newPassphrase : passphrase ? &*passphrase : nullptr;
    Result<SecureBytes> result = [&]() -> Result<SecureBytes> {
        switch (target->kind) {
        case TargetKind::Structured:
            return exportKey(converted.front(), structure, target->encoding, encrypt ? encryptWith : nullptr,
                             encryption);
        case TargetKind::Jwk:
            return exportJwk(converted.front().publicKey(), false);
        case TargetKind::JwkPrivate:
            return exportJwk(converted.front(), true);
        case TargetKind::Jwks:
            return exportJwks(converted, false);
        case TargetKind::JwksPrivate:
            return exportJwks(converted, true);
        }
        return fail(ErrorCode::Internal, QStringLiteral("unknown target"));
    }();
    if (!result) {
        const Error& e = result.error();
        if (e.code == ErrorCode::Usage)
            return usageError(e.message);
        QString message = QStringLiteral("cannot write the key as %1: %2 (%3)")
                              .arg(QLatin1String(target->name), e.message, errorCodeName(e.code));
        m_console.error(message);
        return ExitCode::Failure;
    }
    SecureBytes text = std::move(*result);
    const bool textual = !der;
    QByteArray buffer(reinterpret_cast<const char*>(text.data()), static_cast<qsizetype>(text.size()));
    if (textual && KeyOutput::needsLineBreak(buffer))
        buffer += '\n';
    if (json) {
        JsonWriter j;
        j.beginObject();
        j.member(u"command", path());
        j.memberBool(u"ok", true);
        j.member(u"format", QString::fromLatin1(target->name));
        j.memberNumber(u"keys", converted.size());
        if (out.isEmpty() || out == QLatin1String("-")) {
            j.member(u"output", QString::fromUtf8(buffer));
            j.memberNull(u"file");
        } else {
            j.memberNull(u"output");
            j.member(u"file", out);
        }
        j.endObject();
        if (!out.isEmpty() && out != QLatin1String("-")) {
            if (const ExitCode written = KeyOutput(m_console).write(out, buffer, kOut); written != ExitCode::Ok) {
                wipe(buffer);
                return written;
            }
        }
        wipe(buffer);
        m_console.write(j.text());
        m_console.printLine();
        return ExitCode::Ok;
    }
    const ExitCode written = KeyOutput(m_console).write(out.isEmpty() ? QStringLiteral("-") : out, buffer, kOut);
    wipe(buffer);
    if (written == ExitCode::Ok && !out.isEmpty() && out != QLatin1String("-"))
        m_console.note(QStringLiteral("wrote %1 to \"%2\" (mode 0600)").arg(QLatin1String(target->name), out));
    return written;
}

} // namespace assay::cli
