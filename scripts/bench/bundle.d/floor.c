// The floor for the bundle and verify benches (issue 16): the hashing a bag's payload needs,
// with the system's OpenSSL and zlib, on two threads, no Bewaar code.
//   floor verify FILE...   thread 1: SHA-256 of every file; thread 2: SHA-512 of every file.
//                          Wall time = max(T_sha256, T_sha512) on two cores.
//   floor bundle FILE...   thread 1: SHA-256, zlib CRC-32, and raw deflate at level 1 of the
//                          text files (.txt .json .jsonl .jsonld); thread 2: SHA-512.
// Each file is mapped once (mmap: the one read both threads share). Prints the digests' first
// bytes and the deflated size so the work cannot be optimised away.
// Built with -DFOLDED_CRC (and Sources/CBewaarCRCFold), the CRC-32 is folded with carry-less
// multiplication like Bewaar's instead of zlib's table CRC: the stricter floor.
#include <fcntl.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#ifdef FOLDED_CRC
#include "crc_fold.h"
static unsigned long zip_crc(const unsigned char *m, size_t size) {
    unsigned char folded[16];
    size_t used = bewaar_crc_fold_available() ? bewaar_crc_fold(0, m, size, folded) : 0;
    unsigned long crc = used ? crc32(0xFFFFFFFFUL, folded, 16) : 0;
    return crc32(crc, m + used, (uInt)(size - used));
}
#else
static unsigned long zip_crc(const unsigned char *m, size_t size) { return crc32(0, m, (uInt)size); }
#endif

static char **files;
static int count;
static int bundle;

static int is_text(const char *p) {
    const char *dot = strrchr(p, '.');
    return dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".json") || !strcmp(dot, ".jsonl") || !strcmp(dot, ".jsonld"));
}

static void *map(const char *p, size_t *size) {
    int fd = open(p, O_RDONLY);
    if (fd < 0) { perror(p); exit(1); }
    struct stat st;
    fstat(fd, &st);
    *size = (size_t)st.st_size;
    void *m = *size ? mmap(NULL, *size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0) : NULL;
    close(fd);
    if (*size && m == MAP_FAILED) { perror(p); exit(1); }
    return m;
}

static void *lane(void *arg) {
    int sha512 = arg != NULL;
    unsigned char md[64], acc = 0;
    unsigned long crcs = 0, deflated = 0;
    static unsigned char out[1 << 18];
    for (int i = 0; i < count; i++) {
        size_t size;
        unsigned char *m = map(files[i], &size);
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        EVP_DigestInit_ex(ctx, sha512 ? EVP_sha512() : EVP_sha256(), NULL);
        EVP_DigestUpdate(ctx, m, size);
        EVP_DigestFinal_ex(ctx, md, NULL);
        EVP_MD_CTX_free(ctx);
        acc ^= md[0];
        if (bundle && !sha512) {
            crcs ^= zip_crc(m, size);
            if (is_text(files[i])) {
                z_stream z;
                memset(&z, 0, sizeof z);
                deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
                z.next_in = m;
                z.avail_in = (uInt)size;
                int rc;
                do {
                    z.next_out = out;
                    z.avail_out = sizeof out;
                    rc = deflate(&z, Z_FINISH);
                    deflated += sizeof out - z.avail_out;
                } while (rc == Z_OK);
                deflateEnd(&z);
            }
        }
        if (size) munmap(m, size);
    }
    printf("%s: %02x crc %08lx deflated %lu\n", sha512 ? "sha512" : "sha256", acc, crcs, deflated);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[1], "verify") && strcmp(argv[1], "bundle"))) {
        fprintf(stderr, "usage: floor verify|bundle FILE...\n");
        return 2;
    }
    bundle = !strcmp(argv[1], "bundle");
    files = argv + 2;
    count = argc - 2;
    pthread_t t;
    pthread_create(&t, NULL, lane, (void *)1);
    lane(NULL);
    pthread_join(t, NULL);
    return 0;
}
