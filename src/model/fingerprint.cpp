#include "model/fingerprint.hpp"

#include "util/hash.hpp"
#include "util/record.hpp"

#include <type_traits>
#include <utility>
#include <variant>

namespace galley::model {

namespace {

/// The record's name: it changes with the model, so records of an older one read as damaged.
constexpr std::string_view kMagic = "galley model 1";

/// Writes each node as its variant index and its fields, each with its length, so that no two
/// different articles write the same bytes.
class Feed {
public:
  RecordWriter w{kMagic};

  void operator()(const std::string& s) { w.text(s); }
  void operator()(bool b) { w.number(b ? 1 : 0); }
  void operator()(int v) { w.signed_number(v); }
  void operator()(const SourceLoc& l) {
    w.text(l.file);
    w.signed_number(l.line);
    w.signed_number(l.column);
  }
  void operator()(const ImageRef& r) { all(r.src, r.path, r.remote); }
  void operator()(const Date& d) { all(d.year, d.month, d.day); }
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
  template <class E>
  requires std::is_enum_v<E>
  void operator()(E e) { w.number(static_cast<std::uint64_t>(e)); }

  void operator()(const Inline& in) {
    w.number(in.value.index());
    std::visit([this](const auto& v) { node(v); }, in.value);
    (*this)(in.loc);
  }
  void operator()(const Block& b) {
    w.number(b.value.index());
    std::visit([this](const auto& v) { node(v); }, b.value);
    (*this)(b.loc);
  }

  void node(const Text& v) { all(v.text); }
  void node(const Emphasis& v) { all(v.children); }
  void node(const Strong& v) { all(v.children); }
  void node(const Strikethrough& v) { all(v.children); }
  void node(const Code& v) { all(v.text); }
  void node(const Link& v) { all(v.url, v.title, v.children); }
  void node(const Image& v) { all(v.image, v.alt, v.title); }
  void node(const NoteRef& v) { all(v.id); }
  void node(const LineBreak&) {}
  void node(const SoftBreak&) {}
  void node(const RawInline& v) { all(v.html); }
  void node(const Superscript& v) { all(v.children); }
  void node(const Subscript& v) { all(v.children); }
  void node(const Span& v) { all(v.kind, v.lang, v.dir, v.title, v.children); }
  void node(const Math& v) { all(v.tex, v.display); }

  void node(const Heading& v) { all(v.level, v.content, v.id); }
  void node(const Paragraph& v) { all(v.content); }
  void node(const List& v) {
    all(v.kind, v.start, v.tight, v.numbering);
    w.number(v.items.size());
    for (const ListItem& item : v.items)
      all(item.blocks, item.checked, item.loc);
  }
  void node(const BlockQuote& v) { all(v.blocks); }
  void node(const CodeBlock& v) { all(v.language, v.code); }
  void node(const Figure& v) { all(v.image, v.alt, v.caption, v.credit, v.id); }
  void node(const Table& v) {
    all(v.aligns, v.header_rows);
    w.number(v.rows.size());
    for (const TableRow& row : v.rows) {
      w.number(row.cells.size());
      for (const TableCell& cell : row.cells)
        all(cell.content, cell.loc);
    }
  }
  void node(const ThematicBreak&) {}
  void node(const RawBlock& v) { all(v.html); }
  void node(const DefinitionList& v) {
    w.number(v.items.size());
    for (const DefinitionItem& item : v.items)
      all(item.term, item.definitions, item.loc);
  }

  void operator()(const Source& s) { all(s.title, s.publisher, s.date, s.url); }
  void operator()(const Note& n) {
    all(n.id, n.kind, n.number, n.cited, n.blocks, n.source, n.loc);
  }
  void operator()(const Author& a) { all(a.name, a.file_as, a.role, a.bio, a.portrait, a.loc); }
  void operator()(const Cover& c) { all(c.image, c.alt, c.credit, c.loc); }
  void operator()(const Meta& m) {
    all(m.publication, m.title, m.subtitle, m.dek, m.authors, m.date, m.reading_minutes,
        m.reading_time_given, m.reading_time_text, m.language, m.tags, m.cover, m.identifier,
        m.slug, m.loc);
  }

  template <class... T> void all(const T&... fields) { ((*this)(fields), ...); }
};

/// Reads back what Feed wrote, field for field in the same order.
class Take {
public:
  explicit Take(RecordReader& r) : r_(r) {}
  [[nodiscard]] bool ok() const { return !bad_ && r_.ok(); }

  void operator()(std::string& s) { s = r_.text(); }
  void operator()(bool& b) { b = r_.number() != 0; }
  void operator()(int& v) { v = static_cast<int>(r_.signed_number()); }
  void operator()(SourceLoc& l) {
    l.file = r_.text();
    l.line = static_cast<int>(r_.signed_number());
    l.column = static_cast<int>(r_.signed_number());
  }
  void operator()(ImageRef& r) { all(r.src, r.path, r.remote); }
  void operator()(Date& d) { all(d.year, d.month, d.day); }
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
  template <class E>
  requires std::is_enum_v<E>
  void operator()(E& e) { e = static_cast<E>(r_.number()); }

