// The DOCX body's blocks (docx_body.hpp): paragraphs by their styles, and the grouping of
// paragraphs into lists, block quotes and code blocks, which Word has no elements for.
#include "input/docx_body.hpp"

#include "input/dates.hpp"
#include "input/xml_text.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <charconv>

namespace galley::input::docx {

namespace {

/// The bookmark that names a paragraph: the first it starts, or one started just before it
/// (pandoc puts a heading's there). Word's "_GoBack" marks where the writer last edited.
std::string bookmark_of(const pugi::xml_node& p) {
  auto name_of = [](const pugi::xml_node& b) {
    std::string name(attr(b, "name"));
    return name == "_GoBack" ? std::string() : name;
  };
  for (auto c : p.children())
    if (local_name(c) == "bookmarkStart")
      if (std::string name = name_of(c); !name.empty())
        return name;
  for (auto b = p.previous_sibling(); b; b = b.previous_sibling()) {
    if (b.type() == pugi::node_pcdata)
      continue;
    if (local_name(b) == "bookmarkStart") {
      if (std::string name = name_of(b); !name.empty())
        return name;
    } else if (local_name(b) != "bookmarkEnd") {
      break;
    }
  }
  return {};
}

/// The text of code: characters as written, line breaks as newlines.
void code_text(const model::Inlines& in, std::string& out) {
  for (const auto& i : in) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::Text> || std::is_same_v<T, model::Code>)
            out += v.text;
          else if constexpr (std::is_same_v<T, model::LineBreak>)
            out += '\n';
          else if constexpr (requires { v.children; })
            code_text(v.children, out);
        },
        i.value);
  }
}

bool only_image(const model::Inlines& in) {
  return in.size() == 1 && std::holds_alternative<model::Image>(in.front().value);
}

} // namespace

/// Consecutive paragraphs into the blocks they make together: numbered paragraphs into
/// (nested) lists, quote paragraphs into one block quote, code paragraphs into one code block,
/// a caption into the figure before it.
class BodyReader::Grouper {
public:
  Grouper(BodyReader& reader, model::Blocks& out, TitleBlock* title)
      : reader_(reader), out_(out), title_(title) {}

  void add(Para p) {
    const SourceLoc at = reader_.here();
    const bool figure_before = figure_before_;
    figure_before_ = false;
    if (p.role == ParaRole::Code && !p.heading) {
      close_quote();
      close_lists();
      if (!code_)
        code_.emplace();
      else
        code_->code += '\n';
      code_text(p.content, code_->code);
      return;
    }
    tidy_inlines(p.content);
    if (take_title(p))
      return;
    if (p.content.empty()) {
      if (p.rule) {
        close_all();
        out_.push_back({model::ThematicBreak{}, at});
      }
      return; // an empty paragraph is space on the page, nothing more
    }
    close_code();
    if (p.heading) {
      close_all();
      out_.push_back(
          {model::Heading{std::min(*p.heading, 6), std::move(p.content), p.bookmark}, at});
      return;
    }
    if (p.role == ParaRole::Caption && figure_before) {
      std::get<model::Figure>(out_.back().value).caption = std::move(p.content);
      return;
    }
    if (p.numbering) {
      item(*p.numbering, std::move(p.content));
      return;
    }
    close_lists();
    if (p.role == ParaRole::Quote) {
      if (!quote_)
        quote_.emplace();
      quote_->blocks.push_back({model::Paragraph{std::move(p.content)}, at});
      return;
    }
    close_quote();
    if (only_image(p.content)) {
      auto& image = std::get<model::Image>(p.content.front().value);
      model::Figure f;
      f.image = std::move(image.image);
      f.alt = std::move(image.alt);
      out_.push_back({std::move(f), at});
      figure_before_ = true;
      return;
    }
    out_.push_back({model::Paragraph{std::move(p.content)}, at});
  }

