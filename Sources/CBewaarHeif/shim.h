/* The one C header Bewaar includes for libheif (HEIC/HEIF: iPhone photos and screenshots).
 * Only BewaarImage imports it. */
#ifndef BEWAAR_HEIF_SHIM_H
#define BEWAAR_HEIF_SHIM_H

#include <libheif/heif.h>

#endif
