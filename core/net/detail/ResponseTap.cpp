// SPDX-License-Identifier: Apache-2.0
#include "net/detail/ResponseTap.h"

#include <climits>
#include <mutex>
#include <string>

namespace assay::detail {

std::optional<QByteArray> ResponseHead::field(QByteArrayView name) const
{
    for (auto it = fields.crbegin(); it != fields.crend(); ++it) {
        if (it->first.compare(name, Qt::CaseInsensitive) == 0)
            return it->second;
    }
    return std::nullopt;
}

std::optional<qint64> ResponseHead::contentLength() const
{
    const std::optional<QByteArray> value = field("Content-Length");
    if (!value || value->isEmpty())
        return std::nullopt;
    for (const char c : *value) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 length = value->toLongLong(&ok);
    return ok ? std::optional<qint64>(length) : std::nullopt;
}

ResponseHead parseResponseHead(const QByteArray& raw)
{
    ResponseHead head;
    const QList<QByteArray> lines = raw.split('\n');
    bool first = true;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            first = false;
            // "HTTP/1.x SP 3DIGIT SP reason" (RFC 9112 section 4)
            if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ')
                return head;
            const QByteArray code = line.mid(9, 3);
            bool ok = false;
            const int status = code.toInt(&ok);
            if (!ok || status < 100 || status > 999 || (line.size() > 12 && line.at(12) != ' '))
                return head;
            head.status = status;
            head.reason = line.mid(13).trimmed();
            continue;
        }
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field line; OpenSSL ignores these too
        head.fields.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return head;
}

namespace {

TapRecord* recordOf(BIO* bio)
{
    return static_cast<TapRecord*>(BIO_get_data(bio));
}

// Appends one received byte; notes the end of the head (an empty line after the status line).
void recordByte(TapRecord& record, char c)
{
    record.head.append(c);
    if (c != '\n')
        return;
    const QByteArray& h = record.head;
    const bool emptyLine = h.endsWith("\n\r\n") || h.endsWith("\n\n");
    if (emptyLine)
        record.headComplete = true;
}

// Reads at most one line (up to and including '\n', at most `size` bytes) one byte at a time from the next BIO.
int readHeadLine(BIO* bio, char* out, int size)
{
    TapRecord* record = recordOf(bio);
    BIO* next = BIO_next(bio);
    int n = 0;
    while (n < size) {
        char c = 0;
        const int r = BIO_read(next, &c, 1);
        if (r <= 0) {
            if (n > 0)
                return n; // a partial line: OpenSSL's client buffers until the line is complete
            BIO_copy_next_retry(bio);
            return r;
        }
        out[n++] = c;
        recordByte(*record, c);
        if (record->head.size() > kMaxHeadBytes) {
            record->headTooLarge = true;
            return -1; // no retry flag: a hard failure for the HTTP client
        }
        if (c == '\n')
            break;
    }
    return n;
}

int tapWrite(BIO* bio, const char* data, int size)
{
    BIO* next = BIO_next(bio);
    if (next == nullptr)
        return 0;
    BIO_clear_retry_flags(bio);
    const int written = BIO_write(next, data, size);
    BIO_copy_next_retry(bio);
    return written;
}

int tapRead(BIO* bio, char* out, int size)
{
    BIO* next = BIO_next(bio);
    TapRecord* record = recordOf(bio);
    if (next == nullptr || record == nullptr || out == nullptr || size <= 0)
        return 0;
    BIO_clear_retry_flags(bio);
    if (!record->headComplete)
        return readHeadLine(bio, out, size);
    const int r = BIO_read(next, out, size);
    BIO_copy_next_retry(bio);
    return r;
}

int tapGets(BIO* bio, char* out, int size)
{
    if (out == nullptr || size <= 1)
        return 0;
    BIO_clear_retry_flags(bio);
    const int n = readHeadLine(bio, out, size - 1);
    out[n > 0 ? n : 0] = '\0';
    return n;
}

int tapPuts(BIO* bio, const char* text)
{
    const size_t length = std::char_traits<char>::length(text);
    return tapWrite(bio, text, length > INT_MAX ? INT_MAX : static_cast<int>(length));
}

long tapCtrl(BIO* bio, int cmd, long num, void* ptr)
{
    // Push and pop notifications concern this BIO only; everything else (flush, get fd, pending, reset, ...) is
    // about the connection below.
    if (cmd == BIO_CTRL_PUSH || cmd == BIO_CTRL_POP)
        return 1;
    BIO* next = BIO_next(bio);
    if (next == nullptr)
        return 0;
    BIO_clear_retry_flags(bio);
    const long r = BIO_ctrl(next, cmd, num, ptr);
    BIO_copy_next_retry(bio);
    return r;
}

int tapCreate(BIO* bio)
{
    BIO_set_init(bio, 1);
    return 1;
}

int tapDestroy(BIO* bio)
{
    if (bio == nullptr)
        return 0;
    BIO_set_data(bio, nullptr); // the record belongs to the caller
    BIO_set_init(bio, 0);
    return 1;
}

// One method table for the process, built on first use and kept (BIO_METHODs are immutable once set up).
BIO_METHOD* tapMethod()
{
    static BIO_METHOD* method = nullptr;
    static std::once_flag once;
    std::call_once(once, [] {
        BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_FILTER, "assay HTTP response tap");
        if (m == nullptr)
            return;
        if (BIO_meth_set_write(m, tapWrite) != 1 || BIO_meth_set_read(m, tapRead) != 1 ||
            BIO_meth_set_gets(m, tapGets) != 1 || BIO_meth_set_puts(m, tapPuts) != 1 ||
            BIO_meth_set_ctrl(m, tapCtrl) != 1 || BIO_meth_set_create(m, tapCreate) != 1 ||
            BIO_meth_set_destroy(m, tapDestroy) != 1) {
            BIO_meth_free(m);
            return;
        }
        method = m;
    });
    return method;
}

} // namespace

BIO* newResponseTap(TapRecord* record)
{
    BIO_METHOD* method = tapMethod();
    if (method == nullptr || record == nullptr)
        return nullptr;
    BIO* bio = BIO_new(method);
    if (bio != nullptr)
        BIO_set_data(bio, record);
    return bio;
}

} // namespace assay::detail