  void add_block(model::Block b) {
    close_all();
    figure_before_ = false;
    out_.push_back(std::move(b));
  }

  void finish() { close_all(); }

private:
  struct Frame {
    int level = 0;
    std::string num_id;
    model::List list;
  };

  /// A paragraph of the title block, taken into `title_`; the body's only.
  bool take_title(const Para& p) {
    if (!title_ || p.heading)
      return false;
    std::string text = collapse_spaces(model::plain_text(p.content));
    switch (p.role) {
    case ParaRole::Title:
      if (!title_->title.empty())
        return false; // a second title is a line of the text
      title_->title = text;
      return true;
    case ParaRole::Subtitle:
      if (!title_->subtitle.empty())
        return false;
      title_->subtitle = text;
      return true;
    case ParaRole::Author:
      if (!text.empty())
        title_->authors.push_back(text);
      return true;
    case ParaRole::Date:
      title_->date = text;
      return true;
    case ParaRole::Abstract:
      title_->abstract += (title_->abstract.empty() || text.empty() ? "" : " ") + text;
      return true;
    default:
      return false;
    }
  }

  void item(const NumberingRef& ref, model::Inlines content) {
    close_code();
    close_quote();
    const ListLevel look = reader_.numbering_.level(ref.num_id, ref.level);
    auto& counters = reader_.counters_;
    auto counter = counters.try_emplace({ref.num_id, ref.level}, look.start).first;
    const int number = counter->second++;
    // An item restarts the count of the levels below it (17.9.10, lvlRestart's default).
    for (auto it = std::next(counter); it != counters.end() && it->first.first == ref.num_id;)
      it = counters.erase(it);
    while (!lists_.empty() &&
           (lists_.back().level > ref.level ||
            (lists_.back().level == ref.level && lists_.back().num_id != ref.num_id)))
      pop_list();
    if (lists_.empty() || lists_.back().level < ref.level) {
      Frame f;
      f.level = ref.level;
      f.num_id = ref.num_id;
      f.list.kind = look.bullet ? model::ListKind::Bullet : model::ListKind::Ordered;
      f.list.numbering = look.numbering;
      f.list.start = number;
      lists_.push_back(std::move(f));
    }
    model::ListItem li;
    li.loc = reader_.here();
    li.blocks.push_back({model::Paragraph{std::move(content)}, li.loc});
    lists_.back().list.items.push_back(std::move(li));
  }

  void pop_list() {
    model::Block b{std::move(lists_.back().list), reader_.here()};
    lists_.pop_back();
    if (lists_.empty())
      out_.push_back(std::move(b));
    else
      lists_.back().list.items.back().blocks.push_back(std::move(b));
  }

  void close_lists() {
    while (!lists_.empty())
      pop_list();
  }

  void close_quote() {
    if (quote_)
      out_.push_back({std::move(*quote_), reader_.here()});
    quote_.reset();
  }

  void close_code() {
    if (code_)
      out_.push_back({std::move(*code_), reader_.here()});
    code_.reset();
  }

  void close_all() {
    close_code();
    close_quote();
    close_lists();
  }

  BodyReader& reader_;
  model::Blocks& out_;
  TitleBlock* title_;
  std::optional<model::CodeBlock> code_;
  std::optional<model::BlockQuote> quote_;
  std::vector<Frame> lists_;
  bool figure_before_ = false;
};

BodyReader::BodyReader(Package& package, const Styles& styles, const Numbering& numbering,
                       const ArticleContext& ctx, ArticleDraft& draft, Diagnostics& diags)
    : package_(package), styles_(styles), numbering_(numbering), ctx_(ctx), draft_(draft),
      diags_(diags), nesting_(ctx.options->limits.max_nesting) {}

void BodyReader::set_part(const std::string& part) {
  part_ = part;
  rels_ = package_.relationships(part);
}

