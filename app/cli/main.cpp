// SPDX-License-Identifier: Apache-2.0
// assay-cli: decode, verify and sign JSON Web Tokens from the command line. The logic lives in CliApp and the
// *Command classes; this file only wires the process's standard streams to them.

#include "CliApp.h"
#include "Console.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

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

#ifndef Q_OS_WIN
// The arguments as QCoreApplication::arguments() gives them on Unix (argv in the locale's encoding).
QStringList argumentList(int argc, char* argv[])
{
    QStringList list;
    list.reserve(argc);
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}
#endif

} // namespace

int main(int argc, char* argv[])
{
    // Nothing in assay-cli needs an application object: no event loop, timers, plugins or translations. On Unix the
    // argument list is read directly, which saves QCoreApplication's set-up (event dispatcher, GLib main context,
    // locale and library paths): about a tenth of the whole process's cost for a typical decode or verify
    // (scripts/bench-cli.py). Windows needs it for the UTF-16 command line.
#ifdef Q_OS_WIN
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
#else
    const QStringList arguments = argumentList(argc, argv);
#endif

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
    const int status = assay::cli::toInt(cli.run(arguments));
    console.flush();
    return status;
}
