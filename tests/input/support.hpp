#pragma once
// Helpers for the input tests: scratch folders, diagnostic queries and a location-free dump of
// the model used to compare articles.
#include "input/load.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace galley::test {

/// A scratch folder removed when the test ends; fixture images are copied into images/.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `content` to `name` (sub-folders are created) and returns the full path.
  std::filesystem::path write(const std::string& name, std::string_view content) const;
  const std::filesystem::path& path() const { return dir_; }

private:
  std::filesystem::path dir_;
};

/// Every diagnostic as `format_text` prints it, one a line (for failure messages).
std::string dump(const Diagnostics& diags);

/// True when some diagnostic has this severity, contains `text`, and (if line > 0) this line.
bool has(const Diagnostics& diags, Severity s, std::string_view text, int line = 0);

/// The model as indented text without source locations or file paths: two articles that
/// dump to the same text have the same content.
std::string dump(const model::Article& article);

/// Loads the sample article `tests/e2e/data/<folder>/<name>` (NITF, JATS), which must load
/// without a single diagnostic.
model::Article load_sample(const std::string& folder, const std::string& name);

/// Loads Markdown `content` written to `name` in `dir`.
std::optional<model::Article> load_text(const TempDir& dir, const std::string& name,
                                        std::string_view content, Diagnostics& diags,
                                        const input::LoadOptions& options = {});

/// The text of every paragraph, heading, cell and caption under `blocks`, a line each.
std::string all_text(const model::Blocks& blocks);

} // namespace galley::test
