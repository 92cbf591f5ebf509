#include "input/html.hpp"

#include "input/html_fragment.hpp"
#include "input/html_math.hpp"

#include <algorithm>
#include <map>
#include <type_traits>

namespace galley::input {

namespace {

using html::Role;

/// An element opened by a tag and not closed yet, with the inlines read since.
struct Open {
  html::Tag tag;
  SourceLoc loc;
  model::Inlines content;
};

class Resolver {
public:
  Resolver(int max_nesting, Diagnostics& diags)
      : nesting_(max_nesting), diags_(diags), fragments_(nesting_, diags) {}

  void blocks(model::Blocks& bs) {
    model::Blocks out;
    out.reserve(bs.size());
    for (model::Block& b : bs) {
      if (auto* raw = std::get_if<model::RawBlock>(&b.value)) {
        for (model::Block& nb : fragments_.blocks(raw->html, b.loc)) out.push_back(std::move(nb));
        continue;
      }
      if (!block(b)) continue;
      out.push_back(std::move(b));
    }
    bs = std::move(out);
  }

private:
  /// Resolves the HTML inside `b`; false when nothing is left of it.
  bool block(model::Block& b) {
    return std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::Paragraph>) {
            inlines(v.content, 0);
            if (v.content.empty()) return false;
            // An <img> alone in a paragraph is a figure, as a Markdown image alone is.
            if (const model::Inline* img = html::lone_image(v.content))
              b = html::figure(std::get<model::Image>(img->value), {}, b.loc);
          } else if constexpr (std::is_same_v<T, model::Heading>) {
            inlines(v.content, 0);
          } else if constexpr (std::is_same_v<T, model::Figure>) {
            inlines(v.caption, 0);
          } else if constexpr (std::is_same_v<T, model::Table>) {
            for (auto& row : v.rows)
              for (auto& cell : row.cells) inlines(cell.content, 0);
          } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
            blocks(v.blocks);
          } else if constexpr (std::is_same_v<T, model::List>) {
            for (auto& item : v.items) blocks(item.blocks);
          }
          return true;
        },
        b.value);
  }

  /// Pairs the opening and closing tags of a run of inlines and wraps what lies between.
  void inlines(model::Inlines& in, int depth) {
    if (in.empty() || nesting_.too_deep(depth, [&] { return in.front().loc; }, diags_)) return;
    std::vector<Open> open;
    std::map<std::string, int> too_deep; // tags past the nesting limit, by name
    model::Inlines out;
    auto target = [&]() -> model::Inlines& { return innermost(open, out); };
    for (std::size_t i = 0; i < in.size(); ++i) {
      model::Inline& node = in[i];
      auto* raw = std::get_if<model::RawInline>(&node.value);
      if (raw == nullptr) {
        std::visit(
            [&](auto& v) {
              if constexpr (requires { v.children; }) inlines(v.children, depth + 1);
            },
            node.value);
        target().push_back(std::move(node));
        continue;
      }
      std::optional<html::Tag> tag = html::parse_tag(raw->html);
      if (!tag) continue; // comments and declarations say nothing to a reader
      if (tag->name == "math" && !tag->closing && !tag->self_closing)
        if (auto [end, depth] = math_end(in, i); end > i) {
          formula(in, i, end, depth, target());
          i = end;
          continue;
        }
      if (tag->name.empty()) {
        diags_.warning(node.loc, "HTML tag " + raw->html + " is out of place here; it is left out");
      } else if (tag->closing && too_deep[tag->name] > 0 &&
                 std::none_of(open.begin(), open.end(),
                              [&](const Open& o) { return o.tag.name == tag->name; })) {
        --too_deep[tag->name];
      } else if (tag->closing) {
        close(open, *tag, node.loc, out);
      } else if (html::is_void(tag->name)) {
        void_element(*tag, node.loc, target());
      } else if (tag->self_closing) {
        finish(Open{std::move(*tag), node.loc, {}}, target());
      } else if (nesting_.too_deep(depth + static_cast<int>(open.size()) + 1,
                                   [&] { return node.loc; }, diags_)) {
        ++too_deep[tag->name]; // its closing tag goes silently too
      } else {
        open.push_back({std::move(*tag), node.loc, {}});
      }
    }
    while (!open.empty()) unclosed(open, out);
    in = std::move(out);
  }

  /// Where the <math> tag at `in[start]` is closed (`start` when it is not), and how deep its
  /// elements nest.
  static std::pair<std::size_t, int> math_end(const model::Inlines& in, std::size_t start) {
    int depth = 0, deepest = 0;
    for (std::size_t k = start + 1; k < in.size(); ++k) {
      const auto* raw = std::get_if<model::RawInline>(&in[k].value);
      std::optional<html::Tag> tag = raw ? html::parse_tag(raw->html) : std::nullopt;
      if (!tag || tag->self_closing)
        continue;
      if (tag->closing && tag->name == "math")
        return {k, deepest};
      depth = std::max(0, depth + (tag->closing ? -1 : 1));
      deepest = std::max(deepest, depth);
    }
    return {start, deepest};
  }

  /// Inline content as the HTML it was written as: the tags, and the text between them escaped.
  static void append_html(const model::Inline& node, std::string& out) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::RawInline>) {
            out += v.html;
          } else if constexpr (std::is_same_v<T, model::Text> || std::is_same_v<T, model::Code>) {
            for (char c : v.text)
              out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
          } else if constexpr (std::is_same_v<T, model::SoftBreak> ||
                               std::is_same_v<T, model::LineBreak>) {
            out += '\n';
          } else if constexpr (requires { v.children; }) {
            for (const model::Inline& c : v.children)
              append_html(c, out);
          }
        },
        node.value);
  }

  /// The MathML written as inline HTML from `in[start]` (its <math>) to `in[end]` (</math>), as
  /// one formula: the tags come one inline each, and HTML parses them as a whole. `depth`: how
  /// deep its elements nest.
  void formula(const model::Inlines& in, std::size_t start, std::size_t end, int depth,
               model::Inlines& to) {
    // Thousands of open elements would cost the HTML parser quadratic time (fragments_ cuts an
    // HTML block at the same depth before parsing it).
    if (depth > 32 * html::kMathDepth) {
      diags_.warning(in[start].loc, html::math_cut_message());
      return;
    }
    std::string source;
    for (std::size_t k = start; k <= end; ++k)
      append_html(in[k], source);
    bool complete = true;
    std::optional<model::Math> math = html::math_in(source, complete);
    if (!complete)
      diags_.warning(in[start].loc, html::math_cut_message());
    if (math)
      to.push_back({std::move(*math), in[start].loc});
  }

  static model::Inlines& innermost(std::vector<Open>& open, model::Inlines& out) {
    return open.empty() ? out : open.back().content;
  }

  void close(std::vector<Open>& open, const html::Tag& tag, const SourceLoc& loc,
             model::Inlines& out) {
    auto match = std::find_if(open.rbegin(), open.rend(),
                              [&](const Open& o) { return o.tag.name == tag.name; });
    if (match == open.rend()) {
      diags_.warning(loc, "closing tag </" + tag.shown + "> has no opening tag; it is left out");
      return;
    }
    std::size_t keep = open.size() - 1 - static_cast<std::size_t>(match - open.rbegin());
    while (open.size() > keep + 1) unclosed(open, out);
    Open o = std::move(open.back());
    open.pop_back();
    finish(std::move(o), innermost(open, out));
  }

  /// An element opened and not closed: HTML would close it at the end of the paragraph, but
  /// what the writer meant is unclear, so only its text is kept.
  void unclosed(std::vector<Open>& open, model::Inlines& out) {
    Open o = std::move(open.back());
    open.pop_back();
    diags_.warning(o.loc,
                   "<" + o.tag.shown + "> is not closed; the tag is left out, its text is kept");
    model::Inlines& to = innermost(open, out);
    for (model::Inline& x : o.content) to.push_back(std::move(x));
  }

  void finish(Open o, model::Inlines& to) {
    Role role = html::role_of(o.tag.name, o.tag.known);
    switch (role) {
    case Role::Phrase:
      to.push_back(html::phrase(o.tag.name, o.tag.attrs, std::move(o.content), o.loc));
      return;
    case Role::Media:
      if (auto link = html::media_link(o.tag.name, o.tag.attrs, o.loc))
        to.push_back(std::move(*link));
      else
        diags_.warning(o.loc, html::left_out_message(Role::Dropped, o.tag.shown));
      return;
    case Role::Dropped:
      diags_.warning(o.loc, html::left_out_message(role, o.tag.shown));
      return;
    case Role::Control:
      diags_.warning(o.loc, html::left_out_message(role, o.tag.shown));
      break;
    case Role::Unknown:
      if (!html::is_component(o.tag.shown))
        diags_.warning(o.loc, html::left_out_message(role, o.tag.shown));
      break;
    case Role::Structure:
      break;
    }
    for (model::Inline& x : o.content) to.push_back(std::move(x));
  }

  void void_element(const html::Tag& tag, const SourceLoc& loc, model::Inlines& to) {
    if (tag.name == "br") {
      to.push_back({model::LineBreak{}, loc});
    } else if (tag.name == "img") {
      to.push_back(html::image(tag.attrs, loc));
    } else if (tag.name == "embed") {
      finish(Open{tag, loc, {}}, to);
    } else if (Role role = html::role_of(tag.name, tag.known);
               role == Role::Control || role == Role::Dropped) {
      diags_.warning(loc, html::left_out_message(role, tag.shown));
    }
  }

  NestingGuard nesting_;
  Diagnostics& diags_;
  html::FragmentReader fragments_;
};

} // namespace

void resolve_html(model::Article& article, int max_nesting, Diagnostics& diags) {
  Resolver r(max_nesting, diags);
  r.blocks(article.blocks);
  for (model::Note& note : article.notes) r.blocks(note.blocks);
}

} // namespace galley::input
