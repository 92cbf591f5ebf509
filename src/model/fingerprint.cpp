#include "model/fingerprint.hpp"

#include "util/hash.hpp"
#include "util/record.hpp"

#include <type_traits>

namespace galley::model {

namespace {

/// Writes each node as its variant index and its fields, each with its length, so that no two
/// different articles write the same bytes.
class Feed {
public:
  RecordWriter w{"galley model 1"};

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

} // namespace

std::string fingerprint(const Article& a) {
  Feed f;
  f.all(a.meta, a.blocks, a.notes, a.word_count, a.source_path, a.base_dir);
  return sha256_hex(f.w.seal());
}

std::string fingerprint_fields(const Issue& i) {
  Feed f;
  f.all(i.title, i.subtitle, i.publication, i.number, i.date, i.cover, i.editors, i.style,
        i.language, i.identifier, i.description, i.certified_by, i.source_path, i.single_article,
        i.loc);
  return sha256_hex(f.w.seal());
}

} // namespace galley::model
