#include "input/readers.hpp"

#include "input/docx.hpp"
#include "input/html_article.hpp"
#include "input/jats.hpp"
#include "input/json_article.hpp"
#include "input/json_value.hpp"
#include "input/markdown.hpp"
#include "input/nitf.hpp"
#include "input/title.hpp"
#include "input/xml.hpp"

#include <algorithm>

namespace galley::input {

namespace {

bool read_markdown_text(std::string& text, const XmlDocument*, const ArticleContext& ctx,
                        ArticleDraft& draft, Diagnostics& diags) {
  take_title_block(text, ctx, draft, diags);
  read_markdown(text, ctx, draft, diags);
  return true;
}

bool read_galley(std::string&, const XmlDocument* xml, const ArticleContext& ctx,
                 ArticleDraft& draft, Diagnostics& diags) {
  return read_galley_xml(*xml, ctx, draft, diags);
}

bool read_nitf_doc(std::string&, const XmlDocument* xml, const ArticleContext& ctx,
                   ArticleDraft& draft, Diagnostics& diags) {
  return read_nitf(*xml, ctx, draft, diags);
}

bool read_jats_doc(std::string&, const XmlDocument* xml, const ArticleContext& ctx,
                   ArticleDraft& draft, Diagnostics& diags) {
  return read_jats(*xml, ctx, draft, diags);
}

bool read_docx_doc(std::string& bytes, const XmlDocument*, const ArticleContext& ctx,
                   ArticleDraft& draft, Diagnostics& diags) {
  return read_docx(bytes, ctx, draft, diags);
}

bool read_html_text(std::string& text, const XmlDocument*, const ArticleContext& ctx,
                    ArticleDraft& draft, Diagnostics& diags) {
  return read_html_article(text, ctx, draft, diags);
}

bool read_json_text(std::string& text, const XmlDocument*, const ArticleContext& ctx,
                    ArticleDraft& draft, Diagnostics& diags) {
  return read_json_article(text, ctx, draft, diags);
}

bool owns(const Reader& r, std::string_view extension) {
  return std::find(r.extensions.begin(), r.extensions.end(), extension) != r.extensions.end();
}

} // namespace

const std::vector<Reader>& readers() {
  // JATS comes before galley XML: both have an <article> root, and only JATS's carries the
  // marks is_jats() looks for.
  static const std::vector<Reader> table{
      {"Markdown", "", {".md", ".markdown"}, false, nullptr, read_markdown_text},
      {"NITF", "nitf", {".xml", ".nitf"}, true, is_nitf, read_nitf_doc},
      {"JATS", "article", {".xml", ".nxml"}, true, is_jats, read_jats_doc},
      {"galley XML", "article", {".xml"}, false, is_galley_xml, read_galley},
      {"DOCX", "", {".docx"}, false, nullptr, read_docx_doc, is_docx},
      {"HTML", "", {".html", ".htm", ".xhtml"}, false, nullptr, read_html_text, nullptr,
       looks_like_html},
      {"JSON", "", {".json"}, false, nullptr, read_json_text, nullptr, looks_like_json},
  };
  return table;
}

const Reader* binary_reader(const std::string& extension, std::string_view bytes) {
  const std::vector<Reader>& all = readers();
  if (std::any_of(all.begin(), all.end(), [&](const Reader& r) { return owns(r, extension); })) {
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const Reader& r) { return r.claims_bytes && owns(r, extension); });
    return it == all.end() ? nullptr : &*it;
  }
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const Reader& r) { return r.claims_bytes && r.claims_bytes(bytes); });
  return it == all.end() ? nullptr : &*it;
}

bool read_article_text(std::string& text, const std::string& extension, const ArticleContext& ctx,
                       ArticleDraft& draft, Diagnostics& diags) {
  const std::vector<Reader>& all = readers();
  std::vector<const Reader*> candidates;
  for (const Reader& r : all)
    if (owns(r, extension) && !r.claims_bytes)
      candidates.push_back(&r);
  for (size_t i = 0; candidates.empty() && i < all.size(); ++i)
    if (all[i].sniffs != nullptr && all[i].sniffs(text))
      candidates.push_back(&all[i]);
  if (candidates.empty()) {
    // No reader owns the extension or knows the text: the text says whether it is XML.
    const bool xml = looks_like_xml(text);
    for (const Reader& r : all)
      if (!r.claims_bytes && r.sniffs == nullptr && (r.claims != nullptr) == xml)
        candidates.push_back(&r);
  }
  if (!candidates.front()->claims)
    return candidates.front()->read(text, nullptr, ctx, draft, diags);

  auto xml = parse_xml(text, ctx.display, diags);
  if (!xml)
    return false;
  const std::string root = xml->root().name();
  auto read_with = [&](const Reader& r) {
    // The document parsed again, the same way but for white space, when the format keeps it.
    if (r.keeps_white_space)
      xml = parse_xml(text, ctx.display, diags, true);
    return xml && r.read(text, xml.get(), ctx, draft, diags);
  };
  // An extension only one reader owns (.nitf, .nxml) names the format: its root is enough.
  if (candidates.size() == 1 && root == candidates.front()->root)
    return read_with(*candidates.front());
  for (const Reader* r : candidates)
    if (r->claims(*xml))
      return read_with(*r);
  std::vector<std::string_view> roots;
  std::string formats;
  for (const Reader* r : candidates) {
    if (std::find(roots.begin(), roots.end(), r->root) == roots.end())
      roots.push_back(r->root);
    formats +=
        (formats.empty() ? "" : ", ") + std::string(r->name) + " <" + std::string(r->root) + ">";
  }
  std::string expected;
  for (size_t i = 0; i < roots.size(); ++i)
    expected += (i == 0                  ? ""
                 : i + 1 == roots.size() ? " or "
                                         : ", ") +
                ("<" + std::string(roots[i]) + ">");
  diags.error(xml->loc(xml->root()),
              "root element is <" + std::string(root) + ">, expected " + expected,
              "galley reads " + formats + " from this file");
  return false;
}

} // namespace galley::input
