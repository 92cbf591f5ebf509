#include "style/reader.hpp"

#include "style/values.hpp"
#include "util/text_utils.hpp"

#include <charconv>

namespace galley::style {

SourceLoc loc_of(const ReadContext& ctx, const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  if (m.is_null()) return {ctx.file, 0, 0};
  return {ctx.file, m.line + 1, m.column + 1}; // yaml-cpp marks are 0-based
}

MapReader::MapReader(const YAML::Node& map, std::string path, ReadContext& ctx)
    : path_(std::move(path)), ctx_(&ctx) {
  if (!map.IsMap()) return;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, "a key must be a plain word");
      continue;
    }
    std::string key = it->first.Scalar();
    if (Entry* first = find(key)) {
      ctx.diags->error(loc_of(ctx, it->first), "duplicate key '" + full(key) + "'",
                       "first given at line " + std::to_string(first->key_node.Mark().line + 1));
      continue;
    }
    entries_.push_back({key, it->first, it->second, false});
  }
}

MapReader::Entry* MapReader::find(std::string_view key) {
  for (auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

std::string MapReader::full(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void MapReader::error(const YAML::Node& node, std::string message, std::string hint) {
  ctx_->diags->error(loc_of(*ctx_, node), std::move(message), std::move(hint));
}

void MapReader::mark_given(std::string_view key, const YAML::Node& value) {
  if (ctx_->given) (*ctx_->given)[full(key)] = loc_of(*ctx_, value);
}

const YAML::Node* MapReader::raw(std::string_view key) {
  known_.emplace_back(key);
  Entry* e = find(key);
  if (!e) return nullptr;
  e->used = true;
  return &e->value;
}

std::optional<std::string> MapReader::scalar(std::string_view key, const YAML::Node& node,
                                             std::string_view what) {
  if (node.IsScalar()) return node.Scalar();
  std::string got = node.IsNull() ? "nothing" : node.IsMap() ? "a map" : "a list";
  // An empty value has no position of its own (yaml-cpp marks where the next token starts),
  // so point at its key.
  const Entry* entry = node.IsNull() ? find(key) : nullptr;
  error(entry ? entry->key_node : node,
        "'" + full(key) + "' expects " + std::string(what) + ", got " + got);
  return std::nullopt;
}

bool MapReader::length(std::string_view key, double& out, Bound bound, bool allow_em,
                       double max) {
  const YAML::Node* node = raw(key);
  if (!node) return false;
  auto text = scalar(key, *node, "a length such as 12pt or 20mm");
  if (!text) return false;
  std::optional<double> v = parse_length(*text, ctx_->em);
  if (!v) {
    error(*node, "'" + full(key) + "' expects a length such as 12pt or 20mm, got '" + *text + "'",
          "units are pt, mm, cm, in, px and em; a bare number is points");
    return false;
  }
  if (!allow_em && text->ends_with("em")) {
    error(*node, "'" + full(key) + "' cannot be given in em (em is relative to it)");
    return false;
  }
  if (*v < 0 || (bound == Bound::Positive && *v == 0)) {
    error(*node, "'" + full(key) + "' must be " +
                     (bound == Bound::Positive ? "greater than 0" : "0 or more") + ", got '" +
                     *text + "'");
    return false;
  }
  if (*v > max) {
    error(*node, "'" + full(key) + "' must be at most " + format_number(max) + "pt (" +
                     format_number(max / 72 * 25.4, 1) + "mm), got '" + *text + "'");
    return false;
  }
  out = *v;
  mark_given(key, *node);
  return true;
}

bool MapReader::integer(std::string_view key, int& out, int lo, int hi) {
  const YAML::Node* node = raw(key);
  if (!node) return false;
  auto text = scalar(key, *node, "a whole number");
  if (!text) return false;
  int v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc{} || end != text->data() + text->size()) {
    error(*node, "'" + full(key) + "' expects a whole number, got '" + *text + "'");
    return false;
  }
  if (v < lo || v > hi) {
    error(*node, "'" + full(key) + "' must be between " + std::to_string(lo) + " and " +
                     std::to_string(hi) + ", got " + *text);
    return false;
  }
  out = v;
  mark_given(key, *node);
  return true;
}

bool MapReader::boolean(std::string_view key, bool& out) {
  const YAML::Node* node = raw(key);
  if (!node) return false;
  auto text = scalar(key, *node, "true or false");
  if (!text) return false;
  std::optional<bool> v = parse_bool(*text);
  if (!v) {
    error(*node, "'" + full(key) + "' expects true or false, got '" + *text + "'");
    return false;
  }
  out = *v;
  mark_given(key, *node);
  return true;
}

bool MapReader::string(std::string_view key, std::string& out) {
  const YAML::Node* node = raw(key);
  if (!node) return false;
  auto text = scalar(key, *node, "a text");
  if (!text) return false;
  if (!is_valid_utf8(*text)) {
    error(*node, "'" + full(key) + "' is not valid UTF-8");
    return false;
  }
  out = *text;
  mark_given(key, *node);
  return true;
}

bool MapReader::strings(std::string_view key, std::vector<std::string>& out) {
  const YAML::Node* node = raw(key);
  if (!node) return false;
  if (!node->IsSequence()) {
    error(*node, "'" + full(key) + "' expects a list such as [a, b]");
    return false;
  }
  std::vector<std::string> items;
  bool ok = true;
  for (const auto& item : *node) {
    if (!item.IsScalar()) {
      error(item, "'" + full(key) + "' expects a list of plain values");
      ok = false;
      continue;
    }
    items.push_back(item.Scalar());
  }
  if (!ok) return false;
  out = std::move(items);
  mark_given(key, *node);
  return true;
}

bool MapReader::color(std::string_view key, Color& out) {
  const YAML::Node* node = raw(key);
  if (!node) return false;
  auto text = scalar(key, *node, "a colour such as \"#1a1a1a\"");
  if (!text) return false;
  std::optional<Color> c = parse_color(*text);
  if (!c) {
    error(*node, "'" + full(key) + "' expects a colour such as \"#1a1a1a\", got '" + *text + "'",
          "write #rrggbb or #rgb, in quotes (YAML reads an unquoted # as a comment)");
    return false;
  }
  out = *c;
  mark_given(key, *node);
  return true;
}

int MapReader::choice_index(std::string_view key, const std::vector<std::string>& allowed) {
  const YAML::Node* node = raw(key);
  if (!node) return -1;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  auto text = scalar(key, *node, "one of " + list);
  if (!text) return -1;
  for (size_t i = 0; i < allowed.size(); ++i) {
    if (allowed[i] == *text) {
      mark_given(key, *node);
      return static_cast<int>(i);
    }
  }
  std::string near = closest_match(*text, allowed);
  error(*node, "unknown value '" + *text + "' for '" + full(key) + "' (allowed: " + list + ")",
        near.empty() ? "" : "did you mean '" + near + "'?");
  return -1;
}

std::optional<MapReader> MapReader::section(std::string_view key) {
  const YAML::Node* node = raw(key);
  if (!node) return std::nullopt;
  if (!node->IsMap() && !node->IsNull()) {
    error(*node, "'" + full(key) + "' expects a map of settings");
    return std::nullopt;
  }
  return MapReader(*node, full(key), *ctx_);
}

void MapReader::finish() {
  for (const auto& e : entries_) {
    if (e.used) continue;
    std::string near = closest_match(e.key, known_);
    error(e.key_node, "unknown key '" + full(e.key) + "'",
          near.empty() ? "" : "did you mean '" + near + "'?");
  }
}

} // namespace galley::style
