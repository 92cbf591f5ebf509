#pragma once
// Internal to input/: the DOCX reader's body: paragraphs, runs, lists, tables and pictures of
// word/document.xml (and of the notes, which hold the same content) made into the model
// (ECMA-376 Part 1, 17.3 paragraphs and runs, 17.4 tables, 17.9 numbering; docs/input.md, "DOCX").
#include "input/docx_styles.hpp"
#include "input/draft.hpp"
#include "input/nesting.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace galley::input::docx {

/// What the document holds that the model has no place for, said once per document.
struct Revisions {
  bool insertions = false; ///< tracked insertions, kept
  bool deletions = false;  ///< tracked deletions, dropped
  bool comments = false;   ///< comments, dropped
};

/// The title block as paragraphs of the Title, Subtitle, Author, Date and Abstract styles give
/// it (Word's and pandoc's), in the order met.
struct TitleBlock {
  std::string title, subtitle, date, abstract;
  std::vector<std::string> authors;
};

class BodyReader {
public:
  BodyReader(Package& package, const Styles& styles, const Numbering& numbering,
             const ArticleContext& ctx, ArticleDraft& draft, Diagnostics& diags);

  /// The part whose relationships the content read next uses (the document or a notes part).
  void set_part(const std::string& part);
  /// The bookmarks of heading paragraphs under `root`: a link to one of them (a table of
  /// contents' entry, a cross-reference) becomes a link to the heading.
  void collect_heading_bookmarks(const pugi::xml_node& root);
  /// The block-level content of `parent` (`w:body`, `w:footnote`, a table cell) into `out`.
  /// `title` takes the title block's paragraphs (the body's only); null leaves them as text.
  void blocks(const pugi::xml_node& parent, model::Blocks& out, TitleBlock* title, int depth);

  const Revisions& revisions() const { return revisions_; }

private:
  /// A run's content and look, before runs of one look are nested (docx_inlines.cpp).
  struct Piece {
    RunLook look;
    model::Inlines content;
  };
  /// A paragraph read, before paragraphs are grouped into lists, quotes and code.
  struct Para {
    ParaRole role = ParaRole::Body;
    std::optional<int> heading; ///< 1..9
    std::optional<NumberingRef> numbering;
    model::Inlines content;
    std::string bookmark; ///< the first bookmark in it, which names a heading
    bool rule = false;    ///< a horizontal rule (pandoc writes one as a VML shape)
    bool code = false;    ///< read as code: tabs and breaks kept as characters
  };
  class Grouper;

  // docx_body.cpp
  /// The element's block children, with content controls and custom XML looked through.
  void block_children(const pugi::xml_node& parent, std::vector<pugi::xml_node>& out, int depth);
  Para paragraph(const pugi::xml_node& p, int depth);
  std::optional<int> heading_level(const pugi::xml_node& ppr, const std::string& style) const;

  // docx_inlines.cpp
  void runs(const pugi::xml_node& parent, std::vector<Piece>& out, Para& para, int depth);
  void run(const pugi::xml_node& r, std::vector<Piece>& out, Para& para, int depth);
  /// An equation (m:oMath) as a formula, set apart when `display`.
  void math(const pugi::xml_node& omath, bool display, std::vector<Piece>& out);
  void run_child(const pugi::xml_node& c, model::Inlines& out, Para& para, bool code, int depth);
  void hyperlink(const pugi::xml_node& h, std::vector<Piece>& out, Para& para, int depth);
  void picture(const pugi::xml_node& drawing, model::Inlines& out);
  model::Inlines nest(std::vector<Piece>& pieces) const;

  // docx_tables.cpp
  model::Table table(const pugi::xml_node& tbl, int depth);

  bool too_deep(int depth) {
    return nesting_.too_deep(
        depth, [&] { return SourceLoc{ctx_.display}; }, diags_);
  }
  SourceLoc here() const { return {ctx_.display}; }

  Package& package_;
  const Styles& styles_;
  const Numbering& numbering_;
  const ArticleContext& ctx_;
  ArticleDraft& draft_;
  Diagnostics& diags_;
  NestingGuard nesting_;
  std::string part_;
  std::map<std::string, Relationship> rels_;
  std::set<std::string> heading_bookmarks_;
  /// Pictures already read, by part name: one read and one check for a picture shown twice.
  std::map<std::string, model::ImageRef> pictures_;
  /// The next number of each list level, by numbering id and level (Word counts on across
  /// the paragraphs between the items of one list).
  std::map<std::pair<std::string, int>, int> counters_;
  Revisions revisions_;
};

} // namespace galley::input::docx
