// SVG through librsvg 2.54: it parses the cleaned image, resolves its CSS and draws it with
// cairo, text with pango. The handle is made from memory with no base file and no flags
// (RSVG_HANDLE_FLAGS_NONE keeps libxml2's safety limits on): librsvg resolves every reference
// but a fragment or a data: URL against the base file, and without one it loads nothing, so
// even a reference the cleaning missed reads no file and fetches no URL.
//
// Threads: galley loads articles, and prepares the PDF's images, on several threads at once.
// Separate handles may be used on separate threads (librsvg's documentation), so measuring runs
// unguarded. Drawing text goes through pango's per-thread font map, fontconfig's shared
// configuration and cairo's font caches; their thread safety has changed between versions, and
// an SVG figure is rare, so drawing is done one image at a time under a process-wide mutex.
#include "util/svg.hpp"

#include "util/lazy_libraries.hpp"

#include <cmath>
#include <memory>
#include <mutex>

namespace galley {

namespace {

struct GObjectFree {
  const RsvgCalls* lib = nullptr;
  void operator()(gpointer p) const { lib->g_object_unref(p); }
};
using Handle = std::unique_ptr<RsvgHandle, GObjectFree>;

/// The SVG read by librsvg; null when it cannot be (or librsvg cannot be opened), with `error`
/// set.
Handle open_svg(std::string_view clean, std::string& error) {
  const RsvgCalls* lib = rsvg_calls(error);
  if (!lib)
    return Handle(nullptr, GObjectFree{lib});
  std::unique_ptr<GInputStream, GObjectFree> in(
      lib->g_memory_input_stream_new_from_data(clean.data(), gssize(clean.size()), nullptr),
      GObjectFree{lib});
  GError* err = nullptr;
  Handle handle(lib->rsvg_handle_new_from_stream_sync(in.get(), nullptr, RSVG_HANDLE_FLAGS_NONE,
                                                      nullptr, &err),
                GObjectFree{lib});
  if (!handle) {
    error = std::string("librsvg cannot read it: ") + (err ? err->message : "unknown error");
    if (err)
      lib->g_error_free(err);
    return handle;
  }
  // CSS pixels: absolute units (mm, pt, in) convert at 96 to the inch (CSS Values 3, 5.2).
  lib->rsvg_handle_set_dpi(handle.get(), 96);
  return handle;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

} // namespace

std::optional<SvgSize> measure_svg(std::string_view clean, std::string& error) {
  Handle handle = open_svg(clean, error);
  if (!handle)
    return std::nullopt;
  const RsvgCalls* lib = handle.get_deleter().lib;
  SvgSize size;
  // True when width and height are in absolute units; percentages (the default, 100%) and
  // missing attributes leave the size to the viewBox.
  if (!lib->rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &size.width, &size.height)) {
    gboolean has_viewbox = false;
    RsvgRectangle viewbox{};
    lib->rsvg_handle_get_intrinsic_dimensions(handle.get(), nullptr, nullptr, nullptr, nullptr,
                                              &has_viewbox, &viewbox);
    if (has_viewbox) {
      size.width = viewbox.width;
      size.height = viewbox.height;
    } else {
      size = {300, 150, false};
    }
  }
  if (!(size.width > 0) || !(size.height > 0) || !std::isfinite(size.width) ||
      !std::isfinite(size.height)) {
    error = "the SVG image has no area (its width or height is zero)";
    return std::nullopt;
  }
  return size;
}

std::optional<std::string> render_svg_pdf(std::string_view clean, const SvgSize& size,
                                          std::string& error) {
  Handle handle = open_svg(clean, error);
  if (!handle)
    return std::nullopt;
  const RsvgCalls* lib = handle.get_deleter().lib;
  static std::mutex drawing;
  std::lock_guard<std::mutex> lock(drawing);
  std::string pdf;
  const double w = size.width * 0.75, h = size.height * 0.75;
  cairo_surface_t* surface = lib->cairo_pdf_surface_create_for_stream(append, &pdf, w, h);
  cairo_t* cr = lib->cairo_create(surface);
  RsvgRectangle viewport{0, 0, w, h};
  GError* err = nullptr;
  bool drawn = lib->rsvg_handle_render_document(handle.get(), cr, &viewport, &err);
  lib->cairo_destroy(cr);
  lib->cairo_surface_finish(surface);
  cairo_status_t status = lib->cairo_surface_status(surface);
  lib->cairo_surface_destroy(surface);
  if (!drawn) {
    error = std::string("librsvg cannot draw it: ") + (err ? err->message : "unknown error");
    if (err)
      lib->g_error_free(err);
    return std::nullopt;
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("cairo cannot write it: ") + lib->cairo_status_to_string(status);
    return std::nullopt;
  }
  return pdf;
}

} // namespace galley
