#include "model/fingerprint.hpp"

#include "util/hash.hpp"
#include "util/record.hpp"

#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace galley::model {

namespace {

/// The record's name: it changes with the model, so records of an older one read as damaged.
constexpr std::string_view kMagic = "galley model 2";
constexpr std::string_view kBlocksMagic = "galley model blocks 2";

template <class> constexpr bool kNoFields = false;

/// The fields of each node, in the order they are written and read: the one list the writer
/// (Feed, over const nodes) and the reader (Take) both walk. Whatever is not listed here is a
/// value (text, number, flag, enum), an optional, a list or a variant, which the visitors know.
template <class N, class V> void fields(N& n, V& v) {
  using T = std::remove_const_t<N>;
  if constexpr (std::is_same_v<T, SourceLoc>) v.all(n.file, n.line, n.column);
  else if constexpr (std::is_same_v<T, ImageRef>) v.all(n.src, n.path, n.remote);
  else if constexpr (std::is_same_v<T, Date>) v.all(n.year, n.month, n.day);
  else if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) v.all(n.text);
  else if constexpr (std::is_same_v<T, Emphasis> || std::is_same_v<T, Strong> ||
                     std::is_same_v<T, Strikethrough> || std::is_same_v<T, Superscript> ||
                     std::is_same_v<T, Subscript>)
    v.all(n.children);
  else if constexpr (std::is_same_v<T, Link>) v.all(n.url, n.title, n.children);
  else if constexpr (std::is_same_v<T, Image>) v.all(n.image, n.alt, n.title);
  else if constexpr (std::is_same_v<T, NoteRef>) v.all(n.id);
  else if constexpr (std::is_same_v<T, LineBreak> || std::is_same_v<T, SoftBreak> ||
                     std::is_same_v<T, ThematicBreak>)
    return;
  else if constexpr (std::is_same_v<T, RawInline> || std::is_same_v<T, RawBlock>) v.all(n.html);
  else if constexpr (std::is_same_v<T, Span>) v.all(n.kind, n.lang, n.dir, n.title, n.children);
  else if constexpr (std::is_same_v<T, Math>) v.all(n.tex, n.display);
  else if constexpr (std::is_same_v<T, Heading>) v.all(n.level, n.content, n.id);
  else if constexpr (std::is_same_v<T, Paragraph>) v.all(n.content);
  else if constexpr (std::is_same_v<T, List>) v.all(n.kind, n.start, n.tight, n.numbering, n.items);
  else if constexpr (std::is_same_v<T, ListItem>) v.all(n.blocks, n.checked, n.loc);
  else if constexpr (std::is_same_v<T, BlockQuote>) v.all(n.blocks);
  else if constexpr (std::is_same_v<T, CodeBlock>) v.all(n.language, n.code);
  else if constexpr (std::is_same_v<T, Figure>) v.all(n.image, n.alt, n.caption, n.credit, n.id);
  else if constexpr (std::is_same_v<T, Table>) v.all(n.aligns, n.header_rows, n.rows);
  else if constexpr (std::is_same_v<T, TableRow>) v.all(n.cells);
  else if constexpr (std::is_same_v<T, TableCell>) v.all(n.content, n.loc);
  else if constexpr (std::is_same_v<T, DefinitionList>) v.all(n.items);
  else if constexpr (std::is_same_v<T, DefinitionItem>) v.all(n.term, n.definitions, n.loc);
  else if constexpr (std::is_same_v<T, Source>) v.all(n.title, n.publisher, n.date, n.url);
  else if constexpr (std::is_same_v<T, Note>)
    v.all(n.id, n.kind, n.number, n.cited, n.blocks, n.source, n.loc, n.given_number);
  else if constexpr (std::is_same_v<T, Author>)
    v.all(n.name, n.file_as, n.role, n.bio, n.portrait, n.loc);
  else if constexpr (std::is_same_v<T, Cover>) v.all(n.image, n.alt, n.credit, n.loc);
  else if constexpr (std::is_same_v<T, Meta>)
    v.all(n.publication, n.title, n.subtitle, n.dek, n.authors, n.date, n.reading_minutes,
          n.reading_time_given, n.reading_time_text, n.language, n.tags, n.cover, n.identifier,
          n.slug, n.loc);
  else if constexpr (std::is_same_v<T, Article>)
    v.all(n.meta, n.blocks, n.notes, n.word_count, n.source_path, n.base_dir);
  else
    static_assert(kNoFields<T>, "a model type without its field list");
}

