// SPDX-License-Identifier: Apache-2.0
#pragma once

// Where the external vectors live: $ASSAY_VECTORS_DIR, else ../shared/vectors next to the checkout.
// Tests that need them QSKIP with a clear message when the folder is absent.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QtTest>

namespace assay::test {

inline QString vectorsDir()
{
    const QByteArray env = qgetenv("ASSAY_VECTORS_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QDir::cleanPath(QStringLiteral(ASSAY_DEFAULT_VECTORS_DIR));
}

inline bool haveVectors()
{
    return QFileInfo::exists(vectorsDir() + QStringLiteral("/README.md"));
}

inline QString vectorPath(const QString& relative)
{
    return vectorsDir() + QLatin1Char('/') + relative;
}

inline QByteArray readVectorFile(const QString& relative)
{
    QFile f(vectorPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Test data from the vectors is read with QJsonDocument: it is only test input, not the model under test.
inline QJsonObject readVectorJson(const QString& relative)
{
    return QJsonDocument::fromJson(readVectorFile(relative)).object();
}

} // namespace assay::test

#define ASSAY_REQUIRE_VECTORS()                                                                                        \
    do {                                                                                                               \
        if (!assay::test::haveVectors())                                                                               \
            QSKIP(qPrintable(QStringLiteral("test vectors not found at %1 (set ASSAY_VECTORS_DIR)")                    \
                                 .arg(assay::test::vectorsDir())));                                                    \
    } while (false)
