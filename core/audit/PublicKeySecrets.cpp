// SPDX-License-Identifier: Apache-2.0
#include "audit/PublicKeySecrets.h"

#include "jwk/KeyExport.h"

namespace assay {
namespace {

void add(QList<PublicKeySpelling>& list, QString name, QByteArray bytes)
{
    if (bytes.isEmpty())
        return;
    for (const auto& s : std::as_const(list)) {
        if (s.bytes == bytes)
            return;
    }
    list.append({std::move(name), std::move(bytes)});
}

QByteArray exported(const Key& key, KeyStructure structure, KeyEncoding encoding)
{
    auto out = exportKey(key, structure, encoding);
    return out ? out->view().toByteArray() : QByteArray();
}

QByteArray withoutFinalNewlines(QByteArray text)
{
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    return text;
}

QByteArray withCrlf(const QByteArray& text)
{
    QByteArray out = text;
    out.replace("\r\n", "\n");
    out.replace("\n", "\r\n");
    return out;
}

void addPem(QList<PublicKeySpelling>& list, const QString& what, const QByteArray& pem)
{
    if (pem.isEmpty())
        return;
    const QByteArray bare = withoutFinalNewlines(pem);
    add(list, what, pem);
    add(list, what + QStringLiteral(" without the final newline"), bare);
    add(list, what + QStringLiteral(" with a final newline"), bare + '\n');
    add(list, what + QStringLiteral(" with CRLF line ends"), withCrlf(bare + '\n'));
}

} // namespace

QList<PublicKeySpelling> publicKeySpellings(const Key& key, QByteArrayView keyText)
{
    QList<PublicKeySpelling> out;
    if (key.isNull() || key.isSymmetric())
        return out;
    const Key pub = key.publicKey();
    if (pub.isNull())
        return out;

    if (!keyText.isEmpty()) {
        // The file the server was configured with is the likeliest secret of all.
        const QByteArray given = keyText.toByteArray();
        add(out, QStringLiteral("the key text as given"), given);
        add(out, QStringLiteral("the key text as given, trimmed"), given.trimmed());
        add(out, QStringLiteral("the key text as given, trimmed, with a final newline"), given.trimmed() + '\n');
    }
    addPem(out, QStringLiteral("SPKI PEM (BEGIN PUBLIC KEY)"), exported(pub, KeyStructure::Spki, KeyEncoding::Pem));
    if (pub.type() == KeyType::RSA)
        addPem(out, QStringLiteral("PKCS#1 PEM (BEGIN RSA PUBLIC KEY)"),
               exported(pub, KeyStructure::Pkcs1Public, KeyEncoding::Pem));
    add(out, QStringLiteral("SPKI DER bytes"), exported(pub, KeyStructure::Spki, KeyEncoding::Der));
    if (pub.type() == KeyType::RSA)
        add(out, QStringLiteral("PKCS#1 DER bytes"), exported(pub, KeyStructure::Pkcs1Public, KeyEncoding::Der));
    if (auto jwk = pub.toJwk(false))
        add(out, QStringLiteral("the public JWK as JSON"), *jwk);
    // RFC 7638 section 3.2: required members only, in lexicographic order, no whitespace (what toJwk writes first).
    if (auto canonical = pub.withMetadata({}, {}, {}).toJwk(false))
        add(out, QStringLiteral("the public JWK's RFC 7638 canonical JSON"), *canonical);
    return out;
}

} // namespace assay
