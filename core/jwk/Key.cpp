// SPDX-License-Identifier: Apache-2.0
#include "jwk/Key.h"

#include "crypto/detail/KeyData.h"
#include "crypto/detail/KeyInspect.h"

#include <openssl/err.h>

namespace assay {

QString keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::Oct:
        return QStringLiteral("oct");
    case KeyType::RSA:
        return QStringLiteral("RSA");
    case KeyType::EC:
        return QStringLiteral("EC");
    case KeyType::OKP:
        return QStringLiteral("OKP");
    }
    return {};
}

QString curveName(Curve curve)
{
    switch (curve) {
    case Curve::None:
        return {};
    case Curve::P256:
        return QStringLiteral("P-256");
    case Curve::P384:
        return QStringLiteral("P-384");
    case Curve::P521:
        return QStringLiteral("P-521");
    case Curve::Secp256k1:
        return QStringLiteral("secp256k1");
    case Curve::Ed25519:
        return QStringLiteral("Ed25519");
    case Curve::Ed448:
        return QStringLiteral("Ed448");
    case Curve::X25519:
        return QStringLiteral("X25519");
    case Curve::X448:
        return QStringLiteral("X448");
    }
    return {};
}

QString keyFormatName(KeyFormat format)
{
    switch (format) {
    case KeyFormat::Secret:
        return QStringLiteral("secret");
    case KeyFormat::Jwk:
        return QStringLiteral("JWK");
    case KeyFormat::PemSpki:
        return QStringLiteral("PEM public key (SPKI)");
    case KeyFormat::PemPkcs1Public:
        return QStringLiteral("PEM RSA public key (PKCS#1)");
    case KeyFormat::PemPkcs1Private:
        return QStringLiteral("PEM RSA private key (PKCS#1)");
    case KeyFormat::PemPkcs8:
        return QStringLiteral("PEM private key (PKCS#8)");
    case KeyFormat::PemPkcs8Encrypted:
        return QStringLiteral("PEM encrypted private key (PKCS#8)");
    case KeyFormat::PemSec1:
        return QStringLiteral("PEM EC private key (SEC 1)");
    case KeyFormat::PemCertificate:
        return QStringLiteral("PEM X.509 certificate");
    case KeyFormat::DerSpki:
        return QStringLiteral("DER public key (SPKI)");
    case KeyFormat::DerPkcs1Public:
        return QStringLiteral("DER RSA public key (PKCS#1)");
    case KeyFormat::DerPkcs1Private:
        return QStringLiteral("DER RSA private key (PKCS#1)");
    case KeyFormat::DerPkcs8:
        return QStringLiteral("DER private key (PKCS#8)");
    case KeyFormat::DerPkcs8Encrypted:
        return QStringLiteral("DER encrypted private key (PKCS#8)");
    case KeyFormat::DerSec1:
        return QStringLiteral("DER EC private key (SEC 1)");
    case KeyFormat::DerCertificate:
        return QStringLiteral("DER X.509 certificate");
    case KeyFormat::Generated:
        return QStringLiteral("generated");
    }
    return {};
}

Key::Key() = default;
Key::~Key() = default;
Key::Key(const Key&) = default;
Key& Key::operator=(const Key&) = default;
Key::Key(Key&&) noexcept = default;
Key& Key::operator=(Key&&) noexcept = default;

Key::Key(std::shared_ptr<detail::KeyData> data)
    : d(std::move(data))
{
}

bool Key::isNull() const
{
    return !d;
}

KeyType Key::type() const
{
    return d ? d->type : KeyType::Oct;
}

Curve Key::curve() const
{
    return d ? d->curve : Curve::None;
}

int Key::bits() const
{
    return d ? d->bits : 0;
}

bool Key::hasPrivate() const
{
    return d && d->hasPrivate;
}

KeyFormat Key::format() const
{
    return d ? d->format : KeyFormat::Jwk;
}

QString Key::kid() const
{
    return d ? d->kid : QString();
}

QString Key::alg() const
{
    return d ? d->alg : QString();
}

QString Key::use() const
{
    return d ? d->use : QString();
}

QStringList Key::keyOps() const
{
    return d ? d->keyOps : QStringList();
}

bool Key::hasKeyOps() const
{
    return d && d->hasKeyOps;
}

Key Key::withMetadata(const QString& kid, const QString& alg, const QString& use) const
{
    if (!d)
        return {};
    auto copy = d->clone();
    copy->kid = kid;
    copy->alg = alg;
    copy->use = use;
    return Key(std::move(copy));
}

std::optional<CertificateInfo> Key::certificate() const
{
    return d ? d->certificate : std::nullopt;
}

QString Key::description() const
{
    if (!d)
        return QStringLiteral("no key");
    const QString visibility = d->hasPrivate ? QStringLiteral("private") : QStringLiteral("public");
    switch (d->type) {
    case KeyType::Oct:
        return QStringLiteral("HMAC secret (%1 bytes)").arg(d->secret.size());
    case KeyType::RSA:
        return QStringLiteral("RSA %1-bit %2 key").arg(d->bits).arg(visibility);
    case KeyType::EC:
    case KeyType::OKP:
        return QStringLiteral("%1 %2 %3 key").arg(keyTypeName(d->type), curveName(d->curve), visibility);
    }
    return {};
}

Key Key::publicKey() const
{
    if (!d || d->type == KeyType::Oct)
        return {};
    if (!d->hasPrivate)
        return *this;
    auto pub = detail::publicOnly(d->pkey.get());
    if (!pub)
        return {};
    auto copy = d->clone();
    copy->pkey = std::move(*pub);
    copy->hasPrivate = false;
    return Key(std::move(copy));
}

Result<QString> Key::thumbprintUri(int shaBits) const
{
    auto thumbprint = this->thumbprint(shaBits);
    if (!thumbprint)
        return fail(thumbprint.error());
    return QStringLiteral("urn:ietf:params:oauth:jwk-thumbprint:sha-%1:%2").arg(shaBits).arg(*thumbprint);
}

bool Key::hasSamePublicKey(const Key& other) const
{
    if (!d || !other.d || d->type != other.d->type)
        return false;
    if (d->type == KeyType::Oct)
        return d->secret.equals(other.d->secret.view());
    const bool same = EVP_PKEY_eq(d->pkey.get(), other.d->pkey.get()) == 1;
    // EVP_PKEY_eq queues an error for keys of different types; that is an answer, not a failure.
    ERR_clear_error();
    return same;
}

const SecureBytes* Key::secret() const
{
    return d && d->type == KeyType::Oct ? &d->secret : nullptr;
}

} // namespace assay
