// SPDX-License-Identifier: Apache-2.0
#include "encoding/JsonDocument.h"

#include "encoding/Utf8.h"
#include "encoding/detail/JsonScan.h"

#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace assay {

namespace {

using Json = nlohmann::json;

// nlohmann/json refuses numbers that overflow a double (`1e400`) although RFC 8259 section 6 allows them. Such a
// number is blanked out and the text re-validated; this bounds how often, so crafted input cannot make it quadratic.
constexpr int kMaxOutOfRangeNumbers = 16;

/// Receives nlohmann/json's SAX events. The parser itself is iterative; this handler adds what it lacks: a depth
/// cap (ATTACKS.md A24), duplicate names compared after unescaping (A22) and the top-level names in order.
class StrictSax
{
public:
    explicit StrictSax(int maxDepth)
        : m_maxDepth(maxDepth)
    {
    }

    bool null() { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool number_integer(Json::number_integer_t) { return scalar(); }
    bool number_unsigned(Json::number_unsigned_t) { return scalar(); }
    bool number_float(Json::number_float_t, const Json::string_t&) { return scalar(); }
    bool string(Json::string_t&) { return scalar(); }
    bool binary(Json::binary_t&) { return scalar(); }

    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t& name)
    {
        Frame& top = m_frames.back();
        if (!top.insertKey(name))
            recordDuplicate(name);
        if (m_frames.size() == 1)
            m_topKeys.push_back(name);
        top.lastKey = name;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& ex)
    {
        m_failed = true;
        m_errorPosition = position;
        m_errorToken = lastToken;
        m_errorId = ex.id;
        m_errorWhat = ex.what();
        return false;
    }

    bool tooDeep() const { return m_tooDeep; }
    bool failed() const { return m_failed; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string& errorToken() const { return m_errorToken; }
    int errorId() const { return m_errorId; }
    const std::string& errorWhat() const { return m_errorWhat; }
    const std::vector<std::string>& topKeys() const { return m_topKeys; }
    const QStringList& duplicates() const { return m_duplicates; }

private:
    struct Frame
    {
        bool isArray = false;
        std::string segment; // how the parent reaches this container: a member name or "[index]"
        // Objects are small as a rule: a linear scan of a vector beats hashing until a few dozen members, and it
        // costs no allocation per lookup (this runs on every keystroke in the editor).
        std::vector<std::string> keys;
        std::unordered_set<std::string> manyKeys;
        std::string lastKey;
        std::size_t nextIndex = 0;

        bool insertKey(const std::string& name)
        {
            constexpr std::size_t kLinearLimit = 32;
            if (manyKeys.empty() && keys.size() < kLinearLimit) {
                for (const std::string& k : keys) {
                    if (k == name)
                        return false;
                }
                keys.push_back(name);
                return true;
            }
            if (manyKeys.empty()) {
                for (std::string& k : keys)
                    manyKeys.insert(std::move(k));
                keys.clear();
            }
            return manyKeys.insert(name).second;
        }
    };

    bool scalar()
    {
        if (!m_frames.empty() && m_frames.back().isArray)
            ++m_frames.back().nextIndex;
        return true;
    }

    bool open(bool isArray)
    {
        std::string segment;
        if (!m_frames.empty()) {
            Frame& parent = m_frames.back();
            segment = parent.isArray ? "[" + std::to_string(parent.nextIndex) + "]" : parent.lastKey;
        }
        scalar();
        // Checked before the frame is pushed, so at most maxDepth frames ever exist.
        if (m_frames.size() >= static_cast<std::size_t>(m_maxDepth)) {
            m_tooDeep = true;
            return false;
        }
        m_frames.push_back(Frame{isArray, std::move(segment), {}, {}, {}, 0});
        return true;
    }

    bool close()
    {
        m_frames.pop_back();
        return true;
    }

    void recordDuplicate(const std::string& name)
    {
        std::string path;
        auto append = [&path](const std::string& part, bool isIndex) {
            if (!path.empty() && !isIndex)
                path += '.';
            path += part;
        };
        for (std::size_t i = 1; i < m_frames.size(); ++i)
            append(m_frames[i].segment, m_frames[i - 1].isArray);
        append(name, false);
        const QString qpath = QString::fromStdString(path);
        if (!m_seenDuplicates.contains(qpath)) {
            m_seenDuplicates.insert(qpath);
            m_duplicates.append(qpath);
        }
    }

    int m_maxDepth;
    std::vector<Frame> m_frames;
    std::vector<std::string> m_topKeys;
    QStringList m_duplicates;
    QSet<QString> m_seenDuplicates;
    bool m_tooDeep = false;
    bool m_failed = false;
    std::size_t m_errorPosition = 0;
    std::string m_errorToken;
    int m_errorId = 0;
    std::string m_errorWhat;
};

Error jsonError(ErrorCode code, QString message, Segment segment, QByteArrayView text, qsizetype offset)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.segment = segment;
    e.offset = offset;
    if (offset >= 0) {
        const utf8::TextPosition pos = utf8::positionAt(text, offset);
        e.line = pos.line;
        e.column = pos.column;
    }
    return e;
}

/// Where nesting first exceeds maxDepth: the offset of that opening bracket.
qsizetype tooDeepOffset(QByteArrayView text, int maxDepth)
{
    qsizetype depth = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') {
            pos = detail::skipJsonString(text, pos);
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return pos;
        } else if (c == '}' || c == ']') {
            --depth;
        }
        ++pos;
    }
    return -1;
}

