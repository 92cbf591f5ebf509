#include "epub/memo.hpp"

#include "util/record.hpp"

namespace galley::epub {

namespace {

/// The record format; a change of layout changes the name, so that an old record reads as
/// damaged.
constexpr std::string_view kMagic = "galley issue epub memo 2";

void write_document(RecordWriter& w, const KeptDocument& d) {
  w.digest(d.xhtml);
  w.number(d.has_math);
  w.number(d.headings.size());
  for (const KeptHeading& h : d.headings) {
    w.text(h.text);
    w.text(h.href);
    w.signed_number(h.level);
  }
  w.number(d.page_breaks.size());
  for (const auto& [label, id] : d.page_breaks) {
    w.text(label);
    w.text(id);
  }
  w.number(d.pictures.size());
  for (const ShownPicture& p : d.pictures) {
    w.text(p.ref.src);
    w.text(p.ref.path);
    w.number(p.ref.remote);
    w.text(p.alt);
    w.text(p.loc.file);
    w.signed_number(p.loc.line);
    w.signed_number(p.loc.column);
    w.text(p.href);
  }
  write_diagnostics(w, d.diagnostics);
}

/// False when the record does not hold a document there.
bool read_document(RecordReader& r, KeptDocument& d) {
  d.xhtml = r.digest();
  d.has_math = r.number() != 0;
  d.headings.resize(r.count(3));
  for (KeptHeading& h : d.headings) {
    h.text = r.text();
    h.href = r.text();
    h.level = static_cast<int>(r.signed_number());
  }
  d.page_breaks.resize(r.count(2));
  for (auto& [label, id] : d.page_breaks) {
    label = r.text();
    id = r.text();
  }
  d.pictures.resize(r.count(8));
  for (ShownPicture& p : d.pictures) {
    p.ref.src = r.text();
    p.ref.path = r.text();
    p.ref.remote = r.number() != 0;
    p.alt = r.text();
    p.loc.file = r.text();
    p.loc.line = static_cast<int>(r.signed_number());
    p.loc.column = static_cast<int>(r.signed_number());
    p.href = r.text();
  }
  return read_diagnostics(r, d.diagnostics);
}

} // namespace

std::string memo_record(const EpubMemo& memo) {
  RecordWriter w(kMagic);
  w.number(memo.deflated_made.size());
  for (const auto& [key, e] : memo.deflated_made) {
    w.digest(key);
    w.number(e.size);
    w.number(e.crc);
    w.text(e.packed);
  }
  w.number(memo.tokens_made.size());
  for (const auto& [key, lines] : memo.tokens_made) {
    w.digest(key);
    w.number(lines.size());
    for (const highlight::TokenLine& line : lines) {
      w.number(line.size());
      for (const highlight::Token& token : line) {
        w.number(static_cast<std::uint64_t>(token.kind));
        w.text(token.text);
      }
    }
  }
  w.number(memo.documents_made.size());
  for (const auto& [key, d] : memo.documents_made) {
    w.digest(key);
    write_document(w, d);
  }
  return w.seal();
}

bool read_memo_record(std::string_view bytes, EpubMemo& memo) {
  RecordReader r(bytes, kMagic);
  std::map<Digest128, DeflatedEntry> deflated;
  for (std::size_t n = r.count(4); n > 0 && r.ok(); --n) {
    const Digest128 key = r.digest();
    DeflatedEntry e;
    e.size = r.number();
    e.crc = static_cast<std::uint32_t>(r.number());
    e.packed = r.text();
    deflated.emplace(key, std::move(e));
  }
  std::map<Digest128, std::vector<highlight::TokenLine>> tokens;
  for (std::size_t n = r.count(3); n > 0 && r.ok(); --n) {
    const Digest128 key = r.digest();
    std::vector<highlight::TokenLine> lines(r.count());
    for (highlight::TokenLine& line : lines) {
      line.resize(r.count(2));
      for (highlight::Token& token : line) {
        const std::uint64_t kind = r.number();
        if (kind >= style::kTokenKinds)
          return false;
        token.kind = static_cast<style::TokenKind>(kind);
        token.text = r.text();
      }
    }
    tokens.emplace(key, std::move(lines));
  }
  std::map<Digest128, KeptDocument> documents;
  for (std::size_t n = r.count(3); n > 0 && r.ok(); --n) {
    const Digest128 key = r.digest();
    KeptDocument d;
    if (!read_document(r, d))
      return false;
    documents.emplace(key, std::move(d));
  }
  if (!r.at_end())
    return false;
  memo.deflated_earlier = std::move(deflated);
  memo.tokens_earlier = std::move(tokens);
  memo.documents_earlier = std::move(documents);
  return true;
}

Digest128 code_key(std::string_view language, std::string_view code) {
  // The language with its length, so that no two (language, code) pairs run together alike.
  FastDigest d;
  d.text(language);
  d.update(code);
  return d.finish();
}

std::vector<highlight::TokenLine> code_tokens(std::string_view language, std::string_view code,
                                              EpubMemo* memo) {
  if (!memo)
    return highlight::tokenize(language, code);
  const Digest128 key = code_key(language, code);
  auto kept = memo->tokens_earlier.find(key);
  std::vector<highlight::TokenLine> lines =
      kept != memo->tokens_earlier.end() ? kept->second : highlight::tokenize(language, code);
  memo->tokens_made.emplace(key, lines);
  return lines;
}

} // namespace galley::epub
