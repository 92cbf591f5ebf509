#pragma once
// The galley program's allocator (docs/architecture.md, "Memory"): jemalloc on transparent huge
// pages where the build links it (GALLEY_JEMALLOC), glibc's malloc with a larger heap pad
// otherwise. Only the program chooses: the libraries allocate with whatever their host uses.
#include <string>

namespace galley::cli {

/// Sets up the allocator, before the process allocates much.
void tune_allocator();

/// "jemalloc 5.3.0-..." for --version; empty for the C library's malloc.
std::string allocator_version();

} // namespace galley::cli
