// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace assay {

/// Caps applied before and during parsing (RFC 8725 section 3 and ATTACKS.md A24: bounded work).
struct JsonLimits
{
    qsizetype maxBytes = 1024 * 1024; // 1 MiB
    int maxDepth = 64;
};

enum class JsonKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
};

/// "null", "a boolean", "a number", "a string", "an array", "an object": for messages about a value's type.
[[nodiscard]] QString jsonKindDescription(JsonKind kind);

/// One member of the top-level object, exactly as written.
struct JsonMember
{
    QString name; // unescaped
    JsonKind kind = JsonKind::Null;
    QByteArray rawValue;        // the value's text exactly as written (e.g. `3.0`, `"a\u0041"`, `[1, 2]`)
    qsizetype nameOffset = -1;  // byte offset of the opening quote of the name in the document
    qsizetype valueOffset = -1; // byte offset of the first byte of the value

    /// The unescaped string value when kind == String.
    [[nodiscard]] std::optional<QString> toString() const;
    /// The boolean when kind == Bool.
    [[nodiscard]] std::optional<bool> toBool() const;
    /// Each element when kind == Array and every element is a string; nullopt otherwise.
    [[nodiscard]] std::optional<QStringList> toStringList() const;
};

/// A validated JSON text that keeps its bytes exactly as written.
///
/// Validation (syntax, UTF-8, duplicates, depth) is done by nlohmann/json; this class never rewrites a token of the
/// text: pretty() and minified() only change insignificant whitespace, so key order, number spelling and string
/// escapes stay as the author wrote them.
class JsonDocument
{
public:
    JsonDocument();
    ~JsonDocument();
    JsonDocument(const JsonDocument&);
    JsonDocument& operator=(const JsonDocument&);
    JsonDocument(JsonDocument&&) noexcept;
    JsonDocument& operator=(JsonDocument&&) noexcept;

    /// Parses UTF-8 JSON (RFC 8259), strictly: no BOM, no comments, no trailing commas, no NaN, valid UTF-8,
    /// no lone surrogates. Syntax errors carry `segment`, the byte offset and line:column.
    /// Duplicate member names (compared after unescaping, at any depth) do NOT fail parsing: they are recorded in
    /// duplicates() so a viewer can still show the document; callers decide (a JWS header with duplicates never
    /// verifies, RFC 7515 section 5.2).
    [[nodiscard]] static Result<JsonDocument> parse(QByteArrayView utf8, Segment segment = Segment::None,
                                                    const JsonLimits& limits = {});

    [[nodiscard]] const QByteArray& raw() const;
    [[nodiscard]] JsonKind rootKind() const;
    [[nodiscard]] bool isObject() const { return rootKind() == JsonKind::Object; }

    /// Top-level members in document order, duplicates included (empty unless the root is an object).
    [[nodiscard]] const QList<JsonMember>& members() const;
    /// Top-level elements in order when the root is an array (empty otherwise); `name` is empty, `nameOffset` -1.
    [[nodiscard]] const QList<JsonMember>& elements() const;
    /// The last top-level member with this name (JSON's "lexically last" rule), or nullopt.
    [[nodiscard]] std::optional<JsonMember> member(QStringView name) const;
    /// The same without a copy: a pointer into this document (valid while it lives), or nullptr.
    [[nodiscard]] const JsonMember* find(QStringView name) const;
    [[nodiscard]] bool contains(QStringView name) const { return find(name) != nullptr; }

    /// Duplicate member names found anywhere in the document, as "name" (top level) or "a.b.name" paths.
    [[nodiscard]] const QStringList& duplicates() const;

    /// The same tokens re-indented (indent spaces per level); whitespace inside strings is untouched.
    [[nodiscard]] QByteArray pretty(int indent = 2) const;
    /// The same tokens with all insignificant whitespace removed.
    [[nodiscard]] QByteArray minified() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

/// Whitespace-only reformatting of already valid JSON text (used by JsonDocument, exposed for editors that must
/// re-indent text without re-parsing). Behaviour on invalid JSON is unspecified but safe.
[[nodiscard]] QByteArray reindentJson(QByteArrayView validJson, int indent);
[[nodiscard]] QByteArray minifyJson(QByteArrayView validJson);

} // namespace assay
