// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "crypto/detail/KeyData.h"

namespace assay::detail {

/// Largest RSA modulus accepted at all (ATTACKS.md A24: refused before any RSA operation; OpenSSL's own ceiling).
inline constexpr int kMaxRsaBits = 16384;
/// Smallest modulus that is an RSA key at all; weak sizes between this and 2048 are for policy to flag.
inline constexpr int kMinRsaBits = 512;

/// Fills type, curve and bits from an EVP_PKEY and validates it: RSA modulus size and public exponent
/// (odd, > 1, <= 2^64), EC point on the curve, and, when `hasPrivate`, that the private part matches the public
/// part. RSA-PSS-restricted keys, DSA, DH and other curves are ERR_KEY_UNSUPPORTED.
[[nodiscard]] Result<void> inspectAndValidate(KeyData& data, bool hasPrivate);

/// Field size in bytes of an EC curve (32, 48, 66, 32), or the raw key size of an OKP curve (32, 57, 32, 56).
[[nodiscard]] int curveKeyBytes(Curve curve);

/// OpenSSL's group / key type name for a curve ("P-256", "secp256k1", "ED25519", ...).
[[nodiscard]] const char* opensslCurveName(Curve curve);

/// A public-only copy of an asymmetric key.
[[nodiscard]] Result<EvpPkeyPtr> publicOnly(EVP_PKEY* pkey);

} // namespace assay::detail