void BodyReader::collect_heading_bookmarks(const pugi::xml_node& root) {
  for (auto found : root.select_nodes(".//*[local-name()='p']")) {
    pugi::xml_node p = found.node();
    pugi::xml_node ppr = child_named(p, "pPr");
    if (!heading_level(ppr, std::string(attr(child_named(ppr, "pStyle"), "val"))))
      continue;
    if (std::string name = bookmark_of(p); !name.empty())
      heading_bookmarks_.insert(name);
  }
}

std::optional<int> BodyReader::heading_level(const pugi::xml_node& ppr,
                                             const std::string& style) const {
  // A title is no heading, even where its style gives it an outline level for the navigation
  // pane (LibreOffice's "Title" is based on its "Heading").
  if (const ParaRole role = styles_.role(style);
      role == ParaRole::Title || role == ParaRole::Subtitle)
    return std::nullopt;
  if (auto outline = child_named(ppr, "outlineLvl")) {
    std::string_view v = attr(outline, "val");
    int level = 9;
    std::from_chars(v.data(), v.data() + v.size(), level);
    return level >= 0 && level < 9 ? std::optional<int>(level + 1) : std::nullopt;
  }
  return styles_.heading_level(style);
}

void BodyReader::block_children(const pugi::xml_node& parent, std::vector<pugi::xml_node>& out,
                                int depth) {
  if (too_deep(depth))
    return;
  for (auto c : parent.children()) {
    const std::string_view name = local_name(c);
    if (name == "p" || name == "tbl")
      out.push_back(c);
    else if (name == "sdt") // a content control: its content is the document's
      block_children(child_named(c, "sdtContent"), out, depth + 1);
    else if (name == "customXml" || name == "ins" || name == "moveTo")
      block_children(c, out, depth + 1);
  }
}

void BodyReader::blocks(const pugi::xml_node& parent, model::Blocks& out, TitleBlock* title,
                        int depth) {
  std::vector<pugi::xml_node> children;
  block_children(parent, children, depth);
  Grouper group(*this, out, title);
  for (const auto& c : children) {
    if (local_name(c) == "p")
      group.add(paragraph(c, depth));
    else if (!too_deep(depth + 1))
      if (model::Table t = table(c, depth + 1); !t.aligns.empty())
        group.add_block({std::move(t), here()});
  }
  group.finish();
}

BodyReader::Para BodyReader::paragraph(const pugi::xml_node& p, int depth) {
  Para para;
  pugi::xml_node ppr = child_named(p, "pPr");
  const std::string style(attr(child_named(ppr, "pStyle"), "val"));
  para.role = styles_.role(style);
  para.heading = heading_level(ppr, style);
  para.code = para.role == ParaRole::Code;
  para.bookmark = bookmark_of(p);
  if (!heading_bookmarks_.count(para.bookmark))
    para.bookmark.clear();
  if (auto own = child_named(ppr, "numPr")) {
    // Its own numbering; a level alone applies to the list its style gives (17.9.19).
    std::string_view id = attr(child_named(own, "numId"), "val");
    if (!id.empty())
      para.numbering = numbering_of(own);
    else if (auto from_style = styles_.numbering(style)) {
      para.numbering = from_style;
      if (std::string_view l = attr(child_named(own, "ilvl"), "val"); !l.empty())
        std::from_chars(l.data(), l.data() + l.size(), para.numbering->level);
    }
  } else {
    para.numbering = styles_.numbering(style);
  }
  if (para.numbering)
    para.numbering->level = std::clamp(para.numbering->level, 0, 8);
  // The paragraph mark's own revision marks (17.13.5): a paragraph inserted or joined.
  if (pugi::xml_node mark = child_named(ppr, "rPr")) {
    revisions_.insertions = revisions_.insertions || child_named(mark, "ins");
    revisions_.deletions = revisions_.deletions || child_named(mark, "del");
  }
  std::vector<Piece> pieces;
  runs(p, pieces, para, depth + 1);
  para.content = nest(pieces);
  return para;
}

} // namespace galley::input::docx
