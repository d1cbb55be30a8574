// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "jws/JwsAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>

namespace assay {

struct ParsedToken;

/// What the weak-secret checker attacks: one HS256/HS384/HS512 JWS signature (RFC 7518 section 3.2) and the exact
/// bytes it covers. A guess is right when HMAC(guess, signingInput) equals mac(). Value type.
class CrackTarget
{
public:
    /// The target of signature `signatureIndex` of a parsed JWS. Refuses, with a message that says why:
    /// JWE and non-JWS input (ERR_TOKEN_STRUCTURE), alg none (ERR_ALG_NONE), an algorithm that is not HMAC
    /// (ERR_ALG_UNSUPPORTED: there is no shared secret to guess), a detached payload, and a signature that does
    /// not decode or has the wrong length for the algorithm (ERR_SIGNATURE_LENGTH).
    [[nodiscard]] static Result<CrackTarget> fromToken(const ParsedToken& token, int signatureIndex = 0);

    /// Parses `text` with the core's token parser, then fromToken().
    [[nodiscard]] static Result<CrackTarget> fromText(QByteArrayView text);

    /// A target from its parts (benchmarks, tests). `alg` must be HS256/HS384/HS512 and `mac` its full length.
    [[nodiscard]] static Result<CrackTarget> make(JwsAlgorithm alg, QByteArray signingInput, QByteArray mac);

    [[nodiscard]] JwsAlgorithm algorithm() const { return m_alg; }
    /// `header.payload` exactly as received.
    [[nodiscard]] const QByteArray& signingInput() const { return m_signingInput; }
    /// The decoded signature: 32, 48 or 64 bytes.
    [[nodiscard]] const QByteArray& mac() const { return m_mac; }

private:
    CrackTarget(JwsAlgorithm alg, QByteArray signingInput, QByteArray mac);

    JwsAlgorithm m_alg = JwsAlgorithm::HS256;
    QByteArray m_signingInput;
    QByteArray m_mac;
};

} // namespace assay
