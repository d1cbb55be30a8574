// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/LintContext.h"
#include "audit/detail/LintSink.h"

namespace assay::detail {

// The rule groups lintToken() runs, in this order. Each one reads the token through the sink and adds findings.

/// Parser diagnostics: base64url, JSON syntax and types, duplicate members (ATTACKS.md A20-A22). LintStructureRules.cpp
void lintStructure(LintSink& sink);
/// Rules for any JOSE header (JWS or JWE): crit, names that differ only in case from registered ones, typ and cty
/// values (A17, A22, A32). LintHeaderRules.cpp
void lintHeaders(LintSink& sink);
/// JWS header rules: alg, b64, zip, unprotected members (A01, A02, A18, A19, A28). LintHeaderRules.cpp
void lintJwsHeaders(LintSink& sink);
/// Keys the token asserts about itself, in any JOSE header: jwk, jku, x5u, x5c, x5t, kid (A06-A09).
/// LintKeyHeaderRules.cpp
void lintKeyHeaders(LintSink& sink);
/// Signature bytes: empty, wrong length, ECDSA zero or malleable (A03, A12, A13). LintSignatureRules.cpp
void lintSignatures(LintSink& sink);
/// JWE header: zip, RSA1_5, PBES2 p2c/p2s, content not a nested JWT (A27-A29, A31). LintJweRules.cpp
void lintJwe(LintSink& sink, const LintContext& context);
/// Claims: exp/nbf/iat presence, types, order and "now"; registered claim types; typ versus claims (A23, A32, A33).
/// LintClaimRules.cpp
void lintClaims(LintSink& sink, const LintContext& context);
/// What the payload gives away, and nested tokens without cty (A31, A34). LintPayloadRules.cpp
void lintPayload(LintSink& sink);
/// The user's keys and HMAC secrets (A04, A05, A10, A11, A14). LintKeyRules.cpp
void lintKeys(LintSink& sink, const LintContext& context);

} // namespace assay::detail
