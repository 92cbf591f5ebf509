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

/// What kind of thing `path` names, when it is something an output may not replace.
std::optional<std::string> not_a_file(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt; // nothing there yet
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)) return std::nullopt;
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
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

/// True when `path` (the file it names, or the link itself) is one of `ids`, sorted.
bool names_one_of(const fs::path& path, const std::vector<FileId>& ids) {
  return any_in(ids_of(path), ids);
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
  if (auto kind = not_a_file(path)) {
    diags.error({shown}, "cannot write the output there: it is " + *kind +
                             " (galley writes files, FIFOs and standard output, '-')");
    return false;
  }
  const fs::path spelled = spelling(path);
  // Each output against each input: a thousand articles built at once are a million pairs.
  const std::vector<FileId> ids = ids_of(path);
  for (const auto& in : inputs) {
    auto [known, added] = inputs_.try_emplace(in);
    Input& input = known->second;
    if (added) {
      input.ids = sorted(ids_of(in));
      input.spelled = canonical_spelling(in);
    }
    // By name too: "sub/../a.md" names a.md even where no folder "sub" exists to stat through.
    if (any_in(ids, input.ids) || input.spelled == spelled) {
      diags.error({shown}, "output would overwrite the input '" + in + "'");
      return false;
    }
  }
  if (!safe_to_write(path, diags)) return false;
  // The place: the folder as it resolves now, links and all, and the name in it.
  const fs::path& target = spelled;
  std::optional<FileId> dir = file_id(target.parent_path());
  Place place{dir.value_or(FileId{}), dir ? target.filename().string() : target.string()};
  if (!claimed_.insert(std::move(place)).second) {
    diags.error({shown}, "two outputs of this run would be written to the same file");
    return false;
  }
  return true;
}

fs::path OutputGuard::spelling(const fs::path& path) {
  const fs::path absolute = fs::absolute(path);
  const fs::path name = absolute.filename();
  struct stat st {};
  // A link, or a name that is not a plain one ("." or ".."), is resolved whole.
  if (name.empty() || name == "." || name == ".." ||
      (::lstat(absolute.c_str(), &st) == 0 && S_ISLNK(st.st_mode)))
    return canonical_spelling(absolute);
  auto [folder, added] = folders_.try_emplace(absolute.parent_path());
  if (added)
    folder->second = canonical_spelling(absolute.parent_path());
  return folder->second / name;
}

bool OutputGuard::safe_to_write(const fs::path& path, Diagnostics& diags) const {
  if (is_stdout(path) || !names_one_of(path, files_read())) return true;
  diags.error({path.string()}, "output would overwrite a file this run reads (an article, image, "
                               "style or font); choose another output name");
  return false;
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
