/* The one C header Bewaar includes for libxml2. Only the BewaarHTML module imports it. */
#ifndef BEWAAR_LIBXML2_SHIM_H
#define BEWAAR_LIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Keep the system ICU headers out: their UErrorCode clashes with Foundation's ICU on a clean build. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to read. */
static inline void bewaar_xml_free(void *p) { xmlFree(p); }

/* The libxml2 version the headers describe, e.g. "2.9.14". */
static inline const char *bewaar_xml_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
