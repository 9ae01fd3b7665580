/* The one C header Bewaar includes for leptonica (PNG, JPEG, GIF and WebP decoding through
 * libpng, libjpeg, giflib and libwebp). Only BewaarImage imports it. */
#ifndef BEWAAR_LEPTONICA_SHIM_H
#define BEWAAR_LEPTONICA_SHIM_H

#include <leptonica/allheaders.h>

/* leptonica's pixDestroy takes PIX **; a one-pointer form reads better from Swift. */
static inline void bewaar_pix_destroy(PIX *pix) { PIX *p = pix; pixDestroy(&p); }

#endif
