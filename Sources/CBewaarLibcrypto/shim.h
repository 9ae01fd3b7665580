// OpenSSL's libcrypto (EVP), wrapped once for Swift: by BewaarBundle's FastSHA512.swift (SHA-512:
// on x86-64 its AVX2 code is about 1.4x BoringSSL's generic SHA-512) and by BewaarStore's
// RecordCipher.swift (AES-256-GCM and HMAC-SHA256 with the key schedule kept between calls, for
// sealing an ingest's records; swift-crypto sets a key up again on every call).
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

/// An AES-256-GCM context holding `key` (32 bytes), for `bw_gcm_seal` (`seal` 1) or
/// `bw_gcm_open` (`seal` 0); NULL on failure.
static inline EVP_CIPHER_CTX *bw_gcm_new(const unsigned char *key, int seal) {
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    if (c == NULL) return NULL;
    if (EVP_CipherInit_ex(c, EVP_aes_256_gcm(), NULL, key, NULL, seal) != 1) {
        EVP_CIPHER_CTX_free(c);
        return NULL;
    }
    return c;
}

/// Seals `len` bytes with a 12-byte nonce: `out` gets `len` bytes of ciphertext, `tag` 16 bytes.
/// Returns 1 on success.
static inline int bw_gcm_seal(EVP_CIPHER_CTX *c, const unsigned char *nonce, const unsigned char *in, int len,
                              unsigned char *out, unsigned char *tag) {
    int n = 0, f = 0;
    if (EVP_EncryptInit_ex(c, NULL, NULL, NULL, nonce) != 1) return 0;
    if (len > 0 && EVP_EncryptUpdate(c, out, &n, in, len) != 1) return 0;
    if (EVP_EncryptFinal_ex(c, out + n, &f) != 1) return 0;
    return EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tag);
}

/// An HMAC-SHA256 context holding `key`, for `bw_hmac_sha256`; NULL on failure.
static inline EVP_MAC_CTX *bw_hmac_new(const unsigned char *key, size_t keylen) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (mac == NULL) return NULL;
    EVP_MAC_CTX *c = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (c == NULL) return NULL;
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0);
    params[1] = OSSL_PARAM_construct_end();
    if (EVP_MAC_init(c, key, keylen, params) != 1) {
        EVP_MAC_CTX_free(c);
        return NULL;
    }
    return c;
}

/// HMAC-SHA256 of `len` bytes with the context's key into `out` (32 bytes). Returns 1 on success.
static inline int bw_hmac_sha256(EVP_MAC_CTX *c, const unsigned char *in, size_t len, unsigned char *out) {
    size_t n = 0;
    if (EVP_MAC_init(c, NULL, 0, NULL) != 1) return 0;
    if (len > 0 && EVP_MAC_update(c, in, len) != 1) return 0;
    return EVP_MAC_final(c, out, &n, 32) == 1 && n == 32;
}

/// Opens `len` bytes of ciphertext sealed with a 12-byte nonce and a 16-byte tag into `out`.
/// Returns 1 when the tag checks out (only then is `out` the plain text).
static inline int bw_gcm_open(EVP_CIPHER_CTX *c, const unsigned char *nonce, const unsigned char *in, int len,
                              const unsigned char *tag, unsigned char *out) {
    int n = 0, f = 0;
    if (EVP_DecryptInit_ex(c, NULL, NULL, NULL, nonce) != 1) return 0;
    if (len > 0 && EVP_DecryptUpdate(c, out, &n, in, len) != 1) return 0;
    if (EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, 16, (void *)tag) != 1) return 0;
    return EVP_DecryptFinal_ex(c, out + n, &f) == 1;
}
