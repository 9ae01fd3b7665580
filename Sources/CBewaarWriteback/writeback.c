// Early writeback for the bundle's zip: a big bundle's fsync otherwise waits for all of it at once.
#if defined(__linux__)
#define _GNU_SOURCE
#include <fcntl.h>
#endif
#include "writeback.h"

int bewaar_start_writeback(int fd, int64_t offset, int64_t length) {
#if defined(__linux__)
    return sync_file_range(fd, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd; (void)offset; (void)length;
    return 0;
#endif
}
