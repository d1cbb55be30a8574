// SPDX-License-Identifier: Apache-2.0
#include "TextOutput.h"

#include "Console.h"

#include <QSaveFile>

namespace assay::cli {

ExitCode writeTextOutput(const Console& console, const QString& text, const QString& path)
{
    if (path.isEmpty()) {
        console.print(text);
        return ExitCode::Ok;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        console.error(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return ExitCode::Usage;
    }
    return ExitCode::Ok;
}

} // namespace assay::cli
