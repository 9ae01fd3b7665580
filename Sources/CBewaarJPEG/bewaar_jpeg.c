#include "bewaar_jpeg.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

struct quiet_error {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char *message;
};

static void quiet_error_exit(j_common_ptr cinfo) {
    struct quiet_error *e = (struct quiet_error *)cinfo->err;
    char buffer[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, buffer);
    snprintf(e->message, 200, "%s", buffer);
    longjmp(e->jump, 1);
}

/* Warnings are counted by libjpeg's emit_message (num_warnings); nothing is printed. */
static void quiet_output_message(j_common_ptr cinfo) { (void)cinfo; }

/* The output layout for the file's colour space: gray stays gray, CMYK/YCCK come out as CMYK
 * (turned into RGB below), everything else as RGB. */
static void choose_output(struct jpeg_decompress_struct *cinfo) {
    switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE: cinfo->out_color_space = JCS_GRAYSCALE; break;
    case JCS_CMYK:
    case JCS_YCCK: cinfo->out_color_space = JCS_CMYK; break;
    default: cinfo->out_color_space = JCS_RGB; break;
    }
}

int bewaar_jpeg_header(const unsigned char *data, size_t size, bewaar_jpeg_image *image) {
    struct jpeg_decompress_struct cinfo;
    struct quiet_error err;
    memset(image, 0, sizeof *image);
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = quiet_error_exit;
    err.pub.output_message = quiet_output_message;
    err.message = image->message;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    choose_output(&cinfo);
    jpeg_calc_output_dimensions(&cinfo);
    image->width = (int)cinfo.output_width;
    image->height = (int)cinfo.output_height;
    image->components = cinfo.out_color_space == JCS_GRAYSCALE ? 1 : 3;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

int bewaar_jpeg_decode(const unsigned char *data, size_t size, unsigned char *pixels, size_t stride,
                       bewaar_jpeg_image *image) {
    struct jpeg_decompress_struct cinfo;
    struct quiet_error err;
    const int width = image->width, height = image->height, components = image->components;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = quiet_error_exit;
    err.pub.output_message = quiet_output_message;
    err.message = image->message;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    choose_output(&cinfo);
    jpeg_start_decompress(&cinfo);
    const int cmyk = cinfo.out_color_space == JCS_CMYK;
    if ((int)cinfo.output_width != width || (int)cinfo.output_height != height
        || (cmyk ? 3 : cinfo.output_components) != components || stride < (size_t)width * (size_t)components) {
        snprintf(image->message, sizeof image->message, "the frame differs from the header");
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    /* CMYK rows go through a row of the decompressor's own pool (freed with it, also on longjmp). */
    JSAMPARRAY row = cmyk ? (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, (JDIMENSION)width * 4, 1) : NULL;
    /* Adobe's CMYK JPEGs store the inks inverted. */
    const int inverted = cinfo.saw_Adobe_marker;
    while (cinfo.output_scanline < cinfo.output_height) {
        unsigned char *out = pixels + (size_t)cinfo.output_scanline * stride;
        if (!cmyk) {
            JSAMPROW target = out;
            jpeg_read_scanlines(&cinfo, &target, 1);
            continue;
        }
        jpeg_read_scanlines(&cinfo, row, 1);
        for (int x = 0; x < width; x++) {
            int c = row[0][4 * x], m = row[0][4 * x + 1], y = row[0][4 * x + 2], k = row[0][4 * x + 3];
            if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
            out[3 * x] = (unsigned char)(c * k / 255);
            out[3 * x + 1] = (unsigned char)(m * k / 255);
            out[3 * x + 2] = (unsigned char)(y * k / 255);
        }
    }
    jpeg_finish_decompress(&cinfo);
    image->warnings = (int)err.pub.num_warnings;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}
