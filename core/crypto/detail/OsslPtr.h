// SPDX-License-Identifier: Apache-2.0
#pragma once

// Owning OpenSSL handles: every one lives in a std::unique_ptr whose deleter is the library's own free function
// (the jwt-cpp pattern), so no early return can leak or double-free a handle.

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/x509.h>

#include <memory>

namespace assay::detail {

template <typename T, void (*Free)(T*)> struct OsslDeleter
{
    void operator()(T* p) const noexcept { Free(p); }
};

template <typename T, void (*Free)(T*)> using OsslPtr = std::unique_ptr<T, OsslDeleter<T, Free>>;

using EvpPkeyPtr = OsslPtr<EVP_PKEY, EVP_PKEY_free>;
using EvpPkeyCtxPtr = OsslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using EvpMdCtxPtr = OsslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using EvpMdPtr = OsslPtr<EVP_MD, EVP_MD_free>;
using EvpMacPtr = OsslPtr<EVP_MAC, EVP_MAC_free>;
using EvpMacCtxPtr = OsslPtr<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using BioPtr = OsslPtr<BIO, BIO_free_all>;
using X509Ptr = OsslPtr<X509, X509_free>;
using X509SigPtr = OsslPtr<X509_SIG, X509_SIG_free>;
using Pkcs8InfoPtr = OsslPtr<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>;
using BignumPtr = OsslPtr<BIGNUM, BN_free>;
// Private key components are wiped when released.
using SecureBignumPtr = OsslPtr<BIGNUM, BN_clear_free>;
using BnCtxPtr = OsslPtr<BN_CTX, BN_CTX_free>;
using EcdsaSigPtr = OsslPtr<ECDSA_SIG, ECDSA_SIG_free>;
using ParamBldPtr = OsslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamPtr = OsslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using DecoderCtxPtr = OsslPtr<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free>;
using EncoderCtxPtr = OsslPtr<OSSL_ENCODER_CTX, OSSL_ENCODER_CTX_free>;

/// Memory allocated by OpenSSL (OPENSSL_malloc) that must go back through OPENSSL_free.
struct OpensslFree
{
    void operator()(void* p) const noexcept { OPENSSL_free(p); }
};
template <typename T> using OpensslBuffer = std::unique_ptr<T, OpensslFree>;

/// A new reference to an EVP_PKEY (EVP_PKEY objects are reference counted and immutable once built, so sharing
/// one between keys and threads is safe).
inline EvpPkeyPtr shareKey(EVP_PKEY* pkey)
{
    if (pkey == nullptr || EVP_PKEY_up_ref(pkey) != 1)
        return {};
    return EvpPkeyPtr(pkey);
}

} // namespace assay::detail
