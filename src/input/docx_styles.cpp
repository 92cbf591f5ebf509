#include "input/docx_styles.hpp"

#include "input/xml_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace galley::input::docx {

namespace {

int number(std::string_view s, int fallback) {
  int out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() ? out : fallback;
}

/// A style name lower case and without spaces: "Heading 1", "heading 1" and the style id
/// "Heading1" all read "heading1".
std::string squeezed(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != ' ')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

ParaRole role_of_name(const std::string& name) {
  static const std::map<std::string, ParaRole> roles{
      {"title", ParaRole::Title},
      {"subtitle", ParaRole::Subtitle},
      // pandoc writes its title block as paragraphs of these styles.
      {"author", ParaRole::Author},
      {"date", ParaRole::Date},
      {"abstract", ParaRole::Abstract},
      {"quote", ParaRole::Quote},
      {"intensequote", ParaRole::Quote},
      {"blocktext", ParaRole::Quote}, // pandoc's block quotes
      {"sourcecode", ParaRole::Code}, // pandoc's code blocks
      {"htmlpreformatted", ParaRole::Code},
      {"plaintext", ParaRole::Code},
      {"code", ParaRole::Code},
      {"caption", ParaRole::Caption},
      {"imagecaption", ParaRole::Caption}, // pandoc's figure captions
  };
  auto it = roles.find(name);
  return it == roles.end() ? ParaRole::Body : it->second;
}

/// "heading1" .. "heading9": the level.
std::optional<int> heading_of_name(const std::string& name) {
  if (name.size() == 8 && name.rfind("heading", 0) == 0 && name[7] >= '1' && name[7] <= '9')
    return name[7] - '0';
  return std::nullopt;
}

bool is_code_character_style(const std::string& name) {
  // pandoc's inline code, and Word's built-in styles for code and typed text.
  return name == "verbatimchar" || name == "htmlcode" || name == "htmltypewriter" ||
         name == "htmlkeyboard" || name == "sourcecodechar";
}

/// Fonts that make a run code: Word's, Google Docs' and the common programmers' monospace
/// faces.
bool is_monospace(std::string_view font) {
  static const std::array<std::string_view, 10> fonts{
      "courier new",    "courier",     "consolas",        "menlo",         "monaco",
      "lucida console", "roboto mono", "source code pro", "courier prime", "dejavu sans mono"};
  const std::string l = lower(font);
  return std::find(fonts.begin(), fonts.end(), l) != fonts.end();
}

} // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void RunLook::apply(const RunLook& over) {
  for (auto [mine, theirs] : {std::pair{&bold, &over.bold},
                              {&italic, &over.italic},
                              {&underline, &over.underline},
                              {&strike, &over.strike},
                              {&code, &over.code},
                              {&hidden, &over.hidden}})
    if (*theirs)
      *mine = *theirs;
  if (over.shift)
    shift = over.shift;
}

RunLook run_look(const pugi::xml_node& rpr) {
  RunLook look;
  if (!rpr)
    return look;
  if (auto b = child_named(rpr, "b"))
    look.bold = is_on(b);
  if (auto i = child_named(rpr, "i"))
    look.italic = is_on(i);
  if (auto u = child_named(rpr, "u"))
    look.underline = attr(u, "val") != "none" && attr(u, "val") != "0";
  auto strike = child_named(rpr, "strike"), dstrike = child_named(rpr, "dstrike");
  if (strike || dstrike)
    look.strike = is_on(strike) || is_on(dstrike);
  if (auto v = child_named(rpr, "vertAlign")) {
    std::string_view val = attr(v, "val");
    look.shift = val == "superscript" ? 1 : val == "subscript" ? -1 : 0;
  }
  // Hidden text (17.3.2.41) is not part of the document as read.
  if (auto vanish = child_named(rpr, "vanish"))
    look.hidden = is_on(vanish);
  if (auto fonts = child_named(rpr, "rFonts")) {
    std::string_view face = attr(fonts, "ascii");
    if (face.empty())
      face = attr(fonts, "hAnsi");
    if (!face.empty())
      look.code = is_monospace(face);
  }
  return look;
}

std::optional<NumberingRef> numbering_of(const pugi::xml_node& num_pr) {
  if (!num_pr)
    return std::nullopt;
  NumberingRef ref;
  ref.num_id = std::string(attr(child_named(num_pr, "numId"), "val"));
  ref.level = std::clamp(number(attr(child_named(num_pr, "ilvl"), "val"), 0), 0, 8);
  if (ref.num_id.empty() || ref.num_id == "0")
    return std::nullopt;
  return ref;
}

