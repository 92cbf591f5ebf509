#include "input/value.hpp"

#include "util/text_utils.hpp"

#include <yaml-cpp/yaml.h>

namespace galley::input {

const Value* Value::get(std::string_view key) const {
  for (const auto& e : map)
    if (e.key == key)
      return &e.value;
  return nullptr;
}

std::string_view kind_phrase(ValueKind k) {
  switch (k) {
  case ValueKind::Null:
    return "nothing";
  case ValueKind::Scalar:
    return "a string";
  case ValueKind::Map:
    return "a map";
  case ValueKind::List:
    return "a list";
  }
  return "nothing";
}

namespace {

struct YamlConverter {
  const std::string& file;
  int first_line;
  const Limits& limits;
  Diagnostics& diags;
  size_t nodes = 0;
  bool failed = false;

  SourceLoc loc(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.line < 0)
      return {file, first_line, 0};
    return {file, first_line + m.line, m.column + 1};
  }

  Value convert(const YAML::Node& n, int depth) {
    Value v;
    v.loc = loc(n);
    // Aliases are shared nodes in yaml-cpp; converting them copies, so count what we build to
    // stop "billion laughs" alias chains, and bound the depth.
    if (failed)
      return v;
    if (++nodes > limits.max_value_nodes || depth > limits.max_nesting) {
      diags.error(v.loc, depth > limits.max_nesting
                             ? "front matter is nested too deeply"
                             : "front matter has too many values (alias bomb?)");
      failed = true;
      return v;
    }
    switch (n.Type()) {
    case YAML::NodeType::Scalar:
      v.kind = ValueKind::Scalar;
      v.scalar = n.Scalar();
      replace_non_xml_text(v.scalar, v.loc, diags);
      break;
    case YAML::NodeType::Sequence:
      v.kind = ValueKind::List;
      for (const auto& item : n)
        v.list.push_back(convert(item, depth + 1));
      break;
    case YAML::NodeType::Map:
      v.kind = ValueKind::Map;
      for (const auto& kv : n) {
        Entry e;
        e.key_loc = loc(kv.first);
        if (!kv.first.IsScalar()) {
          diags.error(e.key_loc, "front matter keys must be strings");
          continue;
        }
        e.key = kv.first.Scalar();
        e.value = convert(kv.second, depth + 1);
        v.map.push_back(std::move(e));
      }
      break;
    default:
      break;
    }
    return v;
  }
};

} // namespace

std::string non_xml_warning(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " character" : " characters") +
         " that XML does not allow (a control character, U+FFFE or U+FFFF) replaced with U+FFFD";
}

void replace_non_xml_text(std::string& text, const SourceLoc& loc, Diagnostics& diags) {
  if (std::size_t n = replace_non_xml_chars(text)) diags.warning(loc, non_xml_warning(n));
}

std::optional<Value> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                const Limits& limits, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    SourceLoc loc{file, first_line, 0};
    if (e.mark.line >= 0)
      loc = {file, first_line + e.mark.line, e.mark.column + 1};
    diags.error(loc, "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  YamlConverter conv{file, first_line, limits, diags};
  Value v = conv.convert(root, 0);
  if (conv.failed)
    return std::nullopt;
  return v;
}

} // namespace galley::input
