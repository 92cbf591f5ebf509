#pragma once
// Internal to input/: the JATS reader, shared by jats.cpp (front and back matter: metadata,
// references, notes) and jats_body.cpp (sections, blocks and inline text). Element names are
// those of the JATS 1.3 tag library (Journal Archiving and Interchange); 1.0 to 1.2 use the same
// ones for everything read here.
#include "input/markup_reader.hpp"

#include <set>
#include <string>

namespace galley::input::jats_detail {

class JatsReader : MarkupReader {
public:
  using MarkupReader::MarkupReader;

  void read();

private:
  // jats.cpp: front and back matter.
  void front(const pugi::xml_node& f);
  void article_meta(const pugi::xml_node& m);
  void contributors(const pugi::xml_node& group, const pugi::xml_node& meta);
  void pub_date(const pugi::xml_node& m);
  void back(const pugi::xml_node& b);
  void references(const pugi::xml_node& list);
  void collect_note_refs(const pugi::xml_node& root);

  // jats_body.cpp: blocks and inline text.
  void section(const pugi::xml_node& sec, model::Blocks& out, int level, int depth);
  /// The children of `parent` as blocks: runs of text and inline elements become paragraphs,
  /// block elements (also those a `<p>` may hold, such as a table) blocks of their own. A
  /// `<disp-formula>` in a `<p>` stays in its paragraph, as a display formula.
  void blocks(const pugi::xml_node& parent, model::Blocks& out, int level, int depth);
  /// A `<disp-formula>` as display math, its `<label>` as the equation number.
  model::Math display_formula(const pugi::xml_node& formula);
  void block(const pugi::xml_node& n, model::Blocks& out, int level, int depth);
  void figure(const pugi::xml_node& fig, model::Blocks& out, int depth);
  void table_wrap(const pugi::xml_node& wrap, model::Blocks& out, int level, int depth);
  model::List list(const pugi::xml_node& n, int level, int depth);
  void footnote(const pugi::xml_node& fn, model::Blocks& out, int level, int depth);
  /// "Figure 1." and the caption's title and paragraphs, as one run of text.
  model::Inlines caption(const pugi::xml_node& owner, int depth);
  void inlines(const pugi::xml_node& parent, model::Inlines& out, int depth);
  void inline_element(const pugi::xml_node& n, model::Inlines& out, int depth);
  /// Adds the note `fn` (a footnote written where it is cited) and returns its id.
  std::string inline_note(const pugi::xml_node& fn, int depth);

  /// The ids of footnotes some `<xref ref-type="fn">` cites: those become notes, the others
  /// stay as text where they are.
  std::set<std::string> cited_notes_;
  std::set<std::string> anchors_; ///< ids of sections and figures, which a link may reach
  int inline_notes_ = 0;
};

/// Whether `n` is a block-level JATS element (JATS 1.3, the paragraph-level and display
/// elements): inside a `<p>` it ends the paragraph's text before it.
bool is_block(const pugi::xml_node& n);

/// The text of a formula (`disp-formula`, `inline-formula`): its `tex-math` with a LaTeX
/// document wrapper taken off, else the text of its MathML, else its own text.
std::string formula_text(const pugi::xml_node& formula);

} // namespace galley::input::jats_detail
