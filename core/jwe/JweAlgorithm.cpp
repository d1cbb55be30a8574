// SPDX-License-Identifier: Apache-2.0
#include "jwe/JweAlgorithm.h"

namespace assay {

QString pbes2AlgorithmName(Pbes2Algorithm alg)
{
    switch (alg) {
    case Pbes2Algorithm::Hs256A128Kw:
        return QStringLiteral("PBES2-HS256+A128KW");
    case Pbes2Algorithm::Hs384A192Kw:
        return QStringLiteral("PBES2-HS384+A192KW");
    case Pbes2Algorithm::Hs512A256Kw:
        return QStringLiteral("PBES2-HS512+A256KW");
    }
    return {};
}

QString contentEncryptionName(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128CbcHs256:
        return QStringLiteral("A128CBC-HS256");
    case ContentEncryption::A192CbcHs384:
        return QStringLiteral("A192CBC-HS384");
    case ContentEncryption::A256CbcHs512:
        return QStringLiteral("A256CBC-HS512");
    case ContentEncryption::A128Gcm:
        return QStringLiteral("A128GCM");
    case ContentEncryption::A192Gcm:
        return QStringLiteral("A192GCM");
    case ContentEncryption::A256Gcm:
        return QStringLiteral("A256GCM");
    }
    return {};
}

std::optional<Pbes2Algorithm> pbes2AlgorithmFromName(QStringView name)
{
    for (Pbes2Algorithm alg : allPbes2Algorithms()) {
        if (name == pbes2AlgorithmName(alg))
            return alg;
    }
    return std::nullopt;
}

std::optional<ContentEncryption> contentEncryptionFromName(QStringView name)
{
    for (ContentEncryption enc : allContentEncryptions()) {
        if (name == contentEncryptionName(enc))
            return enc;
    }
    return std::nullopt;
}

QList<Pbes2Algorithm> allPbes2Algorithms()
{
    return {Pbes2Algorithm::Hs256A128Kw, Pbes2Algorithm::Hs384A192Kw, Pbes2Algorithm::Hs512A256Kw};
}

QList<ContentEncryption> allContentEncryptions()
{
    return {ContentEncryption::A128CbcHs256, ContentEncryption::A192CbcHs384, ContentEncryption::A256CbcHs512,
            ContentEncryption::A128Gcm,      ContentEncryption::A192Gcm,      ContentEncryption::A256Gcm};
}

int contentKeyBytes(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128CbcHs256:
        return 32;
    case ContentEncryption::A192CbcHs384:
        return 48;
    case ContentEncryption::A256CbcHs512:
        return 64;
    case ContentEncryption::A128Gcm:
        return 16;
    case ContentEncryption::A192Gcm:
        return 24;
    case ContentEncryption::A256Gcm:
        return 32;
    }
    return 0;
}

int contentIvBytes(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128CbcHs256:
    case ContentEncryption::A192CbcHs384:
    case ContentEncryption::A256CbcHs512:
        return 16;
    case ContentEncryption::A128Gcm:
    case ContentEncryption::A192Gcm:
    case ContentEncryption::A256Gcm:
        return 12;
    }
    return 0;
}

int contentTagBytes(ContentEncryption enc)
{
    switch (enc) {
    case ContentEncryption::A128CbcHs256:
        return 16;
    case ContentEncryption::A192CbcHs384:
        return 24;
    case ContentEncryption::A256CbcHs512:
        return 32;
    case ContentEncryption::A128Gcm:
    case ContentEncryption::A192Gcm:
    case ContentEncryption::A256Gcm:
        return 16;
    }
    return 0;
}

int pbes2KeyBytes(Pbes2Algorithm alg)
{
    switch (alg) {
    case Pbes2Algorithm::Hs256A128Kw:
        return 16;
    case Pbes2Algorithm::Hs384A192Kw:
        return 24;
    case Pbes2Algorithm::Hs512A256Kw:
        return 32;
    }
    return 0;
}

} // namespace assay
