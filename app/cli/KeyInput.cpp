// SPDX-License-Identifier: Apache-2.0
#include "KeyInput.h"

#include "Console.h"
#include "InputReader.h"

#include "jwk/KeyLoader.h"

namespace assay::cli {

KeyInput::KeyInput(const Console& console)
    : m_console(console)
{
}

std::expected<QByteArray, ExitCode> KeyInput::read(const QString& argument, const QString& command) const
{
    const bool literal =
        argument != QLatin1String("-") && !argument.startsWith(QLatin1Char('@')) && !InputReader::isFilePath(argument);
    if (literal) {
        const QString text = argument.trimmed();
        if (!text.startsWith(QLatin1Char('{')) && !text.contains(QLatin1String("-----BEGIN "))) {
            m_console.error(
                QStringLiteral("\"%1\" is neither a file nor a JWK or PEM key (see \"assay-cli %2 --help\")")
                    .arg(argument, command));
            return std::unexpected(ExitCode::Usage);
        }
    }
    const InputReader reader(m_console.input());
    Result<QByteArray> bytes = reader.read(argument);
    if (!bytes) {
        const Error& e = bytes.error();
        m_console.error(e.message);
        return std::unexpected(e.code == ErrorCode::InputTooLarge ? ExitCode::Failure : ExitCode::Usage);
    }
    return std::move(*bytes);
}

std::expected<SecureBytes, ExitCode> KeyInput::readPassphrase(const QString& path, const QString& option,
                                                              const QString& command) const
{
    Result<QByteArray> bytes = InputReader::readFile(path);
    if (!bytes) {
        m_console.error(
            QStringLiteral("--%1: %2 (see \"assay-cli %3 --help\")").arg(option, bytes.error().message, command));
        return std::unexpected(ExitCode::Usage);
    }
    // Files written with `echo` or an editor end in a line break that is almost never part of the passphrase.
    bool stripped = false;
    while (bytes->endsWith('\n') || bytes->endsWith('\r')) {
        bytes->chop(1);
        stripped = true;
    }
    if (stripped)
        m_console.note(QStringLiteral("removed the trailing line break from the passphrase file"));
    SecureBytes passphrase(*bytes);
    wipe(*bytes);
    if (passphrase.isEmpty()) {
        m_console.error(QStringLiteral("--%1: the passphrase file \"%2\" is empty").arg(option, path));
        return std::unexpected(ExitCode::Usage);
    }
    return passphrase;
}

std::expected<KeySet, ExitCode> KeyInput::load(const QByteArray& bytes, const SecureBytes* passphrase,
                                               const QString& what) const
{
    Result<KeySet> keys = loadKeys(bytes, passphrase);
    if (!keys) {
        const Error& e = keys.error();
        QString message = QStringLiteral("%1: %2").arg(what, e.toString());
        if (e.code == ErrorCode::KeyPassphraseRequired) {
            m_console.error(message + QStringLiteral("; give it with --passphrase-file FILE"));
            return std::unexpected(ExitCode::Usage);
        }
        if (e.code == ErrorCode::KeyPassphraseWrong) {
            m_console.error(message);
            return std::unexpected(ExitCode::Usage);
        }
        m_console.error(message + QStringLiteral(" (%1)").arg(errorCodeName(e.code)));
        return std::unexpected(ExitCode::Failure);
    }
    for (const QString& skipped : keys->skipped)
        m_console.note(QStringLiteral("%1: skipped %2").arg(what, skipped));
    for (const QString& problem : keys->problems)
        m_console.note(QStringLiteral("%1: %2").arg(what, problem));
    if (keys->isEmpty()) {
        m_console.error(QStringLiteral("%1: no usable key").arg(what));
        return std::unexpected(ExitCode::Failure);
    }
    return std::move(*keys);
}

} // namespace assay::cli
