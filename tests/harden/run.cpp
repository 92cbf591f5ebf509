#include "run.hpp"

#include "util/files.hpp"

#include <zip.h>
#include <zlib.h>

#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <thread>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace harden {

namespace fs = std::filesystem;

namespace {

fs::path base_dir() {
  return fs::temp_directory_path() / ("galley-harden-" + std::to_string(::getpid()));
}

/// Removes every scratch folder of this process when the tests end.
struct Cleanup {
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(base_dir(), ec);
  }
} cleanup;

void put32(std::string& s, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    s += static_cast<char>((v >> shift) & 0xFF);
}

/// PNG spec 5.3: length, type, data, CRC-32 of type and data.
void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  png += body;
  put32(png, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                              static_cast<uInt>(body.size()))));
}

std::string png(std::uint32_t width, std::uint32_t height, int color_type, const std::string& raw) {
  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr += '\x08';
  ihdr += static_cast<char>(color_type);
  ihdr += std::string(3, '\0');
  chunk(out, "IHDR", ihdr);
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string z(size, '\0');
  compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  z.resize(size);
  chunk(out, "IDAT", z);
  chunk(out, "IEND", "");
  return out;
}

} // namespace

Started start_galley(const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env) {
  const char* bin = std::getenv("GALLEY_BIN");
  std::vector<std::string> argv_s{bin ? bin : "galley"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e)
    env_s.emplace_back(*e);
  for (const auto& [name, value] : env)
    env_s.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_s)
    envp.push_back(e.data());
  envp.push_back(nullptr);

  fs::create_directories(base_dir());
  static int counter = 0;
  Started started;
  started.err = base_dir() / ("stderr-" + std::to_string(counter++));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, started.err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int rc = posix_spawn(&started.pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    started.pid = -1;
  return started;
}

RunResult finish_galley(const Started& started) {
  RunResult r;
  if (started.pid <= 0) {
    r.err = "cannot start galley";
    return r;
  }
  int status = 0;
  struct rusage usage {};
  wait4(started.pid, &status, 0, &usage);
  if (WIFEXITED(status))
    r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    r.signal = WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  r.err = galley::read_file(started.err).value_or("");
  fs::remove(started.err);
  return r;
}

RunResult run_galley(const std::vector<std::string>& args) {
  return finish_galley(start_galley(args, {}));
}

int open_when_held(const fs::path& fifo, pid_t child) {
  if (child <= 0)
    return -1; // never started: nobody will reach the hold point
  for (;;) {
    int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0)
      return fd;
    if (errno != ENXIO)
      return -1;
    // WNOWAIT: an ended child stays to be reaped by finish_galley.
    siginfo_t info {};
    if (::waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == child)
      return -1;
    // The child is starting up and has no reader on the fifo yet; the poll ends as soon as it
    // reaches the hold point, so nothing depends on how long that takes.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

fs::path scratch(const std::string& name) {
  fs::path dir = base_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& content) {
  if (path.has_parent_path())
    fs::create_directories(path.parent_path());
  galley::write_file_atomic(path, content);
}

std::string png_header_only(std::uint32_t width, std::uint32_t height) {
  // One filter byte and three pixels: the data ends long before the declared size.
  return png(width, height, 2, std::string(10, '\0'));
}

std::string png_grey(std::uint32_t width, std::uint32_t height) {
  std::string raw;
  for (std::uint32_t y = 0; y < height; ++y)
    raw += '\0' + std::string(width, '\x80');
  return png(width, height, 0, raw);
}

std::vector<std::string> zip_names(const fs::path& path) {
  std::vector<std::string> names;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z)
    return names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i)
    names.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
  zip_close(z);
  return names;
}

std::string zip_contents(const fs::path& path) {
  std::string all;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z)
    return all;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (!f)
      continue;
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(f, buffer, sizeof buffer)) > 0;)
      all.append(buffer, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_close(z);
  return all;
}

fs::path source_dir() {
  return GALLEY_SOURCE_DIR;
}

} // namespace harden
