#pragma once
// The work list of `galley build`: which outputs to make, in which order, under which names.
// Pure functions of the command line and the loaded inputs, so that every run (whatever -j, on
// whichever machine of a sharded CI) agrees on the list.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::cli {

/// What the name pattern and the plan need to know about one input.
struct InputInfo {
  std::string path;      ///< as given on the command line
  bool manifest = false; ///< an issue manifest (its articles may get --single outputs)
  std::string slug;      ///< the article's slug; for a manifest, its file stem
  struct Article {
    std::string stem; ///< the article file's stem
    std::string slug;
  };
  std::vector<Article> articles; ///< a manifest's articles, in issue order
};

/// The values of the name pattern's keys for one output.
struct NameFields {
  std::string issue; ///< the manifest's stem; for an article given alone, its own stem
  std::string slug;
  std::string stem;
  std::string ext;
  std::string n; ///< 1-based position, zero-padded (see plan_outputs)
};

inline constexpr std::string_view kDefaultNamePattern = "{stem}.{ext}";

/// A parsed --name pattern: literal text and {key} placeholders.
class NamePattern {
public:
  /// The default pattern, kDefaultNamePattern.
  NamePattern();

  /// Parses `text`; on failure returns nullopt and sets `error` (an unknown key, with a hint,
  /// or an unbalanced brace).
  static std::optional<NamePattern> parse(std::string_view text, std::string& error);

  /// The pattern with every key replaced. Field values never introduce a folder: '/' and '\'
  /// in them become '-'.
  [[nodiscard]] std::string expand(const NameFields& fields) const;

private:
  struct Empty {};
  explicit NamePattern(Empty) {}
  enum class PartKind { Literal, Issue, Slug, Stem, Ext, N };
  struct Part {
    PartKind kind = PartKind::Literal;
    std::string text;
  };
  std::vector<Part> parts_;
};

/// --shard i/n: this run makes the units whose 0-based position k has k % n == i - 1.
struct Shard {
  int index = 1; ///< 1-based
  int count = 1;
};

/// Parses "i/n" with 1 <= i <= n; nullopt when malformed.
std::optional<Shard> parse_shard(std::string_view text);

/// "pdf,epub" -> {"pdf", "epub"}, deduplicated and in the canonical order pdf, epub; nullopt
/// when a name is unknown or the list is empty (`error` says which).
std::optional<std::vector<std::string>> parse_formats(const std::vector<std::string>& items,
                                                      std::string& error);

/// One output of the build.
struct PlannedOutput {
  std::size_t input = 0; ///< index into the inputs
  int article = -1;      ///< for a --single output: the article's index in the issue
  std::string format;    ///< "pdf" or "epub"
  std::filesystem::path path;
  std::size_t unit = 0; ///< the shard unit it belongs to (an input, or one --single article)
};

struct PlanOptions {
  std::vector<std::string> formats; ///< from parse_formats
  std::filesystem::path out_dir;
  NamePattern pattern;
  bool single = false; ///< also one PDF per article of each manifest
  Shard shard;
};

struct Plan {
  std::vector<PlannedOutput> outputs; ///< the work list, in its fixed order
  std::size_t units = 0;              ///< units before sharding
  std::vector<std::string> errors;    ///< usage problems: name clashes, names leaving out_dir
};

/// The work list. Units are, in order: each input (all its formats), then, with --single, each
/// article of a manifest input (its PDF). Within a unit, formats follow `formats`. {n} is the
/// input's position on the command line, or the article's position in its issue, padded to
/// at least two digits. Only units of the requested shard are kept; every name is checked
/// against every other output of the whole build, so shards never clash either.
Plan plan_outputs(const std::vector<InputInfo>& inputs, const PlanOptions& options);

} // namespace galley::cli
