#pragma once
// Numbers written into and read from the frames' packed bytes (glyph_list.hpp,
// glyph_summary.hpp) little-endian, whatever the machine's order, so that the layout cache's
// entries read the same everywhere.
#include <cstddef>
#include <string>

namespace galley::layout::detail {

/// Appends the sizeof(T) bytes of `v`, least significant first.
template <class T> void put_le(std::string& out, T v) {
  for (std::size_t i = 0; i < sizeof(T); ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

/// Reads a T written by put_le at `at`, and moves `at` past it.
template <class T> T take_le(const char*& at) {
  T v = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i)
    v |= static_cast<T>(static_cast<unsigned char>(at[i])) << (8 * i);
  at += sizeof(T);
  return v;
}

} // namespace galley::layout::detail
