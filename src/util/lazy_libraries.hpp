#pragma once
// librsvg (with the cairo, GIO and GObject calls that go with it) and libavif, opened (dlopen)
// the first time a picture needs them rather than when galley starts: with what they bring in
// (pango, gdk-pixbuf, libxml2, X11, the AV1 codecs) they were 52 of the 96 libraries galley
// loaded, and loading those was more than half of starting galley, about 15 ms of every run,
// for the rare article with an SVG or AVIF picture. The libraries are the ones the build found
// (their sonames are fixed when galley is configured) and stay open for the process.
#include <avif/avif.h>
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>

#include <string>

namespace galley {

// Each list names the functions of its library galley calls; the tables below hold them with
// their own types.
#define GALLEY_RSVG_CALLS(X)                                                                       \
  X(g_object_unref)                                                                                \
  X(g_error_free)                                                                                  \
  X(g_memory_input_stream_new_from_data)                                                           \
  X(rsvg_handle_new_from_stream_sync)                                                              \
  X(rsvg_handle_set_dpi)                                                                           \
  X(rsvg_handle_get_intrinsic_size_in_pixels)                                                      \
  X(rsvg_handle_get_intrinsic_dimensions)                                                          \
  X(rsvg_handle_render_document)                                                                   \
  X(cairo_pdf_surface_create_for_stream)                                                           \
  X(cairo_create)                                                                                  \
  X(cairo_destroy)                                                                                 \
  X(cairo_surface_finish)                                                                          \
  X(cairo_surface_status)                                                                          \
  X(cairo_surface_destroy)                                                                         \
  X(cairo_status_to_string)

#define GALLEY_AVIF_CALLS(X)                                                                       \
  X(avifDecoderCreate)                                                                             \
  X(avifDecoderDestroy)                                                                            \
  X(avifDecoderSetIOMemory)                                                                        \
  X(avifDecoderParse)                                                                              \
  X(avifDecoderNextImage)                                                                          \
  X(avifResultToString)                                                                            \
  X(avifRGBImageSetDefaults)                                                                       \
  X(avifImageYUVToRGB)

#define GALLEY_DECLARE_CALL(name) decltype(&::name) name = nullptr;

struct RsvgCalls {
  GALLEY_RSVG_CALLS(GALLEY_DECLARE_CALL)
};

struct AvifCalls {
  GALLEY_AVIF_CALLS(GALLEY_DECLARE_CALL)
};

#undef GALLEY_DECLARE_CALL

/// librsvg's calls, opened on the first call; null when the library or one of its functions
/// cannot be found, with `error` saying which. Thread-safe.
const RsvgCalls* rsvg_calls(std::string& error);

/// libavif's, likewise.
const AvifCalls* avif_calls(std::string& error);

/// Destroys a decoder with the library that made it.
struct AvifDecoderFree {
  const AvifCalls* lib = nullptr;
  void operator()(avifDecoder* d) const { lib->avifDecoderDestroy(d); }
};

} // namespace galley
