// SPDX-License-Identifier: Apache-2.0
#include "jws/JwsAlgorithm.h"

#include <array>
#include <utility>

namespace assay {
namespace {

struct AlgInfo
{
    JwsAlgorithm alg;
    const char* name;
    AlgorithmFamily family;
    HashAlgorithm hash;
};

constexpr std::array kAlgorithms{
    AlgInfo{JwsAlgorithm::None, "none", AlgorithmFamily::None, HashAlgorithm::None},
    AlgInfo{JwsAlgorithm::HS256, "HS256", AlgorithmFamily::Hmac, HashAlgorithm::Sha256},
    AlgInfo{JwsAlgorithm::HS384, "HS384", AlgorithmFamily::Hmac, HashAlgorithm::Sha384},
    AlgInfo{JwsAlgorithm::HS512, "HS512", AlgorithmFamily::Hmac, HashAlgorithm::Sha512},
    AlgInfo{JwsAlgorithm::RS256, "RS256", AlgorithmFamily::RsaPkcs1, HashAlgorithm::Sha256},
    AlgInfo{JwsAlgorithm::RS384, "RS384", AlgorithmFamily::RsaPkcs1, HashAlgorithm::Sha384},
    AlgInfo{JwsAlgorithm::RS512, "RS512", AlgorithmFamily::RsaPkcs1, HashAlgorithm::Sha512},
    AlgInfo{JwsAlgorithm::PS256, "PS256", AlgorithmFamily::RsaPss, HashAlgorithm::Sha256},
    AlgInfo{JwsAlgorithm::PS384, "PS384", AlgorithmFamily::RsaPss, HashAlgorithm::Sha384},
    AlgInfo{JwsAlgorithm::PS512, "PS512", AlgorithmFamily::RsaPss, HashAlgorithm::Sha512},
    AlgInfo{JwsAlgorithm::ES256, "ES256", AlgorithmFamily::Ecdsa, HashAlgorithm::Sha256},
    AlgInfo{JwsAlgorithm::ES384, "ES384", AlgorithmFamily::Ecdsa, HashAlgorithm::Sha384},
    AlgInfo{JwsAlgorithm::ES512, "ES512", AlgorithmFamily::Ecdsa, HashAlgorithm::Sha512},
    AlgInfo{JwsAlgorithm::ES256K, "ES256K", AlgorithmFamily::Ecdsa, HashAlgorithm::Sha256},
    AlgInfo{JwsAlgorithm::EdDSA, "EdDSA", AlgorithmFamily::EdDsa, HashAlgorithm::None},
    AlgInfo{JwsAlgorithm::Ed25519, "Ed25519", AlgorithmFamily::EdDsa, HashAlgorithm::None},
    AlgInfo{JwsAlgorithm::Ed448, "Ed448", AlgorithmFamily::EdDsa, HashAlgorithm::None},
};

const AlgInfo& info(JwsAlgorithm alg)
{
    for (const auto& a : kAlgorithms) {
        if (a.alg == alg)
            return a;
    }
    return kAlgorithms[0];
}

} // namespace

std::optional<JwsAlgorithm> jwsAlgorithmFromName(QStringView name)
{
    for (const auto& a : kAlgorithms) {
        if (name == QLatin1StringView(a.name))
            return a.alg;
    }
    return std::nullopt;
}

QString jwsAlgorithmName(JwsAlgorithm alg)
{
    return QString::fromLatin1(info(alg).name);
}

AlgorithmFamily algorithmFamily(JwsAlgorithm alg)
{
    return info(alg).family;
}

HashAlgorithm algorithmHash(JwsAlgorithm alg)
{
    return info(alg).hash;
}

int hashLength(HashAlgorithm hash)
{
    switch (hash) {
    case HashAlgorithm::Sha256:
        return 32;
    case HashAlgorithm::Sha384:
        return 48;
    case HashAlgorithm::Sha512:
        return 64;
    case HashAlgorithm::None:
        return 0;
    }
    return 0;
}

QString closeAlgorithmName(QStringView name)
{
    // Strip what blocklist-bypass tricks add around a name: whitespace and NUL characters.
    qsizetype begin = 0;
    qsizetype end = name.size();
    const auto isPad = [](QChar c) {
        return c.isSpace() || c.unicode() == 0;
    };
    while (begin < end && isPad(name[begin]))
        ++begin;
    while (end > begin && isPad(name[end - 1]))
        --end;
    const QStringView core = name.mid(begin, end - begin);
    for (const auto& a : kAlgorithms) {
        const auto registered = QLatin1StringView(a.name);
        if (core.compare(registered, Qt::CaseInsensitive) == 0 && name != registered)
            return QString(registered);
    }
    return {};
}

QList<JwsAlgorithm> supportedJwsAlgorithms()
{
    QList<JwsAlgorithm> out;
    for (const auto& a : kAlgorithms) {
        if (a.alg != JwsAlgorithm::None)
            out.append(a.alg);
    }
    return out;
}

} // namespace assay
