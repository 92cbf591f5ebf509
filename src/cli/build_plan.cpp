#include "cli/build_plan.hpp"

#include "galley/diagnostics.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace galley::cli {

namespace {

std::string sanitize(std::string value) {
  std::replace(value.begin(), value.end(), '/', '-');
  std::replace(value.begin(), value.end(), '\\', '-');
  return value;
}

std::string padded(std::size_t value, std::size_t count) {
  std::string digits = std::to_string(value);
  std::size_t width = std::max<std::size_t>(2, std::to_string(count).size());
  if (digits.size() < width)
    digits.insert(0, width - digits.size(), '0');
  return digits;
}

/// A name must stay inside the output folder: relative, no "..", not empty.
bool stays_inside(const std::filesystem::path& name) {
  if (name.empty() || name.is_absolute() || !name.has_filename())
    return false;
  for (const auto& part : name)
    if (part == "..")
      return false;
  return true;
}

} // namespace

NamePattern::NamePattern() {
  std::string error;
  *this = *parse(kDefaultNamePattern, error);
}

std::optional<NamePattern> NamePattern::parse(std::string_view text, std::string& error) {
  static const std::vector<std::pair<std::string, PartKind>> keys = {{"issue", PartKind::Issue},
                                                                     {"slug", PartKind::Slug},
                                                                     {"stem", PartKind::Stem},
                                                                     {"ext", PartKind::Ext},
                                                                     {"n", PartKind::N}};
  NamePattern pattern{Empty{}};
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '}') {
      error = "unbalanced '}' in the name pattern '" + std::string(text) + "'";
      return std::nullopt;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      error = "unbalanced '{' in the name pattern '" + std::string(text) + "'";
      return std::nullopt;
    }
    std::string key(text.substr(i + 1, close - i - 1));
    auto it = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.first == key; });
    if (it == keys.end()) {
      std::vector<std::string> names;
      for (const auto& k : keys)
        names.push_back(k.first);
      error = "unknown key '{" + key +
              "}' in the name pattern (keys: {issue} {slug} {stem} "
              "{ext} {n})";
      if (auto near = closest_match(key, names); !near.empty())
        error += "; did you mean '{" + near + "}'?";
      return std::nullopt;
    }
    if (!literal.empty())
      pattern.parts_.push_back({PartKind::Literal, std::move(literal)});
    literal.clear();
    pattern.parts_.push_back({it->second, {}});
    i = close;
  }
  if (!literal.empty())
    pattern.parts_.push_back({PartKind::Literal, std::move(literal)});
  return pattern;
}

std::string NamePattern::expand(const NameFields& fields) const {
  std::string out;
  for (const auto& part : parts_) {
    switch (part.kind) {
    case PartKind::Literal:
      out += part.text;
      break;
    case PartKind::Issue:
      out += sanitize(fields.issue);
      break;
    case PartKind::Slug:
      out += sanitize(fields.slug);
      break;
    case PartKind::Stem:
      out += sanitize(fields.stem);
      break;
    case PartKind::Ext:
      out += sanitize(fields.ext);
      break;
    case PartKind::N:
      out += sanitize(fields.n);
      break;
    }
  }
  return out;
}

std::optional<Shard> parse_shard(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos)
    return std::nullopt;
  Shard shard;
  auto parse_int = [](std::string_view s, int& v) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
  };
  if (!parse_int(text.substr(0, slash), shard.index) ||
      !parse_int(text.substr(slash + 1), shard.count))
    return std::nullopt;
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    return std::nullopt;
  return shard;
}

std::optional<std::vector<std::string>> parse_formats(const std::vector<std::string>& items,
                                                      std::string& error) {
  static const std::vector<std::string> known = {"pdf", "epub"};
  std::vector<bool> wanted(known.size(), false);
  for (const auto& item : items) {
    auto it = std::find(known.begin(), known.end(), item);
    if (it == known.end()) {
      error = "unknown format '" + item + "' (formats: pdf, epub)";
      return std::nullopt;
    }
    wanted[static_cast<std::size_t>(it - known.begin())] = true;
  }
  std::vector<std::string> formats;
  for (std::size_t i = 0; i < known.size(); ++i)
    if (wanted[i])
      formats.push_back(known[i]);
  if (formats.empty()) {
    error = "no output format given (formats: pdf, epub)";
    return std::nullopt;
  }
  return formats;
}

Plan plan_outputs(const std::vector<InputInfo>& inputs, const PlanOptions& options) {
  Plan plan;
  std::map<std::filesystem::path, std::string> owners; // output -> what makes it
  auto add = [&](std::size_t input, int article, const std::string& format, NameFields fields,
                 const std::string& owner) {
    fields.ext = format;
    std::filesystem::path name = options.pattern.expand(fields);
    std::size_t unit = plan.units;
    if (!stays_inside(name.lexically_normal())) {
      plan.errors.push_back("the name pattern gives '" + name.string() + "' for " + owner +
                            ", which is not a file inside the output folder");
      return;
    }
    auto path = (options.out_dir / name).lexically_normal();
    auto [it, fresh] = owners.emplace(path, owner);
    if (!fresh) {
      plan.errors.push_back("two outputs would be written to '" + path.string() + "' (from " +
                            it->second + " and " + owner + "); use --name with {slug} or {n}");
      return;
    }
    if (static_cast<int>(unit % static_cast<std::size_t>(options.shard.count)) ==
        options.shard.index - 1)
      plan.outputs.push_back({input, article, format, path, unit});
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    std::string stem = std::filesystem::path(in.path).stem().string();
    NameFields fields{
        stem, in.slug.empty() ? stem : in.slug, stem, {}, padded(i + 1, inputs.size())};
    for (const auto& format : options.formats)
      add(i, -1, format, fields, "'" + in.path + "'");
    ++plan.units;
    if (!options.single || !in.manifest)
      continue;
    for (std::size_t a = 0; a < in.articles.size(); ++a) {
      const auto& art = in.articles[a];
      NameFields af{stem,
                    art.slug.empty() ? art.stem : art.slug,
                    art.stem,
                    {},
                    padded(a + 1, in.articles.size())};
      add(i, static_cast<int>(a), "pdf", af,
          "article " + std::to_string(a + 1) + " of '" + in.path + "'");
      ++plan.units;
    }
  }
  return plan;
}

} // namespace galley::cli
