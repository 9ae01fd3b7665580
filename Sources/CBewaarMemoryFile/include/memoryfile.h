#ifndef BEWAAR_MEMORYFILE_H
#define BEWAAR_MEMORYFILE_H

/// A file that lives in memory only (Linux `memfd_create`, close-on-exec): an opened original of
/// an encrypted store is written there, never to a disk. Returns the descriptor, or -1 with errno.
int bewaar_memory_file(const char *name);

#endif
