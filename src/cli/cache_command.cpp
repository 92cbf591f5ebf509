// `galley cache prune [DIR] --older-than AGE --max-size SIZE`: removes the build cache's
// entries that have not been used for a while, or the least recently used past a size
// (util/cache_store.hpp, CacheStore::prune). Nothing else ever removes them, and a publication
// gains a set for each style it is built with.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/progress.hpp"
#include "cli/quantities.hpp"

#include "util/cache_store.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

namespace galley::cli {

void add_cache_command(CLI::App& app, int& exit_code) {
  struct State {
    CommonOptions common;
    std::string dir = ".galley-cache";
    std::string older_than;
    std::string max_size;
    bool dry_run = false;
  };
  auto st = std::make_shared<State>();
  auto* cache = app.add_subcommand("cache", "work with the folder of galley build --cache");
  cache->require_subcommand(1);
  auto* prune = cache->add_subcommand(
      "prune", "remove the entries not used for a while, or the least recently used past a size");
  prune->add_option("dir", st->dir, "the cache folder")->type_name("DIR")->capture_default_str();
  prune
      ->add_option("--older-than", st->older_than,
                   "remove the entries not used for AGE: days (30, 30d) or hours (12h)")
      ->type_name("AGE");
  prune
      ->add_option("--max-size", st->max_size,
                   "then remove the least recently used until the rest take at most SIZE on "
                   "the disk (500M, 2G)")
      ->type_name("SIZE");
  prune->add_flag("--dry-run", st->dry_run, "say what would be removed, and remove nothing");
  add_output_options(*prune, st->common);
  prune->callback([st, &exit_code] {
    Diagnostics usage;
    PruneRule rule;
    rule.dry_run = st->dry_run;
    std::string error;
    if (!st->older_than.empty()) {
      if (auto age = parse_age(st->older_than, error)) {
        using namespace std::chrono;
        const std::int64_t now =
            duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
        rule.unused_since = now - *age;
      } else {
        usage.error({"--older-than"}, error);
      }
    }
    if (!st->max_size.empty()) {
      if (auto bytes = parse_size(st->max_size, error))
        rule.max_bytes = *bytes;
      else
        usage.error({"--max-size"}, error);
    }
    if (st->older_than.empty() && st->max_size.empty())
      usage.error({}, "say which entries to remove",
                  "give --older-than AGE, --max-size SIZE or both");
    std::error_code ec;
    if (!usage.has_errors() && !std::filesystem::is_directory(st->dir, ec))
      usage.error({st->dir}, "no cache folder there",
                  "give the folder galley build --cache keeps its entries in, by default "
                  ".galley-cache beside the first input");
    if (usage.has_errors()) {
      print_diagnostics(usage, st->common);
      exit_code = kUsageError;
      return;
    }
    const PruneCount count = CacheStore(st->dir).prune(rule);
    if (!st->common.quiet)
      print_message(std::string(st->dry_run ? "would remove " : "removed ") +
                        std::to_string(count.removed) + " entr" +
                        (count.removed == 1 ? "y" : "ies") + " (" +
                        format_size(count.removed_bytes) + ") from " + st->dir + ", kept " +
                        std::to_string(count.kept) + " (" + format_size(count.kept_bytes) + ")",
                    st->common);
    exit_code = kOk;
  });
}

} // namespace galley::cli
