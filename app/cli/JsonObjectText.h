// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "base/Result.h"
#include "encoding/JsonDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace assay::cli {

/// A JSON object edited as text, member by member, for `assay-cli sign`.
///
/// Members read from user input keep their exact minified bytes (name escapes, number spelling, key order); members
/// the CLI adds are appended as text. Nothing is ever re-serialised, so the signed bytes are what the user wrote,
/// minus insignificant whitespace.
class JsonObjectText
{
public:
    struct Member
    {
        QString name;    // unescaped
        QByteArray text; // `"name":value`, minified, exactly as given
        JsonMember json; // kind and raw value
    };

    /// An object without members (`{}`).
    JsonObjectText() = default;

    /// Validates `json` (JsonDocument::parse) and minifies it. Fails when it is not valid JSON, not an object, or
    /// has duplicate member names at any depth (ambiguous claims or header: RFC 7515 section 5.2, RFC 7519 4).
    /// `what` names the input in messages ("--header", "the payload").
    [[nodiscard]] static Result<JsonObjectText> parse(QByteArrayView json, Segment segment, const QString& what);

    [[nodiscard]] const QList<Member>& members() const { return m_members; }
    [[nodiscard]] std::optional<Member> member(QStringView name) const;
    [[nodiscard]] bool contains(QStringView name) const { return member(name).has_value(); }

    /// Appends `"name":rawValue`; `rawValue` must be valid JSON text.
    void append(QStringView name, QByteArrayView rawValue);
    /// Appends a member taken from another object, byte for byte.
    void append(const Member& member);
    /// Replaces the value of the first member called `name`, keeping its position; false if there is none.
    bool replaceValue(QStringView name, QByteArrayView rawValue);

    /// `{member,member,...}`: for a parsed object without changes, exactly its minified text.
    [[nodiscard]] QByteArray text() const;

private:
    QList<Member> m_members;
};

} // namespace assay::cli
