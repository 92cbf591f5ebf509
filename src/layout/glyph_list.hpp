#pragma once
// A glyph run's glyphs, packed one after the other (frame.hpp). An issue sets over a million
// glyphs: as a vector of structs, each with a string for its text, they were 64 bytes apiece to
// allocate, fault in, copy and free, and reading an issue's kept articles back from the layout
// cache was mostly that. Packed, a glyph takes 14 bytes and its text, the layout cache keeps a
// run's bytes as they are, and a page's runs are digested as they are (GlyphSummary).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::layout {

struct Glyph {
  std::uint32_t id = 0; ///< glyph id in the original (not subset) face
  double advance = 0;   ///< pen advance in points, justification and kerning included
  double x_offset = 0;  ///< points
  double y_offset = 0;  ///< points, positive raises
  std::string text;     ///< the cluster's Unicode text on its first glyph (for ToUnicode)
};

/// A glyph of a GlyphList as read: its text is a view into the list's bytes.
struct GlyphView {
  std::uint32_t id = 0;
  double advance = 0, x_offset = 0, y_offset = 0;
  std::string_view text;
};

/// Per glyph: the id (4 bytes), the advance (8), a byte whose bits 0 and 1 say that an x and a
/// y offset follow (8 bytes each; +0 is left out), the text's length (one byte, or 255 and then
/// 4 bytes) and the text. Numbers are little-endian, doubles by their bits. A list read back
/// from the layout cache views the bytes of the entry it came from, which it shares: an issue's
/// kept articles are 16 MB of glyphs, and copied run by run into lists of their own they cost a
/// rebuild after one article changed about 6% of its time. Such a list checks its bytes when it
/// is first read glyph by glyph, not when it is read back: a rebuild reads a million glyphs back
/// and walks almost none of them (the PDF writer takes a page's key from the digest of its
/// runs and the glyphs its fonts need from the page's summary, glyph_summary.hpp).
class GlyphList {
public:
  GlyphList() = default;
  GlyphList(const GlyphList& other);
  GlyphList(GlyphList&& other) noexcept;
  GlyphList& operator=(const GlyphList& other);
  GlyphList& operator=(GlyphList&& other) noexcept;
  ~GlyphList() = default;

  class Iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = GlyphView;
    using difference_type = std::ptrdiff_t;
    using pointer = const GlyphView*;
    using reference = const GlyphView&;

    Iterator() = default;
    Iterator(const char* at, const char* end) : at_(at), end_(end) { read(); }
    const GlyphView& operator*() const { return view_; }
    const GlyphView* operator->() const { return &view_; }
    Iterator& operator++() {
      at_ = next_;
      read();
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }

  private:
    void read();
    const char* at_ = nullptr;
    const char* next_ = nullptr;
    const char* end_ = nullptr;
    GlyphView view_;
  };

  /// Throws galley::Error when the list views bytes that are not its glyphs.
  [[nodiscard]] Iterator begin() const {
    if (unchecked_.load(std::memory_order_acquire))
      check();
    const std::string_view b = bytes();
    return {b.data(), b.data() + b.size()};
  }
  [[nodiscard]] Iterator end() const {
    const std::string_view b = bytes();
    return {b.data() + b.size(), b.data() + b.size()};
  }
  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  void reserve(std::size_t glyphs) {
    own();
    bytes_.reserve(glyphs * 16);
  }

  void push_back(std::uint32_t id, double advance, double x_offset, double y_offset,
                 std::string_view text);
  void push_back(const Glyph& g) { push_back(g.id, g.advance, g.x_offset, g.y_offset, g.text); }
  void push_back(const GlyphView& g) { push_back(g.id, g.advance, g.x_offset, g.y_offset, g.text); }

  /// The glyphs as structs, for code that looks ahead or changes them.
  [[nodiscard]] std::vector<Glyph> unpack() const;
  /// The glyphs as views into this list, appended to `out` (cleared first), for code that looks
  /// ahead without copying.
  void views(std::vector<GlyphView>& out) const;

  /// The packed bytes, as the layout cache keeps them.
  [[nodiscard]] std::string_view bytes() const { return owner_ ? shared_ : bytes_; }
  /// A list from bytes() of `count` glyphs. Without an `owner` the list copies them, and is
  /// nullopt when they are not exactly that many glyphs. With an `owner` holding `bytes`, the
  /// list views them, keeps the owner, and checks them when first read (begin(), or a change):
  /// the layout cache's entries are sealed, and bytes that are not their glyphs can only come
  /// from a fault of galley's own.
  static std::optional<GlyphList> from_bytes(std::string_view bytes, std::size_t count,
                                             std::shared_ptr<const void> owner = {});

private:
  /// Whether `bytes` are exactly `count` glyphs, every length checked before it is read.
  static bool whole(std::string_view bytes, std::size_t count);
  /// Checks viewed bytes not yet checked; throws galley::Error when they are not the glyphs.
  void check() const;
  /// Copies viewed bytes into bytes_, before they change.
  void own();
  std::string bytes_;
  std::shared_ptr<const void> owner_; ///< holds shared_, when set
  std::string_view shared_;
  std::size_t count_ = 0;
  mutable std::atomic<bool> unchecked_{false}; ///< viewed bytes not yet checked
};

} // namespace galley::layout
