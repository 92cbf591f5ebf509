// Loading a style: read the file, follow its `extends:` chain to the root, then apply the
// documents root first onto the built-in defaults, so each one overrides only what it names.
#include "style/loader.hpp"
#include "style/bundled.hpp"
#include "style/looks.hpp"
#include "style/reader.hpp"
#include "style/values.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace galley::style {

namespace {

namespace fs = std::filesystem;

struct Document {
  std::string file; ///< as shown in diagnostics
  fs::path dir;     ///< where its relative paths resolve
  YAML::Node root;  ///< a map
};

std::vector<std::string> bundled_names() {
  std::vector<std::string> names;
  for (const auto& s : list_bundled_styles()) names.push_back(s.name);
  return names;
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

/// A bundled style's file when `name` is a plain name (no folder, no extension) of one.
std::optional<fs::path> bundled_file(const std::string& name) {
  if (name.empty() || name.find_first_of("/\\.") != std::string::npos) return std::nullopt;
  fs::path file = bundled_styles_dir() / (name + ".yaml");
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

/// Style files one chain of `extends:` may hold. Each link is followed by recursion, so a
/// generated chain of thousands would exhaust the stack; real chains are two or three long.
constexpr std::size_t kMaxExtends = 32;

/// Follows `extends:` links, collecting documents root first and reporting unknown targets and
/// cycles where the link is written.
class ChainLoader {
public:
  explicit ChainLoader(Diagnostics& diags) : diags_(diags) {}

  /// Confines the files `extends:` names (but not bundled names) to `roots`.
  void confine_to(std::vector<fs::path> roots) { roots_ = std::move(roots); }

  bool load_file(const fs::path& path, const SourceLoc& asked_at, bool confined = false) {
    std::string why;
    bool outside = false;
    std::optional<std::string> text =
        confined ? read_file_beneath(*roots_, path, &why,
                                     std::numeric_limits<std::size_t>::max() - 1, &outside)
                 : read_file(path, &why);
    if (outside) {
      diags_.error(asked_at,
                   "style file '" + path.lexically_normal().generic_string() +
                       "' named by extends: " + why +
                       " (the input's folder, the style's own and --allow-path)",
                   "copy the style next to the one that extends it, or allow its folder with "
                   "--allow-path");
      return false;
    }
    if (!text) {
      diags_.error(asked_at, "cannot read style file '" + path.generic_string() + "': " + why);
      return false;
    }
    return load_text(*text, path);
  }

  bool load_text(std::string_view text, const fs::path& path) {
    Document doc{path.empty() ? std::string("<style>") : path.lexically_normal().generic_string(),
                 path.parent_path().lexically_normal(), {}};
    // yaml-cpp stops at a NUL byte or reports it as a bad escape far from where it is: say
    // what it is, where it is.
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
      const std::string_view before = text.substr(0, nul);
      const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
      const std::size_t start = before.rfind('\n');
      const int column = static_cast<int>(nul - (start == std::string_view::npos ? 0 : start + 1)) + 1;
      diags_.error({doc.file, line, column}, "style file is binary, not text (NUL byte)");
      return false;
    }
    try {
      doc.root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      diags_.error({doc.file, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
      return false;
    }
    if (doc.root.IsNull()) {
      doc.root = YAML::Node(YAML::NodeType::Map); // an empty file is the defaults
    } else if (!doc.root.IsMap()) {
      diags_.error({doc.file, doc.root.Mark().line + 1, doc.root.Mark().column + 1},
                   "a style file must be a map of settings such as 'page:' and 'text:'");
      return false;
    }
    stack_.push_back({path.empty() ? std::nullopt : file_id(path), doc.file});
    bool ok = follow_extends(doc);
    stack_.pop_back();
    chain_.push_back(std::move(doc));
    return ok;
  }

  std::vector<Document>& chain() { return chain_; }

private:
  bool follow_extends(const Document& doc) {
    const YAML::Node& root = doc.root;
    const YAML::Node target = root["extends"];
    if (!target.IsDefined()) return true;
    SourceLoc at{doc.file, target.Mark().line + 1, target.Mark().column + 1};
    if (!target.IsScalar()) {
      diags_.error(at, "'extends' expects a style name or a path to a style file");
      return false;
    }
    std::string value = target.Scalar();
    std::optional<fs::path> file = resolve(value, doc.dir);
    if (!file) {
      std::vector<std::string> names = bundled_names();
      std::string near = closest_match(value, names);
      diags_.error(at,
                   "unknown style '" + value + "' in extends: not a bundled style (" +
                       joined(names, ", ") + ") nor a file next to this one",
                   near.empty() ? "" : "did you mean '" + near + "'?");
      return false;
    }
    // The same file under another name (a link, "..") is the same style: compare identities.
    std::optional<FileId> identity = file_id(*file);
    auto seen = std::find_if(stack_.begin(), stack_.end(), [&](const auto& entry) {
      return identity && entry.first == identity;
    });
    if (seen != stack_.end()) {
      std::string cycle;
      for (auto it = seen; it != stack_.end(); ++it) cycle += it->second + " -> ";
      const std::string named = file->lexically_normal().generic_string();
      diags_.error(at, "extends cycle: " + cycle + named +
                           (named == seen->second ? "" : " (the same file as " + seen->second + ")"));
      return false;
    }
    if (stack_.size() >= kMaxExtends) {
      diags_.error(at, "extends chain is longer than " + std::to_string(kMaxExtends) +
                           " style files; is it generated by mistake?");
      return false;
    }
    return load_file(*file, at, roots_.has_value() && !bundled_file(value));
  }

  /// A bundled name wins; otherwise a path relative to the extending file, ".yaml" optional.
  static std::optional<fs::path> resolve(const std::string& value, const fs::path& dir) {
    if (auto bundled = bundled_file(value)) return bundled;
    std::error_code ec;
    fs::path path = dir / value;
    if (fs::is_regular_file(path, ec)) return path;
    if (!path.has_extension() && fs::is_regular_file(fs::path(path) += ".yaml", ec))
      return fs::path(path) += ".yaml";
    return std::nullopt;
  }

  Diagnostics& diags_;
  std::optional<std::vector<fs::path>> roots_;
  std::vector<Document> chain_;
  /// Files being loaded: identity (none for text given in memory), name.
  std::vector<std::pair<std::optional<FileId>, std::string>> stack_;
};

/// The text.size the chain resolves to, so that em means the same in every document of it.
double resolved_text_size(const std::vector<Document>& chain) {
  double size = default_style().text.size;
  for (const auto& doc : chain) {
    const YAML::Node& root = doc.root;
    const YAML::Node text = root["text"];
    if (!text.IsDefined() || !text.IsMap()) continue;
    const YAML::Node node = text["size"];
    if (!node.IsDefined() || !node.IsScalar() || node.Scalar().ends_with("em")) continue;
    if (auto v = parse_length(node.Scalar(), size); v && *v > 0) size = *v;
  }
  return size;
}

double round_half_point(double v) { return std::round(v * 2) / 2; }

/// A leading that no document gives follows its size, so a style that enlarges a size does not
/// inherit a leading meant for a smaller one (ratios of the built-in defaults).
void derive_leadings(Style& s, const std::map<std::string, SourceLoc>& given) {
  auto follow = [&](const std::string& size_key, const std::string& leading_key, double size,
                    double& leading, double ratio) {
    if (given.contains(size_key) && !given.contains(leading_key))
      leading = round_half_point(size * ratio);
  };
  follow("text.size", "text.leading", s.text.size, s.text.leading, 4.0 / 3.0);
  follow("notes.size", "notes.leading", s.notes.size, s.notes.leading, 1.25);
  follow("opening.title-size", "opening.title-leading", s.opening.title_size,
         s.opening.title_leading, 1.15);
  for (int i = 0; i < 6; ++i) {
    std::string h = "headings.h" + std::to_string(i + 1);
    follow(h + ".size", h + ".leading", s.headings[i].size, s.headings[i].leading, 1.2);
  }
}

/// WCAG 2.1's relative luminance of an sRGB colour (its definition of "relative luminance").
double luminance(Color c) {
  auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/// Text colours are read on white paper in both outputs; a pair under 4.5:1 fails WCAG 2.1
/// (1.4.3, AA) and the EPUB accessibility claim. A warning, at the line that set the colour.
void check_contrast(const Style& s, const std::map<std::string, SourceLoc>& given,
                    const std::string& file, Diagnostics& diags) {
  const std::pair<const char*, Color> text[] = {{"text", s.colors.text},
                                                {"accent", s.colors.accent},
                                                {"link", s.colors.link},
                                                {"muted", s.colors.muted}};
  auto check = [&](const std::string& key, Color color, Color ground, const char* on) {
    const double ratio = (luminance(ground) + 0.05) / (luminance(color) + 0.05);
    if (ratio >= 4.5)
      return;
    auto it = given.find(key);
    char shown[16];
    std::snprintf(shown, sizeof shown, "%.2f", ratio);
    diags.warning(it != given.end() ? it->second : SourceLoc{file, 0, 0},
                  "'" + key + "' " + format_color(color) + " has a contrast of " + shown +
                      ":1 on " + on + ", under the 4.5:1 text needs (WCAG 2.1, 1.4.3)",
                  "use a darker colour");
  };
  for (const auto& [name, color] : text)
    check(std::string("colors.") + name, color, Color{0xff, 0xff, 0xff}, "white paper");
  // Code tokens stand on the tinted ground of their block.
  const Color ground = resolve_looks(s).code_ground;
  for (std::size_t i = 1; i < kTokenKinds; ++i)
    check("code.colors." + std::string(kTokenNames[i]), s.code.tokens[i].color, ground,
          "the code ground");
}

/// Checks that need the whole resolved style: the page must leave room for the text.
void check_resolved(const Style& s, const std::map<std::string, SourceLoc>& given,
                    const std::string& file, Diagnostics& diags) {
  auto where = [&](std::initializer_list<const char*> keys) {
    for (const char* key : keys)
      if (auto it = given.find(key); it != given.end()) return it->second;
    return SourceLoc{file, 0, 0};
  };
  const PageStyle& p = s.page;
  if (p.margins.inner + p.margins.outer >= p.width) {
    diags.error(where({"page.margins.outer", "page.margins.inner", "page.width", "page.size"}),
                "margins are wider than the page: inner " + format_length(p.margins.inner) +
                    " + outer " + format_length(p.margins.outer) + " on a page " +
                    format_length(p.width) + " wide");
    return;
  }
  if (p.margins.top + p.margins.bottom >= p.height) {
    diags.error(where({"page.margins.bottom", "page.margins.top", "page.height", "page.size"}),
                "margins are taller than the page: top " + format_length(p.margins.top) +
                    " + bottom " + format_length(p.margins.bottom) + " on a page " +
                    format_length(p.height) + " high");
    return;
  }
  // One inch is the narrowest column that can still set a few words per line.
  double text_width = p.width - p.margins.inner - p.margins.outer;
  double column = (text_width - p.gutter * (p.columns - 1)) / p.columns;
  if (column < 72) {
    diags.error(where({"page.gutter", "page.columns", "page.margins.outer", "page.margins.inner"}),
                "columns are too narrow: " + std::to_string(p.columns) + " columns with a " +
                    format_length(p.gutter) + " gutter leave " + format_length(column) +
                    " each, less than 72pt");
  }
}

Style resolve(ChainLoader& loader, bool chain_ok, const fs::path& path, Diagnostics& diags,
              int errors_before) {
  std::vector<Document>& chain = loader.chain();
  Style style = default_style();
  std::map<std::string, SourceLoc> given;
  double em = resolved_text_size(chain);
  for (const auto& doc : chain) {
    // A name and a description belong to one file: they are not inherited.
    style.name = doc.file == "<style>" ? "custom" : fs::path(doc.file).stem().string();
    style.description.clear();
    Diagnostics found;
    ReadContext ctx{&found, doc.file, doc.dir, em, &given};
    apply_document(style, doc.root, ctx);
    // Reported in the order of the file, whatever order the schema reads it in.
    std::vector<Diagnostic> sorted = found.all();
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
    });
    for (auto& d : sorted) diags.report(std::move(d));
  }
  derive_leadings(style, given);
  if (chain_ok && !chain.empty()) {
    check_resolved(style, given, chain.back().file, diags);
    check_contrast(style, given, chain.back().file, diags);
  }
  if (!chain_ok || diags.error_count() > errors_before) return default_style();
  style.source_file = path.empty() ? fs::path() : absolute_normal(path);
  return style;
}

} // namespace

Style load_style_text(std::string_view yaml, const std::filesystem::path& as_file,
                      Diagnostics& diags) {
  int before = diags.error_count();
  ChainLoader loader(diags);
  bool ok = loader.load_text(yaml, as_file);
  return resolve(loader, ok, as_file, diags, before);
}

namespace {

Style load_style_from(const std::string& name_or_path,
                      const std::optional<std::vector<fs::path>>& roots, Diagnostics& diags) {
  int before = diags.error_count();
  fs::path path;
  if (auto bundled = bundled_file(name_or_path)) {
    path = *bundled;
  } else {
    path = name_or_path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      std::vector<std::string> names = bundled_names();
      std::string near = closest_match(name_or_path, names);
      diags.error({name_or_path, 0, 0},
                  "style '" + name_or_path + "' not found: not a bundled style (" +
                      joined(names, ", ") + ") nor a file",
                  near.empty() ? "" : "did you mean '" + near + "'?");
      return default_style();
    }
  }
  ChainLoader loader(diags);
  if (roots) {
    std::vector<fs::path> allowed{absolute_normal(path).parent_path()};
    for (const auto& r : *roots) allowed.push_back(absolute_normal(r));
    loader.confine_to(std::move(allowed));
  }
  bool ok = loader.load_file(path, {name_or_path, 0, 0});
  return resolve(loader, ok, path, diags, before);
}

} // namespace

Style load_style(const std::string& name_or_path, Diagnostics& diags) {
  return load_style_from(name_or_path, std::nullopt, diags);
}

Style load_style_within(const std::string& name_or_path, const std::vector<fs::path>& roots,
                        Diagnostics& diags) {
  return load_style_from(name_or_path, roots, diags);
}

} // namespace galley::style
