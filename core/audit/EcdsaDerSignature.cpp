// SPDX-License-Identifier: Apache-2.0
#include "audit/EcdsaDerSignature.h"

#include "crypto/detail/OsslPtr.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>

namespace assay {
namespace {

Error derError(const QString& message)
{
    Error e;
    e.code = ErrorCode::SignatureDer;
    e.message = message;
    e.segment = Segment::Signature;
    return e;
}

} // namespace

Result<QByteArray> ecdsaDerToJose(QByteArrayView der, int componentBytes)
{
    if (componentBytes <= 0 || componentBytes > 66)
        return fail(derError(QStringLiteral("no ECDSA curve has %1-byte components").arg(componentBytes)));
    // An ECDSA-Sig-Value is a SEQUENCE (0x30); anything else is not worth handing to the parser.
    if (der.size() < 8 || static_cast<unsigned char>(der.front()) != 0x30)
        return fail(derError(QStringLiteral("not a DER SEQUENCE")));
    const auto* begin = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* p = begin;
    detail::EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error(); // a failed parse is an answer here, not an error to report later
    if (!sig)
        return fail(derError(QStringLiteral("not a DER ECDSA-Sig-Value")));
    if (p != begin + der.size())
        return fail(derError(QStringLiteral("bytes after the DER ECDSA-Sig-Value")));
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    if (r == nullptr || s == nullptr || BN_is_negative(r) || BN_is_negative(s) || BN_is_zero(r) || BN_is_zero(s))
        return fail(derError(QStringLiteral("r and s must be positive")));
    if (BN_num_bytes(r) > componentBytes || BN_num_bytes(s) > componentBytes)
        return fail(derError(QStringLiteral("r or s is larger than the curve")));
    QByteArray out(2 * componentBytes, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (BN_bn2binpad(r, o, componentBytes) != componentBytes ||
        BN_bn2binpad(s, o + componentBytes, componentBytes) != componentBytes)
        return fail(derError(QStringLiteral("r or s is larger than the curve")));
    return out;
}

} // namespace assay
