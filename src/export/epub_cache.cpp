#include "export/epub_cache.hpp"

namespace galley::render {

namespace {

/// The entry format; a change of layout changes the name, so that an old entry reads as damaged.
constexpr std::string_view kMagic = "galley issue epub memo 1";

} // namespace

EpubCache::EpubCache(const model::Issue& issue, const RenderOptions& options)
    : entry_("EPUB documents", issue, options, Format::Epub) {}

void EpubCache::load(epub::EpubMemo& memo, Diagnostics& diags) const {
  std::optional<std::string_view> bytes = entry_.read();
  if (!bytes)
    return;
  RecordReader r(*bytes, kMagic);
  auto damaged = [&] { entry_.damaged(diags, "making them again"); };
  std::map<Digest128, epub::DeflatedEntry> deflated;
  for (std::size_t n = r.count(4); n > 0 && r.ok(); --n) {
    Digest128 key{r.number(), r.number()};
    epub::DeflatedEntry e;
    e.size = r.number();
    e.crc = static_cast<std::uint32_t>(r.number());
    e.packed = r.text();
    deflated.emplace(key, std::move(e));
  }
  std::map<Digest128, std::vector<highlight::TokenLine>> tokens;
  for (std::size_t n = r.count(3); n > 0 && r.ok(); --n) {
    Digest128 key{r.number(), r.number()};
    std::vector<highlight::TokenLine> lines(r.count());
    for (highlight::TokenLine& line : lines) {
      line.resize(r.count(2));
      for (highlight::Token& token : line) {
        const std::uint64_t kind = r.number();
        if (kind >= style::kTokenKinds) {
          damaged();
          return;
        }
        token.kind = static_cast<style::TokenKind>(kind);
        token.text = r.text();
      }
    }
    tokens.emplace(key, std::move(lines));
  }
  if (!r.at_end()) {
    damaged();
    return;
  }
  memo.deflated_earlier = std::move(deflated);
  memo.tokens_earlier = std::move(tokens);
}

void EpubCache::store(const epub::EpubMemo& memo) const {
  RecordWriter w(kMagic);
  w.number(memo.deflated_made.size());
  for (const auto& [key, e] : memo.deflated_made) {
    w.number(key.low);
    w.number(key.high);
    w.number(e.size);
    w.number(e.crc);
    w.text(e.packed);
  }
  w.number(memo.tokens_made.size());
  for (const auto& [key, lines] : memo.tokens_made) {
    w.number(key.low);
    w.number(key.high);
    w.number(lines.size());
    for (const highlight::TokenLine& line : lines) {
      w.number(line.size());
      for (const highlight::Token& token : line) {
        w.number(static_cast<std::uint64_t>(token.kind));
        w.text(token.text);
      }
    }
  }
  entry_.write(w.seal());
}

} // namespace galley::render
