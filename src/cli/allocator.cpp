#include "cli/allocator.hpp"

#ifdef GALLEY_JEMALLOC
#include <jemalloc/jemalloc.h>
#else
#include <malloc.h>
#endif

#ifdef GALLEY_JEMALLOC
// Read by jemalloc when it starts, before main (jemalloc(3), "TUNING"); /etc/malloc.conf and the
// MALLOC_CONF variable still override it. A rebuild of a 100-article issue makes some 70 MB of
// short-lived objects (articles and pages read back from the cache, the outputs' buffers): in
// pages of 4 KB that was about 10,000 page faults, a third of its system time, against some
// 4,000 in pages of 2 MB. The kernel gives huge pages only to memory advised for them when
// transparent huge pages are in their default "madvise" mode, and none when they are off.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:always";
}
#endif

namespace galley::cli {

void tune_allocator() {
#ifndef GALLEY_JEMALLOC
  // glibc grows a thread's heap by the pages one request needs, each time with an mprotect:
  // over 4,000 of them in a rebuild of an issue. With a pad they are a few dozen; pages never
  // touched take no memory.
  mallopt(M_TOP_PAD, 64 << 20);
#endif
}

std::string allocator_version() {
#ifdef GALLEY_JEMALLOC
  const char* version = nullptr;
  size_t size = sizeof version;
  if (mallctl("version", static_cast<void*>(&version), &size, nullptr, 0) == 0 && version)
    return std::string("jemalloc ") + version;
#endif
  return {};
}

} // namespace galley::cli
