// Raw HTML from Markdown. EPUB 3.3 content documents are XHTML, so a fragment passes only when
// it parses as XML; then only elements and attributes that are safe in a reading system and
// valid where they land are kept (no scripting, forms, embedded browsing contexts, event
// handlers or resources the book does not carry). Whatever is removed is named in a warning.
#include "epub/book.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <array>

namespace galley::epub {

namespace {
using namespace std::string_view_literals;

constexpr std::array kPhrasing = {
    "a"sv,    "abbr"sv, "b"sv,   "bdi"sv,  "bdo"sv, "br"sv,  "cite"sv,   "code"sv, "data"sv,
    "del"sv,  "dfn"sv,  "em"sv,  "i"sv,    "ins"sv, "kbd"sv, "mark"sv,   "q"sv,    "s"sv,
    "samp"sv, "small"sv, "span"sv, "strong"sv, "sub"sv, "sup"sv, "time"sv, "u"sv,  "var"sv,
    "wbr"sv};
constexpr std::array kFlow = {
    "address"sv, "article"sv, "aside"sv,  "blockquote"sv, "caption"sv, "col"sv,    "colgroup"sv,
    "dd"sv,      "details"sv, "div"sv,    "dl"sv,         "dt"sv,      "figcaption"sv,
    "figure"sv,  "footer"sv,  "h1"sv,     "h2"sv,         "h3"sv,      "h4"sv,     "h5"sv,
    "h6"sv,      "header"sv,  "hr"sv,     "li"sv,         "ol"sv,      "p"sv,      "pre"sv,
    "section"sv, "summary"sv, "table"sv,  "tbody"sv,      "td"sv,      "tfoot"sv,  "th"sv,
    "thead"sv,   "tr"sv,      "ul"sv};
/// Removed with everything inside: active content, forms, and elements that load resources
/// the book would have to carry.
constexpr std::array kDropped = {
    "applet"sv, "area"sv,   "audio"sv,    "base"sv,     "button"sv, "canvas"sv, "dialog"sv,
    "embed"sv,  "form"sv,   "frame"sv,    "frameset"sv, "iframe"sv, "img"sv,    "input"sv,
    "link"sv,   "map"sv,    "math"sv,     "meta"sv,     "noscript"sv, "object"sv, "option"sv,
    "param"sv,  "picture"sv, "script"sv,  "select"sv,   "source"sv, "style"sv,  "svg"sv,
    "template"sv, "textarea"sv, "track"sv, "video"sv};

template <size_t N> bool contains(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool attribute_allowed(std::string_view element, std::string_view attr) {
  if (attr == "class" || attr == "title" || attr == "lang" || attr == "xml:lang" || attr == "dir" ||
      attr == "id")
    return true;
  if (element == "a") return attr == "href";
  if (element == "td" || element == "th") return attr == "colspan" || attr == "rowspan" || attr == "scope";
  if (element == "ol") return attr == "start" || attr == "reversed" || attr == "type";
  if (element == "li") return attr == "value";
  if (element == "time" || element == "del" || element == "ins") return attr == "datetime";
  if (element == "data") return attr == "value";
  return false;
}

struct Cleaner {
  ArticleContext& ctx;
  bool phrasing;
  std::vector<std::string> removed;

  void note(std::string what) {
    if (std::find(removed.begin(), removed.end(), what) == removed.end())
      removed.push_back(std::move(what));
  }

  void clean_attributes(pugi::xml_node el, std::string_view name) {
    for (auto attr = el.first_attribute(); attr;) {
      auto next = attr.next_attribute();
      std::string aname = attr.name();
      if (aname == "xmlns") {
        el.remove_attribute(attr);
      } else if (!attribute_allowed(name, aname)) {
        note(aname + "=");
        el.remove_attribute(attr);
      } else if (aname == "type") {
        // An ordered list's marker: the five keywords of HTML's ol element (decimal, lower and
        // upper alpha, lower and upper roman); anything else is not valid XHTML.
        std::string_view v = attr.value();
        if (v.size() != 1 || std::string_view("1aAiI").find(v[0]) == std::string_view::npos) {
          note("type=\"" + std::string(v) + "\"");
          el.remove_attribute(attr);
        }
      } else if (aname == "id") {
        attr.set_value(ctx.claim_id("raw-" + sanitize_id(attr.value())).c_str());
      } else if (aname == "href") {
        std::string_view v = attr.value();
        bool web = v.starts_with("http://") || v.starts_with("https://") ||
                   v.starts_with("mailto:");
        if (!web) {
          note("href=\"" + std::string(v) + "\"");
          el.remove_attribute(attr);
        }
      }
      attr = next;
    }
  }

  /// Cleans the children of `node`; an element that is unknown or out of place is unwrapped
  /// (its content kept), a dangerous one is removed whole.
  void clean(pugi::xml_node node) {
    for (auto child = node.first_child(); child;) {
      auto next = child.next_sibling();
      if (child.type() == pugi::node_element) {
        const std::string name = ascii_lower(child.name());
        if (contains(kDropped, name)) {
          note("<" + name + ">");
          node.remove_child(child);
        } else if (contains(kPhrasing, name) || (!phrasing && contains(kFlow, name))) {
          child.set_name(name.c_str());
          clean_attributes(child, name);
          clean(child);
        } else {
          note("<" + name + ">");
          clean(child);
          while (auto grandchild = child.first_child()) node.insert_move_before(grandchild, child);
          node.remove_child(child);
        }
      } else if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) {
        node.remove_child(child);
      }
      child = next;
    }
  }
};
} // namespace

bool append_raw_html(pugi::xml_node parent, std::string_view html, const SourceLoc& loc,
                     ArticleContext& ctx) {
  std::string wrapped = "<div>";
  wrapped += html;
  wrapped += "</div>";
  pugi::xml_document frag;
  // parse_default keeps neither comments nor processing instructions: they are dropped quietly.
  auto result = frag.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default,
                                 pugi::encoding_utf8);
  if (!result) {
    std::string shown(html.substr(0, 40));
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    ctx.diags.warning(loc, "raw HTML '" + shown + (html.size() > 40 ? "..." : "") +
                               "' is not well-formed XHTML and was dropped: " +
                               result.description());
    return false;
  }
  bool phrasing = parent.type() == pugi::node_element && [&] {
    std::string_view n = parent.name();
    return n == "p" || n == "span" || n == "em" || n == "strong" || n == "a" || n == "code" ||
           n == "s" || n == "sup" || n == "sub" || n == "th" || n == "td" || n == "figcaption" ||
           (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') ||
           contains(kPhrasing, n);
  }();
  Cleaner cleaner{ctx, phrasing, {}};
  auto root = frag.first_child();
  cleaner.clean(root);
  if (!cleaner.removed.empty()) {
    std::string list;
    for (const auto& r : cleaner.removed) list += (list.empty() ? "" : ", ") + r;
    ctx.diags.warning(loc, "raw HTML not allowed in EPUB was removed: " + list);
  }
  for (auto child : root.children()) parent.append_copy(child);
  return true;
}

} // namespace galley::epub
