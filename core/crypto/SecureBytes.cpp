// SPDX-License-Identifier: Apache-2.0
#include "crypto/SecureBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace assay {

SecureBytes::SecureBytes(QByteArrayView bytes)
    : SecureBytes(bytes.data(), static_cast<std::size_t>(bytes.size()))
{
}

SecureBytes::SecureBytes(const void* data, std::size_t size)
    : m_data(size > 0 ? std::make_unique<unsigned char[]>(size) : nullptr)
    , m_size(size)
{
    if (size > 0)
        std::memcpy(m_data.get(), data, size);
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(other.m_size)
{
    other.m_size = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_data.get(), m_size);
}

void SecureBytes::clear()
{
    if (m_data && m_size > 0)
        OPENSSL_cleanse(m_data.get(), m_size);
    m_data.reset();
    m_size = 0;
}

bool SecureBytes::equals(QByteArrayView other) const
{
    if (static_cast<std::size_t>(other.size()) != m_size)
        return false;
    if (m_size == 0)
        return true;
    return CRYPTO_memcmp(m_data.get(), other.data(), m_size) == 0;
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        // Shared data would be wiped under another owner's feet; just drop our reference.
        bytes = QByteArray();
        return;
    }
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

} // namespace assay
