#include "galley/render.hpp"
#include "export/article_cache.hpp"
#include "export/issue_entry.hpp"
#include "export/layout_cache.hpp"
#include "export/resource_cache.hpp"
#include "export/warm_up.hpp"

#include "epub/memo.hpp"
#include "epub/writer.hpp"
#include "galley/error.hpp"
#include "input/images.hpp"
#include "input/load.hpp"
#include "layout/layout.hpp"
#include "model/fingerprint.hpp"
#include "model/walk.hpp"
#include "pdf/content_key.hpp"
#include "pdf/writer.hpp"
#include "style/loader.hpp"
#include "text/engine.hpp"
#include "text/hyphenate.hpp"
#include "util/dates.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>

namespace galley::render {

namespace fs = std::filesystem;

std::string_view format_extension(Format f) { return f == Format::Pdf ? "pdf" : "epub"; }

namespace {

input::LoadOptions load_options_of(const RenderOptions& options) {
  input::LoadOptions load_options;
  load_options.allowed_roots = options.allowed_roots;
  load_options.resource_paths = options.resource_paths;
  load_options.limits = options.limits;
  load_options.threads = options.threads;
  return load_options;
}

} // namespace

std::optional<model::Issue> load_kept(const std::vector<std::filesystem::path>& inputs,
                                      const RenderOptions& options, Diagnostics& diags,
                                      std::vector<input::KeptArticle>* kept, bool defer_blocks,
                                      std::function<void(const model::Issue&)> on_fields) {
  input::LoadOptions load_options = load_options_of(options);
  load_options.defer_blocks = defer_blocks;
  load_options.on_fields = std::move(on_fields);
  std::optional<ArticleCache> memo;
  if (!options.cache_dir.empty() && options.resource_paths.empty()) {
    memo.emplace(options);
    load_options.memo = &*memo;
  }
  return input::load_inputs(inputs, load_options, diags, kept);
}

std::optional<model::Issue> load(const std::vector<std::filesystem::path>& inputs,
                                 const RenderOptions& options, Diagnostics& diags,
                                 std::vector<std::string>* fingerprints) {
  std::vector<input::KeptArticle> kept;
  std::optional<model::Issue> issue = load_kept(inputs, options, diags, &kept);
  if (fingerprints) {
    fingerprints->clear();
    for (input::KeptArticle& k : kept)
      fingerprints->push_back(std::move(k.fingerprint));
  }
  return issue;
}

std::optional<model::Issue> load_texts(const std::vector<ArticleText>& articles,
                                       const RenderOptions& options, Diagnostics& diags) {
  const input::LoadOptions load_options = load_options_of(options);
  if (articles.empty()) {
    diags.error({}, "no articles");
    return std::nullopt;
  }
  std::vector<model::Article> loaded;
  for (const ArticleText& a : articles)
    if (auto article = input::load_article_bytes(a.bytes, a.name, a.base_dir, load_options, diags))
      loaded.push_back(std::move(*article));
  if (loaded.empty())
    return std::nullopt;
  return input::issue_of_articles(std::move(loaded));
}

style::Style resolve_style(const model::Issue& issue, const RenderOptions& options,
                           Diagnostics& diags) {
  std::string name = options.style;
  if (name.empty() && !issue.style.empty()) {
    name = issue.style;
    // A manifest's style path is relative to the manifest, not to the working folder.
    bool is_path = name.find('/') != std::string::npos || name.ends_with(".yaml") ||
                   name.ends_with(".yml");
    if (is_path && !issue.source_path.empty()) {
      fs::path dir = absolute_normal(issue.source_path).parent_path();
      fs::path path = absolute_normal(dir / name); // an absolute `name` replaces `dir`
      std::vector<fs::path> roots{dir};
      for (const auto& r : options.allowed_roots) roots.push_back(absolute_normal(r));
      bool by_link = false;
      if (!input::inside_roots(path, roots, by_link)) {
        std::string why = by_link ? "links to a file outside the allowed folders"
                          : fs::path(issue.style).is_absolute()
                              ? "is an absolute path outside the manifest's folder"
                              : "leaves the manifest's folder";
        diags.error(issue.loc,
                    "style '" + issue.style + "' " + why,
                    "move the style next to the manifest, or allow its folder with --allow-path");
        return style::Style{};
      }
      // Checked by name above; read beneath the roots, so a swap since cannot lead outside.
      confine_reads(path, roots);
      if (fs::path(name).is_relative())
        name = (fs::path(issue.source_path).parent_path() / name).string();
    }
  }
  if (name.empty()) name = "dispatch";
  // What the style extends stays within the input's folder, the style's own and --allow-path.
  std::vector<fs::path> roots;
  if (!issue.source_path.empty()) roots.push_back(absolute_normal(issue.source_path).parent_path());
  for (const auto& r : options.allowed_roots) roots.push_back(r);
  return style::load_style_within(name, roots, diags);
}

namespace {
std::int64_t epoch_of(const model::Date& d) {
  using namespace std::chrono;
  year_month_day ymd{year{d.year}, month{unsigned(d.month > 0 ? d.month : 1)},
                     day{unsigned(d.day > 0 ? d.day : 1)}};
  if (!ymd.ok()) return 0;
  return duration_cast<seconds>(sys_days{ymd}.time_since_epoch()).count();
}
} // namespace

std::int64_t output_epoch(const model::Issue& issue, const RenderOptions& options) {
  if (options.source_date_epoch) return *options.source_date_epoch;
  if (issue.date) return epoch_of(*issue.date);
  for (const auto& a : issue.articles)
    if (a.meta.date) return epoch_of(*a.meta.date);
  return 0;
}

namespace {

/// The font options of both outputs: the PDF's text engines and the EPUB's embedding resolve
/// the style's families with the same font service on the same files.
text::EngineOptions engine_options_for(const style::Style& style, const RenderOptions& options) {
  text::EngineOptions eo;
  eo.font_dirs = {text::bundled_fonts_dir()};
  for (const auto& face : style.fonts.faces)
    eo.extra_faces.push_back({face.family, face.weight, face.italic, face.path});
  eo.fallback = style.fonts.fallback;
  eo.use_fontconfig = options.system_fonts;
  return eo;
}

/// The issue's articles whole. One whose blocks the loader left encoded
/// (RenderOptions::article_blocks) is decoded the first time it is asked for and kept to the
/// end of the render: a rebuild after one article changed asks for none of the others, whose
/// pages and EPUB documents come from the cache folder. Each article is asked for by one thread
/// at a time.
class WholeArticles {
public:
  WholeArticles(const model::Issue& issue, const RenderOptions& options)
      : issue_(issue), blocks_(options.article_blocks), decoded_(issue.articles.size()) {}
  WholeArticles(const WholeArticles&) = delete;
  WholeArticles& operator=(const WholeArticles&) = delete;
  ~WholeArticles() { dispose_later(std::make_unique<decltype(decoded_)>(std::move(decoded_))); }

