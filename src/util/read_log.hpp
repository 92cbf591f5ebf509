#pragma once
// Which files went into a piece of work, by name: for depfiles (`galley build --depfile`) and
// the keys of the build cache. util/files.hpp records every read_file, read_file_beneath and
// note_read here as well as by identity (any_read(), which guards the sources against being
// overwritten).
#include <filesystem>
#include <vector>

namespace galley {

/// Records the absolute normal paths of the files this thread reads while it lives. Logs nest:
/// each live log of the thread sees the read. Loading and style resolution run on the calling
/// thread, so a log around them holds every file an input is made of.
class ReadLog {
public:
  ReadLog();
  ~ReadLog();
  ReadLog(const ReadLog&) = delete;
  ReadLog& operator=(const ReadLog&) = delete;

  /// The paths read so far, sorted, each once.
  [[nodiscard]] std::vector<std::filesystem::path> paths() const;

private:
  friend void log_read(const std::filesystem::path& path);
  std::vector<std::filesystem::path> paths_;
  ReadLog* outer_ = nullptr;
};

/// Records `path` as read by this thread and by the process (read_paths()).
void log_read(const std::filesystem::path& path);

/// Every file the process has read from, on any thread, by absolute normal path (a link also
/// by the file it resolves to now), sorted, each once: what its outputs depend on.
std::vector<std::filesystem::path> read_paths();

} // namespace galley