  void operator()(Inline& in) {
    alternative(in.value);
    (*this)(in.loc);
  }
  void operator()(Block& b) {
    alternative(b.value);
    (*this)(b.loc);
  }

  void node(Text& v) { all(v.text); }
  void node(Emphasis& v) { all(v.children); }
  void node(Strong& v) { all(v.children); }
  void node(Strikethrough& v) { all(v.children); }
  void node(Code& v) { all(v.text); }
  void node(Link& v) { all(v.url, v.title, v.children); }
  void node(Image& v) { all(v.image, v.alt, v.title); }
  void node(NoteRef& v) { all(v.id); }
  void node(LineBreak&) {}
  void node(SoftBreak&) {}
  void node(RawInline& v) { all(v.html); }
  void node(Superscript& v) { all(v.children); }
  void node(Subscript& v) { all(v.children); }
  void node(Span& v) { all(v.kind, v.lang, v.dir, v.title, v.children); }
  void node(Math& v) { all(v.tex, v.display); }

  void node(Heading& v) { all(v.level, v.content, v.id); }
  void node(Paragraph& v) { all(v.content); }
  void node(List& v) {
    all(v.kind, v.start, v.tight, v.numbering);
    v.items.resize(r_.count(1));
    for (ListItem& item : v.items)
      all(item.blocks, item.checked, item.loc);
  }
  void node(BlockQuote& v) { all(v.blocks); }
  void node(CodeBlock& v) { all(v.language, v.code); }
  void node(Figure& v) { all(v.image, v.alt, v.caption, v.credit, v.id); }
  void node(Table& v) {
    all(v.aligns, v.header_rows);
    v.rows.resize(r_.count(1));
    for (TableRow& row : v.rows) {
      row.cells.resize(r_.count(1));
      for (TableCell& cell : row.cells)
        all(cell.content, cell.loc);
    }
  }
  void node(ThematicBreak&) {}
  void node(RawBlock& v) { all(v.html); }
  void node(DefinitionList& v) {
    v.items.resize(r_.count(1));
    for (DefinitionItem& item : v.items)
      all(item.term, item.definitions, item.loc);
  }

  void operator()(Source& s) { all(s.title, s.publisher, s.date, s.url); }
  void operator()(Note& n) { all(n.id, n.kind, n.number, n.cited, n.blocks, n.source, n.loc); }
  void operator()(Author& a) { all(a.name, a.file_as, a.role, a.bio, a.portrait, a.loc); }
  void operator()(Cover& c) { all(c.image, c.alt, c.credit, c.loc); }
  void operator()(Meta& m) {
    all(m.publication, m.title, m.subtitle, m.dek, m.authors, m.date, m.reading_minutes,
        m.reading_time_given, m.reading_time_text, m.language, m.tags, m.cover, m.identifier,
        m.slug, m.loc);
  }

  template <class... T> void all(T&... fields) { ((*this)(fields), ...); }

private:
  /// The variant's alternative by the index Feed wrote, then its fields.
  template <class V> void alternative(V& v) {
    const std::uint64_t index = r_.number();
    if (!ok() || index >= std::variant_size_v<V>) {
      bad_ = true;
      return;
    }
    emplace(v, static_cast<std::size_t>(index), std::make_index_sequence<std::variant_size_v<V>>{});
    std::visit([this](auto& x) { node(x); }, v);
  }
  template <class V, std::size_t... I>
  static void emplace(V& v, std::size_t index, std::index_sequence<I...>) {
    ((index == I ? (v.template emplace<I>(), true) : false) || ...);
  }

  RecordReader& r_;
  bool bad_ = false;
};

} // namespace

std::string encode_article(const Article& a) {
  Feed f;
  f.all(a.meta, a.blocks, a.notes, a.word_count, a.source_path, a.base_dir);
  return f.w.seal();
}

std::optional<Article> decode_article(std::string_view record) {
  RecordReader r(record, kMagic);
  Take t(r);
  Article a;
  t.all(a.meta, a.blocks, a.notes, a.word_count, a.source_path, a.base_dir);
  if (!t.ok() || !r.at_end())
    return std::nullopt;
  return a;
}

std::string fingerprint(const Article& a) {
  return sha256_hex(encode_article(a));
}

std::string fingerprint_fields(const Issue& i) {
  Feed f;
  f.all(i.title, i.subtitle, i.publication, i.number, i.date, i.cover, i.editors, i.style,
        i.language, i.identifier, i.description, i.certified_by, i.source_path, i.single_article,
        i.loc);
  return sha256_hex(f.w.seal());
}

} // namespace galley::model
