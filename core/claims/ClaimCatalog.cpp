// SPDX-License-Identifier: Apache-2.0
#include "claims/ClaimCatalog.h"

#include <algorithm>
#include <span>

namespace assay {

namespace {

// Plain literals, not QStrings: the tables are constant-initialized, so there is no static-initialization order
// to worry about and nothing is allocated until a name is looked up.
struct RawEntry
{
    const char* name;
    const char* title;
    const char* description;
    const char* reference;
};

constexpr RawEntry kClaims[] = {
    // RFC 7519 section 4.1: registered claim names
    {"iss", "Issuer", "who issued the token; compare exactly to the issuer you trust", "RFC 7519 section 4.1.1"},
    {"sub", "Subject", "whom the token is about, unique within the issuer", "RFC 7519 section 4.1.2"},
    {"aud", "Audience", "the recipients the token is meant for (a string or an array of strings)",
     "RFC 7519 section 4.1.3"},
    {"exp", "Expiration Time", "the token must not be accepted on or after this time (NumericDate)",
     "RFC 7519 section 4.1.4"},
    {"nbf", "Not Before", "the token must not be accepted before this time (NumericDate)", "RFC 7519 section 4.1.5"},
    {"iat", "Issued At", "when the token was issued (NumericDate)", "RFC 7519 section 4.1.6"},
    {"jti", "JWT ID", "a unique identifier of this token, used to detect replay", "RFC 7519 section 4.1.7"},
    // OpenID Connect Core 1.0, ID Token (section 2) and hashes
    {"azp", "Authorized Party", "the client the ID token was issued to", "OpenID Connect Core 1.0 section 2"},
    {"nonce", "Nonce", "value from the authentication request, binds the ID token to the client session",
     "OpenID Connect Core 1.0 section 2"},
    {"auth_time", "Authentication Time", "when the user authenticated (NumericDate)",
     "OpenID Connect Core 1.0 section 2"},
    {"acr", "Authentication Context Class Reference", "the assurance level the authentication satisfied",
     "OpenID Connect Core 1.0 section 2"},
    {"amr", "Authentication Methods References", "how the user authenticated, e.g. [\"pwd\", \"mfa\"]",
     "OpenID Connect Core 1.0 section 2, RFC 8176"},
    {"at_hash", "Access Token Hash", "left half of the hash of the access token issued with this ID token",
     "OpenID Connect Core 1.0 section 3.1.3.6"},
    {"c_hash", "Code Hash", "left half of the hash of the authorization code issued with this ID token",
     "OpenID Connect Core 1.0 section 3.3.2.11"},
    {"s_hash", "State Hash", "left half of the hash of the state value (FAPI)", "FAPI 1.0 Advanced section 5.1"},
    {"sid", "Session ID", "identifier of the user's session at the issuer, used for logout",
     "OpenID Connect Front-Channel Logout 1.0 section 3"},
    {"events", "Security Events", "the events a Security Event Token (e.g. a logout token) reports",
     "RFC 8417 section 2.2"},
    // OpenID Connect Core 1.0 section 5.1: standard claims
    {"name", "Full Name", "the user's full name for display", "OpenID Connect Core 1.0 section 5.1"},
    {"given_name", "Given Name", "the user's given (first) name", "OpenID Connect Core 1.0 section 5.1"},
    {"family_name", "Family Name", "the user's family (last) name", "OpenID Connect Core 1.0 section 5.1"},
    {"middle_name", "Middle Name", "the user's middle name", "OpenID Connect Core 1.0 section 5.1"},
    {"nickname", "Nickname", "a casual name of the user", "OpenID Connect Core 1.0 section 5.1"},
    {"preferred_username", "Preferred Username",
     "the name the user likes to be called; not unique, never use it as a key", "OpenID Connect Core 1.0 section 5.1"},
    {"profile", "Profile", "URL of the user's profile page", "OpenID Connect Core 1.0 section 5.1"},
    {"picture", "Picture", "URL of the user's picture", "OpenID Connect Core 1.0 section 5.1"},
    {"website", "Website", "URL of the user's web page or blog", "OpenID Connect Core 1.0 section 5.1"},
    {"email", "Email", "the user's preferred e-mail address; not unique, may be unverified",
     "OpenID Connect Core 1.0 section 5.1"},
    {"email_verified", "Email Verified", "true when the issuer verified the e-mail address",
     "OpenID Connect Core 1.0 section 5.1"},
    {"gender", "Gender", "the user's gender", "OpenID Connect Core 1.0 section 5.1"},
    {"birthdate", "Birthdate", "the user's birthday (YYYY-MM-DD or YYYY)", "OpenID Connect Core 1.0 section 5.1"},
    {"zoneinfo", "Time Zone", "the user's time zone, e.g. Europe/Paris", "OpenID Connect Core 1.0 section 5.1"},
    {"locale", "Locale", "the user's locale, e.g. en-US", "OpenID Connect Core 1.0 section 5.1"},
    {"phone_number", "Phone Number", "the user's preferred telephone number", "OpenID Connect Core 1.0 section 5.1"},
    {"phone_number_verified", "Phone Number Verified", "true when the issuer verified the phone number",
     "OpenID Connect Core 1.0 section 5.1"},
    {"address", "Address", "the user's postal address (JSON object)", "OpenID Connect Core 1.0 section 5.1"},
    {"updated_at", "Updated At", "when the user's information was last updated (NumericDate)",
     "OpenID Connect Core 1.0 section 5.1"},
    // OAuth access tokens, token exchange, proof of possession
    {"client_id", "Client ID", "the OAuth client the token was issued to",
     "RFC 9068 section 2.2, RFC 8693 section 4.3"},
    {"scope", "Scope", "space-separated OAuth scopes granted to the token",
     "RFC 9068 section 2.2.3, RFC 8693 section 4.2"},
    {"groups", "Groups", "groups the user belongs to", "RFC 9068 section 2.2.3.1 (from RFC 7643)"},
    {"entitlements", "Entitlements", "entitlements of the user", "RFC 9068 section 2.2.3.1 (from RFC 7643)"},
    {"act", "Actor", "the party acting on behalf of the subject (delegation chain)", "RFC 8693 section 4.1"},
    {"may_act", "Authorized Actor", "who may act on behalf of the subject in a token exchange", "RFC 8693 section 4.4"},
    {"cnf", "Confirmation", "the key the presenter must prove possession of (jwk, jkt, x5t#S256, ...)",
     "RFC 7800 section 3.1"},
    {"htm", "HTTP Method", "the HTTP method of the request a DPoP proof is bound to", "RFC 9449 section 4.2"},
    {"htu", "HTTP URI", "the HTTP URI (without query and fragment) a DPoP proof is bound to", "RFC 9449 section 4.2"},
    {"ath", "Access Token Hash", "base64url SHA-256 of the access token a DPoP proof accompanies",
     "RFC 9449 section 4.2"},
    // Microsoft Entra ID
    {"oid", "Object ID", "the user's or service principal's immutable ID in Microsoft Entra ID",
     "Microsoft Entra ID access token claims"},
    {"tid", "Tenant ID", "the Microsoft Entra tenant the user signed in to", "Microsoft Entra ID access token claims"},
    {"scp", "Scopes", "space-separated delegated permissions granted to the client (Entra ID)",
     "Microsoft Entra ID access token claims"},
    {"roles", "Roles", "application roles assigned to the user or application",
     "Microsoft Entra ID access token claims, RFC 9068 section 2.2.3.1"},
    {"wids", "Directory Role IDs", "template IDs of the Entra ID built-in directory roles the user holds",
     "Microsoft Entra ID access token claims"},
    {"upn", "User Principal Name", "the user's sign-in name; mutable, never use it as a key",
     "Microsoft Entra ID access token claims"},
    {"unique_name", "Unique Name", "a display name of the user (v1 tokens); mutable",
     "Microsoft Entra ID access token claims"},
    {"appid", "Application ID", "the client application that requested the token (v1 tokens)",
     "Microsoft Entra ID access token claims"},
    {"idp", "Identity Provider", "the provider that authenticated the user", "Microsoft Entra ID access token claims"},
    {"ver", "Version", "the token format version (\"1.0\" or \"2.0\")", "Microsoft Entra ID access token claims"},
    // Auth0 and Okta
    {"permissions", "Permissions", "permissions granted to the user for this API (Auth0 RBAC)", "Auth0 access tokens"},
    {"gty", "Grant Type", "the OAuth grant that produced the token (Auth0)", "Auth0 access tokens"},
    {"org_id", "Organization ID", "the organization the user logged in through (Auth0)", "Auth0 Organizations"},
    {"cid", "Client ID", "the client the access token was issued to (Okta)", "Okta access tokens"},
    {"uid", "User ID", "the user's Okta ID (Okta)", "Okta access tokens"},
};

constexpr RawEntry kHeaderParameters[] = {
    // RFC 7515 section 4.1
    {"alg", "Algorithm", "the signature or MAC algorithm; must be one the verification key allows",
     "RFC 7515 section 4.1.1"},
    {"jku", "JWK Set URL", "URL of a key set; never fetched or trusted automatically", "RFC 7515 section 4.1.2"},
    {"jwk", "JSON Web Key", "a public key embedded in the token; never trusted for verification",
     "RFC 7515 section 4.1.3"},
    {"kid", "Key ID", "a hint naming the key to use; only selects among keys you trust", "RFC 7515 section 4.1.4"},
    {"x5u", "X.509 URL", "URL of a certificate chain; never fetched or trusted automatically",
     "RFC 7515 section 4.1.5"},
    {"x5c", "X.509 Certificate Chain", "embedded certificates; not trusted without chain validation",
     "RFC 7515 section 4.1.6"},
    {"x5t", "X.509 SHA-1 Thumbprint", "base64url SHA-1 thumbprint of the signing certificate",
     "RFC 7515 section 4.1.7"},
    {"x5t#S256", "X.509 SHA-256 Thumbprint", "base64url SHA-256 thumbprint of the signing certificate",
     "RFC 7515 section 4.1.8"},
    {"typ", "Type", "media type of the whole token, e.g. JWT or at+jwt (explicit typing, RFC 8725 section 3.11)",
     "RFC 7515 section 4.1.9"},
    {"cty", "Content Type", "media type of the payload; JWT for a nested token", "RFC 7515 section 4.1.10"},
    {"crit", "Critical", "header parameters the recipient must understand, or reject the token",
     "RFC 7515 section 4.1.11"},
    {"b64", "Base64url-Encode Payload", "false: the payload is used unencoded in the signing input",
     "RFC 7797 section 3"},
    // RFC 7516 section 4.1
    {"enc", "Encryption Algorithm", "the content encryption algorithm of a JWE", "RFC 7516 section 4.1.2"},
    {"zip", "Compression Algorithm", "DEF: the plaintext was DEFLATE-compressed before encryption",
     "RFC 7516 section 4.1.3"},
    // RFC 7518 section 4
    {"epk", "Ephemeral Public Key", "the sender's ephemeral ECDH public key", "RFC 7518 section 4.6.1.1"},
    {"apu", "Agreement PartyUInfo", "producer information for the ECDH key derivation", "RFC 7518 section 4.6.1.2"},
    {"apv", "Agreement PartyVInfo", "recipient information for the ECDH key derivation", "RFC 7518 section 4.6.1.3"},
    {"iv", "Initialization Vector", "the IV of AES-GCM key wrapping", "RFC 7518 section 4.7.1.1"},
    {"tag", "Authentication Tag", "the tag of AES-GCM key wrapping", "RFC 7518 section 4.7.1.2"},
    {"p2s", "PBES2 Salt Input", "salt input of the password-based key derivation", "RFC 7518 section 4.8.1.1"},
    {"p2c", "PBES2 Count", "PBKDF2 iteration count; huge values are a denial of service", "RFC 7518 section 4.8.1.2"},
    // Other registered uses
    {"url", "URL", "the request URL an ACME request is bound to", "RFC 8555 section 6.4"},
    {"nonce", "Nonce", "the replay nonce of an ACME request", "RFC 8555 section 6.5.2"},
    {"ppt", "PASSporT Extension", "the PASSporT extension the token uses", "RFC 8225 section 8.1"},
};

ClaimCatalog::Entry toEntry(const RawEntry& raw)
{
    return {QString::fromUtf8(raw.name), QString::fromUtf8(raw.title), QString::fromUtf8(raw.description),
            QString::fromUtf8(raw.reference)};
}

std::optional<ClaimCatalog::Entry> find(std::span<const RawEntry> table, QStringView name)
{
    const auto it =
        std::find_if(table.begin(), table.end(), [name](const RawEntry& e) { return name == QLatin1String(e.name); });
    if (it == table.end())
        return std::nullopt;
    return toEntry(*it);
}

QString describe(const std::optional<ClaimCatalog::Entry>& entry)
{
    if (!entry)
        return {};
    return QStringLiteral("%1: %2 (%3)").arg(entry->title, entry->description, entry->reference);
}

QList<ClaimCatalog::Entry> all(std::span<const RawEntry> table)
{
    QList<ClaimCatalog::Entry> out;
    out.reserve(qsizetype(table.size()));
    for (const RawEntry& e : table)
        out.append(toEntry(e));
    return out;
}

} // namespace

QString ClaimCatalog::describeClaim(QStringView name)
{
    return describe(claim(name));
}

QString ClaimCatalog::describeHeaderParameter(QStringView name)
{
    return describe(headerParameter(name));
}

std::optional<ClaimCatalog::Entry> ClaimCatalog::claim(QStringView name)
{
    return find(kClaims, name);
}

std::optional<ClaimCatalog::Entry> ClaimCatalog::headerParameter(QStringView name)
{
    return find(kHeaderParameters, name);
}

QList<ClaimCatalog::Entry> ClaimCatalog::claims()
{
    return all(kClaims);
}

QList<ClaimCatalog::Entry> ClaimCatalog::headerParameters()
{
    return all(kHeaderParameters);
}

} // namespace assay
