#include "cli/build_plan.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace galley::cli;

namespace {

InputInfo article(std::string path, std::string slug) {
  InputInfo in;
  in.path = std::move(path);
  in.slug = std::move(slug);
  return in;
}

InputInfo manifest(std::string path, int articles) {
  InputInfo in;
  in.path = std::move(path);
  in.manifest = true;
  in.slug = "may";
  for (int i = 1; i <= articles; ++i)
    in.articles.push_back({"m" + std::to_string(i), "story-" + std::to_string(i)});
  return in;
}

NamePattern pattern(std::string_view text) {
  std::string error;
  auto p = NamePattern::parse(text, error);
  REQUIRE_MESSAGE(p, error);
  return *p;
}

std::vector<std::string> names(const Plan& plan) {
  std::vector<std::string> out;
  for (const auto& o : plan.outputs)
    out.push_back(o.path.string());
  return out;
}

} // namespace

TEST_SUITE("cli/build_plan") {
  TEST_CASE("name patterns expand every key and reject unknown ones") {
    NameFields f{"2026-05", "microsoft-openai", "microsoft-openai", "pdf", "03"};
    CHECK(pattern("{issue}-{slug}.{ext}").expand(f) == "2026-05-microsoft-openai.pdf");
    CHECK(pattern("{n}-{stem}.{ext}").expand(f) == "03-microsoft-openai.pdf");
    CHECK(NamePattern().expand(f) == "microsoft-openai.pdf");
    f.slug = "a/b";
    CHECK(pattern("{slug}.{ext}").expand(f) == "a-b.pdf");

    std::string error;
    CHECK_FALSE(NamePattern::parse("{slg}.{ext}", error));
    CHECK(error.find("unknown key '{slg}'") != std::string::npos);
    CHECK(error.find("did you mean '{slug}'") != std::string::npos);
    CHECK_FALSE(NamePattern::parse("{slug.pdf", error));
    CHECK(error.find("unbalanced '{'") != std::string::npos);
    CHECK_FALSE(NamePattern::parse("slug}.pdf", error));
  }

  TEST_CASE("shards and formats parse strictly") {
    auto s = parse_shard("2/4");
    REQUIRE(s);
    CHECK(s->index == 2);
    CHECK(s->count == 4);
    for (const char* bad : {"0/4", "5/4", "1/0", "2", "a/b", "1/2x", "/2", "-1/2"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_shard(bad));
    }
    std::string error;
    auto f = parse_formats({"epub", "pdf", "epub"}, error);
    REQUIRE(f);
    CHECK(*f == std::vector<std::string>{"pdf", "epub"});
    CHECK_FALSE(parse_formats({"pdf", "docx"}, error));
    CHECK(error == "unknown format 'docx' (formats: pdf, epub)");
    CHECK_FALSE(parse_formats({}, error));
  }

  TEST_CASE("the work list is inputs in order, formats in order, then --single articles") {
    PlanOptions o;
    o.formats = {"pdf", "epub"};
    o.out_dir = "out";
    o.single = true;
    auto plan = plan_outputs({article("x/a.md", "alpha"), manifest("m/may.yaml", 2)}, o);
    CHECK(plan.errors.empty());
    CHECK(plan.units == 4);
    CHECK(names(plan) == std::vector<std::string>{"out/a.pdf", "out/a.epub", "out/may.pdf",
                                                  "out/may.epub", "out/m1.pdf", "out/m2.pdf"});
    CHECK(plan.outputs[4].article == 0);
    CHECK(plan.outputs[5].unit == 3);

    o.pattern = pattern("{issue}/{n}-{slug}.{ext}");
    plan = plan_outputs({article("x/a.md", "alpha"), manifest("m/may.yaml", 2)}, o);
    CHECK(names(plan) == std::vector<std::string>{"out/a/01-alpha.pdf", "out/a/01-alpha.epub",
                                                  "out/may/02-may.pdf", "out/may/02-may.epub",
                                                  "out/may/01-story-1.pdf",
                                                  "out/may/02-story-2.pdf"});
  }

  TEST_CASE("clashing names and names outside the folder are usage errors") {
    PlanOptions o;
    o.formats = {"pdf", "epub"};
    o.out_dir = "out";
    o.pattern = pattern("{slug}.pdf");
    auto plan = plan_outputs({article("a.md", "alpha")}, o);
    REQUIRE(plan.errors.size() == 1);
    CHECK(plan.errors[0].find("two outputs would be written to 'out/alpha.pdf'") == 0);

    o.pattern = pattern("../{slug}.{ext}");
    plan = plan_outputs({article("a.md", "alpha")}, o);
    CHECK(plan.errors.size() == 2);
  }

  TEST_CASE("shards split the units: each lands in exactly one, and their union is the whole") {
    PlanOptions o;
    o.formats = {"pdf", "epub"};
    o.out_dir = "out";
    o.single = true;
    std::vector<InputInfo> inputs;
    for (int i = 0; i < 7; ++i)
      inputs.push_back(article("a" + std::to_string(i) + ".md", ""));
    inputs.push_back(manifest("may.yaml", 5));
    auto whole = names(plan_outputs(inputs, o));
    CHECK(whole.size() == 7 * 2 + 2 + 5);
    for (int n : {1, 2, 3, 4, 13}) {
      CAPTURE(n);
      std::multiset<std::string> seen;
      std::set<std::size_t> units;
      for (int i = 1; i <= n; ++i) {
        o.shard = {i, n};
        auto plan = plan_outputs(inputs, o);
        for (const auto& out : plan.outputs) {
          seen.insert(out.path.string());
          units.insert(out.unit);
        }
      }
      CHECK(seen == std::multiset<std::string>(whole.begin(), whole.end()));
      CHECK(units.size() == 7 + 1 + 5);
    }
    // Both formats of an article stay together in one shard.
    o.shard = {2, 3};
    auto plan = plan_outputs(inputs, o);
    CHECK(names(plan).front() == "out/a1.pdf");
    CHECK(names(plan)[1] == "out/a1.epub");
  }
}