/// nlohmann's what() is "[json.exception.parse_error.101] parse error at line L, column C: <reason>". Its line and
/// column count bytes, so only the reason is kept; Assay computes its own position in characters.
QString reasonOf(const std::string& what)
{
    std::string reason = what;
    if (const auto column = reason.find("column "); column != std::string::npos) {
        if (const auto colon = reason.find(": ", column); colon != std::string::npos)
            reason = reason.substr(colon + 2);
    } else if (const auto bracket = reason.find("] "); bracket != std::string::npos) {
        reason = reason.substr(bracket + 2);
    }
    return QString::fromStdString(reason);
}

/// The backslash of the nearest `\uXXXX` escape at or before `from` that encodes a UTF-16 surrogate; nlohmann
/// notices a lone surrogate a few bytes after it.
qsizetype surrogateEscapeOffset(QByteArrayView text, qsizetype from)
{
    for (qsizetype p = std::min(from, text.size() - 6); p >= 0 && p >= from - 12; --p) {
        if (text[p] != '\\' || text[p + 1] != 'u')
            continue;
        bool ok = false;
        const uint unit = QByteArray(text.sliced(p + 2, 4).data(), 4).toUInt(&ok, 16);
        if (ok && unit >= 0xD800 && unit <= 0xDFFF)
            return p;
    }
    return from;
}

Error syntaxError(const StrictSax& sax, QByteArrayView text, Segment segment)
{
    const auto size = text.size();
    const auto position = static_cast<qsizetype>(std::min<std::size_t>(sax.errorPosition(), size_t(size) + 1));
    const std::string& token = sax.errorToken();
    const QString reason = reasonOf(sax.errorWhat());
    // nlohmann's token text is exact only for literal tokens (strings, numbers, true/false/null); for structural
    // characters it holds stale bytes. A misplaced literal is reported where it starts, the end of input at the
    // end, anything else (a structural character, a lexer error) at the byte where the lexer stopped.
    qsizetype offset = position - 1;
    if (reason.contains(QLatin1String("unexpected end of input")))
        offset = size;
    else if (reason.contains(QLatin1String(" literal;")) && reason.contains(QLatin1String("unexpected")) &&
             token.find("<U+") == std::string::npos)
        offset = position - qsizetype(token.size());
    offset = std::clamp<qsizetype>(offset, 0, size);

    ErrorCode code = ErrorCode::JsonSyntax;
    QString message;
    const char at = offset < size ? text[offset] : '\0';
    const qsizetype before = [&] {
        qsizetype p = offset - 1;
        while (p >= 0 && detail::isJsonSpace(text[p]))
            --p;
        return p;
    }();
    if (reason.contains(QLatin1String("surrogate"))) {
        // Grammatical per RFC 8259, but a lone surrogate is no character and cannot be converted to UTF-8.
        code = ErrorCode::Utf8Invalid;
        offset = surrogateEscapeOffset(text, offset);
        message = QStringLiteral("lone UTF-16 surrogate escape (not a Unicode character)");
    } else if (at == '/') {
        message = QStringLiteral("comments are not allowed in JSON");
    } else if ((at == '}' || at == ']') && before >= 0 && text[before] == ',') {
        offset = before;
        message = QStringLiteral("trailing comma before '%1'").arg(QLatin1Char(at));
    } else if (text.sliced(offset).startsWith("NaN") || text.sliced(offset).startsWith("Infinity") ||
               text.sliced(offset).startsWith("-Infinity")) {
        message = QStringLiteral("NaN and Infinity are not JSON numbers");
    } else if (offset >= size) {
        message = QStringLiteral("unexpected end of JSON text");
    } else {
        const auto dash = reason.indexOf(QLatin1String(" - "));
        message = QStringLiteral("invalid JSON: ") + (dash >= 0 ? reason.mid(dash + 3) : reason);
    }
    Error e = jsonError(code, message, segment, text, offset);
    e.detail = reason;
    return e;
}

} // namespace

