#pragma once
// `--shard auto` and `--shard auto/N`: the shard a CI job is, as its engine tells it through the
// environment. The environment is read by the command line only (docs/architecture.md) and
// handed here as a map, so that the choice is a pure function, tested without touching the
// process's environment.
#include "cli/build_plan.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace galley::cli {

/// Variable name -> value, of the variables the engines set (ci_environment()).
using Environment = std::map<std::string, std::string, std::less<>>;

/// The variables shard_from_environment() looks at, read from this process's environment: only
/// those that are set.
Environment ci_environment();

/// The shard named by a --shard value: empty gives 1/1; "i/n" as parse_shard; "auto" takes the
/// shard from the environment's engine (GitLab CI_NODE_INDEX/CI_NODE_TOTAL, 1-based; Buildkite
/// BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT, CircleCI CIRCLE_NODE_INDEX/
/// CIRCLE_NODE_TOTAL, both 0-based); "auto/N" also allows a Kubernetes Indexed Job
/// (JOB_COMPLETION_INDEX, 0-based, of N completions) and requires the engine's total to be N.
/// On failure returns nullopt with a one-line `error`: no variable set (naming those looked
/// at), a malformed or out-of-range value, N disagreeing with the engine, or two engines
/// disagreeing.
std::optional<Shard> shard_from_option(std::string_view text, const Environment& env,
                                       std::string& error);

} // namespace galley::cli
