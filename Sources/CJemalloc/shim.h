#ifndef MICROCRED_CJEMALLOC_SHIM_H
#define MICROCRED_CJEMALLOC_SHIM_H

/* jemalloc replaces the C library's malloc in the microcred executable: with several jobs, records
   are allocated on the reading thread and freed on pool threads (and outputs the other way), and
   glibc's per-thread arenas grow slower the longer a run mixes them. */
#include <jemalloc/jemalloc.h>

#endif
