// SPDX-License-Identifier: Apache-2.0
// A fuzz driver for compilers without libFuzzer: runs the target on every seed file under the given folders and on
// a fixed number of deterministic mutations of each (bit flips, byte changes, insertions, deletions, truncations,
// repeated chunks and splices with another seed). Same seeds and count, same inputs: a failure is reproducible.
//   FuzzReplay <iterations-per-seed> <file-or-folder>...
#include "FuzzTarget.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace {

struct Rng
{
    std::uint64_t state;
    std::uint64_t next()
    {
        // xorshift64*: fast and good enough to pick mutations.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
    qsizetype below(qsizetype n) { return n <= 0 ? 0 : static_cast<qsizetype>(next() % static_cast<std::uint64_t>(n)); }
};

QByteArray mutate(QByteArray data, const QByteArray& other, Rng& rng)
{
    static const char interesting[] = ".=+/-_{}[]\":,\\ \r\n\0A0";
    const int rounds = 1 + static_cast<int>(rng.below(4));
    for (int r = 0; r < rounds; ++r) {
        const qsizetype n = data.size();
        switch (rng.below(8)) {
        case 0: // flip a bit
            if (n > 0)
                data[rng.below(n)] = static_cast<char>(data[rng.below(n)] ^ (1 << rng.below(8)));
            break;
        case 1: // an interesting byte
            if (n > 0)
                data[rng.below(n)] = interesting[rng.below(sizeof(interesting) - 1)];
            break;
        case 2: // insert
            data.insert(rng.below(n + 1), interesting[rng.below(sizeof(interesting) - 1)]);
            break;
        case 3: // delete a run
            if (n > 0) {
                const qsizetype at = rng.below(n);
                data.remove(at, 1 + rng.below(qMin<qsizetype>(8, n - at)));
            }
            break;
        case 4: // truncate
            data.truncate(rng.below(n + 1));
            break;
        case 5: // repeat a chunk
            if (n > 0) {
                const qsizetype at = rng.below(n);
                const QByteArray chunk = data.mid(at, 1 + rng.below(16));
                data.insert(rng.below(n + 1), chunk.repeated(1 + static_cast<int>(rng.below(4))));
            }
            break;
        case 6: // splice with another seed
            if (!other.isEmpty())
                data = data.left(rng.below(n + 1)) + other.mid(rng.below(other.size()));
            break;
        default: // random byte
            if (n > 0)
                data[rng.below(n)] = static_cast<char>(rng.next() & 0xff);
            break;
        }
    }
    return data;
}

void run(const QByteArray& input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.constData()),
                           static_cast<std::size_t>(input.size()));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: FuzzReplay <iterations-per-seed> <file-or-folder>...\n");
        return 2;
    }
    const int iterations = args.front().toInt();
    QList<QByteArray> seeds;
    for (const QString& path : args.mid(1)) {
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.size() <= 256 * 1024 && f.open(QIODevice::ReadOnly))
                    seeds.append(f.readAll());
            }
        } else {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                seeds.append(f.readAll());
        }
    }
    if (seeds.isEmpty()) {
        std::printf("no seeds found: nothing to replay (is the vectors folder present?)\n");
        return 0;
    }
    Rng rng{0x9e3779b97f4a7c15ULL};
    long runs = 0;
    for (qsizetype i = 0; i < seeds.size(); ++i) {
        run(seeds.at(i));
        ++runs;
        const QByteArray& other = seeds.at((i + 1) % seeds.size());
        for (int k = 0; k < iterations; ++k) {
            run(mutate(seeds.at(i), other, rng));
            ++runs;
        }
    }
    std::printf("%ld inputs from %lld seeds: no crash, every property held\n", runs,
                static_cast<long long>(seeds.size()));
    return 0;
}
