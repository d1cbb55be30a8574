// SPDX-License-Identifier: Apache-2.0
#include "KeyMetadataArguments.h"

#include "jwk/KeyInspector.h"

#include <QCommandLineParser>

namespace assay::cli {

namespace {

const QString kKid = QStringLiteral("kid");
const QString kKidThumbprint = QStringLiteral("kid-thumbprint");
const QString kAlg = QStringLiteral("alg");
const QString kUse = QStringLiteral("use");

} // namespace

void KeyMetadataArguments::addOptions(QCommandLineParser& parser, bool withAlgAndUse)
{
    parser.addOption(QCommandLineOption(kKid, QStringLiteral("Set the JWK kid."), QStringLiteral("KID")));
    parser.addOption(QCommandLineOption(
        kKidThumbprint, QStringLiteral("Set the kid to the key's RFC 7638 SHA-256 thumbprint (replacing any kid).")));
    if (!withAlgAndUse)
        return;
    parser.addOption(
        QCommandLineOption(kAlg, QStringLiteral("Set the JWK alg (checked against the key: ES256 needs P-256, ...)."),
                           QStringLiteral("ALG")));
    parser.addOption(
        QCommandLineOption(kUse, QStringLiteral("Set the JWK use: sig or enc."), QStringLiteral("sig|enc")));
}

bool KeyMetadataArguments::anySet(const QCommandLineParser& parser)
{
    for (const QString& name : {kKid, kKidThumbprint, kAlg, kUse}) {
        if (parser.optionNames().contains(name))
            return true;
    }
    return false;
}

QString KeyMetadataArguments::read(const QCommandLineParser& parser, KidChoice defaultKid, JwkMetadata& out)
{
    out.kidChoice = defaultKid;
    const bool hasKid = parser.isSet(kKid);
    if (hasKid && parser.isSet(kKidThumbprint))
        return QStringLiteral("give either --kid or --kid-thumbprint, not both");
    if (hasKid) {
        out.kidChoice = KidChoice::Value;
        out.kid = parser.value(kKid);
        if (out.kid.isEmpty())
            return QStringLiteral("--kid must not be empty");
    } else if (parser.isSet(kKidThumbprint)) {
        out.kidChoice = KidChoice::Thumbprint;
    }
    if (parser.optionNames().contains(kAlg)) {
        if (parser.value(kAlg).isEmpty())
            return QStringLiteral("--alg must not be empty");
        out.alg = parser.value(kAlg);
    }
    if (parser.optionNames().contains(kUse)) {
        const QString use = parser.value(kUse);
        if (use != QLatin1String("sig") && use != QLatin1String("enc"))
            return QStringLiteral("--use must be sig or enc, not \"%1\"").arg(use);
        out.use = use;
    }
    return {};
}

QString KeyMetadataArguments::checkAgainstKey(const Key& key)
{
    // The same rules `key inspect` reports, applied before anything is written.
    const KeyReport report = inspectKey(key, QDateTime::currentDateTimeUtc());
    for (const KeyFinding& f : report.findings) {
        switch (f.code) {
        case KeyFindingCode::AlgUnknown:
        case KeyFindingCode::AlgMismatch:
        case KeyFindingCode::UseMismatch:
        case KeyFindingCode::UseAlgMismatch:
            return f.message;
        default:
            break;
        }
    }
    return {};
}

} // namespace assay::cli