Styles::Styles(const XmlPart* part) {
  if (!part)
    return;
  pugi::xml_node root = part->root();
  pugi::xml_node defaults =
      child_named(child_named(child_named(root, "docDefaults"), "rPrDefault"), "rPr");
  language_ = std::string(attr(child_named(defaults, "lang"), "val"));
  for (auto s : root.children()) {
    if (local_name(s) != "style")
      continue;
    Style style;
    std::string_view name = attr(child_named(s, "name"), "val");
    style.name = squeezed(name.empty() ? attr(s, "styleId") : name);
    style.based_on = std::string(attr(child_named(s, "basedOn"), "val"));
    pugi::xml_node ppr = child_named(s, "pPr");
    if (auto outline = child_named(ppr, "outlineLvl"))
      style.outline = number(attr(outline, "val"), 9);
    style.numbering = numbering_of(child_named(ppr, "numPr"));
    style.look = run_look(child_named(s, "rPr"));
    if (attr(s, "type") == "character" && is_code_character_style(style.name))
      style.look.code = true;
    styles_.emplace(std::string(attr(s, "styleId")), std::move(style));
  }
}

std::vector<const Styles::Style*> Styles::chain(const std::string& id) const {
  std::vector<const Style*> out;
  std::string next = id;
  while (!next.empty() && out.size() < 32) {
    auto it = styles_.find(next);
    if (it == styles_.end())
      break;
    if (std::find(out.begin(), out.end(), &it->second) != out.end())
      break;
    out.push_back(&it->second);
    next = it->second.based_on;
  }
  return out;
}

ParaRole Styles::role(const std::string& id) const {
  auto styles = chain(id);
  // A style id with no definition (a package without styles.xml) is read as a name.
  if (styles.empty())
    return role_of_name(squeezed(id));
  for (const Style* s : styles)
    if (ParaRole r = role_of_name(s->name); r != ParaRole::Body)
      return r;
  return ParaRole::Body;
}

std::optional<int> Styles::heading_level(const std::string& id) const {
  auto styles = chain(id);
  if (styles.empty())
    return heading_of_name(squeezed(id));
  for (const Style* s : styles) {
    if (auto level = heading_of_name(s->name))
      return level;
    if (s->outline)
      return *s->outline >= 0 && *s->outline < 9 ? std::optional<int>(*s->outline + 1)
                                                 : std::nullopt;
  }
  return std::nullopt;
}

std::optional<NumberingRef> Styles::numbering(const std::string& id) const {
  for (const Style* s : chain(id))
    if (s->numbering)
      return s->numbering;
  return std::nullopt;
}

RunLook Styles::character_look(const std::string& id) const {
  RunLook look;
  auto styles = chain(id);
  // Farthest ancestor first, so that nearer styles override it.
  for (auto it = styles.rbegin(); it != styles.rend(); ++it)
    look.apply((*it)->look);
  return look;
}

Numbering::Numbering(const XmlPart* part) {
  if (!part)
    return;
  auto read_level = [](const pugi::xml_node& lvl, ListLevel& level) {
    if (auto fmt = child_named(lvl, "numFmt")) {
      std::string_view f = attr(fmt, "val");
      // "none" shows no number: as good as a bullet for the model, which has no unmarked list.
      level.bullet = f == "bullet" || f == "none";
      // ST_NumberFormat (ECMA-376 17.18.59): the letters and roman numerals the model counts
      // in; the other formats (decimalZero, ordinal, the scripts' own numerals, ...) as decimal.
      if (f == "lowerLetter")
        level.numbering = model::ListNumbering::LowerAlpha;
      else if (f == "upperLetter")
        level.numbering = model::ListNumbering::UpperAlpha;
      else if (f == "lowerRoman")
        level.numbering = model::ListNumbering::LowerRoman;
      else if (f == "upperRoman")
        level.numbering = model::ListNumbering::UpperRoman;
    }
    if (auto start = child_named(lvl, "start"))
      level.start = number(attr(start, "val"), 1);
  };
  for (auto n : part->root().children()) {
    if (local_name(n) == "abstractNum") {
      auto& levels = abstracts_[std::string(attr(n, "abstractNumId"))];
      for (auto lvl : n.children())
        if (local_name(lvl) == "lvl") {
          ListLevel level;
          read_level(lvl, level);
          levels[number(attr(lvl, "ilvl"), 0)] = level;
        }
    } else if (local_name(n) == "num") {
      Num num;
      num.abstract_id = std::string(attr(child_named(n, "abstractNumId"), "val"));
      for (auto o : n.children())
        if (local_name(o) == "lvlOverride")
          if (auto start = child_named(o, "startOverride"))
            num.start_overrides[number(attr(o, "ilvl"), 0)] = number(attr(start, "val"), 1);
      nums_.emplace(std::string(attr(n, "numId")), std::move(num));
    }
  }
}

ListLevel Numbering::level(const std::string& num_id, int level) const {
  ListLevel out;
  auto num = nums_.find(num_id);
  if (num == nums_.end())
    return out;
  if (auto abs = abstracts_.find(num->second.abstract_id); abs != abstracts_.end())
    if (auto l = abs->second.find(level); l != abs->second.end())
      out = l->second;
  if (auto o = num->second.start_overrides.find(level); o != num->second.start_overrides.end())
    out.start = o->second;
  return out;
}

} // namespace galley::input::docx
