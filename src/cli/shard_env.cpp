#include "cli/shard_env.hpp"

#include <charconv>
#include <cstdlib>
#include <vector>

namespace galley::cli {

namespace {

/// One CI engine's pair of variables. `total` is empty for a Kubernetes Indexed Job, whose
/// completion count is not in the Pod's environment and comes from "auto/N".
struct Engine {
  std::string_view name;
  std::string_view index;
  std::string_view total;
  int first; ///< the value of `index` on the first shard: 0 or 1
};

// GitLab: docs.gitlab.com/ci/variables/predefined_variables (parallel:). Buildkite:
// buildkite.com/docs/pipelines/environment-variables. CircleCI: circleci.com/docs/variables.
// Kubernetes: the Job controller's completion-index annotation, exposed to the Pod.
constexpr Engine kEngines[] = {
    {"GitLab", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1},
    {"Buildkite", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0},
    {"CircleCI", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0},
    {"a Kubernetes Indexed Job", "JOB_COMPLETION_INDEX", "", 0},
};

/// A whole decimal number with no sign, spaces or leading '+'; nullopt otherwise.
std::optional<int> whole(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || s.front() == '-' || ec != std::errc() || end != s.data() + s.size())
    return std::nullopt;
  return v;
}

const std::string* lookup(const Environment& env, std::string_view name) {
  auto it = env.find(name);
  return it == env.end() ? nullptr : &it->second;
}

std::string shard_text(const Shard& s) {
  return std::to_string(s.index) + "/" + std::to_string(s.count);
}

std::string looked_at() {
  std::string names;
  for (const auto& e : kEngines) {
    if (!names.empty())
      names += ", ";
    names += std::string(e.index);
    if (!e.total.empty())
      names += "/" + std::string(e.total);
  }
  return names;
}

/// The shard `engine` names, if its variables are set; `error` set when they are wrong.
/// `given` is N of "auto/N", 0 when absent.
std::optional<Shard> engine_shard(const Engine& engine, const Environment& env, int given,
                                  std::string& error) {
  const std::string* index = lookup(env, engine.index);
  const std::string* total = engine.total.empty() ? nullptr : lookup(env, engine.total);
  if (!index && !total)
    return std::nullopt;
  auto bad = [&](std::string_view var, const std::string& value, const std::string& why) {
    error = std::string(var) + "='" + value + "' (" + std::string(engine.name) + "): " + why;
    return std::nullopt;
  };
  int count = given;
  if (total) {
    auto n = whole(*total);
    if (!n || *n < 1)
      return bad(engine.total, *total, "expected a whole number of 1 or more");
    if (given > 0 && *n != given)
      return bad(engine.total, *total,
                 "the engine runs " + std::to_string(*n) + " jobs but --shard says auto/" +
                     std::to_string(given));
    count = *n;
  }
  if (!index) {
    // GitLab and CircleCI set the total to 1 in a job that is not parallel, with no index.
    if (count == 1)
      return Shard{1, 1};
    error = std::string(engine.total) + " is set but " + std::string(engine.index) + " is not (" +
            std::string(engine.name) + ")";
    return std::nullopt;
  }
  if (count == 0) {
    error = engine.total.empty()
                ? std::string(engine.index) + " is set (" + std::string(engine.name) +
                      ") but not how many jobs there are: give --shard auto/N, N being the "
                      "Job's completions"
                : std::string(engine.index) + " is set but " + std::string(engine.total) +
                      " is not (" + std::string(engine.name) + ")";
    return std::nullopt;
  }
  auto i = whole(*index);
  if (!i)
    return bad(engine.index, *index, "expected a whole number");
  int last = count - 1 + engine.first;
  if (*i < engine.first || *i > last)
    return bad(engine.index, *index,
               "out of range " + std::to_string(engine.first) + ".." + std::to_string(last) +
                   " for " + std::to_string(count) + " jobs");
  return Shard{*i - engine.first + 1, count};
}

} // namespace

Environment ci_environment() {
  Environment env;
  for (const auto& e : kEngines)
    for (std::string_view name : {e.index, e.total})
      if (!name.empty())
        if (const char* value = std::getenv(std::string(name).c_str()))
          env.emplace(std::string(name), value);
  return env;
}

std::optional<Shard> shard_from_option(std::string_view text, const Environment& env,
                                       std::string& error) {
  if (text.empty())
    return Shard{};
  if (text != "auto" && !text.starts_with("auto/")) {
    if (auto shard = parse_shard(text))
      return shard;
    error = "expected i/n with 1 <= i <= n (as in 2/4), auto or auto/N, not '" + std::string(text) +
            "'";
    return std::nullopt;
  }
  int given = 0;
  if (text != "auto") {
    auto n = whole(text.substr(5));
    if (!n || *n < 1) {
      error = "expected auto/N with N a whole number of 1 or more, not '" + std::string(text) + "'";
      return std::nullopt;
    }
    given = *n;
  }
  std::optional<Shard> found;
  std::string_view found_by;
  for (const auto& engine : kEngines) {
    std::string why;
    auto shard = engine_shard(engine, env, given, why);
    if (!why.empty()) {
      error = why;
      return std::nullopt;
    }
    if (!shard)
      continue;
    if (found && (found->index != shard->index || found->count != shard->count)) {
      error = std::string(found_by) + " says shard " + shard_text(*found) + " but " +
              std::string(engine.name) + " says " + shard_text(*shard);
      return std::nullopt;
    }
    found = shard;
    found_by = engine.name;
  }
  if (!found)
    error = "no CI engine's shard variables are set (looked at " + looked_at() + ")";
  return found;
}

} // namespace galley::cli