/// Writes each node as its variant index and its fields, each with its length, so that no two
/// different articles write the same bytes: into a record (RecordWriter) or straight into a
/// digest of one (RecordDigest).
template <class Sink> class Feed {
public:
  explicit Feed(std::string_view magic = kMagic) : w(magic) {}
  Sink w;

  void operator()(const std::string& s) { w.text(s); }
  void operator()(bool b) { w.number(b ? 1 : 0); }
  void operator()(int v) { w.signed_number(v); }
  template <class E>
  requires std::is_enum_v<E>
  void operator()(const E& e) { w.number(static_cast<std::uint64_t>(e)); }
  template <class T> void operator()(const std::optional<T>& o) {
    w.number(o.has_value());
    if (o)
      (*this)(*o);
  }
  template <class T> void operator()(const std::vector<T>& v) {
    w.number(v.size());
    for (const T& x : v)
      (*this)(x);
  }
  void operator()(const Inline& in) { alternative(in.value, in.loc); }
  void operator()(const Block& b) { alternative(b.value, b.loc); }
  template <class T> void operator()(const T& node) { fields(node, *this); }

  template <class... T> void all(const T&... fields) { ((*this)(fields), ...); }

private:
  template <class V> void alternative(const V& v, const SourceLoc& loc) {
    w.number(v.index());
    std::visit([this](const auto& x) { (*this)(x); }, v);
    (*this)(loc);
  }
};

/// Reads back what Feed wrote, field for field in the same order.
class Take {
public:
  explicit Take(RecordReader& r) : r_(r) {}
  [[nodiscard]] bool ok() const { return !bad_ && r_.ok(); }

  void operator()(std::string& s) { s = r_.text(); }
  void operator()(bool& b) { b = r_.number() != 0; }
  void operator()(int& v) { v = static_cast<int>(r_.signed_number()); }
  template <class E>
  requires std::is_enum_v<E>
  void operator()(E& e) { e = static_cast<E>(r_.number()); }
  template <class T> void operator()(std::optional<T>& o) {
    o.reset();
    if (r_.number() != 0) {
      o.emplace();
      (*this)(*o);
    }
  }
  template <class T> void operator()(std::vector<T>& v) {
    v.resize(r_.count(1));
    for (T& x : v)
      (*this)(x);
  }
  void operator()(Inline& in) { alternative(in.value, in.loc); }
  void operator()(Block& b) { alternative(b.value, b.loc); }
  template <class T> void operator()(T& node) { fields(node, *this); }

  template <class... T> void all(T&... fields) { ((*this)(fields), ...); }

private:
  /// The variant's alternative by the index Feed wrote, its fields, then its place.
  template <class V> void alternative(V& v, SourceLoc& loc) {
    const std::uint64_t index = r_.number();
    if (!ok() || index >= std::variant_size_v<V>) {
      bad_ = true;
      return;
    }
    emplace(v, static_cast<std::size_t>(index), std::make_index_sequence<std::variant_size_v<V>>{});
    std::visit([this](auto& x) { (*this)(x); }, v);
    (*this)(loc);
  }
  template <class V, std::size_t... I>
  static void emplace(V& v, std::size_t index, std::index_sequence<I...>) {
    ((index == I ? (v.template emplace<I>(), true) : false) || ...);
  }

  RecordReader& r_;
  bool bad_ = false;
};

/// `node` as a record of kind `magic`.
template <class T> std::string encode(const T& node, std::string_view magic) {
  Feed<RecordWriter> f(magic);
  f(node);
  return f.w.seal();
}

/// What encode wrote of a T; nullopt for a damaged record or one of another kind.
template <class T> std::optional<T> decode(std::string_view record, std::string_view magic) {
  RecordReader r(record, magic);
  Take t(r);
  T node;
  t(node);
  if (!t.ok() || !r.at_end())
    return std::nullopt;
  return node;
}

} // namespace

std::string encode_article(const Article& a) {
  return encode(a, kMagic);
}

std::optional<Article> decode_article(std::string_view record) {
  return decode<Article>(record, kMagic);
}

std::string encode_outline(const Article& a) {
  Feed<RecordWriter> f;
  // fields()'s list for an Article, with no blocks (tests/model/test_fingerprint.cpp reads
  // it back, so a field added there and not here fails).
  f.all(a.meta, Blocks{}, a.notes, a.word_count, a.source_path, a.base_dir);
  return f.w.seal();
}

std::string encode_blocks(const Blocks& blocks) {
  return encode(blocks, kBlocksMagic);
}

std::optional<Blocks> decode_blocks(std::string_view record) {
  return decode<Blocks>(record, kBlocksMagic);
}

std::string fingerprint(const Article& a) {
  Feed<RecordDigest> f;
  f(a);
  return f.w.hex();
}

std::string fingerprint_fields(const Issue& i) {
  Feed<RecordDigest> f;
  f.all(i.title, i.subtitle, i.publication, i.number, i.date, i.cover, i.editors, i.style,
        i.language, i.identifier, i.description, i.certified_by, i.source_path, i.single_article,
        i.loc);
  return f.w.hex();
}

} // namespace galley::model
