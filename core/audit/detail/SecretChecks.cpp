// SPDX-License-Identifier: Apache-2.0
// Hypotheses 1 and 2: the typed HMAC secret read in another encoding, or with whitespace added or removed.
#include "audit/detail/ForensicRun.h"

#include "crypto/SecureBytes.h"
#include "jwk/KeyLoader.h"

namespace assay::detail {
namespace {

bool sameSecret(const Key& a, const Key& b)
{
    return a.secret() != nullptr && b.secret() != nullptr && a.secret()->equals(b.secret()->view());
}

// Why a signer ends up with `actual` when the user typed the secret as `chosen`.
QString signerReading(SecretEncoding actual)
{
    switch (actual) {
    case SecretEncoding::Utf8:
        return QStringLiteral("used the text itself as the key bytes, without decoding it");
    case SecretEncoding::Base64:
        return QStringLiteral("base64-decoded it");
    case SecretEncoding::Base64Url:
        return QStringLiteral("base64url-decoded it");
    case SecretEncoding::Hex:
        return QStringLiteral("hex-decoded it");
    }
    return {};
}

bool isHmac(const ForensicTarget& t)
{
    return t.alg && algorithmFamily(*t.alg) == AlgorithmFamily::Hmac;
}

struct WhitespaceVariant
{
    QByteArray text;
    QString description; // "a trailing newline (\n) added"
    bool added = false;
};

} // namespace

void checkSecretEncoding(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::SecretEncoding);
    const ForensicTarget& t = run.target;
    if (run.input.secretText == nullptr || run.input.secretText->isEmpty()) {
        scope.setNote(QStringLiteral("no secret was given"));
        return;
    }
    if (!isHmac(t)) {
        scope.setNote(QStringLiteral("the header's alg is not HS256, HS384 or HS512"));
        return;
    }
    const SecretEncoding chosen = run.input.secretEncoding;
    QStringList tried;
    QStringList skipped;
    QList<Key> seen;
    if (run.secret)
        seen.append(run.secret->key);
    for (SecretEncoding encoding :
         {SecretEncoding::Utf8, SecretEncoding::Base64, SecretEncoding::Base64Url, SecretEncoding::Hex}) {
        if (encoding == chosen)
            continue;
        auto key = keyFromSecret(run.input.secretText->view(), encoding);
        if (!key) {
            skipped << QStringLiteral("not valid %1").arg(secretEncodingName(encoding));
            continue;
        }
        // base64 and base64url agree on text without + / - _: one verification answers for both.
        if (std::any_of(seen.cbegin(), seen.cend(), [&](const Key& k) { return sameSecret(k, *key); })) {
            skipped << QStringLiteral("%1 gives the same bytes").arg(secretEncodingName(encoding));
            continue;
        }
        seen.append(*key);
        tried << secretEncodingName(encoding);
        if (!run.probe.verifies(*key, *t.alg, t.signingInput(), t.signature))
            continue;
        ForensicFinding f;
        f.explanation = QStringLiteral("The secret verifies when read as %1 rather than %2: the signer %3%4.")
                            .arg(secretEncodingName(encoding), secretEncodingName(chosen), signerReading(encoding),
                                 t.signatureCaveat());
        f.fix = QStringLiteral("Read the secret as %1, and make the signer and every verifier agree on how the "
                               "secret is encoded.")
                    .arg(secretEncodingName(encoding));
        f.evidence.alg = *t.alg;
        f.evidence.keyLabel = QStringLiteral("the typed secret");
        f.evidence.secretEncoding = encoding;
        f.evidence.variant = secretEncodingName(encoding);
        f.evidence.segment = Segment::Key;
        scope.confirm(std::move(f));
    }
    QString note = tried.isEmpty() ? QStringLiteral("no other encoding decodes the secret")
                                   : QStringLiteral("tried %1").arg(tried.join(QStringLiteral(", ")));
    if (!skipped.isEmpty())
        note += QStringLiteral(" (%1)").arg(skipped.join(QStringLiteral("; ")));
    scope.setNote(note);
}

