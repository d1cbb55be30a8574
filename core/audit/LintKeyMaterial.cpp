// SPDX-License-Identifier: Apache-2.0
#include "audit/LintKeyMaterial.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"

#include <QtEndian>

namespace assay {

namespace {

std::optional<KeyMaterial> fromLoader(QByteArrayView bytes)
{
    auto keys = loadKeys(bytes);
    if (!keys) {
        if (keys.error().code == ErrorCode::KeyPassphraseRequired || keys.error().code == ErrorCode::KeyPassphraseWrong)
            return KeyMaterial{QStringLiteral("encrypted private key"), true};
        return std::nullopt;
    }
    for (const Key& key : std::as_const(keys->keys)) {
        if (key.isSymmetric())
            continue;
        return KeyMaterial{QStringLiteral("%1, %2").arg(key.description(), keyFormatName(key.format())),
                           key.hasPrivate()};
    }
    return std::nullopt;
}

// "ssh-rsa AAAAB3NzaC1yc2E... user@host": the blob is string(type) || key fields (RFC 4253 section 6.6), so the
// first length-prefixed string of the decoded blob must repeat the type of the line.
std::optional<KeyMaterial> fromOpenSsh(QByteArrayView line)
{
    static const QList<QByteArrayView> types{"ssh-rsa",
                                             "ssh-dss",
                                             "ssh-ed25519",
                                             "ssh-ed448",
                                             "ecdsa-sha2-nistp256",
                                             "ecdsa-sha2-nistp384",
                                             "ecdsa-sha2-nistp521",
                                             "sk-ssh-ed25519@openssh.com",
                                             "sk-ecdsa-sha2-nistp256@openssh.com"};
    // Views into the caller's bytes: nothing of a secret that turns out not to be a key is copied but the base64
    // text, which is wiped below.
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return std::nullopt;
    const QByteArrayView type = line.first(space);
    if (!types.contains(type))
        return std::nullopt;
    QByteArrayView rest = line.sliced(space + 1);
    const qsizetype end = rest.indexOf(' ');
    if (end >= 0)
        rest = rest.first(end);
    QByteArray text = rest.toByteArray();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    wipe(text);
    QByteArray& blob = decoded.decoded;
    const bool ok = decoded && blob.size() >= 4 + type.size() &&
                    qFromBigEndian<quint32>(blob.constData()) == static_cast<quint32>(type.size()) &&
                    QByteArrayView(blob).sliced(4, type.size()) == type;
    wipe(blob);
    if (!ok)
        return std::nullopt;
    return KeyMaterial{QStringLiteral("OpenSSH %1 public key").arg(QString::fromLatin1(type)), false};
}

} // namespace

std::optional<KeyMaterial> describeKeyMaterial(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return std::nullopt;
    if (auto found = fromLoader(bytes))
        return found;
    // Leading or trailing whitespace fooled fast-jwt's PEM check (CVE-2023-48223); it must not fool this one.
    const QByteArrayView trimmed = bytes.trimmed();
    if (trimmed.size() != bytes.size()) {
        if (auto found = fromLoader(trimmed))
            return found;
    }
    return fromOpenSsh(trimmed);
}

} // namespace assay