  [[nodiscard]] bool deferred(std::size_t i) const {
    return i < blocks_.size() && !blocks_[i].empty();
  }

  const model::Article& operator()(std::size_t i) {
    if (!deferred(i))
      return issue_.articles[i];
    if (!decoded_[i]) {
      // The entry's seal covered these bytes when it was read: a record that does not decode
      // was written by another model, which its magic would have refused.
      std::optional<model::Blocks> blocks = model::decode_blocks(blocks_[i]);
      if (!blocks)
        throw Error("the cache folder's copy of '" + issue_.articles[i].source_path +
                    "' does not read back; remove the cache folder");
      auto whole = std::make_unique<model::Article>(issue_.articles[i]);
      whole->blocks = std::move(*blocks);
      decoded_[i] = std::move(whole);
    }
    return *decoded_[i];
  }

private:
  const model::Issue& issue_;
  const std::vector<std::string_view>& blocks_;
  std::vector<std::unique_ptr<model::Article>> decoded_;
};

/// Lays out every article of `issue`, up to `threads` at a time. Each article starts on a new
/// page and join_articles() numbers the pages afterwards (docs/architecture.md, "Threads"), so
/// articles are independent: a worker takes the next one with its own engine. Fonts are
/// remapped by file when joining, so which engine set an article never shows in the output.
/// Each article reports to its own sink; the sinks are merged in article order, and a warning
/// an engine gives once per process (a missing glyph) is kept once whatever the thread count.
/// With a cache, an article kept there is taken with what it reported, and one laid out is
/// kept.
///
/// `alongside` is one more item of the same loop, run by whichever thread comes to it: the
/// articles read anew for this build (those without a fingerprint from the article cache, whose
/// pages the layout cache will not have either) come first, then `alongside`, then the others.
/// A rebuild after one article changed lays that one out on one thread while the other prepares
/// the joining and reads the others' pages back: queued behind the loop, the preparation was
/// left to the end of it now and then, and everything after waited for it on one thread.
std::vector<layout::ArticlePages> lay_out_articles(const model::Issue& issue, WholeArticles& whole,
                                                   const style::Style& style,
                                                   const text::EngineOptions& engine_options,
                                                   const RenderOptions& options, Diagnostics& diags,
                                                   const std::function<void()>& alongside) {
  std::size_t n = issue.articles.size();
  std::vector<layout::ArticlePages> pages(n);
  std::vector<Diagnostics> sinks(n);
  std::vector<std::optional<text::Engine>> engines(worker_count(n + 1, options.threads));
  std::optional<LayoutCache> cache;
  if (!options.cache_dir.empty())
    cache.emplace(issue, style, options);
  // The loop's items in the order they are taken; n stands for `alongside`.
  const std::vector<std::string>& fingerprints = options.article_fingerprints;
  auto kept = [&](std::size_t i) { return i < fingerprints.size() && !fingerprints[i].empty(); };
  std::vector<std::size_t> order;
  order.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i)
    if (!kept(i))
      order.push_back(i);
  order.push_back(n);
  for (std::size_t i = 0; i < n; ++i)
    if (kept(i))
      order.push_back(i);
  parallel_for(n + 1, options.threads, [&](std::size_t k, unsigned worker) {
    const std::size_t i = order[k];
    if (i == n) {
      alongside();
      return;
    }
    std::string key;
    if (cache) {
      key = cache->key(i);
      layout::LaidOutArticle kept;
      switch (cache->find(key, i, kept)) {
      case LayoutCache::Found::Hit:
        pages[i] = std::move(kept.pages);
        for (auto& d : kept.diagnostics)
          sinks[i].report(std::move(d));
        return;
      case LayoutCache::Found::Damaged:
        sinks[i].note({issue.articles[i].source_path},
                      "the cache entry " + key + " of its pages is damaged; laying it out again");
        break;
      case LayoutCache::Found::Miss:
        break;
      }
    }
    auto& engine = engines[worker];
    if (!engine)
      engine.emplace(engine_options);
    Diagnostics own;
    pages[i] =
        layout::layout_article(issue, i, whole(i), style, *engine, own, options.limits.max_pages);
    if (cache && !own.has_errors())
      cache->store(key, {pages[i], own.all(), {}});
    sinks[i].merge(own);
  });
  // The engines' faces and shaping plans are freed by a free worker, not by this thread, which
  // the joining waits for.
  dispose_later(std::make_unique<decltype(engines)>(std::move(engines)));
  std::set<std::string> seen;
  for (const auto& sink : sinks)
    for (const auto& d : sink.all())
      if (seen.insert(format_text(d)).second) diags.report(d);
  return pages;
}

/// Files of the pictures a PDF of `issue` may draw (covers, portraits, figures), each once, to
/// be prepared while the articles are laid out. Those of an article without its blocks are
/// left to the writer, which prepares what a page draws and was not prepared before.
std::vector<std::string> picture_files(const model::Issue& issue, const WholeArticles& whole) {
  std::vector<std::string> out;
  auto add = [&](const model::ImageRef& r) {
    if (!r.remote && !r.path.empty() && std::find(out.begin(), out.end(), r.path) == out.end())
      out.push_back(r.path);
  };
  if (issue.cover) add(issue.cover->image);
  // Inline images are set as their alt text in the PDF: only the others are drawn.
  for (std::size_t i = 0; i < issue.articles.size(); ++i)
    if (!whole.deferred(i))
      model::for_each_picture(issue.articles[i], [&](const model::ImageRef& r, bool in_text) {
        if (!in_text)
          add(r);
      });
  return out;
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

/// The languages the issue's text is set in, each once, in order of first use.
std::vector<std::string> languages_of(const model::Issue& issue) {
  std::vector<std::string> out;
  auto add = [&](const std::string& l) {
    if (!l.empty() && std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
  };
  for (const auto& a : issue.articles) add(a.meta.language);
  add(issue.language);
  return out;
}

} // namespace

Task warm_up(Format format, const RenderOptions& options) {
  if (options.threads <= 1 || format != Format::Pdf) return {};
  // Errors are left for the engines that need the fonts, which report them.
  return Task([] {
    try {
      text::prefetch_fonts();
    } catch (...) {
    }
  });
}

std::optional<Rendered> render(const model::Issue& issue, const style::Style& style, Format format,
                               const RenderOptions& options, Diagnostics& diags) {
  std::int64_t epoch = output_epoch(issue, options);
  // Input dates are checked when read; SOURCE_DATE_EPOCH is the one way to a date no output
  // can record (util/dates.hpp).
  if (epoch < kFirstRecordableEpoch || epoch > kLastRecordableEpoch) {
    diags.error({"SOURCE_DATE_EPOCH"}, std::to_string(epoch) +
                                           " seconds is outside the dates an EPUB or a PDF can "
                                           "record (the years 1 to 9999)");
    return std::nullopt;
  }
  if (format == Format::Epub) {
    epub::EpubOptions eo;
    eo.date_epoch = epoch;
    eo.embed_fonts = options.embed_fonts || style.epub.embed_fonts;
    eo.fonts = engine_options_for(style, options);
    eo.print_pages = options.print_pages;
    eo.threads = options.threads;
    eo.article_fingerprints = options.article_fingerprints;
    eo.style_text = options.style_text;
    WholeArticles whole(issue, options);
    if (!options.article_blocks.empty())
      eo.whole = [&](std::size_t i) -> const model::Article& { return whole(i); };
    Diagnostics local;
    // What the issue's last build deflated and highlighted (export/issue_entry.hpp).
    std::optional<IssueEntry> kept;
    epub::EpubMemo memo;
    if (!options.cache_dir.empty() && !issue.single_article) {
      kept.emplace("EPUB documents", issue, options, Format::Epub);
      kept->load([&](std::string_view bytes) { return epub::read_memo_record(bytes, memo); },
                 local);
      eo.memo = &memo;
    }
    std::vector<std::string> fonts;
    std::string bytes = epub::write_epub(issue, style, eo, local, &fonts);
    diags.merge(local);
    if (local.has_errors()) return std::nullopt;
    if (kept)
      kept->write(epub::memo_record(memo));
    int docs = static_cast<int>(issue.articles.size());
    return Rendered{std::move(bytes), docs, {}, sorted_unique(std::move(fonts))};
  }

  text::EngineOptions engine_options = engine_options_for(style, options);
  layout::LayoutOptions lo;
  lo.date_epoch = epoch;
  lo.limits = options.limits;
  Diagnostics local;
  pdf::WriteOptions wo;
  wo.limits = options.limits;
  wo.threads = options.threads;
  wo.standard = options.pdf_standard;
  // While the articles are laid out, one of the layout's threads loads the hyphenation
  // dictionaries they will ask for, sets up the engine that joins them, sets the cover and
  // contents with it (from the model: they do not depend on the articles' pages, only their
  // page numbers do) and prepares the pictures the PDF may draw: with one article the second
  // core would otherwise idle. None of it changes what the layout or the writer computes, only
  // when it is ready.
  std::unique_ptr<text::Engine> join_engine;
  pdf::PreparedImages pictures;
  // An issue's content streams as its last build made them (export/issue_entry.hpp).
  std::optional<IssueEntry> kept_streams;
  if (!options.cache_dir.empty() && !issue.single_article)
    kept_streams.emplace("page streams", issue, options, Format::Pdf);
  pdf::StreamMemo streams;
  Diagnostics stream_notes;
  // Pictures and fonts as an earlier write of this or another PDF prepared them.
  std::optional<ResourceCache> resources;
  if (!options.cache_dir.empty()) {
    resources.emplace(options);
    wo.kept = &resources->kept();
  }
  std::optional<layout::FrontMatter> front;
  Diagnostics front_notes;
  WholeArticles whole(issue, options);
  auto prepare = [&] {
    if (style.text.hyphenate) text::preload_dictionaries(languages_of(issue));
    join_engine = std::make_unique<text::Engine>(engine_options);
    if (!issue.single_article)
      front = layout::set_front_matter(issue, style, *join_engine, front_notes);
    pictures = pdf::prepare_images(picture_files(issue, whole), wo);
    if (kept_streams)
      kept_streams->load(
          [&](std::string_view bytes) { return pdf::read_memo_record(bytes, streams); },
          stream_notes);
  };
  std::vector<layout::ArticlePages> articles =
      lay_out_articles(issue, whole, style, engine_options, options, local, prepare);
  if (options.on_laid_out)
    options.on_laid_out();
  local.merge(front_notes);
  layout::Document doc = layout::join_articles(issue, std::move(articles), style, *join_engine, lo,
                                               local, std::move(front));
  if (local.has_errors()) {
    diags.merge(local);
    return std::nullopt;
  }
  std::vector<model::PrintPage> print_pages;
  for (const layout::PageStart& s : doc.page_starts)
    print_pages.push_back(model::PrintPage{doc.pages[static_cast<std::size_t>(s.page)].label,
                                           s.article, s.at.block, s.at.word});
  if (options.on_print_pages)
    options.on_print_pages(print_pages);
  wo.prepared = &pictures;
  if (kept_streams) {
    wo.streams = &streams;
    wo.on_streams_kept = [&](const pdf::StreamMemo& made) {
      kept_streams->write(pdf::memo_record(made));
    };
  }
  local.merge(stream_notes);
  std::string bytes = pdf::write_pdf(doc, local, wo);
  diags.merge(local);
  if (local.has_errors())
    return std::nullopt;
  std::vector<std::string> fonts;
  for (const layout::FontResource& f : doc.fonts)
    fonts.push_back(f.path);
  const int pages = static_cast<int>(doc.pages.size());
  dispose_later(std::make_unique<layout::Document>(std::move(doc)));
  dispose_later(std::move(join_engine));
  return Rendered{std::move(bytes), pages, std::move(print_pages), sorted_unique(std::move(fonts))};
}

} // namespace galley::render
