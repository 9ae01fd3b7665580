/* The floor for reading an HTML page (issue 16): libxml2's HTML push parser over the page in
 * 256 KB chunks, as Bewaar feeds it, with SAX callbacks that do nothing but count. What Bewaar's
 * reading thread spends beyond this is its own (callbacks, records, rows).
 *   cc -O2 $(xml2-config --cflags) sax-floor.c $(xml2-config --libs) -o sax-floor && ./sax-floor page.html */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long elements, texts;
static void start(void *ctx, const xmlChar *name, const xmlChar **atts) { (void)ctx; (void)name; (void)atts; elements++; }
static void end(void *ctx, const xmlChar *name) { (void)ctx; (void)name; }
static void characters(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; texts++; }
static void quiet(void *ctx, const xmlError *error) { (void)ctx; (void)error; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: sax-floor PAGE.html\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    static char chunk[256 * 1024];
    htmlSAXHandler sax = {0};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElement = start;
    sax.endElement = end;
    sax.characters = characters;
    sax.ignorableWhitespace = characters;
    sax.serror = (xmlStructuredErrorFunc)quiet;
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC);
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        /* The same look-ahead reset Bewaar's HTMLStreamParser does (libxml2 2.9's stale checkIndex). */
        ctxt->checkIndex = 0;
        htmlParseChunk(ctxt, chunk, (int)n, 0);
    }
    htmlParseChunk(ctxt, NULL, 0, 1);
    htmlFreeParserCtxt(ctxt);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    printf("%.3f CPU s, %ld elements, %ld text events\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, elements, texts);
    fclose(f);
    return 0;
}
