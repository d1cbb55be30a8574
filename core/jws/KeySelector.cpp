// SPDX-License-Identifier: Apache-2.0
#include "jws/KeySelector.h"

namespace assay {
namespace {

QString labelFor(const Key& key, int index)
{
    QString label = QStringLiteral("key %1").arg(index + 1);
    if (!key.kid().isEmpty())
        label += QStringLiteral(" (kid \"%1\", %2)").arg(key.kid(), key.description());
    else
        label += QStringLiteral(" (%1)").arg(key.description());
    return label;
}

} // namespace

KeySelection selectKeys(const KeySet& set, const QString& kid, JwsAlgorithm alg, KeyOperation op)
{
    KeySelection selection;
    QList<int> exactKid;
    QList<int> noKid;
    for (int i = 0; i < set.keys.size(); ++i) {
        const Key& key = set.keys.at(i);
        KeyCandidate candidate;
        candidate.index = i;
        candidate.label = labelFor(key, i);
        // kid is compared byte for byte and is only ever a lookup hint (ATTACKS.md A09).
        if (!kid.isEmpty() && !key.kid().isEmpty() && key.kid() != kid) {
            candidate.reason = QStringLiteral("kid \"%1\" differs from the token's \"%2\"").arg(key.kid(), kid);
            selection.candidates.append(candidate);
            continue;
        }
        if (auto ok = checkKeyForAlgorithm(key, alg, op); !ok) {
            candidate.reason = ok.error().message;
            selection.candidates.append(candidate);
            continue;
        }
        candidate.usable = true;
        if (!kid.isEmpty() && key.kid() == kid) {
            candidate.reason = QStringLiteral("kid matches and the key allows %1").arg(jwsAlgorithmName(alg));
            exactKid.append(i);
        } else {
            candidate.reason = kid.isEmpty()
                                   ? QStringLiteral("the key allows %1").arg(jwsAlgorithmName(alg))
                                   : QStringLiteral("the key has no kid; it allows %1").arg(jwsAlgorithmName(alg));
            noKid.append(i);
        }
        selection.candidates.append(candidate);
    }
    selection.usable = exactKid + noKid;

    if (set.keys.isEmpty()) {
        selection.summary = QStringLiteral("no key given");
    } else if (selection.usable.isEmpty()) {
        if (set.keys.size() == 1)
            selection.summary = selection.candidates.front().reason;
        else if (!kid.isEmpty())
            selection.summary = QStringLiteral("none of the %1 keys fits kid \"%2\" and %3")
                                    .arg(set.keys.size())
                                    .arg(kid, jwsAlgorithmName(alg));
        else
            selection.summary =
                QStringLiteral("none of the %1 keys allows %2").arg(set.keys.size()).arg(jwsAlgorithmName(alg));
    } else {
        const auto& first = selection.candidates.at(selection.usable.front());
        selection.summary = QStringLiteral("%1: %2").arg(first.label, first.reason);
    }
    if (set.hasDuplicateKid || set.mixesSymmetry) {
        selection.summary += QStringLiteral(" (warning: %1)").arg(set.problems.join(QStringLiteral("; ")));
    }
    return selection;
}

} // namespace assay
