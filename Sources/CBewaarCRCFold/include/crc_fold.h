#ifndef BEWAAR_CRC_FOLD_H
#define BEWAAR_CRC_FOLD_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU can fold with carry-less multiplication (x86-64 PCLMULQDQ + SSE4.1).
int bewaar_crc_fold_available(void);

/// Folds the first bytes of `data` (a multiple of 16, at least 64) into 16 bytes written to
/// `out`, such that the zip CRC-32 of `data` continuing from `crc` equals zlib's
/// `crc32(crc32(0xFFFFFFFF, out, 16), data + consumed, length - consumed)`.
/// Returns the number of bytes consumed: 0 when `length` < 64 or folding is not available.
size_t bewaar_crc_fold(uint32_t crc, const uint8_t *data, size_t length, uint8_t out[16]);

#endif
