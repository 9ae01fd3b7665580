/* The one C header Bewaar includes for Tesseract: its C API only. Only BewaarOCR imports it.
 * capi.h declares `struct Pix` without leptonica's headers; BewaarOCR hands Tesseract raw
 * pixel buffers (TessBaseAPISetImage), so this module needs no leptonica. */
#ifndef BEWAAR_TESSERACT_SHIM_H
#define BEWAAR_TESSERACT_SHIM_H

#include <tesseract/capi.h>

#endif
