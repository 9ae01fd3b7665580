/* The C headers Bewaar includes for libwebp's demuxer: the first frame of an animated WebP
 * (leptonica reads only still WebP). Only BewaarImage imports it. */
#ifndef BEWAAR_WEBP_SHIM_H
#define BEWAAR_WEBP_SHIM_H

#include <webp/decode.h>
#include <webp/demux.h>

#endif
