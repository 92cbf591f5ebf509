// --shard auto: the shard from a CI engine's environment, given as a map.
#include "cli/shard_env.hpp"

#include <doctest/doctest.h>

using namespace galley::cli;

namespace {

/// "i/n" of the shard, or "error: ..." with the message.
std::string shard_of(std::string_view option, const Environment& env) {
  std::string error;
  auto shard = shard_from_option(option, env, error);
  if (!shard)
    return "error: " + error;
  CHECK(error.empty());
  return std::to_string(shard->index) + "/" + std::to_string(shard->count);
}

bool mentions(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("cli/shard_env") {
  TEST_CASE("each engine's numbering becomes the 1-based i/n") {
    // GitLab counts from 1, the others from 0.
    CHECK(shard_of("auto", {{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "4"}}) == "1/4");
    CHECK(shard_of("auto", {{"CI_NODE_INDEX", "4"}, {"CI_NODE_TOTAL", "4"}}) == "4/4");
    CHECK(shard_of("auto", {{"BUILDKITE_PARALLEL_JOB", "0"},
                            {"BUILDKITE_PARALLEL_JOB_COUNT", "3"}}) == "1/3");
    CHECK(shard_of("auto", {{"BUILDKITE_PARALLEL_JOB", "2"},
                            {"BUILDKITE_PARALLEL_JOB_COUNT", "3"}}) == "3/3");
    CHECK(shard_of("auto", {{"CIRCLE_NODE_INDEX", "5"}, {"CIRCLE_NODE_TOTAL", "8"}}) == "6/8");
    CHECK(shard_of("auto/6", {{"JOB_COMPLETION_INDEX", "0"}}) == "1/6");
    CHECK(shard_of("auto/6", {{"JOB_COMPLETION_INDEX", "5"}}) == "6/6");
    CHECK(shard_of("auto/4", {{"CI_NODE_INDEX", "2"}, {"CI_NODE_TOTAL", "4"}}) == "2/4");
  }

  TEST_CASE("a job that is not parallel is the one shard") {
    // GitLab and CircleCI set the total to 1 and no index outside `parallel`.
    CHECK(shard_of("auto", {{"CI_NODE_TOTAL", "1"}}) == "1/1");
    CHECK(shard_of("auto", {{"CIRCLE_NODE_INDEX", "0"}, {"CIRCLE_NODE_TOTAL", "1"}}) == "1/1");
  }

  TEST_CASE("explicit shards and no option do not look at the environment") {
    Environment env{{"CI_NODE_INDEX", "3"}, {"CI_NODE_TOTAL", "4"}};
    CHECK(shard_of("", env) == "1/1");
    CHECK(shard_of("2/5", env) == "2/5");
    CHECK(mentions(shard_of("6/5", env), "expected i/n"));
    CHECK(mentions(shard_of("automatic", env), "not 'automatic'"));
  }

  TEST_CASE("no engine: the error names every variable looked at") {
    for (const char* option : {"auto", "auto/3"}) {
      auto r = shard_of(option, {{"CI", "true"}, {"GITHUB_ACTIONS", "true"}});
      CAPTURE(r);
      CHECK(r.starts_with("error: no CI engine"));
      for (const char* name : {"CI_NODE_INDEX", "CI_NODE_TOTAL", "BUILDKITE_PARALLEL_JOB",
                               "BUILDKITE_PARALLEL_JOB_COUNT", "CIRCLE_NODE_INDEX",
                               "CIRCLE_NODE_TOTAL", "JOB_COMPLETION_INDEX"})
        CHECK(mentions(r, name));
    }
  }

  TEST_CASE("malformed and out-of-range values are refused, naming the variable") {
    auto r = shard_of("auto", {{"CI_NODE_INDEX", "0"}, {"CI_NODE_TOTAL", "4"}});
    CHECK(r == "error: CI_NODE_INDEX='0' (GitLab): out of range 1..4 for 4 jobs");
    r = shard_of("auto", {{"BUILDKITE_PARALLEL_JOB", "3"}, {"BUILDKITE_PARALLEL_JOB_COUNT", "3"}});
    CHECK(r == "error: BUILDKITE_PARALLEL_JOB='3' (Buildkite): out of range 0..2 for 3 jobs");
    r = shard_of("auto", {{"CIRCLE_NODE_INDEX", " 1"}, {"CIRCLE_NODE_TOTAL", "2"}});
    CHECK(r == "error: CIRCLE_NODE_INDEX=' 1' (CircleCI): expected a whole number");
    r = shard_of("auto", {{"CIRCLE_NODE_INDEX", "-1"}, {"CIRCLE_NODE_TOTAL", "2"}});
    CHECK(mentions(r, "CIRCLE_NODE_INDEX='-1'"));
    r = shard_of("auto", {{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "0"}});
    CHECK(r == "error: CI_NODE_TOTAL='0' (GitLab): expected a whole number of 1 or more");
    r = shard_of("auto", {{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "four"}});
    CHECK(mentions(r, "CI_NODE_TOTAL='four'"));
    CHECK(mentions(shard_of("auto", {{"CI_NODE_TOTAL", "3"}}), "CI_NODE_INDEX is not"));
    CHECK(shard_of("auto", {{"BUILDKITE_PARALLEL_JOB", "1"}}) ==
          "error: BUILDKITE_PARALLEL_JOB is set but BUILDKITE_PARALLEL_JOB_COUNT is not "
          "(Buildkite)");
    CHECK(mentions(shard_of("auto/0", {{"JOB_COMPLETION_INDEX", "0"}}), "not 'auto/0'"));
    CHECK(mentions(shard_of("auto/x", {{"JOB_COMPLETION_INDEX", "0"}}), "not 'auto/x'"));
    CHECK(mentions(shard_of("auto/3", {{"JOB_COMPLETION_INDEX", "3"}}), "out of range 0..2"));
  }

  TEST_CASE("an Indexed Job needs auto/N: its total is not in the environment") {
    auto r = shard_of("auto", {{"JOB_COMPLETION_INDEX", "2"}});
    CHECK(mentions(r, "give --shard auto/N"));
  }

  TEST_CASE("auto/N must agree with the engine's total") {
    auto r = shard_of("auto/4", {{"CIRCLE_NODE_INDEX", "1"}, {"CIRCLE_NODE_TOTAL", "3"}});
    CHECK(r == "error: CIRCLE_NODE_TOTAL='3' (CircleCI): the engine runs 3 jobs but --shard says "
               "auto/4");
  }

  TEST_CASE("two engines must agree") {
    Environment both{{"CI_NODE_INDEX", "2"},
                     {"CI_NODE_TOTAL", "4"},
                     {"BUILDKITE_PARALLEL_JOB", "1"},
                     {"BUILDKITE_PARALLEL_JOB_COUNT", "4"}};
    CHECK(shard_of("auto", both) == "2/4");
    both["BUILDKITE_PARALLEL_JOB"] = "2";
    CHECK(shard_of("auto", both) == "error: GitLab says shard 2/4 but Buildkite says 3/4");
    Environment k8s{
        {"JOB_COMPLETION_INDEX", "0"}, {"CIRCLE_NODE_INDEX", "1"}, {"CIRCLE_NODE_TOTAL", "2"}};
    CHECK(shard_of("auto/2", k8s) ==
          "error: CircleCI says shard 2/2 but a Kubernetes Indexed Job says 1/2");
  }
}
