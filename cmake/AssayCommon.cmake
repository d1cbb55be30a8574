# SPDX-License-Identifier: Apache-2.0
# Every warning, define and hardening flag lives in this one INTERFACE target (as qBittorrent's CommonConfig does),
# so no global CMAKE_CXX_FLAGS or add_definitions are needed. Every Assay target links it.
add_library(assay_build_flags INTERFACE)
target_compile_definitions(assay_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    # Prove we only use the OpenSSL 3 API surface.
    OPENSSL_API_COMPAT=30000
    OPENSSL_NO_DEPRECATED
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(assay_build_flags INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
        -Wformat=2 -Wimplicit-fallthrough -fstack-protector-strong)
    target_link_options(assay_build_flags INTERFACE $<$<PLATFORM_ID:Linux>:-Wl,-z,relro,-z,now>)
elseif(MSVC)
    target_compile_options(assay_build_flags INTERFACE /W4 /permissive- /utf-8)
endif()

# The directory the vector-driven tests read from (../shared/vectors next to the checkout by default).
set(ASSAY_VECTORS_DIR "${PROJECT_SOURCE_DIR}/../shared/vectors" CACHE PATH
    "Directory holding the external test vectors (overridable at run time with ASSAY_VECTORS_DIR)")
