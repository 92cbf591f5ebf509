#pragma once
// Internal to input/: the galley XML reader, shared by xml.cpp (the document, its metadata,
// sources and notes) and xml_body.cpp (blocks and inline text). docs/input.md describes the format.
#include "input/meta.hpp"
#include "input/nesting.hpp"
#include "input/text_file.hpp"
#include "input/xml_text.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::input::xml_detail {

using Names = std::vector<std::string>;

inline const Names kBlockNames{"h",      "p",     "list", "blockquote", "code-block",
                               "figure", "table", "hr",   "raw-html"};
inline const Names kInlineNames{"em",  "strong",   "del", "code",    "a",
                                "img", "note-ref", "br",  "raw-html"};

class XmlReader {
public:
  XmlReader(std::string_view text, const ArticleContext& ctx, Diagnostics& diags)
      : text_(text), ctx_(ctx), diags_(diags) {}

  SourceLoc loc(const pugi::xml_node& n) const { return node_loc(text_, ctx_.display, n); }

  void unknown(const pugi::xml_node& n, std::string_view where, const Names& known) {
    ++unknown_elements_;
    std::string guess = closest_match(n.name(), known);
    diags_.warning(
        loc(n), "unknown element <" + std::string(n.name()) + "> in <" + std::string(where) + ">",
        guess.empty() ? std::string() : "did you mean <" + guess + ">?");
  }

  void check_attributes(const pugi::xml_node& n, const Names& known) {
    for (auto a : n.attributes()) {
      std::string name = a.name();
      if (name == "xmlns" || std::find(known.begin(), known.end(), name) != known.end())
        continue;
      std::string guess = closest_match(name, known);
      diags_.warning(loc(n), "unknown attribute '" + name + "' on <" + std::string(n.name()) + ">",
                     guess.empty() ? std::string() : "did you mean '" + guess + "'?");
    }
  }

  /// Text content of an element holding only text (verbatim, CDATA included).
  static std::string text_of(const pugi::xml_node& n) {
    std::string out;
    for (auto c : n.children())
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
        out += c.value();
    return out;
  }

  static std::string trimmed(std::string s) {
    size_t b = 0, e = s.size();
    while (b < e && is_xml_space(s[b]))
      ++b;
    while (e > b && is_xml_space(s[e - 1]))
      --e;
    return s.substr(b, e - b);
  }

  std::optional<int> int_attr(const pugi::xml_node& n, const char* name, int lo, int hi) {
    auto a = n.attribute(name);
    if (!a)
      return std::nullopt;
    std::string_view v = a.value();
    int out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || end != v.data() + v.size() || out < lo || out > hi) {
      diags_.error(loc(n), "attribute '" + std::string(name) + "' on <" + n.name() +
                               "> must be a whole number from " + std::to_string(lo) + " to " +
                               std::to_string(hi) + ", got '" + std::string(v) + "'");
      return std::nullopt;
    }
    return out;
  }

  std::optional<bool> bool_attr(const pugi::xml_node& n, const char* name) {
    auto a = n.attribute(name);
    if (!a)
      return std::nullopt;
    std::string_view v = a.value();
    if (v == "true")
      return true;
    if (v == "false")
      return false;
    diags_.error(loc(n), "attribute '" + std::string(name) + "' on <" + n.name() +
                             "> must be 'true' or 'false', got '" + std::string(v) + "'");
    return std::nullopt;
  }

  bool too_deep(const pugi::xml_node& n, int depth) {
    return nesting_.too_deep(
        depth, [&] { return loc(n); }, diags_);
  }

  void meta(const pugi::xml_node& m, ArticleDraft& draft);

  void author(const pugi::xml_node& n, model::Meta& meta);

  void sources(const pugi::xml_node& n, ArticleDraft& draft);

  void blocks(const pugi::xml_node& parent, model::Blocks& out, int depth);

  std::optional<model::Block> block(const pugi::xml_node& n, int depth);

  model::Table table(const pugi::xml_node& n, int depth);

  void inlines(const pugi::xml_node& parent, model::Inlines& out, int depth, bool block_level);

  void inline_element(const pugi::xml_node& n, model::Inlines& out, int depth);

  void notes(const pugi::xml_node& n, ArticleDraft& draft);

  void article(const pugi::xml_node& root, ArticleDraft& draft);

private:
  std::string_view text_;
  const ArticleContext& ctx_;
  Diagnostics& diags_;
  NestingGuard nesting_{ctx_.options->limits.max_nesting};
  int unknown_elements_ = 0;
};

} // namespace galley::input::xml_detail
