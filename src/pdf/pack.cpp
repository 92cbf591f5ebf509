#include "pdf/pack.hpp"

#include "util/deflate.hpp"

namespace galley::pdf {

namespace {

/// Level 3: on the 407 page streams of the 100-article bench issue, 56 ms and 1.41 MB, where
/// zlib took 86 ms for 1.44 MB at level 4; packing is on the writer's critical path.
constexpr int kLevel = 3;

} // namespace

StreamData pack_stream(std::string_view data, bool compress) {
  if (!compress)
    return {std::string(data), false};
  return {deflate_bytes(data, kLevel, DeflateWrapper::Zlib), true};
}

void write_stream(RecordWriter& w, const StreamData& s) {
  w.number(s.deflated ? 1 : 0);
  w.text(s.bytes);
}

StreamData read_stream(RecordReader& r) {
  StreamData s;
  s.deflated = r.number() != 0;
  s.bytes = r.text();
  return s;
}

} // namespace galley::pdf
