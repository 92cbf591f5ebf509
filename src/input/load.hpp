#pragma once
// The input stage: Markdown (YAML or TOML front matter), galley's XML article format, NITF and
// JATS articles, and issue manifests, loaded into model::Issue with every problem reported as a
// diagnostic with file:line:col. docs/input.md describes the formats, the aliases and the lints.
#include "galley/diagnostics.hpp"
#include "galley/limits.hpp"
#include "galley/model.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::input {

/// Articles of a manifest read before and kept (the build cache's, export/article_cache.hpp): an
/// article whose files all hold what they held is taken from here rather than read again. It
/// keeps which images decoded whole too: an article that changed is read again, and decoding
/// every pixel of its pictures to check them was a third of reading it.
class ArticleMemo {
public:
  virtual ~ArticleMemo() = default;
  struct Kept {
    model::Article article;
    std::vector<std::filesystem::path> read; ///< every file reading it read
    /// model::fingerprint(article) when the memo kept it (find), so that the layout cache's
    /// key does not walk the article again; empty otherwise.
    std::string fingerprint;
    /// The files the memo's owner keys the article's outputs by, as it kept them with the
    /// article (find), for the same reason; empty otherwise.
    std::vector<std::filesystem::path> files;
    /// The article's blocks as model::encode_blocks wrote them, when find was asked to leave
    /// them out of `article` (whose blocks are then empty); empty when `article` is whole.
    std::string blocks;
  };
  /// Where an article is read from: its file, what diagnostics call it, and the folder of its
  /// manifest (pictures may come from there).
  struct Place {
    std::filesystem::path path;
    std::string display;
    std::filesystem::path root;
  };
  /// The article read from `place` with these options, if every file it read then holds the
  /// same bytes now: whole, or with its blocks left encoded in Kept::blocks unless `whole`.
  /// Called from several threads at once.
  [[nodiscard]] virtual std::optional<Kept> find(const Place& place, bool whole) const = 0;
  /// Keeps an article read without a single diagnostic. Called from several threads at once.
  virtual void keep(const Place& place, const Kept& kept) const = 0;
  /// Whether an image of the bytes whose SHA-256 is `sha256` (lowercase hex) decoded whole
  /// in an earlier read (validate_image, util/image_decode.hpp). Called from several threads.
  [[nodiscard]] virtual bool sound_image(const std::string& sha256) const = 0;
  /// Keeps that the image of those bytes decoded whole. Called from several threads.
  virtual void keep_sound_image(const std::string& sha256) const = 0;
};

struct LoadOptions {
  std::vector<std::filesystem::path> allowed_roots; ///< extra roots for images (--allow-path)
  /// Folders a site-root image path (`/images/x.png`) is looked up in, in order
  /// (--resource-path); each is also a root.
  std::vector<std::filesystem::path> resource_paths;
  /// Input past a limit is an error, not a crash; images are checked from the file header
  /// before anything decodes them.
  Limits limits;
  /// How many threads may read the articles of a manifest at once (on the process's pool); the
  /// issue does not depend on it.
  unsigned threads = 1;
  /// Where a manifest's articles read before are kept; none: every article is read.
  const ArticleMemo* memo = nullptr;
  /// With a memo, for a caller that asks for the KeptArticle list: an article taken from the
  /// memo comes without its blocks, which KeptArticle::blocks holds encoded. For a caller
  /// whose caches seldom need them (the galley program's build, which decodes them where
  /// one does: render::RenderOptions::article_blocks).
  bool defer_blocks = false;
  /// Called once with a manifest's own fields (its articles not read yet), just before its
  /// articles are read: for a caller that starts what depends on those fields alone beside the
  /// reading (the galley program resolves the issue's style there). Not called for articles
  /// given without a manifest.
  std::function<void(const model::Issue& fields)> on_fields;
};

/// The path that names standard input: `galley pdf -` reads a Markdown article from it.
inline constexpr const char* kStdinPath = "-";
/// The source name diagnostics show for an article read from standard input.
inline constexpr const char* kStdinName = "<stdin>";

/// Loads one article, read by the reader its extension and content choose (readers.hpp).
/// Returns nullopt only when the file cannot be read or is not text; otherwise the article,
/// with every problem in `diags` (the caller refuses to write output when it has errors).
std::optional<model::Article> load_article(const std::filesystem::path& path,
                                           const LoadOptions& options, Diagnostics& diags);

/// Loads one article from memory: `name` is what diagnostics call it and its extension picks
/// the reader as a file's would ("story.md"); relative image paths start from `base_dir`,
/// which is also the first folder they may come from. nullopt as for load_article.
std::optional<model::Article> load_article_bytes(std::string_view bytes, const std::string& name,
                                                 const std::filesystem::path& base_dir,
                                                 const LoadOptions& options, Diagnostics& diags);

/// What the memo kept with an article of a manifest besides its model (ArticleMemo::Kept): its
/// fingerprint and files, both empty for an article read, and its blocks encoded when they were
/// left out of the model (LoadOptions::defer_blocks).
struct KeptArticle {
  std::string fingerprint;
  std::vector<std::filesystem::path> files;
  std::string blocks;
};

/// Loads an issue manifest (.yaml/.yml, or .json) and all its articles, in the order listed.
/// Articles that cannot be loaded are left out (with an error). `kept`, when given, gets one
/// KeptArticle per article of the issue.
std::optional<model::Issue> load_manifest(const std::filesystem::path& path,
                                          const LoadOptions& options, Diagnostics& diags,
                                          std::vector<KeptArticle>* kept = nullptr);

/// True when `p` names an issue manifest rather than an article: a .yaml or .yml extension, in
/// any case, or a .json file whose object has an `articles` key. The one place that decides what
/// kind of input a path is; load_inputs() and the command line's build plan both ask it.
bool is_manifest_path(const std::filesystem::path& p);

/// What the CLI calls: one manifest -> that issue; one article -> an Issue with
/// single_article = true, metadata from the article; several articles -> an ad-hoc issue whose
/// metadata comes from the first article. nullopt when nothing usable could be loaded.
/// `kept` as load_manifest fills it, for a manifest; left empty otherwise.
std::optional<model::Issue> load_inputs(const std::vector<std::filesystem::path>& paths,
                                        const LoadOptions& options, Diagnostics& diags,
                                        std::vector<KeptArticle>* kept = nullptr);

/// The issue of loose articles (at least one), as load_inputs makes it: one article is an
/// article book with its metadata; several are a collection named after the first.
model::Issue issue_of_articles(std::vector<model::Article> articles);

} // namespace galley::input
