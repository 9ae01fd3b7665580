#ifndef BEWAAR_WRITEBACK_H
#define BEWAAR_WRITEBACK_H

#include <stdint.h>

/// Asks the kernel to start writing `length` bytes of `fd` from `offset` to disk now, without
/// waiting (Linux `sync_file_range` with SYNC_FILE_RANGE_WRITE), so that a later fsync has
/// little left to do. Does nothing elsewhere. Returns 0, or -1 with errno set.
int bewaar_start_writeback(int fd, int64_t offset, int64_t length);

#endif
