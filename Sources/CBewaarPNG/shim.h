/* The one C header Bewaar includes for libpng: its simplified read API (png_image), which
 * reports errors in the image's message instead of printing them. Only BewaarImage imports it. */
#ifndef BEWAAR_PNG_SHIM_H
#define BEWAAR_PNG_SHIM_H

#include <png.h>

static inline png_uint_32 bewaar_png_image_version(void) { return PNG_IMAGE_VERSION; }
static inline png_uint_32 bewaar_png_format_gray(void) { return PNG_FORMAT_GRAY; }
static inline png_uint_32 bewaar_png_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 bewaar_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 bewaar_png_format_flag_alpha(void) { return PNG_FORMAT_FLAG_ALPHA; }
static inline png_uint_32 bewaar_png_format_flag_color(void) { return PNG_FORMAT_FLAG_COLOR; }

#endif
