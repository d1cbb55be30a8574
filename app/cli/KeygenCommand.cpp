// SPDX-License-Identifier: Apache-2.0
#include "KeygenCommand.h"

#include "Console.h"
#include "KeyInput.h"
#include "KeyMetadataArguments.h"
#include "KeyOutput.h"

#include "encoding/JsonWriter.h"
#include "jwk/KeyExport.h"
#include "jwk/KeyGenerator.h"
#include "jwk/SecretText.h"

#include <QCommandLineParser>

namespace assay::cli {

namespace {

const QString kType = QStringLiteral("type");
const QString kBits = QStringLiteral("bits");
const QString kCurve = QStringLiteral("curve");
const QString kFormat = QStringLiteral("format");
const QString kOut = QStringLiteral("out");
const QString kPublicOut = QStringLiteral("public-out");
const QString kPassphraseFile = QStringLiteral("passphrase-file");
const QString kKdf = QStringLiteral("kdf");
const QString kJson = QStringLiteral("json");

std::optional<KeyType> parseType(const QString& text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("oct") || t == QLatin1String("hmac"))
        return KeyType::Oct;
    if (t == QLatin1String("rsa"))
        return KeyType::RSA;
    if (t == QLatin1String("ec"))
        return KeyType::EC;
    if (t == QLatin1String("okp"))
        return KeyType::OKP;
    return std::nullopt;
}

std::optional<Curve> parseCurve(const QString& text)
{
    for (Curve c : {Curve::P256, Curve::P384, Curve::P521, Curve::Secp256k1, Curve::Ed25519, Curve::Ed448,
                    Curve::X25519, Curve::X448}) {
        if (curveName(c).compare(text, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

// How the key is written: PEM (PKCS#8 / SPKI), JWK, or for an HMAC secret its raw bytes in a text encoding.
enum class Format
{
    Pem,
    Jwk,
    Hex,
    Base64,
    Base64Url,
};

std::optional<Format> parseFormat(const QString& text)
{
    const QString f = text.toLower();
    if (f == QLatin1String("pem"))
        return Format::Pem;
    if (f == QLatin1String("jwk"))
        return Format::Jwk;
    if (f == QLatin1String("hex"))
        return Format::Hex;
    if (f == QLatin1String("base64"))
        return Format::Base64;
    if (f == QLatin1String("base64url"))
        return Format::Base64Url;
    return std::nullopt;
}

QString formatDescription(Format format, bool encrypted)
{
    switch (format) {
    case Format::Pem:
        return encrypted ? QStringLiteral("encrypted PKCS#8 PEM") : QStringLiteral("PKCS#8 PEM");
    case Format::Jwk:
        return QStringLiteral("JWK");
    case Format::Hex:
        return QStringLiteral("hex");
    case Format::Base64:
        return QStringLiteral("base64");
    case Format::Base64Url:
        return QStringLiteral("base64url");
    }
    return {};
}

SecureBytes withLineBreak(SecureBytes bytes)
{
    if (!KeyOutput::needsLineBreak(bytes.view()))
        return bytes;
    QByteArray copy(bytes.view().data(), bytes.view().size());
    copy += '\n';
    SecureBytes out(copy);
    wipe(copy);
    return out;
}

} // namespace

KeygenCommand::KeygenCommand(const Console& console)
    : Command(console)
{
}

QString KeygenCommand::name() const
{
    return QStringLiteral("keygen");
}

QString KeygenCommand::summary() const
{
    return QStringLiteral("Generate a key: HMAC secret, RSA, EC or OKP.");
}

void KeygenCommand::setUp(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(
        summary() +
        QStringLiteral(
            "\nThe private key is written only where --out says: a file (created with mode 0600) or - for standard "
            "output.\nWhen it goes to a file, the public key is printed (or written to --public-out).\n"
            "Defaults: RSA 2048 bits, EC P-256, OKP Ed25519, oct 256 bits; --format jwk.\n"
            "Exit status: 0 generated, 1 generation failed, 2 usage error."));
    parser.addOption(
        QCommandLineOption(kType, QStringLiteral("Key type (required): oct, RSA, EC or OKP."), QStringLiteral("TYPE")));
    parser.addOption(QCommandLineOption(
        kBits, QStringLiteral("RSA modulus size (2048 to 16384) or HMAC secret size (a multiple of 8)."),
        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        kCurve, QStringLiteral("EC: P-256, P-384, P-521, secp256k1; OKP: Ed25519, Ed448, X25519, X448."),
        QStringLiteral("CURVE")));
    parser.addOption(QCommandLineOption(
        kFormat, QStringLiteral("jwk (default) or pem (PKCS#8, public key as SPKI); oct also hex, base64, base64url."),
        QStringLiteral("FORMAT")));
    parser.addOption(QCommandLineOption(
        kOut, QStringLiteral("Where the private key goes (required): FILE (mode 0600) or - for standard output."),
        QStringLiteral("FILE|-")));
    parser.addOption(
        QCommandLineOption(kPublicOut, QStringLiteral("Also write the public key to FILE."), QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kPassphraseFile,
        QStringLiteral("Encrypt the PEM private key (PKCS#8, PBES2 AES-256-CBC) with the passphrase in FILE."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        kKdf, QStringLiteral("Passphrase key derivation: pbkdf2 (HMAC-SHA256, 600000 iterations; default) or scrypt."),
        QStringLiteral("KDF")));
    KeyMetadataArguments::addOptions(parser);
    parser.addOption(QCommandLineOption(
        kJson, QStringLiteral("Print a JSON summary (public JWK, thumbprint, files) instead of the public key.")));
}

ExitCode KeygenCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    if (const std::optional<ExitCode> done = parse(parser, arguments))
        return *done;
    if (const std::optional<ExitCode> repeated =
            rejectRepeated(parser, {kType, kBits, kCurve, kFormat, kOut, kPublicOut, kPassphraseFile, kKdf,
                                    QStringLiteral("kid"), QStringLiteral("alg"), QStringLiteral("use")}))
        return *repeated;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().front()));
    const bool json = parser.isSet(kJson);

    if (!parser.isSet(kType))
        return usageError(QStringLiteral("--type is required: oct, RSA, EC or OKP"));
    const std::optional<KeyType> type = parseType(parser.value(kType));
    if (!type)
        return usageError(QStringLiteral("unknown --type \"%1\": use oct, RSA, EC or OKP").arg(parser.value(kType)));

    Curve curve = Curve::None;
    if (parser.isSet(kCurve)) {
        if (*type == KeyType::Oct || *type == KeyType::RSA)
            return usageError(QStringLiteral("--curve applies to EC and OKP keys only"));
        const std::optional<Curve> parsed = parseCurve(parser.value(kCurve));
        if (!parsed)
            return usageError(QStringLiteral("unknown --curve \"%1\"").arg(parser.value(kCurve)));
        curve = *parsed;
        const bool okpCurve =
            curve == Curve::Ed25519 || curve == Curve::Ed448 || curve == Curve::X25519 || curve == Curve::X448;
        if ((*type == KeyType::OKP) != okpCurve)
            return usageError(
                QStringLiteral("%1 is not a curve for %2 keys").arg(curveName(curve), keyTypeName(*type)));
    } else if (*type == KeyType::EC) {
        curve = Curve::P256;
    } else if (*type == KeyType::OKP) {
        curve = Curve::Ed25519;
    }

    int bits = 0;
    if (parser.isSet(kBits)) {
        if (*type == KeyType::EC || *type == KeyType::OKP)
            return usageError(QStringLiteral("--bits applies to RSA and oct keys; EC and OKP keys take --curve"));
        bool ok = false;
        bits = parser.value(kBits).toInt(&ok);
        if (!ok || bits <= 0)
            return usageError(QStringLiteral("--bits must be a positive number, not \"%1\"").arg(parser.value(kBits)));
    }

    Format format = Format::Jwk;
    if (parser.isSet(kFormat)) {
        const std::optional<Format> parsed = parseFormat(parser.value(kFormat));
        if (!parsed)
            return usageError(QStringLiteral("unknown --format \"%1\"").arg(parser.value(kFormat)));
        format = *parsed;
    }
    const bool rawSecret = format == Format::Hex || format == Format::Base64 || format == Format::Base64Url;
    if (*type == KeyType::Oct && format == Format::Pem)
        return usageError(QStringLiteral("an HMAC secret has no PEM form: use --format jwk, hex, base64 or base64url"));
    if (*type != KeyType::Oct && rawSecret)
        return usageError(QStringLiteral("--format %1 is for HMAC secrets (--type oct)").arg(parser.value(kFormat)));

    const bool encrypt = parser.isSet(kPassphraseFile);
    if (encrypt && format != Format::Pem)
        return usageError(QStringLiteral("--passphrase-file encrypts PEM (PKCS#8) keys; add --format pem"));
    Pkcs8Encryption encryption;
    if (parser.isSet(kKdf)) {
        if (!encrypt)
            return usageError(QStringLiteral("--kdf applies with --passphrase-file only"));
        const QString kdf = parser.value(kKdf).toLower();
        if (kdf == QLatin1String("scrypt"))
            encryption.kdf = PbeKdf::Scrypt;
        else if (kdf != QLatin1String("pbkdf2"))
            return usageError(QStringLiteral("--kdf must be pbkdf2 or scrypt, not \"%1\"").arg(parser.value(kKdf)));
    }

    JwkMetadata metadata;
    if (const QString problem = KeyMetadataArguments::read(parser, KidChoice::Keep, metadata); !problem.isEmpty())
        return usageError(problem);
    const bool setsMetadata = metadata.kidChoice != KidChoice::Keep || metadata.alg || metadata.use;
    if (setsMetadata && format != Format::Jwk)
        return usageError(QStringLiteral("--kid, --kid-thumbprint, --alg and --use are JWK members; add --format jwk"));

    if (!parser.isSet(kOut))
        return usageError(QStringLiteral("say where the private key goes: --out FILE (written with mode 0600) or "
                                         "--out - (standard output)"));
    const QString out = parser.value(kOut);
    const bool privateToStdout = out == QLatin1String("-");
    if (privateToStdout && json)
        return usageError(QStringLiteral("--json prints a summary on standard output; write the key with --out FILE"));
    const QString publicOut = parser.value(kPublicOut);
    if (parser.isSet(kPublicOut)) {
        if (*type == KeyType::Oct)
            return usageError(QStringLiteral("an HMAC secret has no public part; --public-out does not apply"));
        if (publicOut == out)
            return usageError(QStringLiteral("--public-out and --out name the same file"));
    }

    std::optional<SecureBytes> passphrase;
    if (encrypt) {
        auto read = KeyInput(m_console).readPassphrase(parser.value(kPassphraseFile), kPassphraseFile, name());
        if (!read)
            return read.error();
        passphrase = std::move(*read);
    }

    Result<Key> generated = generateKey(*type, curve, bits);
    if (!generated) {
        if (generated.error().code == ErrorCode::Usage)
            return usageError(generated.error().message);
        m_console.error(generated.error().toString());
        return ExitCode::Failure;
    }
    Result<Key> key = applyMetadata(*generated, metadata);
    if (!key) {
        m_console.error(key.error().toString());
        return ExitCode::Failure;
    }
    if (const QString problem = KeyMetadataArguments::checkAgainstKey(*key); !problem.isEmpty())
        return usageError(problem);

    // The private key, in the chosen form.
    Result<SecureBytes> privateText = [&]() -> Result<SecureBytes> {
        switch (format) {
        case Format::Pem:
            return exportKey(*key, encrypt ? KeyStructure::Pkcs8Encrypted : KeyStructure::Pkcs8, KeyEncoding::Pem,
                             passphrase ? &*passphrase : nullptr, encryption);
        case Format::Jwk:
            return exportJwk(*key, true);
        case Format::Hex:
            return encodeSecret(*key->secret(), SecretEncoding::Hex);
        case Format::Base64:
            return encodeSecret(*key->secret(), SecretEncoding::Base64);
        case Format::Base64Url:
            return encodeSecret(*key->secret(), SecretEncoding::Base64Url);
        }
        return fail(ErrorCode::Internal, QStringLiteral("unknown format"));
    }();
    if (!privateText) {
        m_console.error(privateText.error().toString());
        return ExitCode::Failure;
    }
    SecureBytes privateBytes = withLineBreak(std::move(*privateText));

    QByteArray publicText;
    if (*type != KeyType::Oct) {
        Result<SecureBytes> pub = format == Format::Pem ? exportKey(*key, KeyStructure::Spki, KeyEncoding::Pem)
                                                        : exportJwk(key->publicKey(), false);
        if (!pub) {
            m_console.error(pub.error().toString());
            return ExitCode::Failure;
        }
        publicText = QByteArray(pub->view().data(), pub->view().size());
        if (KeyOutput::needsLineBreak(publicText))
            publicText += '\n';
    }

    const KeyOutput output(m_console);
    if (const ExitCode written = output.write(out, privateBytes.view(), kOut); written != ExitCode::Ok)
        return written;
    if (!privateToStdout)
        m_console.note(QStringLiteral("wrote the %1 to \"%2\" (%3, mode 0600)")
                           .arg(key->description(), out, formatDescription(format, encrypt)));
    if (parser.isSet(kPublicOut)) {
        if (const ExitCode written = output.write(publicOut, publicText, kPublicOut); written != ExitCode::Ok)
            return written;
        m_console.note(QStringLiteral("wrote the public key to \"%1\"").arg(publicOut));
    }

    if (json) {
        JsonWriter j;
        j.beginObject();
        j.member(u"command", name());
        j.memberBool(u"ok", true);
        j.member(u"description", key->description());
        j.member(u"kty", keyTypeName(key->type()));
        if (key->curve() != Curve::None)
            j.member(u"crv", curveName(key->curve()));
        else
            j.memberNull(u"crv");
        j.memberNumber(u"bits", key->bits());
        j.member(u"format", formatDescription(format, encrypt));
        for (const auto& [member, value] :
             {std::pair{u"kid", key->kid()}, std::pair{u"alg", key->alg()}, std::pair{u"use", key->use()}}) {
            if (value.isEmpty())
                j.memberNull(member);
            else
                j.member(member, value);
        }
        j.member(u"thumbprint", key->thumbprint(256).value_or(QString()));
        j.member(u"thumbprintUri", key->thumbprintUri(256).value_or(QString()));
        j.key(u"publicJwk");
        if (*type == KeyType::Oct) {
            j.null();
        } else {
            const Result<QByteArray> pub = key->publicKey().toJwk(false);
            if (pub)
                j.raw(*pub);
            else
                j.null();
        }
        j.member(u"privateKeyFile", out);
        if (parser.isSet(kPublicOut))
            j.member(u"publicKeyFile", publicOut);
        else
            j.memberNull(u"publicKeyFile");
        j.endObject();
        m_console.write(j.text());
        m_console.printLine();
    } else if (!privateToStdout && !parser.isSet(kPublicOut) && !publicText.isEmpty()) {
        m_console.write(publicText);
    }
    return ExitCode::Ok;
}

} // namespace assay::cli
