// SPDX-License-Identifier: Apache-2.0
// Test driver for interop_encrypted_jwk.py: exposes jwe/EncryptedJwk.h to the script (assay-cli has no command for
// writing encrypted key files; the key window is its user). Not installed.
//
//   assay-interop-encrypted-jwk encrypt ALG ENC P2C single|set PASSPHRASE_FILE KEY_FILE   -> compact JWE on stdout
//   assay-interop-encrypted-jwk decrypt PASSPHRASE_FILE JWE_FILE                          -> JWK Set (private) on
//   stdout
//
// The passphrase file is used byte for byte. Exit status: 0 done, 1 refused (the error code on stderr), 2 usage.
#include "crypto/SecureBytes.h"
#include "jwe/EncryptedJwk.h"
#include "jwk/KeyExport.h"
#include "jwk/KeyLoader.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdio>

using namespace assay;

namespace {

QByteArray readFile(const char* path, bool& ok)
{
    QFile f(QString::fromLocal8Bit(path));
    ok = f.open(QIODevice::ReadOnly);
    return ok ? f.readAll() : QByteArray();
}

int refused(const Error& e)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(errorCodeName(e.code)), qPrintable(e.toString()));
    return 1;
}

int usage()
{
    std::fprintf(stderr, "usage: encrypt ALG ENC P2C single|set PASSPHRASE_FILE KEY_FILE | decrypt PASSPHRASE_FILE "
                         "JWE_FILE | load PASSPHRASE_FILE|- FILE\n");
    return 2;
}

int encrypt(char** argv)
{
    EncryptedJwkOptions options;
    const auto alg = pbes2AlgorithmFromName(QString::fromLatin1(argv[2]));
    const auto enc = contentEncryptionFromName(QString::fromLatin1(argv[3]));
    bool numeric = false;
    options.iterations = QByteArray(argv[4]).toInt(&numeric);
    if (!alg || !enc || !numeric)
        return usage();
    options.algorithm = *alg;
    options.encryption = *enc;
    options.singleJwk = QByteArray(argv[5]) == "single";
    bool ok = false;
    QByteArray pass = readFile(argv[6], ok);
    if (!ok)
        return usage();
    const SecureBytes passphrase(pass);
    wipe(pass);
    QByteArray keyText = readFile(argv[7], ok);
    if (!ok)
        return usage();
    const auto keys = loadKeys(keyText);
    wipe(keyText);
    if (!keys)
        return refused(keys.error());
    const auto compact = encryptJwkSet(keys->keys, passphrase, options);
    if (!compact)
        return refused(compact.error());
    std::fwrite(compact->constData(), 1, static_cast<std::size_t>(compact->size()), stdout);
    std::fputc('\n', stdout);
    return 0;
}

// decrypt: decryptJwkSet(); load: loadKeys(), the entry point every key input of the CLI and the window uses.
int decrypt(char** argv, bool viaLoadKeys)
{
    bool ok = true;
    const bool withPassphrase = QByteArray(argv[2]) != "-";
    QByteArray pass = withPassphrase ? readFile(argv[2], ok) : QByteArray();
    if (!ok)
        return usage();
    const SecureBytes passphrase(pass);
    wipe(pass);
    const QByteArray jwe = readFile(argv[3], ok);
    if (!ok)
        return usage();
    const auto set =
        viaLoadKeys ? loadKeys(jwe, withPassphrase ? &passphrase : nullptr) : decryptJwkSet(jwe, passphrase);
    if (!set)
        return refused(set.error());
    const auto jwks = exportJwks(set->keys, true);
    if (!jwks)
        return refused(jwks.error());
    std::fwrite(jwks->data(), 1, jwks->size(), stdout);
    std::fputc('\n', stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 8 && QByteArray(argv[1]) == "encrypt")
        return encrypt(argv);
    if (argc == 4 && QByteArray(argv[1]) == "decrypt")
        return decrypt(argv, false);
    if (argc == 4 && QByteArray(argv[1]) == "load")
        return decrypt(argv, true);
    return usage();
}
