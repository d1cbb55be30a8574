// SPDX-License-Identifier: Apache-2.0
#include "KeyOutput.h"

#include "Console.h"

#include <QFile>
#include <QFileInfo>

namespace assay::cli {

KeyOutput::KeyOutput(const Console& console)
    : m_console(console)
{
}

bool KeyOutput::needsLineBreak(QByteArrayView bytes)
{
    return !bytes.isEmpty() && bytes.back() != '\n';
}

ExitCode KeyOutput::write(const QString& path, QByteArrayView bytes, const QString& option) const
{
    if (path == QLatin1String("-")) {
        m_console.write(bytes);
        return ExitCode::Ok;
    }
    if (path.isEmpty() || QFileInfo(path).isDir()) {
        m_console.error(QStringLiteral("--%1: \"%2\" is not a file name").arg(option, path));
        return ExitCode::Usage;
    }
    constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    // A new file is created 0600 from the start; an existing one is narrowed to 0600 before anything is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly) || !file.setPermissions(ownerOnly)) {
        m_console.error(QStringLiteral("--%1: cannot write \"%2\": %3").arg(option, path, file.errorString()));
        return ExitCode::Usage;
    }
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.flush()) {
        m_console.error(QStringLiteral("--%1: writing \"%2\" failed: %3").arg(option, path, file.errorString()));
        return ExitCode::Usage;
    }
    return ExitCode::Ok;
}

} // namespace assay::cli
