#define _GNU_SOURCE
#include <sys/mman.h>
#include <errno.h>
#include "memoryfile.h"

int bewaar_memory_file(const char *name) {
#ifdef MFD_CLOEXEC
    return memfd_create(name, MFD_CLOEXEC);
#else
    (void)name;
    errno = ENOSYS;
    return -1;
#endif
}
