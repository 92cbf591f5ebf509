#include "input/html_fragment.hpp"

#include "input/html_math.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <memory>

namespace galley::input::html {

Parsed parse_html(std::string_view html) {
  // The parser's own error list is never read: keeping none saves its memory on large blocks.
  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    return o;
  }();
  return Parsed(gumbo_parse_with_options(&options, html.data(), html.size()));
}

namespace {

/// Elements that never hold others of their kind's depth: void elements, and those whose end
/// tag is implied by the next sibling (HTML Living Standard, 13.1.2 and 13.1.2.4).
bool adds_no_depth(std::string_view name) {
  static constexpr std::array<std::string_view, 26> kNames = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
      "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup",
      "thead", "tbody", "tfoot", "colgroup"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

/// Where the tags of `html` first open more than `bound` elements, or npos. gumbo's tree
/// builder scans its whole stack of open elements at each tag, so its time grows with the
/// square of the depth (20,000 nested `<div>` take 1.8 s); this estimate, from tag names alone,
/// lets the reader stop before that. It is not a parse: it only counts.
std::size_t depth_cut(std::string_view html, int bound) {
  int depth = 0;
  auto name_at = [&](std::size_t i) {
    std::string name;
    while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i])))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
    return name;
  };
  for (std::size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    if (lt + 2 >= html.size()) break;
    const bool closing = html[lt + 1] == '/';
    const std::string name = name_at(lt + (closing ? 2 : 1));
    if (name.empty() || adds_no_depth(name)) continue;
    if (closing) {
      depth = std::max(0, depth - 1);
      continue;
    }
    const std::size_t gt = html.find('>', lt);
    if (gt != std::string_view::npos && html[gt - 1] == '/') continue; // <x/>
    if (++depth > bound) return lt;
  }
  return std::string_view::npos;
}

/// The element's name in lower case, and as written (components keep their capitals).
std::pair<std::string, std::string> names(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) {
    std::string name = gumbo_normalized_tagname(e.tag);
    return {name, name};
  }
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string shown(piece.data, piece.length);
  std::string name = shown;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return {name, shown};
}

Attributes attributes_of(const GumboElement& e) {
  Attributes attrs;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    attrs.emplace_back(a->name, a->value);
  }
  return attrs;
}

/// The first element the parser did not make up (head and body are made up for any input).
const GumboNode* first_written(const GumboNode* n) {
  if (!is_element(n)) return nullptr;
  if (n->v.element.original_tag.length > 0 && n->v.element.tag != GUMBO_TAG_HTML &&
      n->v.element.tag != GUMBO_TAG_HEAD && n->v.element.tag != GUMBO_TAG_BODY)
    return n;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (const GumboNode* found = first_written(static_cast<const GumboNode*>(kids.data[i])))
      return found;
  return nullptr;
}

constexpr std::array<std::string_view, 14> kTransparentBlocks = {
    "div",  "center", "section", "article", "header", "footer", "main",
    "nav",  "aside",  "address", "hgroup",  "search", "noscript", "form"};
constexpr std::array<std::string_view, 21> kBlocks = {
    "p",  "h1",    "h2",   "h3",         "h4",      "h5", "h6",
    "ul", "ol",    "menu", "blockquote", "pre",     "hr", "table",
    "figure", "details", "summary", "dl", "dt",     "dd", "li"};

bool is_block(std::string_view name) {
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end() ||
         std::find(kTransparentBlocks.begin(), kTransparentBlocks.end(), name) !=
             kTransparentBlocks.end();
}

/// HTML's white space rule for text outside <pre>: each run of spaces and line ends is one
/// space (CSS Text 3, 4.1.1), including across the end of the text before.
void append_collapsed(model::Inlines& out, std::string_view text, const SourceLoc& loc) {
  std::string s;
  bool space = false;
  if (!out.empty())
    if (const auto* prev = std::get_if<model::Text>(&out.back().value))
      space = !prev->text.empty() && prev->text.back() == ' ';
  for (char c : text) {
    if (is_html_space(c)) {
      if (!space) s += ' ';
      space = true;
    } else {
      s += c;
      space = false;
    }
  }
  if (s.empty()) return;
  if (!out.empty())
    if (auto* prev = std::get_if<model::Text>(&out.back().value)) {
      prev->text += s;
      return;
    }
  out.push_back({model::Text{std::move(s)}, loc});
}

