#include "layout/glyph_list.hpp"

#include "galley/error.hpp"
#include "layout/le_bytes.hpp"

#include <bit>

namespace galley::layout {

namespace {

using detail::put_le;
using detail::take_le;

/// The glyph at `at`, and where the next begins. The bytes were written by push_back or checked
/// by from_bytes.
const char* read_glyph(const char* at, GlyphView& g) {
  g.id = take_le<std::uint32_t>(at);
  g.advance = std::bit_cast<double>(take_le<std::uint64_t>(at));
  const auto flags = static_cast<unsigned char>(*at++);
  g.x_offset = (flags & 1) ? std::bit_cast<double>(take_le<std::uint64_t>(at)) : 0.0;
  g.y_offset = (flags & 2) ? std::bit_cast<double>(take_le<std::uint64_t>(at)) : 0.0;
  std::uint32_t size = static_cast<unsigned char>(*at++);
  if (size == 255)
    size = take_le<std::uint32_t>(at);
  g.text = std::string_view(at, size);
  return at + size;
}

} // namespace

void GlyphList::Iterator::read() {
  if (at_ != end_)
    next_ = read_glyph(at_, view_);
}

GlyphList::GlyphList(const GlyphList& other)
    : bytes_(other.bytes_), owner_(other.owner_), shared_(other.shared_), count_(other.count_),
      unchecked_(other.unchecked_.load(std::memory_order_acquire)) {}

GlyphList::GlyphList(GlyphList&& other) noexcept
    : bytes_(std::move(other.bytes_)), owner_(std::move(other.owner_)), shared_(other.shared_),
      count_(other.count_), unchecked_(other.unchecked_.load(std::memory_order_acquire)) {}

GlyphList& GlyphList::operator=(const GlyphList& other) {
  if (this != &other) {
    bytes_ = other.bytes_;
    owner_ = other.owner_;
    shared_ = other.shared_;
    count_ = other.count_;
    unchecked_.store(other.unchecked_.load(std::memory_order_acquire), std::memory_order_release);
  }
  return *this;
}

GlyphList& GlyphList::operator=(GlyphList&& other) noexcept {
  if (this != &other) {
    bytes_ = std::move(other.bytes_);
    owner_ = std::move(other.owner_);
    shared_ = other.shared_;
    count_ = other.count_;
    unchecked_.store(other.unchecked_.load(std::memory_order_acquire), std::memory_order_release);
  }
  return *this;
}

void GlyphList::check() const {
  if (!whole(bytes(), count_))
    throw Error("a glyph run read back from the layout cache does not hold the glyphs it says "
                "(delete the cache folder)");
  unchecked_.store(false, std::memory_order_release);
}

void GlyphList::own() {
  if (!owner_)
    return;
  if (unchecked_.load(std::memory_order_acquire))
    check();
  bytes_.assign(shared_);
  owner_.reset();
  shared_ = {};
}

void GlyphList::push_back(std::uint32_t id, double advance, double x_offset, double y_offset,
                          std::string_view text) {
  own();
  put_le<std::uint32_t>(bytes_, id);
  put_le(bytes_, std::bit_cast<std::uint64_t>(advance));
  const auto x = std::bit_cast<std::uint64_t>(x_offset);
  const auto y = std::bit_cast<std::uint64_t>(y_offset);
  bytes_.push_back(static_cast<char>((x != 0 ? 1 : 0) | (y != 0 ? 2 : 0)));
  if (x != 0)
    put_le(bytes_, x);
  if (y != 0)
    put_le(bytes_, y);
  if (text.size() < 255) {
    bytes_.push_back(static_cast<char>(text.size()));
  } else {
    bytes_.push_back(static_cast<char>(255));
    put_le(bytes_, static_cast<std::uint32_t>(text.size()));
  }
  bytes_ += text;
  ++count_;
}

std::vector<Glyph> GlyphList::unpack() const {
  std::vector<Glyph> out;
  out.reserve(count_);
  for (const GlyphView& g : *this)
    out.push_back(Glyph{g.id, g.advance, g.x_offset, g.y_offset, std::string(g.text)});
  return out;
}

void GlyphList::views(std::vector<GlyphView>& out) const {
  out.clear();
  out.reserve(count_);
  for (const GlyphView& g : *this)
    out.push_back(g);
}

bool GlyphList::whole(std::string_view bytes, std::size_t count) {
  std::size_t pos = 0;
  auto need = [&](std::size_t n) { return bytes.size() - pos >= n; };
  for (std::size_t k = 0; k < count; ++k) {
    if (!need(4 + 8 + 1))
      return false;
    pos += 12;
    const auto flags = static_cast<unsigned char>(bytes[pos++]);
    if (flags > 3)
      return false;
    const std::size_t offsets = ((flags & 1) ? 8 : 0) + ((flags & 2) ? 8 : 0);
    if (!need(offsets + 1))
      return false;
    pos += offsets;
    std::size_t size = static_cast<unsigned char>(bytes[pos++]);
    if (size == 255) {
      if (!need(4))
        return false;
      const char* at = bytes.data() + pos;
      size = take_le<std::uint32_t>(at);
      pos += 4;
    }
    if (!need(size))
      return false;
    pos += size;
  }
  return pos == bytes.size();
}

std::optional<GlyphList> GlyphList::from_bytes(std::string_view bytes, std::size_t count,
                                               std::shared_ptr<const void> owner) {
  GlyphList list;
  list.count_ = count;
  if (owner) {
    list.owner_ = std::move(owner);
    list.shared_ = bytes;
    list.unchecked_.store(true, std::memory_order_release);
    return list;
  }
  if (!whole(bytes, count))
    return std::nullopt;
  list.bytes_.assign(bytes);
  return list;
}

} // namespace galley::layout
