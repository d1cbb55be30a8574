// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jwk/Key.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace assay {

/// One spelling of a public key that a server might hand to HMAC as the "secret".
struct PublicKeySpelling
{
    QString name; // "SPKI PEM without the final newline"
    QByteArray bytes;
};

/// The texts and bytes of a public key that an HS* verifier given that key would use as its HMAC secret, i.e. the
/// classic algorithm-confusion forgery (CVE-2015-9235, CVE-2016-10555): SPKI PEM (and PKCS#1 PEM for RSA) with
/// and without the final newline and with CRLF line ends, the DER bytes, the public JWK JSON and its RFC 7638
/// canonical form, and `keyText` (the key exactly as the user gave it) as-is and trimmed. Duplicates are dropped.
/// An oct key yields nothing.
[[nodiscard]] QList<PublicKeySpelling> publicKeySpellings(const Key& key, QByteArrayView keyText = {});

} // namespace assay
