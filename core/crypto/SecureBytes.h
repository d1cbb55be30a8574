// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <memory>

namespace assay {

/// Secret bytes (HMAC keys, passphrases, private key material in transit).
/// Move-only so a secret is never duplicated by accident; the memory is wiped with OPENSSL_cleanse when the
/// object is destroyed or reassigned. Copies must be asked for with clone().
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArrayView bytes);
    SecureBytes(const void* data, std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    [[nodiscard]] SecureBytes clone() const;

    [[nodiscard]] const unsigned char* data() const { return m_data.get(); }
    [[nodiscard]] unsigned char* data() { return m_data.get(); }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    /// A non-owning view; valid while this object lives and is not modified.
    [[nodiscard]] QByteArrayView view() const
    {
        return {reinterpret_cast<const char*>(m_data.get()), static_cast<qsizetype>(m_size)};
    }

    /// Wipes and releases the bytes now.
    void clear();

    /// Constant-time comparison over the full length (lengths themselves are not secret).
    [[nodiscard]] bool equals(QByteArrayView other) const;

private:
    std::unique_ptr<unsigned char[]> m_data;
    std::size_t m_size = 0;
};

/// Wipes a QByteArray that held a secret (e.g. text the user typed) before it is released.
void wipe(QByteArray& bytes);

} // namespace assay
