// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

class QIODevice;

namespace assay::cli {

/// The three standard streams of one CLI run. Commands never touch stdin/stdout/stderr directly, so the whole CLI
/// can run in-process against buffers.
///
/// Diagnostics go to the error stream as exactly one line each ("assay-cli: error: ..."), with any line breaks
/// inside the message folded into spaces, so a script can show or grep them line by line.
class Console
{
public:
    Console(QIODevice& input, QIODevice& output, QIODevice& errors, bool inputIsTerminal);

    [[nodiscard]] QIODevice& input() const { return m_input; }
    /// True when stdin is an interactive terminal (reading it would wait for the user).
    [[nodiscard]] bool inputIsTerminal() const { return m_inputIsTerminal; }

    /// Writes UTF-8 text to the output stream as given.
    void print(const QString& text) const;
    /// Writes bytes to the output stream unchanged (decoded JSON, tokens).
    void write(QByteArrayView bytes) const;
    /// Writes text followed by a line break.
    void printLine(const QString& text = {}) const;

    /// "assay-cli: error: <message>" on the error stream.
    void error(const QString& message) const;
    /// "assay-cli: note: <message>" on the error stream (what was stripped from the input, skipped keys, ...).
    void note(const QString& message) const;
    /// Text written to the error stream as given (help requested in the wrong place, usage summaries).
    void printError(const QString& text) const;

    /// Flushes both output streams.
    void flush() const;

private:
    void errorLine(const QString& kind, const QString& message) const;

    QIODevice& m_input;
    QIODevice& m_output;
    QIODevice& m_errors;
    bool m_inputIsTerminal = false;
};

} // namespace assay::cli
