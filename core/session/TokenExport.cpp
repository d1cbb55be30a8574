// SPDX-License-Identifier: Apache-2.0
#include "session/TokenExport.h"

namespace assay {

QString authorizationHeader(QByteArrayView token)
{
    return QStringLiteral("Authorization: Bearer ") + QString::fromUtf8(token);
}

QString shellQuote(QStringView argument)
{
    QString quoted = argument.toString();
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString curlCommand(QByteArrayView token, QStringView url)
{
    return QStringLiteral("curl -H %1 %2").arg(shellQuote(authorizationHeader(token)), shellQuote(url));
}

} // namespace assay
