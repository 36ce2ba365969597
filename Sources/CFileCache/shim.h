#ifndef MICROCRED_CFILECACHE_SHIM_H
#define MICROCRED_CFILECACHE_SHIM_H

/* Page-cache hints for long output files. Linux's sync_file_range is declared by glibc only under
   _GNU_SOURCE, which Swift's Glibc module does not define, so it is called through syscall(2).
   Elsewhere both calls do nothing and report success. */

#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

/* Starts writing the bytes [offset, offset + count) of the file to disk, without waiting. */
static inline int microcred_start_write_out(int descriptor, long long offset, long long count) {
#if defined(__linux__) && defined(SYS_sync_file_range)
    return (int)syscall(SYS_sync_file_range, descriptor, (off_t)offset, (off_t)count, 2u /* SYNC_FILE_RANGE_WRITE */);
#else
    (void)descriptor; (void)offset; (void)count;
    return 0;
#endif
}

/* Waits until the bytes [offset, offset + count) are on disk, then tells the kernel they will not
   be read again, so their pages leave the page cache. */
static inline int microcred_finish_write_out(int descriptor, long long offset, long long count) {
#if defined(__linux__) && defined(SYS_sync_file_range)
    /* SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER */
    if (syscall(SYS_sync_file_range, descriptor, (off_t)offset, (off_t)count, 7u) != 0) return -1;
    return posix_fadvise(descriptor, (off_t)offset, (off_t)count, POSIX_FADV_DONTNEED);
#else
    (void)descriptor; (void)offset; (void)count;
    return 0;
#endif
}

#endif
