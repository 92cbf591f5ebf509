#include "util/lazy_libraries.hpp"

#include <dlfcn.h>

namespace galley {

namespace {

/// A table of calls from the library `soname`, or why there is none.
template <class Calls> struct Opened {
  Calls calls;
  std::string error;
};

/// Opens `soname`; look_up then finds a function in it or in a library it depends on (dlsym
/// searches those too): cairo's and GLib's calls come with librsvg.
void* open_library(const char* soname, std::string& error) {
  // RTLD_LOCAL: nothing of it is seen by symbol lookups of the rest of the process.
  void* handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    error = std::string("cannot open ") + soname + ": " + ::dlerror();
  return handle;
}

template <class Fn> void look_up(void* handle, const char* name, Fn& fn, std::string& error) {
  if (!handle || !error.empty())
    return;
  fn = reinterpret_cast<Fn>(::dlsym(handle, name));
  if (!fn)
    error = std::string("no function ") + name + " in the library: " + ::dlerror();
}

/// The table, or null with `error` saying what the pictures need and why it is missing.
template <class Calls>
const Calls* calls_or_error(const Opened<Calls>& opened, const char* needed_for,
                            std::string& error) {
  if (opened.error.empty())
    return &opened.calls;
  error = std::string(needed_for) + ": " + opened.error;
  return nullptr;
}

#define GALLEY_LOOK_UP(name) look_up(handle, #name, out.calls.name, out.error);

} // namespace

const RsvgCalls* rsvg_calls(std::string& error) {
  static const Opened<RsvgCalls> opened = [] {
    Opened<RsvgCalls> out;
    void* handle = open_library(GALLEY_RSVG_SONAME, out.error);
    GALLEY_RSVG_CALLS(GALLEY_LOOK_UP)
    return out;
  }();
  return calls_or_error(opened, "SVG pictures need librsvg", error);
}

const AvifCalls* avif_calls(std::string& error) {
  static const Opened<AvifCalls> opened = [] {
    Opened<AvifCalls> out;
    void* handle = open_library(GALLEY_AVIF_SONAME, out.error);
    GALLEY_AVIF_CALLS(GALLEY_LOOK_UP)
    return out;
  }();
  return calls_or_error(opened, "AVIF pictures need libavif", error);
}

#undef GALLEY_LOOK_UP

} // namespace galley