/// Drops the space at the start and the end of a paragraph's text, and after a line break.
void trim(model::Inlines& in) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto* t = std::get_if<model::Text>(&in[i].value);
    if (t == nullptr) continue;
    bool at_start = i == 0 || std::holds_alternative<model::LineBreak>(in[i - 1].value);
    if (at_start && !t->text.empty() && t->text.front() == ' ') t->text.erase(0, 1);
    bool at_end = i + 1 == in.size() || std::holds_alternative<model::LineBreak>(in[i + 1].value);
    if (at_end && !t->text.empty() && t->text.back() == ' ') t->text.pop_back();
  }
  std::erase_if(in, [](const model::Inline& x) {
    const auto* t = std::get_if<model::Text>(&x.value);
    return t != nullptr && t->text.empty();
  });
}

void append_raw_text(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
      n->type == GUMBO_NODE_CDATA) {
    out += n->v.text.text;
  } else if (is_element(n)) {
    if (n->v.element.tag == GUMBO_TAG_BR) out += '\n';
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      append_raw_text(static_cast<const GumboNode*>(kids.data[i]), out);
  }
}

model::Block strong_paragraph(model::Inlines content, const SourceLoc& loc) {
  model::Paragraph p;
  p.content.push_back({model::Strong{std::move(content)}, loc});
  return {std::move(p), loc};
}

} // namespace

bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

std::string tag_name(const GumboNode* n) {
  return is_element(n) ? names(n->v.element).first : std::string();
}

Attributes attributes_of(const GumboNode* n) {
  return is_element(n) ? attributes_of(n->v.element) : Attributes{};
}

std::optional<Tag> parse_tag(std::string_view raw) {
  if (raw.size() < 3 || raw[0] != '<' || raw[1] == '!' || raw[1] == '?') return std::nullopt;
  Tag tag;
  tag.closing = raw[1] == '/';
  tag.self_closing = raw.size() >= 2 && raw.substr(raw.size() - 2) == "/>";
  // An end tag is parsed as the start tag of the same name: gumbo drops an end tag that closes
  // nothing, and the name is all an end tag has.
  std::string text = tag.closing ? "<" + std::string(raw.substr(2)) : std::string(raw);
  Parsed out = parse_html(text);
  const GumboNode* n = first_written(out->root);
  if (n == nullptr) return tag;
  std::tie(tag.name, tag.shown) = names(n->v.element);
  tag.known = n->v.element.tag != GUMBO_TAG_UNKNOWN;
  if (!tag.closing) tag.attrs = attributes_of(n->v.element);
  return tag;
}

/// One HTML block being mapped: gumbo's positions count from the block's first character.
struct FragmentReader::Walk {
  FragmentReader& r;
  SourceLoc at;
  const PageHooks* hooks = nullptr;

  SourceLoc loc(const GumboNode* n) const { return location(n, at); }

  static SourceLoc location(const GumboNode* n, const SourceLoc& at) {
    for (; n != nullptr; n = n->parent) {
      GumboSourcePosition p{};
      if (is_element(n))
        p = n->v.element.start_pos;
      else if (n->type != GUMBO_NODE_DOCUMENT)
        p = n->v.text.start_pos;
      if (p.line == 0) continue;
      SourceLoc l = at;
      l.line = at.line + static_cast<int>(p.line) - 1;
      l.column = p.line == 1 ? at.column + static_cast<int>(p.column) - 1
                             : static_cast<int>(p.column);
      return l;
    }
    return at;
  }

  static const GumboVector& kids(const GumboNode* n) { return n->v.element.children; }
  static const GumboNode* kid(const GumboNode* n, unsigned i) {
    return static_cast<const GumboNode*>(n->v.element.children.data[i]);
  }

  bool too_deep(const GumboNode* n, int depth) {
    return r.nesting_.too_deep(depth, [&] { return loc(n); }, r.diags_);
  }

  void left_out(const GumboNode* n, Role role) {
    const std::string shown = names(n->v.element).second;
    if (role == Role::Unknown && is_component(shown)) return;
    r.diags_.warning(loc(n), left_out_message(role, shown));
  }

