// SPDX-License-Identifier: Apache-2.0
// assay-cli: decode, verify and sign JSON Web Tokens from the command line. The logic lives in CliApp and the
// *Command classes; this file only wires the process's standard streams to them.

#include "CliApp.h"
#include "Console.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace {

bool stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("assay-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));

    QFile in;
    QFile out;
    QFile err;
    // Unbuffered stdin reads stop exactly at the end of the pipe; the output files flush through stdio.
    if (!in.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered) || !out.open(stdout, QIODevice::WriteOnly) ||
        !err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        std::fputs("assay-cli: error: cannot open the standard streams\n", stderr);
        return 2;
    }

    const assay::cli::Console console(in, out, err, stdinIsTerminal());
    assay::cli::CliApp cli(console);
    const int status = assay::cli::toInt(cli.run(QCoreApplication::arguments()));
    console.flush();
    return status;
}