void checkSecretWhitespace(ForensicRun& run)
{
    CheckScope scope(run, ForensicHypothesis::SecretWhitespace);
    const ForensicTarget& t = run.target;
    if (run.input.secretText == nullptr || run.input.secretText->isEmpty()) {
        scope.setNote(QStringLiteral("no secret was given"));
        return;
    }
    if (!isHmac(t)) {
        scope.setNote(QStringLiteral("the header's alg is not HS256, HS384 or HS512"));
        return;
    }
    if (run.input.secretEncoding != SecretEncoding::Utf8) {
        // keyFromSecret() ignores whitespace around an encoded secret, so the variants would all be the same key.
        scope.setNote(QStringLiteral("a %1 secret ignores surrounding whitespace")
                          .arg(secretEncodingName(run.input.secretEncoding)));
        return;
    }

    QByteArray typed = run.input.secretText->view().toByteArray();
    QList<WhitespaceVariant> variants = {
        {typed + '\n', QStringLiteral("a trailing newline (\\n) added"), true},
        {typed + "\r\n", QStringLiteral("a trailing CRLF (\\r\\n) added"), true},
        {typed + ' ', QStringLiteral("a trailing space added"), true},
    };
    if (typed.endsWith("\r\n"))
        variants.append({typed.chopped(2), QStringLiteral("the trailing CRLF (\\r\\n) removed"), false});
    if (typed.endsWith('\n'))
        variants.append({typed.chopped(1), QStringLiteral("the trailing newline (\\n) removed"), false});
    if (typed.endsWith(' '))
        variants.append({typed.chopped(1), QStringLiteral("the trailing space removed"), false});
    QByteArray trimmedEnd = typed;
    while (!trimmedEnd.isEmpty() && QByteArrayView(" \t\r\n").contains(trimmedEnd.back()))
        trimmedEnd.chop(1);
    variants.append({trimmedEnd, QStringLiteral("all trailing whitespace removed"), false});
    variants.append({typed.trimmed(), QStringLiteral("leading and trailing whitespace removed"), false});

    QList<QByteArray> seen{typed};
    int tried = 0;
    for (WhitespaceVariant& v : variants) {
        const bool duplicate = v.text.isEmpty() || seen.contains(v.text);
        if (!duplicate) {
            seen.append(v.text);
            auto key = keyFromSecret(v.text, SecretEncoding::Utf8);
            ++tried;
            if (key && run.probe.verifies(*key, *t.alg, t.signingInput(), t.signature)) {
                ForensicFinding f;
                f.explanation =
                    v.added ? QStringLiteral("The secret verifies with %1: the signer's secret kept the line end or "
                                             "space of the file or variable it was read from%2.")
                                  .arg(v.description, t.signatureCaveat())
                            : QStringLiteral("The secret verifies with %1: the secret as typed (or pasted) has "
                                             "whitespace that the signer's secret does not%2.")
                                  .arg(v.description, t.signatureCaveat());
                f.fix = v.added ? QStringLiteral("Strip the line end from the signer's secret (and rotate it); until "
                                                 "then, verify with %1.")
                                      .arg(v.description)
                                : QStringLiteral("Remove the extra whitespace from the secret you verify with.");
                f.evidence.alg = *t.alg;
                f.evidence.keyLabel = QStringLiteral("the typed secret");
                f.evidence.secretEncoding = SecretEncoding::Utf8;
                f.evidence.variant = v.description;
                f.evidence.segment = Segment::Key;
                scope.confirm(std::move(f));
            }
        }
    }
    // The variants share buffers (implicit sharing); wipe() only cleanses a buffer once its last owner lets go,
    // so release the extra references first.
    for (QByteArray& s : seen)
        wipe(s);
    wipe(trimmedEnd);
    for (WhitespaceVariant& v : variants)
        wipe(v.text);
    wipe(typed);
    scope.setNote(QStringLiteral("tried %1 variants: trailing \\n, \\r\\n or space added, and trailing or "
                                 "surrounding whitespace removed")
                      .arg(tried));
}

} // namespace assay::detail
