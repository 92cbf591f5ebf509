#pragma once
// Internal to input/: what the NITF and JATS readers share. Both walk a parsed document element
// by element, set text as the galley XML reader does (xml_text.hpp), and keep the nesting limit.
#include "input/draft.hpp"
#include "input/meta.hpp"
#include "input/nesting.hpp"
#include "input/xml_document.hpp"
#include "input/xml_text.hpp"
#include "util/text_utils.hpp"

#include <functional>
#include <string>

namespace galley::input {

class MarkupReader {
public:
  MarkupReader(const XmlDocument& xml, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags)
      : xml_(xml), ctx_(ctx), draft_(draft), diags_(diags) {}

protected:
  SourceLoc loc(const pugi::xml_node& n) const { return xml_.loc(n); }

  bool too_deep(const pugi::xml_node& n, int depth) {
    return nesting_.too_deep(
        depth, [&] { return loc(n); }, diags_);
  }

  /// The element's text on one line: what a metadata field holds.
  static std::string flat(const pugi::xml_node& n) { return collapse_spaces(deep_text(n)); }

  /// The article's language from an `xml:lang` (or `lang`) attribute of `n`, when it has one.
  bool take_language(const pugi::xml_node& n) {
    pugi::xml_attribute a = n.attribute("xml:lang");
    if (!a)
      a = n.attribute("lang");
    if (!a)
      return false;
    if (auto tag = language_tag(a.value(), loc(n), diags_)) {
      draft_.article.meta.language = *tag;
      return true;
    }
    return false;
  }

  /// Adds a paragraph of `content` to `out`, unless it holds nothing.
  static void add_paragraph(model::Blocks& out, model::Inlines content, const SourceLoc& at) {
    tidy_inlines(content);
    if (!content.empty())
      out.push_back({model::Paragraph{std::move(content)}, at});
  }

  /// One more note, or false (and one error) past `--max-notes`.
  bool room_for_note(const pugi::xml_node& n) {
    if (draft_.article.notes.size() + draft_.sources.size() < ctx_.options->limits.max_notes)
      return true;
    if (!draft_.too_many_notes)
      diags_.error(loc(n),
                   "too many notes: the limit is " + std::to_string(ctx_.options->limits.max_notes),
                   "raise the limit with --max-notes");
    draft_.too_many_notes = true;
    return false;
  }

  /// A table in XHTML's model, which NITF and JATS both use: `tr` rows of `th` and `td` cells,
  /// straight in the table or in `thead`, `tbody` and `tfoot`. The rows of `thead`, and leading
  /// rows made only of `th`, are header rows. `cell` reads a cell's content.
  model::Table html_table(const pugi::xml_node& n,
                          const std::function<void(const pugi::xml_node&, model::Inlines&)>& cell);

  const XmlDocument& xml_;
  const ArticleContext& ctx_;
  ArticleDraft& draft_;
  Diagnostics& diags_;
  NestingGuard nesting_{ctx_.options->limits.max_nesting};
};

} // namespace galley::input
