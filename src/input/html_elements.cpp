#include "input/html_elements.hpp"

#include <algorithm>
#include <array>

namespace galley::input::html {

namespace {

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 31> kPhrase = {
    "a",    "abbr",  "acronym", "b",      "bdi",    "bdo", "big", "cite", "code", "data", "del",
    "dfn",  "em",    "font",    "i",      "ins",    "kbd", "mark", "q",   "s",    "samp", "small",
    "span", "strike", "strong", "sub",    "sup",    "time", "tt",  "u",   "var"};
constexpr std::array<std::string_view, 4> kMedia = {"video", "audio", "iframe", "embed"};
// Content that means nothing on a page: code, styling and the document's head.
constexpr std::array<std::string_view, 8> kDropped = {"script", "style", "template", "meta",
                                                      "link",   "base",  "title",    "object"};
constexpr std::array<std::string_view, 8> kControls = {"form",   "input",    "button",
                                                       "select", "textarea", "option",
                                                       "output", "datalist"};
// Elements newer than the HTML that Debian's gumbo knows, which it reports as unknown.
constexpr std::array<std::string_view, 4> kNewer = {"picture", "search", "dialog", "slot"};
constexpr std::array<std::string_view, 15> kVoid = {
    "area", "base", "br",    "col",   "embed",  "hr",    "img",  "input",
    "link", "meta", "param", "source", "track", "wbr",  "keygen"};

model::Inlines text(std::string s, const SourceLoc& loc) {
  model::Inlines out;
  out.push_back({model::Text{std::move(s)}, loc});
  return out;
}

/// `tt` and `code` hold text: their markup inside is not kept.
model::Inline code(const model::Inlines& children, const SourceLoc& loc) {
  return {model::Code{model::plain_text(children)}, loc};
}

} // namespace

std::string attribute(const Attributes& attrs, std::string_view name) {
  for (const auto& [n, v] : attrs)
    if (n == name) return v;
  return {};
}

model::ListNumbering list_numbering(std::string_view type) {
  if (type == "a")
    return model::ListNumbering::LowerAlpha;
  if (type == "A")
    return model::ListNumbering::UpperAlpha;
  if (type == "i")
    return model::ListNumbering::LowerRoman;
  if (type == "I")
    return model::ListNumbering::UpperRoman;
  return model::ListNumbering::Decimal;
}

Role role_of(std::string_view name, bool known_to_html) {
  if (one_of(name, kPhrase)) return Role::Phrase;
  if (one_of(name, kMedia)) return Role::Media;
  if (one_of(name, kDropped)) return Role::Dropped;
  if (one_of(name, kControls)) return Role::Control;
  return known_to_html || one_of(name, kNewer) ? Role::Structure : Role::Unknown;
}

bool is_void(std::string_view name) { return one_of(name, kVoid); }

model::Inline phrase(std::string_view name, const Attributes& attrs, model::Inlines children,
                     const SourceLoc& loc) {
  auto wrap = [&](auto node) {
    node.children = std::move(children);
    return model::Inline{std::move(node), loc};
  };
  auto span = [&](model::SpanKind kind) {
    model::Span s;
    s.kind = kind;
    s.lang = attribute(attrs, "lang");
    s.dir = attribute(attrs, "dir");
    if (s.dir != "ltr" && s.dir != "rtl") s.dir.clear();
    // A language tag is letters, digits and hyphens (BCP 47); anything else cannot be one.
    if (s.lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
        std::string::npos)
      s.lang.clear();
    if (kind == model::SpanKind::Abbreviation) s.title = attribute(attrs, "title");
    return wrap(std::move(s));
  };
  if (name == "sup") return wrap(model::Superscript{});
  if (name == "sub") return wrap(model::Subscript{});
  if (name == "b" || name == "strong") return wrap(model::Strong{});
  if (name == "i" || name == "em" || name == "cite" || name == "dfn" || name == "var")
    return wrap(model::Emphasis{});
  if (name == "s" || name == "del" || name == "strike") return wrap(model::Strikethrough{});
  if (name == "code" || name == "tt") return code(children, loc);
  if (name == "a") {
    std::string href = attribute(attrs, "href");
    // An anchor without an address (`<a name=...>`) only marks a place: keep its text.
    if (href.empty()) return span(model::SpanKind::Plain);
    model::Link link;
    link.url = std::move(href);
    link.title = attribute(attrs, "title");
    return wrap(std::move(link));
  }
  if (name == "u" || name == "ins") return span(model::SpanKind::Underline);
  if (name == "kbd") return span(model::SpanKind::Keyboard);
  if (name == "samp") return span(model::SpanKind::Sample);
  if (name == "mark") return span(model::SpanKind::Mark);
  if (name == "small") return span(model::SpanKind::Small);
  if (name == "abbr" || name == "acronym") return span(model::SpanKind::Abbreviation);
  if (name == "q") return span(model::SpanKind::Quote);
  return span(model::SpanKind::Plain);
}

std::optional<model::Inline> media_link(std::string_view name, const Attributes& attrs,
                                        const SourceLoc& loc) {
  std::string src = attribute(attrs, "src");
  if (src.empty()) return std::nullopt;
  std::string title = attribute(attrs, "title");
  if (title.empty())
    title = name == "video" ? "Video" : name == "audio" ? "Audio" : "Embedded content";
  model::Link link;
  link.url = std::move(src);
  link.children = text(std::move(title), loc);
  return model::Inline{std::move(link), loc};
}

model::Inline image(const Attributes& attrs, const SourceLoc& loc) {
  model::Image img;
  img.image.src = attribute(attrs, "src");
  img.alt = attribute(attrs, "alt");
  img.title = attribute(attrs, "title");
  return {std::move(img), loc};
}

std::string left_out_message(Role role, std::string_view shown_name) {
  std::string tag = "<" + std::string(shown_name) + ">";
  switch (role) {
  case Role::Dropped:
    return "HTML element " + tag + " is left out with its content";
  case Role::Control:
    return "form control " + tag + " cannot work on a page; it is left out, its text is kept";
  default:
    return "unknown element " + tag + " is left out; its text is kept";
  }
}

bool is_component(std::string_view shown_name) {
  return !shown_name.empty() && shown_name.front() >= 'A' && shown_name.front() <= 'Z';
}

const model::Inline* lone_image(const model::Inlines& inlines) {
  const model::Inline* found = nullptr;
  for (const auto& in : inlines) {
    if (const auto* t = std::get_if<model::Text>(&in.value)) {
      if (t->text.find_first_not_of(" \t\n") == std::string::npos) continue;
      return nullptr;
    }
    if (std::holds_alternative<model::SoftBreak>(in.value) ||
        std::holds_alternative<model::LineBreak>(in.value))
      continue;
    if (found != nullptr || !std::holds_alternative<model::Image>(in.value)) return nullptr;
    found = &in;
  }
  return found;
}

model::Block figure(const model::Image& img, model::Inlines caption, const SourceLoc& loc) {
  model::Figure f;
  f.image = img.image;
  f.alt = img.alt;
  if (caption.empty()) {
    // As a Markdown image alone in a paragraph: the title, else the alt text, is the caption.
    const std::string& c = img.title.empty() ? img.alt : img.title;
    if (!c.empty()) caption = text(c, loc);
  }
  f.caption = std::move(caption);
  return {std::move(f), loc};
}

} // namespace galley::input::html
