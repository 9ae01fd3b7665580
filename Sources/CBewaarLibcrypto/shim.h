// OpenSSL's libcrypto digests (EVP), wrapped once for Swift by BewaarBundle's FastSHA512.swift.
// Used for SHA-512 only: on x86-64 its AVX2 code is about 1.4x BoringSSL's generic SHA-512.
#include <openssl/evp.h>
