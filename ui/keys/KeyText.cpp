// SPDX-License-Identifier: Apache-2.0
#include "keys/KeyText.h"

#include "crypto/SecureBytes.h"
#include "jwk/Key.h"

namespace assay::ui {

QString shortKeyKind(const Key& key)
{
    if (key.isNull())
        return {};
    switch (key.type()) {
    case KeyType::Oct:
        return QStringLiteral("HMAC %1-bit").arg(key.bits());
    case KeyType::RSA:
        return QStringLiteral("RSA %1").arg(key.bits());
    case KeyType::EC:
        return QStringLiteral("EC %1").arg(curveName(key.curve()));
    case KeyType::OKP:
        return curveName(key.curve());
    }
    return {};
}

QString keyPartName(const Key& key)
{
    if (key.isSymmetric())
        return QStringLiteral("secret");
    return key.hasPrivate() ? QStringLiteral("private") : QStringLiteral("public");
}

QString secureText(const SecureBytes& bytes)
{
    return QString::fromUtf8(bytes.view());
}

} // namespace assay::ui
