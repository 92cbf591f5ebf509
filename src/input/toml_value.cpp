// TOML front matter (Hugo's `+++` blocks), converted to the same Value tree as YAML.
#include "input/value.hpp"

#include <algorithm>
#include <cstdio>
#include <toml++/toml.h>

namespace galley::input {

namespace {

struct TomlConverter {
  const std::string& file;
  int first_line;
  const Limits& limits;
  Diagnostics& diags;
  size_t nodes = 0;
  bool failed = false;

  SourceLoc loc(const toml::source_region& r) const {
    if (r.begin.line == 0)
      return {file, first_line, 0};
    return {file, first_line + static_cast<int>(r.begin.line) - 1,
            static_cast<int>(r.begin.column)};
  }

  static std::string iso_date(const toml::date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
    return buf;
  }
  static std::string iso_time(const toml::time& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(t.hour), int(t.minute), int(t.second));
    return buf;
  }

  Value convert(const toml::node& n, int depth) {
    Value v;
    v.loc = loc(n.source());
    if (failed)
      return v;
    if (++nodes > limits.max_value_nodes || depth > limits.max_nesting) {
      diags.error(v.loc, "front matter is nested too deeply");
      failed = true;
      return v;
    }
    v.kind = ValueKind::Scalar;
    if (auto s = n.value<std::string>(); n.is_string() && s) {
      v.scalar = *s;
      replace_non_xml_text(v.scalar, v.loc, diags);
    } else if (n.is_integer()) {
      v.scalar = std::to_string(*n.value<std::int64_t>());
    } else if (n.is_floating_point()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g", *n.value<double>());
      v.scalar = buf;
    } else if (n.is_boolean()) {
      v.scalar = *n.value<bool>() ? "true" : "false";
    } else if (n.is_date()) {
      v.scalar = iso_date(*n.value<toml::date>());
    } else if (n.is_time()) {
      v.scalar = iso_time(*n.value<toml::time>());
    } else if (n.is_date_time()) {
      auto dt = *n.value<toml::date_time>();
      v.scalar = iso_date(dt.date) + "T" + iso_time(dt.time);
      if (dt.offset && dt.offset->minutes == 0)
        v.scalar += 'Z';
    } else if (const auto* arr = n.as_array()) {
      v.kind = ValueKind::List;
      for (const auto& item : *arr)
        v.list.push_back(convert(item, depth + 1));
    } else if (const auto* tbl = n.as_table()) {
      v.kind = ValueKind::Map;
      for (const auto& [key, child] : *tbl) {
        Entry e;
        e.key = std::string(key.str());
        e.key_loc = loc(key.source());
        e.value = convert(child, depth + 1);
        v.map.push_back(std::move(e));
      }
      // toml::table is ordered by key; restore the writer's order.
      std::stable_sort(v.map.begin(), v.map.end(), [](const Entry& a, const Entry& b) {
        return a.key_loc.line != b.key_loc.line ? a.key_loc.line < b.key_loc.line
                                                : a.key_loc.column < b.key_loc.column;
      });
    }
    return v;
  }
};

} // namespace

std::optional<Value> parse_toml(std::string_view text, const std::string& file, int first_line,
                                const Limits& limits, Diagnostics& diags) {
  toml::table table;
  try {
    table = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    SourceLoc loc{file, first_line, 0};
    if (e.source().begin.line > 0)
      loc = {file, first_line + static_cast<int>(e.source().begin.line) - 1,
             static_cast<int>(e.source().begin.column)};
    diags.error(loc, "invalid TOML: " + std::string(e.description()));
    return std::nullopt;
  }
  TomlConverter conv{file, first_line, limits, diags};
  Value v = conv.convert(table, 0);
  if (conv.failed)
    return std::nullopt;
  return v;
}

} // namespace galley::input
