#pragma once
// Reading one style document: a MapReader walks one YAML map. Each accessor names a key the
// schema knows, so the code that applies a section is also its schema: finish() reports every
// key nobody asked for, with a did-you-mean among the keys that were asked for.
#include "galley/style.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::style {

/// What the reader of one document needs to know about where it is.
struct ReadContext {
  Diagnostics* diags = nullptr;
  std::string file;           ///< as shown in diagnostics
  std::filesystem::path dir;  ///< relative font paths resolve here
  double em = 10.5;           ///< the resolved text.size, what "em" multiplies
  /// Where each setting was last given ("page.margins.top" -> file:line:col), across the whole
  /// extends chain, so checks on the resolved style can point at the line that caused them.
  std::map<std::string, SourceLoc>* given = nullptr;
};

SourceLoc loc_of(const ReadContext& ctx, const YAML::Node& node);

enum class Bound { NonNegative, Positive };

/// 200 inches: the largest page width or height a PDF may have (PDF 32000-1, Annex C.2).
inline constexpr double kMaxPageSide = 14400;

class MapReader {
public:
  /// `map` must be a map or null (an empty section); `path` is its dotted key path.
  MapReader(const YAML::Node& map, std::string path, ReadContext& ctx);

  /// Each accessor writes `out` when the key is present and valid, and reports otherwise.
  /// They return true when `out` was written.
  /// A length is at most `max` points: by default 14,400, the largest page side PDF allows
  /// (PDF 32000-1, Annex C.2), since no length of a page can be longer than the page.
  bool length(std::string_view key, double& out, Bound bound = Bound::NonNegative,
              bool allow_em = true, double max = kMaxPageSide);
  bool integer(std::string_view key, int& out, int lo, int hi);
  bool boolean(std::string_view key, bool& out);
  bool string(std::string_view key, std::string& out);
  bool strings(std::string_view key, std::vector<std::string>& out);
  bool color(std::string_view key, Color& out);

  template <class E, size_t N>
  bool choice(std::string_view key, E& out,
              const std::array<std::pair<std::string_view, E>, N>& names) {
    std::vector<std::string> allowed;
    for (const auto& n : names) allowed.emplace_back(n.first);
    int index = choice_index(key, allowed);
    if (index < 0) return false;
    out = names[static_cast<size_t>(index)].second;
    return true;
  }

  /// A nested section; nullopt when absent or not a map (which is reported).
  std::optional<MapReader> section(std::string_view key);
  /// The raw value of a key the caller reads itself; nullptr when absent.
  const YAML::Node* raw(std::string_view key);

  /// Reports a problem at `node`.
  void error(const YAML::Node& node, std::string message, std::string hint = {});
  /// Records that `key` was given, at its value.
  void mark_given(std::string_view key, const YAML::Node& value);
  /// "page.margins.top" for key "top" of section "page.margins".
  std::string full(std::string_view key) const;
  /// Scalar text of a node, or nullopt after reporting "expected WHAT".
  std::optional<std::string> scalar(std::string_view key, const YAML::Node& node,
                                    std::string_view what);
  ReadContext& context() { return *ctx_; }

  /// Reports unknown keys. Call once, after every accessor.
  void finish();

private:
  struct Entry {
    std::string key;
    YAML::Node key_node, value;
    bool used = false;
  };
  Entry* find(std::string_view key);
  int choice_index(std::string_view key, const std::vector<std::string>& allowed);

  std::vector<Entry> entries_;
  std::vector<std::string> known_;
  std::string path_;
  ReadContext* ctx_;
};

/// Applies one document (a map, already checked) on top of `style`.
void apply_document(Style& style, const YAML::Node& root, ReadContext& ctx);

} // namespace galley::style