struct JsonDocument::Data
{
    QByteArray raw;
    JsonKind root = JsonKind::Null;
    QList<JsonMember> members;
    QList<JsonMember> elements;
    QStringList duplicates;
};

JsonDocument::JsonDocument()
{
    // Shared by every default-constructed document, so accessors never see a null pointer.
    static const auto empty = std::make_shared<const Data>();
    d = empty;
}

JsonDocument::~JsonDocument() = default;
JsonDocument::JsonDocument(const JsonDocument&) = default;
JsonDocument& JsonDocument::operator=(const JsonDocument&) = default;
// Moves share the immutable data instead of emptying the source, so a moved-from document is still usable.
JsonDocument::JsonDocument(JsonDocument&& other) noexcept
    : d(other.d)
{
}
JsonDocument& JsonDocument::operator=(JsonDocument&& other) noexcept
{
    d = other.d;
    return *this;
}

Result<JsonDocument> JsonDocument::parse(QByteArrayView utf8, Segment segment, const JsonLimits& limits)
{
    // Every cap is checked before the parser sees a byte (ATTACKS.md A24).
    if (utf8.size() > limits.maxBytes) {
        return fail(ErrorCode::JsonTooLarge,
                    QStringLiteral("JSON text is %1 bytes, more than the limit of %2 bytes")
                        .arg(utf8.size())
                        .arg(limits.maxBytes),
                    segment);
    }
    if (utf8.startsWith("\xEF\xBB\xBF")) {
        // nlohmann/json skips a BOM silently; RFC 8259 section 8.1 says a sender MUST NOT add one.
        return fail(jsonError(ErrorCode::JsonBom, QStringLiteral("JSON text starts with a UTF-8 byte order mark"),
                              segment, utf8, 0));
    }
    if (const qsizetype bad = utf8::firstInvalidOffset(utf8); bad >= 0) {
        return fail(jsonError(ErrorCode::Utf8Invalid,
                              QStringLiteral("invalid UTF-8 (byte 0x%1)")
                                  .arg(QString::number(quint8(utf8[bad]), 16).toUpper().rightJustified(2, u'0')),
                              segment, utf8, bad));
    }
    if (detail::skipJsonSpace(utf8, 0) == utf8.size())
        return fail(jsonError(ErrorCode::JsonSyntax, QStringLiteral("empty JSON text"), segment, utf8, utf8.size()));

    // The text handed to the parser; only differs from utf8 when an out-of-range number had to be blanked.
    QByteArray patched;
    QByteArrayView parsed = utf8;
    std::optional<StrictSax> sax;
    for (int attempt = 0;; ++attempt) {
        sax.emplace(std::max(limits.maxDepth, 1));
        bool ok = false;
        try {
            ok = Json::sax_parse(parsed.data(), parsed.data() + parsed.size(), &*sax,
                                 nlohmann::json::input_format_t::json,
                                 /*strict=*/true, /*ignore_comments=*/false);
        } catch (const std::exception& ex) {
            Error e = jsonError(ErrorCode::Internal, QStringLiteral("JSON parser failure"), segment, utf8, -1);
            e.detail = QString::fromUtf8(ex.what());
            return fail(std::move(e));
        }
        if (ok)
            break;
        if (sax->tooDeep()) {
            return fail(jsonError(ErrorCode::JsonTooDeep,
                                  QStringLiteral("JSON nesting deeper than %1 levels").arg(limits.maxDepth), segment,
                                  utf8, tooDeepOffset(utf8, std::max(limits.maxDepth, 1))));
        }
        if (!sax->failed())
            return fail(jsonError(ErrorCode::Internal, QStringLiteral("JSON parser stopped"), segment, utf8, -1));
        const auto end = static_cast<qsizetype>(sax->errorPosition());
        const auto length = static_cast<qsizetype>(sax->errorToken().size());
        if (sax->errorId() == 406 && end <= parsed.size() && length > 0 && end >= length) {
            if (attempt >= kMaxOutOfRangeNumbers) {
                return fail(jsonError(
                    ErrorCode::JsonSyntax,
                    QStringLiteral("more than %1 numbers outside the range of a double").arg(kMaxOutOfRangeNumbers),
                    segment, utf8, end - length));
            }
            // Same length, still a number, so every later offset is unchanged.
            if (patched.isNull())
                patched = utf8.toByteArray();
            patched[end - length] = '0';
            for (qsizetype i = end - length + 1; i < end; ++i)
                patched[i] = ' ';
            parsed = patched;
            continue;
        }
        return fail(syntaxError(*sax, utf8, segment));
    }

    auto data = std::make_shared<Data>();
    data->raw = utf8.toByteArray();
    data->duplicates = sax->duplicates();
    const QByteArrayView text = data->raw;
    qsizetype pos = detail::skipJsonSpace(text, 0);
    data->root = detail::jsonKindOf(text[pos]);

    if (data->root == JsonKind::Object || data->root == JsonKind::Array) {
        const bool isObject = data->root == JsonKind::Object;
        const char close = isObject ? '}' : ']';
        const auto& names = sax->topKeys();
        std::size_t index = 0;
        pos = detail::skipJsonSpace(text, pos + 1);
        while (pos < text.size() && text[pos] != close) {
            JsonMember m;
            if (isObject) {
                m.nameOffset = pos;
                pos = detail::skipJsonSpace(text, detail::skipJsonString(text, pos));
                pos = detail::skipJsonSpace(text, pos + 1); // past ':'
                if (index < names.size())
                    m.name = QString::fromStdString(names[index]);
                ++index;
            }
            m.valueOffset = pos;
            const qsizetype end = detail::skipJsonValue(text, pos);
            m.kind = detail::jsonKindOf(text[pos]);
            m.rawValue = text.sliced(pos, end - pos).toByteArray();
            (isObject ? data->members : data->elements).append(std::move(m));
            pos = detail::skipJsonSpace(text, end);
            if (pos < text.size() && text[pos] == ',')
                pos = detail::skipJsonSpace(text, pos + 1);
        }
    }

    JsonDocument doc;
    doc.d = std::move(data);
    return doc;
}

