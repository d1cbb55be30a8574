// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace assay {

class Key;

/// True when an RSA modulus carries the ROCA fingerprint (CVE-2017-15361): its private key can be recovered
/// from the public key. Such keys never produce a VALID verdict (ATTACKS.md A14).
[[nodiscard]] bool hasRocaFingerprint(const Key& key);

} // namespace assay