  // ------------------------------------------------------------ inline content
  void inlines(const GumboNode* parent, model::Inlines& out, int depth) {
    if (too_deep(parent, depth)) return;
    for (unsigned i = 0; i < kids(parent).length; ++i) inline_node(kid(parent, i), out, depth);
  }

  void inline_node(const GumboNode* n, model::Inlines& out, int depth) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      append_collapsed(out, n->v.text.text, loc(n));
      return;
    }
    if (!is_element(n)) return; // comments
    if (hooks != nullptr && hooks->leave_out(n))
      return;
    auto [name, shown] = names(n->v.element);
    Attributes attrs = attributes_of(n->v.element);
    Role role = role_of(name, n->v.element.tag != GUMBO_TAG_UNKNOWN);
    SourceLoc at_n = loc(n);
    if (hooks != nullptr)
      if (std::optional<model::Inline> instead = hooks->replace(n, at_n)) {
        out.push_back(std::move(*instead));
        return;
      }
    if (n->v.element.tag == GUMBO_TAG_MATH) {
      bool complete = true;
      std::string tex = math_tex(n, complete);
      if (!complete)
        r.diags_.warning(at_n, math_cut_message());
      if (!tex.empty())
        out.push_back({model::Math{std::move(tex), math_displayed(n)}, at_n});
      return;
    }
    if (name == "br") {
      out.push_back({model::LineBreak{}, at_n});
    } else if (name == "img") {
      out.push_back(image_of(n));
    } else if (role == Role::Phrase) {
      model::Inlines children;
      inlines(n, children, depth + 1);
      out.push_back(phrase(name, attrs, std::move(children), at_n));
    } else if (role == Role::Media) {
      if (auto link = media_link(name, attrs, at_n))
        out.push_back(std::move(*link));
      else
        left_out(n, Role::Dropped);
    } else if (role == Role::Dropped) {
      left_out(n, role);
    } else {
      if (role != Role::Structure) left_out(n, role);
      // A block inside inline content (a <p> in a table cell) still parts words.
      if (is_block(name)) append_collapsed(out, " ", at_n);
      inlines(n, out, depth + 1);
      if (is_block(name)) append_collapsed(out, " ", at_n);
    }
  }

  model::Inlines trimmed_inlines(const GumboNode* n, int depth) {
    model::Inlines in;
    inlines(n, in, depth);
    trim(in);
    return in;
  }

  // ------------------------------------------------------------ blocks
  /// The inlines read so far as a paragraph (a figure when they are one image), placed at
  /// `at` (the <p> tag) or else at its first inline.
  void flush(model::Inlines& pending, model::Blocks& out, const SourceLoc* at = nullptr) {
    trim(pending);
    if (pending.empty()) return;
    SourceLoc l = at != nullptr ? *at : pending.front().loc;
    if (const model::Inline* img = lone_image(pending)) {
      out.push_back(figure(std::get<model::Image>(img->value), {}, l));
    } else {
      out.push_back({model::Paragraph{std::move(pending)}, l});
    }
    pending.clear();
  }

  void blocks(const GumboNode* parent, model::Blocks& out, int depth) {
    if (too_deep(parent, depth)) return;
    model::Inlines pending;
    for (unsigned i = 0; i < kids(parent).length; ++i) {
      const GumboNode* n = kid(parent, i);
      if (!is_element(n)) {
        inline_node(n, pending, depth);
        continue;
      }
      if (hooks != nullptr && hooks->leave_out(n))
        continue;
      std::string name = names(n->v.element).first;
      if (!is_block(name)) {
        inline_node(n, pending, depth);
        continue;
      }
      flush(pending, out);
      block(n, name, out, depth);
    }
    flush(pending, out);
  }

  void block(const GumboNode* n, const std::string& name, model::Blocks& out, int depth) {
    SourceLoc l = loc(n);
    if (name == "p") {
      model::Inlines pending = trimmed_inlines(n, depth + 1);
      flush(pending, out, &l);
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      model::Heading h;
      h.level = name[1] - '0';
      h.content = trimmed_inlines(n, depth + 1);
      h.id = attribute(attributes_of(n->v.element), "id");
      out.push_back({std::move(h), l});
    } else if (name == "ul" || name == "ol" || name == "menu") {
      out.push_back({list(n, name == "ol", depth + 1), l});
    } else if (name == "blockquote") {
      model::BlockQuote q;
      blocks(n, q.blocks, depth + 1);
      out.push_back({std::move(q), l});
    } else if (name == "pre") {
      out.push_back({code_block(n), l});
    } else if (name == "hr") {
      out.push_back({model::ThematicBreak{}, l});
    } else if (name == "table") {
      table(n, out, depth + 1);
    } else if (name == "figure") {
      figure_block(n, out, depth + 1);
    } else if (name == "dl") {
      out.push_back({definition_list(n, depth + 1), l});
    } else if (name == "summary" || name == "dt") {
      // What a reader of a page cannot click open is shown open: the summary as a bold line
      // above the content, as a term is above its definition.
      model::Inlines content = trimmed_inlines(n, depth + 1);
      if (!content.empty()) out.push_back(strong_paragraph(std::move(content), l));
    } else {
      if (name == "form") left_out(n, Role::Control);
      blocks(n, out, depth + 1); // details, dl, dd, li out of a list, div and the like
    }
  }

  model::List list(const GumboNode* n, bool ordered, int depth) {
    model::List l;
    l.kind = ordered ? model::ListKind::Ordered : model::ListKind::Bullet;
    if (ordered) {
      const Attributes attrs = attributes_of(n->v.element);
      std::string start = attribute(attrs, "start");
      l.start = std::clamp(std::atoi(start.c_str()), 0, 999'999'999);
      if (start.empty()) l.start = 1;
      l.numbering = list_numbering(attribute(attrs, "type"));
    }
    for (unsigned i = 0; i < kids(n).length; ++i) {
      const GumboNode* item = kid(n, i);
      if (!is_element(item)) continue;
      model::ListItem li;
      li.loc = loc(item);
      blocks(item, li.blocks, depth + 1);
      l.items.push_back(std::move(li));
    }
    return l;
  }

  /// `<dt>` starts an item, each `<dd>` adds a definition to it; other children (a `<div>`
  /// grouping a term with its definitions, as HTML allows) are read through.
  model::DefinitionList definition_list(const GumboNode* n, int depth) {
    model::DefinitionList dl;
    std::function<void(const GumboNode*)> read = [&](const GumboNode* parent) {
      for (unsigned i = 0; i < kids(parent).length; ++i) {
        const GumboNode* child = kid(parent, i);
        if (!is_element(child)) continue;
        const std::string name = names(child->v.element).first;
        if (name == "dt") {
          dl.items.push_back({trimmed_inlines(child, depth + 1), {}, loc(child)});
        } else if (name == "dd") {
          if (dl.items.empty()) dl.items.push_back({{}, {}, loc(child)});
          blocks(child, dl.items.back().definitions.emplace_back(), depth + 1);
        } else if (name == "div") {
          read(child);
        }
      }
    };
    read(n);
    return dl;
  }

  model::CodeBlock code_block(const GumboNode* n) {
    model::CodeBlock c;
    append_raw_text(n, c.code);
    if (!c.code.empty() && c.code.back() == '\n') c.code.pop_back();
    // <pre><code class="language-x"> is how Markdown tools write a fenced block's language.
    for (unsigned i = 0; i < kids(n).length; ++i) {
      const GumboNode* k = kid(n, i);
      if (!is_element(k) || k->v.element.tag != GUMBO_TAG_CODE) continue;
      std::string cls = attribute(attributes_of(k->v.element), "class");
      if (auto at = cls.find("language-"); at != std::string::npos)
        c.language = cls.substr(at + 9, cls.find(' ', at) - at - 9);
    }
    return c;
  }

  void rows(const GumboNode* n, model::Table& t, bool head, int depth) {
    for (unsigned i = 0; i < kids(n).length; ++i) {
      const GumboNode* k = kid(n, i);
      if (!is_element(k)) continue;
      GumboTag tag = k->v.element.tag;
      if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        rows(k, t, tag == GUMBO_TAG_THEAD, depth);
        continue;
      }
      if (tag != GUMBO_TAG_TR) continue;
      model::TableRow row;
      bool all_th = true;
      for (unsigned c = 0; c < kids(k).length; ++c) {
        const GumboNode* cell = kid(k, c);
        if (!is_element(cell)) continue;
        all_th = all_th && cell->v.element.tag == GUMBO_TAG_TH;
        if (t.rows.empty()) {
          std::string a = attribute(attributes_of(cell->v.element), "align");
          t.aligns.push_back(a == "center" ? model::Align::Center
                             : a == "right" ? model::Align::Right
                             : a == "left"  ? model::Align::Left
                                            : model::Align::Default);
        }
        row.cells.push_back({trimmed_inlines(cell, depth + 1), loc(cell)});
      }
      // Header rows are those of <thead>, or leading rows of <th> cells only.
      if ((head || all_th) && t.header_rows == static_cast<int>(t.rows.size()) &&
          !row.cells.empty())
        ++t.header_rows;
      t.rows.push_back(std::move(row));
    }
  }

  void table(const GumboNode* n, model::Blocks& out, int depth) {
    model::Table t;
    t.header_rows = 0;
    for (unsigned i = 0; i < kids(n).length; ++i) {
      const GumboNode* k = kid(n, i);
      if (is_element(k) && k->v.element.tag == GUMBO_TAG_CAPTION) {
        model::Inlines pending = trimmed_inlines(k, depth + 1);
        flush(pending, out);
      }
    }
    rows(n, t, false, depth);
    if (!t.rows.empty()) out.push_back({std::move(t), loc(n)});
  }

  static const GumboNode* find(const GumboNode* n, GumboTag tag) {
    if (!is_element(n)) return nullptr;
    if (n->v.element.tag == tag) return n;
    for (unsigned i = 0; i < kids(n).length; ++i)
      if (const GumboNode* f = find(kid(n, i), tag)) return f;
    return nullptr;
  }

  model::Inline image_of(const GumboNode* img) const {
    return hooks != nullptr ? hooks->image(img, loc(img))
                            : image(attributes_of(img->v.element), loc(img));
  }

  void figure_block(const GumboNode* n, model::Blocks& out, int depth) {
    const GumboNode* img = find(n, GUMBO_TAG_IMG);
    const GumboNode* caption = find(n, GUMBO_TAG_FIGCAPTION);
    if (img == nullptr) {
      blocks(n, out, depth);
      return;
    }
    model::Inline image_node = image_of(img);
    model::Inlines cap;
    if (caption != nullptr) cap = trimmed_inlines(caption, depth + 1);
    out.push_back(figure(std::get<model::Image>(image_node.value), std::move(cap), loc(n)));
  }
};

