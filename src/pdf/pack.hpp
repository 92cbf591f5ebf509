#pragma once
// Stream bytes made ready before any PDF object exists, so that the writer can pack streams on
// several threads and then create the objects in a fixed order.
#include "util/record.hpp"

#include <string>
#include <string_view>

namespace galley::pdf {

/// A stream's bytes: Flate-compressed (PDF 32000-1 7.4.4) or as they are.
struct StreamData {
  std::string bytes;
  bool deflated = false;
};

/// Packs `data`, deflating it when `compress`. Thread-safe.
StreamData pack_stream(std::string_view data, bool compress);

/// `s` in a record (the streams and pictures a cache keeps between writes), and back.
void write_stream(RecordWriter& w, const StreamData& s);
StreamData read_stream(RecordReader& r);

} // namespace galley::pdf
