#ifndef BEWAAR_PANGOCAIRO_SHIM_H
#define BEWAAR_PANGOCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/// g_object_unref through a plain function, so Swift sees one clear signature.
static inline void bewaar_g_object_unref(void *object) { g_object_unref(object); }
#endif
