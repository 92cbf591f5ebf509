#pragma once
// Work a render can start before its input is loaded. Private to the library and the command
// line: it hands back a task of the process's thread pool (util/thread_pool.hpp).
#include "galley/render.hpp"
#include "util/thread_pool.hpp"

namespace galley::render {

/// Starts on the thread pool, when `options.threads` allows more than one thread, the work a PDF
/// needs whatever the input holds (reading what the bundled font files contain), so that it
/// overlaps loading the input; for an EPUB there is none. The returned task is waited for when
/// it is destroyed; nothing it does shows in the output.
Task warm_up(Format format, const RenderOptions& options);

} // namespace galley::render