Parsed FragmentReader::parse(std::string_view html, const SourceLoc& at) {
  // Far past the nesting limit the tree would be cut anyway; stop before gumbo spends
  // quadratic time on it. The bound leaves room for tags left open by mistake.
  const int bound = 32 * nesting_.max_depth();
  if (std::size_t cut = depth_cut(html, bound); cut != std::string_view::npos) {
    nesting_.too_deep(bound + 1, [&] { return at; }, diags_);
    html = html.substr(0, cut);
  }
  return parse_html(html);
}

model::Blocks FragmentReader::blocks(const GumboNode* parent, const SourceLoc& at,
                                     const PageHooks* hooks) {
  Walk walk{*this, at, hooks};
  model::Blocks result;
  walk.blocks(parent, result, 0);
  return result;
}

model::Inlines FragmentReader::inlines(const GumboNode* parent, const SourceLoc& at,
                                       const PageHooks* hooks) {
  Walk walk{*this, at, hooks};
  return walk.trimmed_inlines(parent, 0);
}

SourceLoc FragmentReader::location(const GumboNode* n, const SourceLoc& at) {
  return Walk::location(n, at);
}

model::Blocks FragmentReader::blocks(std::string_view html, const SourceLoc& at) {
  Parsed out = parse(html, at);
  Walk walk{*this, at};
  model::Blocks result;
  // gumbo puts <script>, <style> and <meta> written first into the head it makes up.
  for (unsigned i = 0; i < Walk::kids(out->root).length; ++i) {
    const GumboNode* part = Walk::kid(out->root, i);
    if (is_element(part)) walk.blocks(part, result, 0);
  }
  return result;
}

} // namespace galley::input::html