const QByteArray& JsonDocument::raw() const
{
    return d->raw;
}

JsonKind JsonDocument::rootKind() const
{
    return d->root;
}

const QList<JsonMember>& JsonDocument::members() const
{
    return d->members;
}

const QList<JsonMember>& JsonDocument::elements() const
{
    return d->elements;
}

const JsonMember* JsonDocument::find(QStringView name) const
{
    for (auto it = d->members.crbegin(); it != d->members.crend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}

QString jsonKindDescription(JsonKind kind)
{
    switch (kind) {
    case JsonKind::Null:
        return QStringLiteral("null");
    case JsonKind::Bool:
        return QStringLiteral("a boolean");
    case JsonKind::Number:
        return QStringLiteral("a number");
    case JsonKind::String:
        return QStringLiteral("a string");
    case JsonKind::Array:
        return QStringLiteral("an array");
    case JsonKind::Object:
        return QStringLiteral("an object");
    }
    return QStringLiteral("an unknown value");
}

std::optional<JsonMember> JsonDocument::member(QStringView name) const
{
    const JsonMember* found = find(name);
    return found ? std::optional<JsonMember>(*found) : std::nullopt;
}

const QStringList& JsonDocument::duplicates() const
{
    return d->duplicates;
}

QByteArray JsonDocument::pretty(int indent) const
{
    return reindentJson(d->raw, indent);
}

QByteArray JsonDocument::minified() const
{
    return minifyJson(d->raw);
}

std::optional<QString> JsonMember::toString() const
{
    if (kind != JsonKind::String)
        return std::nullopt;
    try {
        const Json value = Json::parse(rawValue.cbegin(), rawValue.cend());
        if (!value.is_string())
            return std::nullopt;
        return QString::fromStdString(value.get_ref<const std::string&>());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<bool> JsonMember::toBool() const
{
    if (kind != JsonKind::Bool)
        return std::nullopt;
    if (rawValue == "true")
        return true;
    if (rawValue == "false")
        return false;
    return std::nullopt;
}

std::optional<QStringList> JsonMember::toStringList() const
{
    if (kind != JsonKind::Array)
        return std::nullopt;
    try {
        const Json value = Json::parse(rawValue.cbegin(), rawValue.cend());
        if (!value.is_array())
            return std::nullopt;
        QStringList out;
        out.reserve(qsizetype(value.size()));
        for (const Json& element : value) {
            if (!element.is_string())
                return std::nullopt;
            out.append(QString::fromStdString(element.get_ref<const std::string&>()));
        }
        return out;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace assay
