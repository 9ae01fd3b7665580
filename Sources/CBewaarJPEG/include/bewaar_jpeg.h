#ifndef BEWAAR_JPEG_H
#define BEWAAR_JPEG_H

#include <stddef.h>

/* JPEG decoding through libjpeg(-turbo), quiet: libjpeg's errors end in a longjmp back here
 * (Swift cannot setjmp) and its warnings are counted, never printed. Only BewaarImage calls it. */

typedef struct {
    int width;           /* pixels */
    int height;
    int components;      /* of the output: 1 (gray) or 3 (RGB; CMYK and YCCK are turned into RGB) */
    int warnings;        /* libjpeg's warnings while decoding: damaged or missing data */
    char message[200];   /* libjpeg's message when a call fails */
} bewaar_jpeg_image;

/* Reads the header of the JPEG in data: fills width, height and components. 0 on success. */
int bewaar_jpeg_header(const unsigned char *data, size_t size, bewaar_jpeg_image *image);

/* Decodes the JPEG into pixels (height rows of stride bytes, stride >= width * components, as
 * bewaar_jpeg_header gave them; the call fails when the frame says otherwise). 0 on success;
 * with warnings (a truncated file) the pixels are what libjpeg could read, the rest grey. */
int bewaar_jpeg_decode(const unsigned char *data, size_t size, unsigned char *pixels, size_t stride,
                       bewaar_jpeg_image *image);

#endif
