// SPDX-License-Identifier: Apache-2.0
#include "Console.h"

#include <QFileDevice>
#include <QIODevice>

namespace assay::cli {

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.trimmed();
}

void flushDevice(QIODevice& device)
{
    if (auto* file = qobject_cast<QFileDevice*>(&device))
        file->flush();
}

} // namespace

Console::Console(QIODevice& input, QIODevice& output, QIODevice& errors, bool inputIsTerminal)
    : m_input(input)
    , m_output(output)
    , m_errors(errors)
    , m_inputIsTerminal(inputIsTerminal)
{
}

void Console::print(const QString& text) const
{
    m_output.write(text.toUtf8());
}

void Console::write(QByteArrayView bytes) const
{
    m_output.write(bytes.data(), bytes.size());
}

void Console::printLine(const QString& text) const
{
    print(text + QLatin1Char('\n'));
}

void Console::error(const QString& message) const
{
    errorLine(QStringLiteral("error"), message);
}

void Console::note(const QString& message) const
{
    errorLine(QStringLiteral("note"), message);
}

void Console::printError(const QString& text) const
{
    m_errors.write(text.toUtf8());
}

void Console::flush() const
{
    flushDevice(m_output);
    flushDevice(m_errors);
}

void Console::errorLine(const QString& kind, const QString& message) const
{
    // Flush what was printed so far, so stdout and stderr interleave in order on a terminal.
    flushDevice(m_output);
    m_errors.write(QStringLiteral("assay-cli: %1: %2\n").arg(kind, oneLine(message)).toUtf8());
    flushDevice(m_errors);
}

} // namespace assay::cli
