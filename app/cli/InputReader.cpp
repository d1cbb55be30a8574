// SPDX-License-Identifier: Apache-2.0
#include "InputReader.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QStringDecoder>

namespace assay::cli {

namespace {

Result<QByteArray> readCapped(QIODevice& device, const QString& what)
{
    QByteArray data;
    constexpr qsizetype chunkSize = 64 * 1024;
    for (;;) {
        const QByteArray chunk = device.read(chunkSize);
        if (chunk.isEmpty())
            break;
        if (data.size() + chunk.size() > InputReader::MaxInputBytes) {
            return fail(ErrorCode::InputTooLarge,
                        QStringLiteral("%1 is larger than %2 MiB; refusing to read it")
                            .arg(what)
                            .arg(InputReader::MaxInputBytes / (1024 * 1024)),
                        Segment::Input);
        }
        data += chunk;
    }
    return data;
}

} // namespace

InputReader::InputReader(QIODevice& standardInput)
    : m_stdin(standardInput)
{
}

Result<QByteArray> InputReader::read(const QString& argument) const
{
    if (argument == QLatin1String("-"))
        return readStandardInput();
    if (argument.startsWith(QLatin1Char('@')))
        return readFile(argument.mid(1));
    // People type `assay-cli decode token.jwt` as often as `@token.jwt`; a token never names an existing file.
    if (isFilePath(argument))
        return readFile(argument);
    return argument.toUtf8();
}

bool InputReader::isFilePath(const QString& argument)
{
    return !argument.isEmpty() && argument != QLatin1String("-") && !argument.startsWith(QLatin1Char('@')) &&
           QFileInfo(argument).isFile();
}

Result<IntakeResult> InputReader::readToken(const QString& argument) const
{
    Result<QByteArray> bytes = read(argument);
    if (!bytes)
        return fail(bytes.error());

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(*bytes);
    if (decoder.hasError()) {
        IntakeResult raw;
        raw.token = std::move(*bytes);
        raw.stripped.append(QStringLiteral("the input is not valid UTF-8, so it was passed on without any cleaning"));
        return raw;
    }
    IntakeResult result = cleanPastedToken(text);
    if (isFilePath(argument))
        result.stripped.prepend(QStringLiteral("read the token from the file \"%1\"").arg(argument));
    return result;
}

Result<QByteArray> InputReader::readFile(const QString& path)
{
    if (path.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("missing file name after '@'"), Segment::Input);
    const QFileInfo info(path);
    if (info.isDir())
        return fail(ErrorCode::Io, QStringLiteral("cannot read \"%1\": it is a directory").arg(path), Segment::Input);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString()),
                    Segment::Input);
    // Regular files can be refused by size up front; devices and FIFOs are read with the same cap.
    if (!file.isSequential() && file.size() > MaxInputBytes) {
        return fail(ErrorCode::InputTooLarge,
                    QStringLiteral("\"%1\" is larger than %2 MiB; refusing to read it")
                        .arg(path)
                        .arg(MaxInputBytes / (1024 * 1024)),
                    Segment::Input);
    }
    return readCapped(file, QStringLiteral("\"%1\"").arg(path));
}

Result<QByteArray> InputReader::readStandardInput() const
{
    if (!m_stdin.isOpen() || !m_stdin.isReadable())
        return fail(ErrorCode::Io, QStringLiteral("standard input is not readable"), Segment::Input);
    return readCapped(m_stdin, QStringLiteral("standard input"));
}

} // namespace assay::cli
