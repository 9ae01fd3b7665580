// CRC-32 (the zip/zlib polynomial 0x04C11DB7, bit-reflected) folded with carry-less
// multiplication: four 128-bit lanes are carried 512 bits forward per step, then folded into
// one lane. Each step keeps the message congruent modulo the polynomial, so the remaining 16
// bytes have the same CRC as everything folded into them; zlib's crc32 finishes from there.
// The constants are (x^n mod P), bit-reflected and shifted left by one, for n = 512±32 and
// 128±32 (computed, and checked against zlib by the tests).
#include "crc_fold.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

int bewaar_crc_fold_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
}

__attribute__((target("pclmul,sse4.1")))
static inline __m128i fold(__m128i lane, __m128i constants, __m128i next) {
    __m128i low = _mm_clmulepi64_si128(lane, constants, 0x00);
    __m128i high = _mm_clmulepi64_si128(lane, constants, 0x11);
    return _mm_xor_si128(_mm_xor_si128(low, high), next);
}

__attribute__((target("pclmul,sse4.1")))
size_t bewaar_crc_fold(uint32_t crc, const uint8_t *data, size_t length, uint8_t out[16]) {
    if (length < 64) return 0;
    const __m128i by512 = _mm_set_epi64x(0x1c6e41596LL, 0x154442bd4LL);
    const __m128i by128 = _mm_set_epi64x(0x0ccaa009eLL, 0x1751997d0LL);
    const uint8_t *p = data;
    __m128i x0 = _mm_loadu_si128((const __m128i *)(p + 0));
    __m128i x1 = _mm_loadu_si128((const __m128i *)(p + 16));
    __m128i x2 = _mm_loadu_si128((const __m128i *)(p + 32));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(p + 48));
    x0 = _mm_xor_si128(x0, _mm_cvtsi32_si128((int)~crc));
    p += 64;
    size_t left = length - 64;
    while (left >= 64) {
        x0 = fold(x0, by512, _mm_loadu_si128((const __m128i *)(p + 0)));
        x1 = fold(x1, by512, _mm_loadu_si128((const __m128i *)(p + 16)));
        x2 = fold(x2, by512, _mm_loadu_si128((const __m128i *)(p + 32)));
        x3 = fold(x3, by512, _mm_loadu_si128((const __m128i *)(p + 48)));
        p += 64;
        left -= 64;
    }
    __m128i x = fold(x0, by128, x1);
    x = fold(x, by128, x2);
    x = fold(x, by128, x3);
    while (left >= 16) {
        x = fold(x, by128, _mm_loadu_si128((const __m128i *)p));
        p += 16;
        left -= 16;
    }
    _mm_storeu_si128((__m128i *)out, x);
    return (size_t)(p - data);
}

#else

int bewaar_crc_fold_available(void) { return 0; }

size_t bewaar_crc_fold(uint32_t crc, const uint8_t *data, size_t length, uint8_t out[16]) {
    (void)crc; (void)data; (void)length; (void)out;
    return 0;
}

#endif
