#pragma once
// Outputs never destroy sources (docs/limits.md, "Outputs never destroy sources"). Every file a
// run writes (-o, each output of `galley build`, --report) is claimed here first, and refused
// when it would replace a file the run read (an input, an article a manifest lists, an image, a
// style, a font: compared by device and inode, so links and other names do not get past it),
// another output of the same run, or something that is not a file: a device or a folder.
// A FIFO and standard output ("-") are written into, never replaced.
#include "galley/diagnostics.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::cli {

class OutputGuard {
public:
  /// Claims `path` as an output of this run. On refusal, an error located at `path` goes to
  /// `diags` and the result is false. `inputs` are the paths named on the command line; they
  /// are protected before anything is read.
  bool claim(const std::filesystem::path& path, const std::vector<std::string>& inputs,
             Diagnostics& diags);

  /// Right before writing: false (and an error) when `path` now names a file the run has read
  /// since it was claimed (styles, images and fonts are read while rendering).
  bool safe_to_write(const std::filesystem::path& path, Diagnostics& diags) const;

private:
  /// Where an output lands: the identity of its folder and its name there, so that two names
  /// of one place (a link, "..", a relative path) compare equal before the file exists.
  using Place = std::pair<FileId, std::string>;
  /// An input as outputs are checked against it.
  struct Input {
    std::vector<FileId> ids; ///< of the file and of the link, sorted
    std::filesystem::path spelled;
  };
  /// A path with its links resolved as far as it exists, and the identity of its folder.
  struct Spelled {
    std::filesystem::path path;
    std::optional<FileId> folder;
  };
  /// `path` spelled so (`is_link`: the name is a link, resolved whole); its folder's resolved
  /// once for all the outputs in it (a hundred article PDFs share one), each a dozen system
  /// calls.
  Spelled spelling(const std::filesystem::path& path, bool is_link);
  /// The error safe_to_write gives.
  static void refuse_read(const std::filesystem::path& path, Diagnostics& diags);
  std::set<Place> claimed_;
  bool stdout_claimed_ = false;
  std::map<std::string, Input> inputs_;
  std::map<std::filesystem::path, Spelled> folders_;
};

/// Writes an output: "-" to standard output, otherwise through write_file_atomic (which fills
/// a FIFO and replaces anything else atomically).
void write_output(const std::filesystem::path& path, std::string_view bytes);

/// True when `path` is a file holding exactly `bytes` (read directly, not as a source): an
/// output the cache gives is then left alone, so its time stamp says when it last changed.
bool holds(const std::filesystem::path& path, std::string_view bytes);

/// A Make/Ninja depfile: `targets` depend on `deps`, one per line, with the characters that
/// would end or change a name (space, '#', '\', '$') escaped as both tools read them.
std::string depfile_text(const std::vector<std::filesystem::path>& targets,
                         const std::vector<std::filesystem::path>& deps);

} // namespace galley::cli
