// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

/// Writes JSON text member by member, in the order given: assay-cli's `--json` output and the window's copies of
/// the same objects.
///
/// QJsonDocument would re-serialise everything it holds: sorted keys, numbers through double. The decoded header and
/// payload of a token must reach the output exactly as the token's author wrote them, so this writer splices them in
/// with raw() and only escapes the strings the CLI itself produces. The output is compact; spliced values keep their
/// own whitespace.
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    /// The name of the next member (inside an object).
    JsonWriter& key(QStringView name);

    void string(QStringView value);
    void number(qint64 value);
    void boolean(bool value);
    void null();
    /// Already valid JSON text, inserted byte for byte.
    void raw(QByteArrayView json);
    void stringList(const QStringList& values);

    /// Shorthands for `key(name).value(...)`.
    void member(QStringView name, QStringView value) { key(name).string(value); }
    void memberNumber(QStringView name, qint64 value) { key(name).number(value); }
    void memberBool(QStringView name, bool value) { key(name).boolean(value); }
    void memberNull(QStringView name) { key(name).null(); }

    /// The text written so far.
    [[nodiscard]] const QByteArray& text() const { return m_out; }

    /// `"..."` with the JSON escapes RFC 8259 requires (quote, backslash, control characters), UTF-8 otherwise.
    [[nodiscard]] static QByteArray quote(QStringView value);

private:
    void beforeValue();

    QByteArray m_out;
    QList<bool> m_needComma; // one per open container
    bool m_afterKey = false;
};

} // namespace assay
