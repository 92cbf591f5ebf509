// Page-break markers where the pages of the PDF edition begin (EPUB 3.3 and the Structural
// Semantics Vocabulary: epub:type "pagebreak"; DPUB-ARIA 1.1: role "doc-pagebreak"), so that a
// reader of the e-book can find and cite "p. 7" of the printed issue.
#include "epub/book.hpp"

#include <array>
#include <string_view>

namespace galley::epub {

namespace {

/// Elements inside a run of text. Every other element (a paragraph, a list item, a table cell,
/// a line break) separates words, as a new line of the PDF does.
bool phrasing(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kPhrasing = {
      "a",   "abbr", "b",   "bdi", "bdo",  "cite", "code", "del", "dfn", "em",   "i",
      "ins", "kbd",  "mark", "q",  "s",    "samp", "small", "span", "strong", "sub", "sup"};
  for (std::string_view p : kPhrasing)
    if (p == name) return true;
  return false;
}

/// What the PDF does not set as text: note markers (set apart from the words they follow, and
/// left out by the layout's count too) and task-list check boxes (drawn with rules).
bool skipped(pugi::xml_node element) {
  const std::string_view cls = element.attribute("class").value();
  // A formula is one object in the PDF, not words of its lines.
  return cls == cls::noteref || cls == cls::checkbox || cls == cls::checkbox_done ||
         std::string_view(element.name()) == "math";
}

/// A word found: where, and which page begins before it.
struct Split {
  pugi::xml_node text;
  std::size_t offset = 0;
  const model::PrintPage* page = nullptr;
};

class WordWalk {
public:
  WordWalk(const std::vector<const model::PrintPage*>& pages) : pages_(pages) {}

  void walk(pugi::xml_node node) {
    if (next_ >= pages_.size()) return;
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      for (std::size_t at : model::word_starts(node.value(), in_word_)) {
        while (next_ < pages_.size() && pages_[next_]->word == words_)
          splits_.push_back({node, at, pages_[next_++]});
        ++words_;
      }
      return;
    }
    if (node.type() != pugi::node_element || skipped(node)) return;
    const bool separates = !phrasing(node.name());
    if (separates) in_word_ = false;
    for (pugi::xml_node child : node.children()) walk(child);
    if (separates) in_word_ = false;
  }

  [[nodiscard]] const std::vector<Split>& splits() const { return splits_; }
  /// How many of the pages were found (the rest begin after the block's last word).
  [[nodiscard]] std::size_t found() const { return next_; }

private:
  const std::vector<const model::PrintPage*>& pages_;
  std::vector<Split> splits_;
  std::size_t next_ = 0;
  int words_ = 0;
  bool in_word_ = false;
};

void make_marker(pugi::xml_node marker, const model::PrintPage& page, ArticleContext& ctx) {
  const std::string id = ctx.claim_id("page-" + sanitize_id(page.label));
  marker.set_name("span");
  marker.append_attribute("epub:type") = "pagebreak";
  marker.append_attribute("role") = "doc-pagebreak";
  marker.append_attribute("id") = id.c_str();
  marker.append_attribute("aria-label") = xml_clean(page.label).c_str();
  ctx.page_breaks.push_back({page.label, "#" + id});
}

} // namespace

void mark_page_starts(pugi::xml_node parent, pugi::xml_node first,
                      const std::vector<const model::PrintPage*>& pages, ArticleContext& ctx) {
  if (pages.empty()) return;
  WordWalk walk(pages);
  for (pugi::xml_node n = first; n; n = n.next_sibling()) walk.walk(n);
  // Split text nodes from the last word back, so that earlier offsets stay valid.
  const std::vector<Split>& splits = walk.splits();
  std::vector<pugi::xml_node> markers(splits.size());
  for (std::size_t i = splits.size(); i-- > 0;) {
    Split s = splits[i];
    pugi::xml_node host = s.text.parent();
    // Pages that begin at the same word (a full-page cover and the opening after it): the
    // earlier page's marker goes before the later one's.
    if (i + 1 < splits.size() && splits[i + 1].text == s.text && splits[i + 1].offset == s.offset) {
      markers[i] = host.insert_child_before(pugi::node_element, markers[i + 1]);
      continue;
    }
    if (s.offset == 0) {
      markers[i] = host.insert_child_before(pugi::node_element, s.text);
      continue;
    }
    const std::string text = s.text.value();
    pugi::xml_node rest = host.insert_child_after(s.text.type(), s.text);
    rest.set_value(text.c_str() + s.offset);
    s.text.set_value(text.substr(0, s.offset).c_str());
    markers[i] = host.insert_child_before(pugi::node_element, rest);
  }
  for (std::size_t i = 0; i < splits.size(); ++i) make_marker(markers[i], *splits[i].page, ctx);
  for (std::size_t i = walk.found(); i < pages.size(); ++i)
    make_marker(parent.append_child(pugi::node_element), *pages[i], ctx);
}

} // namespace galley::epub
