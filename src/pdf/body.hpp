#pragma once
// The objects of a PDF whose values galley writes itself, and the file around every object
// (PDF 32000-1 7.5). An issue has tens of thousands of page, annotation and structure objects
// and a thousand content streams. PoDoFo numbers them, in the one numbering they share with
// the fonts, pictures, outline and catalog it builds, but their values are galley's text
// (pdf/raw.hpp) and packed streams, held here and copied once, straight into the file's bytes:
// PoDoFo's serialiser formatted each object with vsnprintf into a buffer it grew by copying,
// and was a seventh of a rebuild of an issue after one article changed.
#include "pdf/pack.hpp"

#include <podofo/podofo.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace galley::pdf {

class Body {
public:
  explicit Body(PoDoFo::PdfVecObjects& objects) : objects_(objects) {}

  /// The number of a new object, whose value is given later by set or set_stream: objects
  /// that refer to each other need their numbers before either can be written. It comes from
  /// `objects`' count, which the objects PoDoFo makes go on from.
  PoDoFo::PdfReference reserve();
  /// Makes `text`, a complete PDF value ("<<...>>", "[...]"), the value of `ref` (copied).
  void set(const PoDoFo::PdfReference& ref, std::string_view text);
  /// Keeps `text` as it is, for values made in bulk elsewhere (on other threads), and returns a
  /// view of it that lives as long as the body, for set_held.
  std::string_view hold(std::string text);
  /// Makes `text`, a complete PDF value within a view hold() returned, the value of `ref`,
  /// without copying it.
  void set_held(const PoDoFo::PdfReference& ref, std::string_view text);
  /// Makes `ref` a stream of `data` (7.3.8), /FlateDecode when deflated. `data` is not copied:
  /// it must live until write_file has run (a page's stream, held by the writer).
  void set_stream(const PoDoFo::PdfReference& ref, const StreamData& data);
  /// The same, with data the body keeps.
  void set_stream(const PoDoFo::PdfReference& ref, StreamData&& data);

  /// The file: header, every object by number (those reserved here with the values given
  /// here, those of `doc` as PoDoFo writes them), the cross-reference table and the trailer
  /// (7.5.2 to 7.5.5). The trailer's /ID is derived from `identifier` and every byte before
  /// it, so that different content gets different ids (14.4). XXH3-128, not a cryptographic
  /// digest: the id names the file, it does not vouch for it, and an issue PDF is 4 MB to
  /// digest. Throws galley::Error when `doc` has no /Root or /Info.
  [[nodiscard]] std::string write_file(const PoDoFo::PdfMemDocument& doc,
                                       std::string_view identifier) const;

private:
  struct Value {
    bool set = false;
    std::string_view text;              ///< the value, or a stream's dictionary, in texts_
    const StreamData* stream = nullptr; ///< the stream's bytes, when it is one
  };
  Value& value(const PoDoFo::PdfReference& ref);
  /// `text` copied into texts_.
  std::string_view keep(std::string_view text);

  PoDoFo::PdfVecObjects& objects_;
  std::vector<Value> values_;    ///< by object number
  std::size_t reserved_end_ = 0; ///< one past the highest number reserved
  std::deque<StreamData> kept_;
  std::deque<std::string> held_; ///< never moved once held (a short string's bytes are inline)
  /// The values' text, one after the other in blocks that are never grown past what they
  /// reserved, so that the views into them stay valid: an issue has some fifteen thousand
  /// values, and a string of its own for each was as many allocations to make and free.
  std::vector<std::string> texts_;
  std::string scratch_; ///< a stream's dictionary, made here before it is kept
};

} // namespace galley::pdf
