// `galley build INPUT... --format pdf,epub -o DIR`: every output of every input, in parallel,
// written atomically, with a log a CI job can read and an optional JSON report.
//
// The run has three steps: load every input (in order, on this thread), plan the work list
// (build_plan.hpp), then render and write the outputs on a pool of threads (one job each,
// build_job.cpp), handing results back in work-list order so that logs and outputs do not
// depend on -j.
#include "cli/build.hpp"
#include "cli/build_pool.hpp"
#include "cli/build_signals.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "cli/report.hpp"
#include "cli/shard_env.hpp"
#include "export/cache_keys.hpp"
#include "export/warm_up.hpp"

#include "galley/error.hpp"
#include "galley/version.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/read_log.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <thread>

namespace galley::cli {

void Build::load_inputs() {
  // Loading is cheap next to rendering (about 1.5 ms an article) and runs here, in input order,
  // because the work list and the output names depend on what the inputs hold.
  const auto& f = formats_;
  load_settings_.options = options_;
  load_settings_.edition = !st_.no_page_list && std::find(f.begin(), f.end(), "pdf") != f.end() &&
                           std::find(f.begin(), f.end(), "epub") != f.end();
  load_settings_.cache = cache_.get();
  load_settings_.trust_records = !st_.verify;
  // --verify reads every article afresh too: its renders check what the cache would give.
  if (st_.verify)
    load_settings_.options.cache_dir.clear();
  load_settings_.toolchain = toolchain_;
  for (const auto& path : st_.inputs) {
    loaded_.push_back(load_input(path, load_settings_));
    LoadedInput& in = loaded_.back();
    if (!in.common_files.empty()) {
      CacheKey common("galley common files");
      common.files(in.common_files, &digests_);
      in.common_key = common.finish();
    }
    if (!in.files.empty())
      for (std::size_t f = 0; f < 2; ++f) {
        CacheKey context("galley output context");
        context.text(toolchain_);
        context.text(options_text_[f]);
        context.number(f == 1 && in.edition); // an EPUB with a page-list of the PDF's pages
        context.text(in.style_text);
        in.output_context[f] = context.finish();
      }
  }
}

void Build::open_cache(Diagnostics& usage) {
  if (!st_.cache)
    return;
  std::filesystem::path dir = *st_.cache;
  std::error_code ec;
  if (dir.empty()) {
    // Beside the manifest (or the first article): the cache belongs to the publication.
    const std::string& first = st_.inputs.front();
    dir = (first == "-" ? std::filesystem::path(".") : std::filesystem::path(first).parent_path()) /
          ".galley-cache";
  } else if (std::filesystem::is_regular_file(dir, ec)) {
    usage.error({"--cache"}, "'" + *st_.cache + "' is a file, and --cache takes a folder",
                "write --cache=FOLDER, or give --cache after the inputs");
    return;
  }
  cache_ = std::make_unique<BuildCache>(dir);
  seeded_digests_ = cache_->known_digests();
  seed_file_digests(seeded_digests_);
  options_.cache_dir = dir; // an issue PDF's articles, laid out, in the same folder
  options_text_[0] = render::options_text(options_, render::Format::Pdf);
  options_text_[1] = render::options_text(options_, render::Format::Epub);
  toolchain_ = render::toolchain_text();
  seeded_dates_ = cache_->known_dates(toolchain_);
  model::seed_long_dates(seeded_dates_);
  seeded_fonts_ = cache_->known_fonts(toolchain_);
  text::seed_scanned_fonts(seeded_fonts_);
  text::set_pattern_store(std::make_shared<CachedPatterns>(dir, toolchain_));
}

void Build::keep_for_next_build() {
  // First the records of the loads, whose files' digests are kept below.
  for (LoadedInput& in : loaded_) {
    try {
      in.keeping.wait();
    } catch (const Error& e) {
      Diagnostics late;
      late.warning({in.path}, std::string("the record of its load was not kept: ") + e.what());
      print_diagnostics(late, st_.common);
    }
  }
  // A file whose modification time is under a second old may change again within the same
  // timestamp: it is hashed again next time rather than trusted by its stat.
  using namespace std::chrono;
  const std::int64_t now =
      duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
  std::vector<KnownDigest> known = known_file_digests(now, 1'000'000'000);
  std::vector<model::LongDate> dates = model::long_dates();
  std::vector<text::ScannedFont> fonts = text::scanned_fonts();
  try {
    if (known != seeded_digests_)
      cache_->keep_digests(known);
    if (dates != seeded_dates_)
      cache_->keep_dates(toolchain_, dates);
    if (fonts != seeded_fonts_)
      cache_->keep_fonts(toolchain_, fonts);
  } catch (const Error& e) {
    Diagnostics late;
    late.warning({cache_->dir().string()},
                 std::string("the file digests, dates and font scans were not kept: ") + e.what());
    print_diagnostics(late, st_.common);
  }
}

void Build::write_depfile() const {
  // Every output this run made depends on every file the process read: the inputs, their
  // pictures, the styles and the fonts (util/read_log.hpp). Outputs, the report and the cache
  // are written, not read, so none of them is listed.
  std::vector<std::filesystem::path> targets;
  for (const auto& out : plan_.outputs)
    targets.push_back(out.path);
  write_output(st_.depfile, depfile_text(targets, read_paths()));
}

std::string Build::report_text(const std::vector<JobResult>& results) const {
  ReportRun run;
  run.version = galley::version();
  run.shard = std::to_string(shard_.index) + "/" + std::to_string(shard_.count);
  run.verify = st_.verify;
  run.strict = st_.common.strict;
  run.time_ms = ms_since(started_);
  std::vector<ReportOutput> outputs;
  std::vector<bool> input_counted(loaded_.size(), false);
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    const auto& out = plan_.outputs[i];
    const auto& r = results[i];
    outputs.push_back({out.path.string(), out.format, st_.inputs[out.input], out.article, r.ok,
                       r.pages, r.bytes, r.sha256, r.time_ms, r.diags.all(), r.cached});
    // Count each diagnostic once: an input's loading diagnostics appear in all its outputs.
    const auto& load = loaded_[out.input].diags;
    run.errors += r.diags.error_count() - load.error_count();
    run.warnings += r.diags.warning_count() - load.warning_count();
    if (!input_counted[out.input]) {
      input_counted[out.input] = true;
      run.errors += load.error_count();
      run.warnings += load.warning_count();
    }
  }
  return report_json(run, outputs);
}

int Build::run() {
  Diagnostics usage;
  options_ = render_options(st_.common, usage);
  std::string error;
  auto formats = parse_formats(st_.formats, error);
  if (!formats)
    usage.error({"--format"}, error);
  auto pattern = NamePattern::parse(st_.name, error);
  if (!pattern)
    usage.error({"--name"}, error);
  auto shard = shard_from_option(st_.shard, ci_environment(), error);
  if (!shard)
    usage.error({"--shard"}, error);
  open_cache(usage);
  if (usage.has_errors())
    return usage_error(usage);
  formats_ = *formats;
  shard_ = *shard;

  unsigned threads = st_.jobs > 0 ? st_.jobs : std::max(1u, std::thread::hardware_concurrency());
  // The process's pool gets -j workers: this thread only waits and prints. An issue's articles
  // are read and laid out in parallel on the same pool, so -j helps a single issue too, and the
  // outputs made at once share the -j threads rather than each taking -j of its own.
  ThreadPool::set_shared_workers(threads);
  options_.threads = threads;
  load_inputs();
  // While this thread plans the outputs, a worker reads what the bundled fonts hold, which the
  // first article set would otherwise wait for. Only when some input was loaded to be rendered:
  // a build the cache answers whole renders nothing. Not before loading, whose articles are read
  // on every worker.
  const bool renders = std::any_of(loaded_.begin(), loaded_.end(),
                                   [](const LoadedInput& in) { return in.issue.has_value(); });
  const bool pdf = std::find(formats_.begin(), formats_.end(), "pdf") != formats_.end();
  Task warm = renders && pdf ? render::warm_up(render::Format::Pdf, options_) : Task();
  if (st_.common.verbose) {
    std::size_t articles = 0;
    for (const auto& in : loaded_)
      if (in.issue || in.from_record)
        articles += in.info.manifest ? in.info.articles.size() : 1;
    print_message("loaded " + std::to_string(loaded_.size()) + " input" +
                      (loaded_.size() == 1 ? "" : "s") + " (" + std::to_string(articles) +
                      " article" + (articles == 1 ? "" : "s") + ") in " +
                      format_duration(ms_since(started_)),
                  st_.common);
  }
  std::vector<InputInfo> infos;
  for (const auto& in : loaded_)
    infos.push_back(in.info);
  plan_ = plan_outputs(infos, {formats_, st_.out_dir, *pattern, st_.single, shard_});
  for (const auto& e : plan_.errors)
    usage.error({"--name"}, e);
  for (const auto& out : plan_.outputs)
    guard_.claim(out.path, st_.inputs, usage);
  if (!st_.report.empty()) guard_.claim(st_.report, st_.inputs, usage);
  if (!st_.depfile.empty())
    guard_.claim(st_.depfile, st_.inputs, usage);
  if (usage.has_errors())
    return usage_error(usage);

  // Loading problems of the inputs this shard builds, once each, in input order.
  std::vector<bool> shown(loaded_.size(), false);
  for (const auto& out : plan_.outputs) {
    if (shown[out.input])
      continue;
    shown[out.input] = true;
    print_diagnostics(loaded_[out.input].diags, st_.common);
  }
  // Each folder once: a hundred articles' outputs share one.
  std::set<std::filesystem::path> folders;
  for (const auto& out : plan_.outputs) {
    auto dir = out.path.parent_path();
    if (dir.empty() || !folders.insert(dir).second)
      continue;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
      throw Error("cannot create the output folder '" + dir.string() + "': " + ec.message());
  }

  auto verbosity = st_.common.quiet     ? Verbosity::Quiet
                   : st_.common.verbose ? Verbosity::Verbose
                                        : Verbosity::Normal;
  Progress progress(detect_terminal(), verbosity, plan_.outputs.size(),
                    st_.common.diagnostics_format == "json");
  results_.assign(plan_.outputs.size(), JobResult{});
  std::atomic<std::size_t> current{0};
  std::size_t handed = 0, written = 0, failures = 0;
  Made made;
  bool internal = false, input_failed = false;
  auto label = [&] {
    std::size_t i = std::min(current.load(), plan_.outputs.size() - 1);
    return plan_.outputs.empty() ? std::string() : plan_.outputs[i].path.filename().string();
  };
  // Interruption is handled from here on: outputs and the report are written below.
  InterruptGuard guard;
  {
    OrderedRun run;
    run.count = plan_.outputs.size();
    run.work = [&](std::size_t i) {
      current.store(i);
      render_job(i);
    };
    run.done = [&](std::size_t i) {
      const auto& r = results_[i];
      const auto& out = plan_.outputs[i];
      // The loading diagnostics were printed above; print only what rendering added.
      Diagnostics own;
      const auto& all = r.diags.all();
      for (std::size_t k = loaded_[out.input].diags.all().size(); k < all.size(); ++k)
        own.report(all[k]);
      progress.clear_bar();
      print_diagnostics(own, st_.common);
      progress.finished({out.path.string(), out.format, r.ok, r.pages, r.bytes, r.time_ms,
                         r.diags.error_count(), r.diags.warning_count(), r.cached});
      ++handed;
      if (r.ok) {
        ++written;
        (out.format == "pdf" ? made.pdf_pages : made.epub_documents) += r.pages;
        made.bytes += r.bytes;
        made.cached += r.cached ? 1 : 0;
      } else {
        ++failures;
      }
      internal = internal || r.internal_error;
      input_failed = input_failed || !r.ok;
      progress.update(handed, ms_since(started_), label());
    };
    // An EPUB that marks its PDF's pages starts once they are known, not to wait on a worker
    // the PDF's own loops could use.
    auto waits_for_pages = [&](std::size_t i) {
      const PlannedOutput& out = plan_.outputs[i];
      return out.format == "epub" && out.article < 0 && loaded_[out.input].edition != nullptr;
    };
    // An article's own output waits while its issue PDF lays the articles out, which then has
    // every worker: in a rebuild its changed articles are the slowest part. They start beside
    // the issue's joining and writing, which take one worker.
    std::vector<bool> issue_pdf(loaded_.size(), false);
    for (const PlannedOutput& out : plan_.outputs)
      if (out.format == "pdf" && out.article < 0)
        issue_pdf[out.input] = true;
    auto waits_for_layout = [&](std::size_t i) {
      const PlannedOutput& out = plan_.outputs[i];
      return out.article >= 0 && issue_pdf[out.input];
    };
    run.held = [&](std::size_t i) { return waits_for_pages(i) || waits_for_layout(i); };
    for (std::size_t i = 0; i < plan_.outputs.size(); ++i)
      if (waits_for_pages(i))
        loaded_[plan_.outputs[i].input].edition->when_published([&run, i] { run.release(i); });
    start_articles_.assign(loaded_.size(), nullptr);
    for (std::size_t in = 0; in < loaded_.size(); ++in)
      if (issue_pdf[in])
        start_articles_[in] = [this, &run, &waits_for_layout, in] {
          // Released items start ahead of the others, the last one released first.
          for (std::size_t i = plan_.outputs.size(); i-- > 0;)
            if (plan_.outputs[i].input == in && waits_for_layout(i))
              run.release(i);
        };
    run.on_tick = [&] { progress.update(handed, ms_since(started_), label()); };
    progress.update(0, 0, label());
    run_ordered(run);
    start_articles_.clear(); // each was taken by its issue's job; they name this block's locals
  }
  progress.summary(written, failures, made, ms_since(started_));
  if (cache_)
    keep_for_next_build();
  if (!st_.report.empty()) {
    Diagnostics late;
    if (!guard_.safe_to_write(st_.report, late)) {
      print_diagnostics(late, st_.common);
      return kUsageError;
    }
    write_output(st_.report, report_text(results_));
  }
  if (!st_.depfile.empty()) {
    Diagnostics late;
    if (!guard_.safe_to_write(st_.depfile, late)) {
      print_diagnostics(late, st_.common);
      return kUsageError;
    }
    write_depfile();
  }
  if (internal)
    return kInternalError;
  return input_failed ? kInputError : kOk;
}

void add_build_command(CLI::App& app, int& exit_code) {
  auto st = std::make_shared<BuildState>();
  auto* cmd = app.add_subcommand(
      "build", "make every format of every input (articles or issue manifests), in parallel");
  cmd->add_option("inputs", st->inputs, "articles (.md, .xml) and issue manifests (.yaml)")
      ->required();
  cmd->add_option("-f,--format", st->formats, "formats, comma-separated: pdf, epub")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("-o,--output-dir", st->out_dir, "folder for the outputs (created if missing)")
      ->required();
  // More threads than this would only wait for the cores and for memory.
  cmd->add_option("-j,--jobs", st->jobs, "threads: outputs, and an issue PDF's articles, made in parallel (default, or 0: number of cores)")
      ->check(whole_number(0, 1024));
  cmd->add_option("--name", st->name, "output name pattern; keys {issue} {slug} {stem} {ext} {n}")
      ->capture_default_str();
  cmd->add_flag("--single", st->single, "also one PDF per article of each issue");
  cmd->add_option(
      "--shard", st->shard,
      "make only shard i of n (i/n) of the outputs, for splitting across machines; auto or "
      "auto/N: the shard of this CI job (GitLab, Buildkite, CircleCI, Kubernetes)");
  cmd->add_option("--report", st->report, "write a JSON summary of the outputs to this file");
  cmd->add_option("--cache", st->cache,
                  "reuse outputs whose inputs, style, fonts and options are unchanged, kept in "
                  "this folder (default: .galley-cache beside the first input)")
      ->expected(0, 1);
  cmd->add_option("--depfile", st->depfile,
                  "write a Make/Ninja depfile: the outputs, and every file they were made from");
  cmd->add_flag("--verify", st->verify, "render every output twice and fail if the bytes differ");
  cmd->add_flag("--no-page-list", st->no_page_list,
                "with pdf and epub: do not mark the PDF's pages in the EPUB (page-list)");
  add_render_options(*cmd, st->common);
  add_pdf_options(*cmd, st->common);
  add_output_options(*cmd, st->common);
  cmd->callback([st, &exit_code] {
    auto build = std::make_shared<Build>(*st);
    exit_code = build->run();
    keep_until_exit(std::move(build));
  });
}

} // namespace galley::cli
