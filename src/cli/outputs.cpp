#include "cli/outputs.hpp"

#include "galley/error.hpp"
#include "util/cache_store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace galley::cli {

namespace fs = std::filesystem;

namespace {

bool is_stdout(const fs::path& p) { return p == "-"; }

/// What kind of thing a file of `mode` is, when it is something an output may not replace.
std::optional<std::string> refused_kind(mode_t mode) {
  if (S_ISREG(mode) || S_ISFIFO(mode))
    return std::nullopt;
  if (S_ISDIR(mode))
    return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  return "not a regular file";
}

/// The identities of the file `path` names and of the link itself, those there are.
std::vector<FileId> ids_of(const fs::path& path) {
  std::vector<FileId> ids;
  for (bool follow : {true, false})
    if (auto id = file_id(path, follow))
      ids.push_back(*id);
  return ids;
}

/// True when one of `mine` is one of `sorted_ids`.
bool any_in(const std::vector<FileId>& mine, const std::vector<FileId>& sorted_ids) {
  for (const FileId& id : mine)
    if (std::binary_search(sorted_ids.begin(), sorted_ids.end(), id))
      return true;
  return false;
}

/// `p` with its links resolved as far as it exists, the rest normalised by name.
fs::path canonical_spelling(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? absolute_normal(p) : c;
}

std::vector<FileId> sorted(std::vector<FileId> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

} // namespace

bool OutputGuard::claim(const fs::path& path, const std::vector<std::string>& inputs,
                        Diagnostics& diags) {
  const std::string shown = path.string();
  if (is_stdout(path)) {
    if (stdout_claimed_) {
      diags.error({shown}, "two outputs of this run would both go to standard output");
      return false;
    }
    stdout_claimed_ = true;
    return true;
  }
  // One look at what the name reaches and one at the name itself answer every question below
  // (a hundred articles' outputs are claimed before anything is rendered).
  struct stat target {};
  struct stat name {};
  const bool exists = ::stat(path.c_str(), &target) == 0;
  const bool named = ::lstat(path.c_str(), &name) == 0;
  if (auto kind = exists ? refused_kind(target.st_mode) : std::nullopt) {
    diags.error({shown}, "cannot write the output there: it is " + *kind +
                             " (galley writes files, FIFOs and standard output, '-')");
    return false;
  }
  std::vector<FileId> ids; // of the file the name reaches and of the link itself
  if (exists)
    ids.push_back(file_id_of(target));
  if (named)
    ids.push_back(file_id_of(name));
  const Spelled spelled = spelling(path, named && S_ISLNK(name.st_mode));
  // Each output against each input: a thousand articles built at once are a million pairs.
  for (const auto& in : inputs) {
    auto [known, added] = inputs_.try_emplace(in);
    Input& input = known->second;
    if (added) {
      input.ids = sorted(ids_of(in));
      input.spelled = canonical_spelling(in);
    }
    // By name too: "sub/../a.md" names a.md even where no folder "sub" exists to stat through.
    if (any_in(ids, input.ids) || input.spelled == spelled.path) {
      diags.error({shown}, "output would overwrite the input '" + in + "'");
      return false;
    }
  }
  if (any_read(ids)) {
    refuse_read(path, diags);
    return false;
  }
  // The place: the folder as it resolves now, links and all, and the name in it.
  const fs::path& target_path = spelled.path;
  Place place{spelled.folder.value_or(FileId{}),
              spelled.folder ? target_path.filename().string() : target_path.string()};
  if (!claimed_.insert(std::move(place)).second) {
    diags.error({shown}, "two outputs of this run would be written to the same file");
    return false;
  }
  return true;
}

OutputGuard::Spelled OutputGuard::spelling(const fs::path& path, bool is_link) {
  const fs::path absolute = fs::absolute(path);
  const fs::path name = absolute.filename();
  // A link, or a name that is not a plain one ("." or ".."), is resolved whole.
  if (name.empty() || name == "." || name == ".." || is_link) {
    fs::path whole = canonical_spelling(absolute);
    std::optional<FileId> folder = file_id(whole.parent_path());
    return {std::move(whole), folder};
  }
  auto [folder, added] = folders_.try_emplace(absolute.parent_path());
  if (added) {
    folder->second.path = canonical_spelling(absolute.parent_path());
    folder->second.folder = file_id(folder->second.path);
  }
  return {folder->second.path / name, folder->second.folder};
}

bool OutputGuard::safe_to_write(const fs::path& path, Diagnostics& diags) const {
  if (is_stdout(path) || !any_read(ids_of(path)))
    return true;
  refuse_read(path, diags);
  return false;
}

void OutputGuard::refuse_read(const fs::path& path, Diagnostics& diags) {
  diags.error({path.string()}, "output would overwrite a file this run reads (an article, image, "
                               "style or font); choose another output name");
}

void write_output(const fs::path& path, std::string_view bytes) {
  if (!is_stdout(path)) return write_file_atomic(path, bytes);
  if (!write_all(STDOUT_FILENO, bytes))
    throw Error(std::string("cannot write to standard output: ") + std::strerror(errno));
}

bool holds(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) != bytes.size() || ec)
    return false;
  std::optional<std::string> have = read_unrecorded(path);
  return have && *have == bytes;
}

namespace {

std::string depfile_name(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\')
      out += '\\';
    if (c == '$')
      out += '$';
    out += c;
  }
  return out;
}

} // namespace

std::string depfile_text(const std::vector<std::filesystem::path>& targets,
                         const std::vector<std::filesystem::path>& deps) {
  std::string text;
  for (const auto& t : targets)
    text += (text.empty() ? "" : " ") + depfile_name(t.string());
  text += ":";
  for (const auto& d : deps)
    text += " \\\n  " + depfile_name(d.string());
  return text + "\n";
}

} // namespace galley::cli
