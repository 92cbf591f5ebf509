// `galley watch INPUT... -o DIR [options of galley build]`: builds like `galley build`, then
// again whenever a file the build read changes, printing one line per build.
//
// Each build runs in a child process (fork, then the `build` subcommand in it), for three
// reasons: every build starts from a clean process, as `galley build` does, so caches of fonts
// or pictures never hold a file that changed since; the child tells which files it read
// (util/read_log.hpp) through a pipe; and a SIGINT or SIGTERM reaches a build in flight
// through its own InterruptGuard (cli/build_signals.hpp), which removes its temporary files,
// while this process stays the one that decides its exit status (0: stopping is how a watch
// ends).
//
// Changes are seen with inotify(7) on the folders of the files read, not on the files: an
// editor that saves by writing a new file and renaming it over the old one (vim, most IDEs)
// replaces the inode a file watch would hold, while the folder sees the rename.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage.hpp"

#include "galley/error.hpp"
#include "util/files.hpp"
#include "util/read_log.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <memory>
#include <poll.h>
#include <set>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace galley::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// Quiet time after the last change before building: an editor's save is several events
/// (write, close, rename, attributes), and saving many files at once is many saves.
constexpr int kDebounceMs = 100;

/// The inputs among the arguments of `galley build`: what is not an option nor an option's
/// value, as the build subcommand's own options tell (so that -o DIR or --report FILE is not
/// taken for an input). Watched from the start, so that an input missing at first is built
/// once it appears.
std::vector<std::string> inputs_among(const std::vector<std::string>& args) {
  CLI::App probe;
  int unused = 0;
  add_build_command(probe, unused);
  const CLI::App* build = probe.get_subcommand("build");
  std::vector<std::string> inputs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      inputs.insert(inputs.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      inputs.push_back(a);
      continue;
    }
    const bool is_long = a.starts_with("--");
    std::string name = is_long ? a.substr(0, a.find('=')) : a.substr(0, 2);
    const CLI::Option* opt = build->get_option_no_throw(name);
    const bool value_attached = is_long ? a.find('=') != std::string::npos : a.size() > 2;
    if (opt && opt->get_type_size_max() > 0 && !value_attached)
      ++i;
  }
  return inputs;
}

/// What one build printed and how it ended.
struct BuildOutcome {
  int status = 0;                      ///< the build's exit code; 128 + signal when killed
  std::vector<std::string> written;    ///< output paths, in the work list's order
  std::vector<Diagnostic> diagnostics; ///< errors and warnings, in the order printed
  std::vector<fs::path> read;          ///< the files it read
  bool stopped = false;                ///< a signal asked this process to stop meanwhile
};

/// The lines of a build's `--diagnostics json` log (one object per line).
void take_log_line(const std::string& line, BuildOutcome& out) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (!j.is_object() || !j.contains("severity") || !j.contains("message"))
    return;
  Diagnostic d;
  std::string severity = j.value("severity", "");
  d.message = j.value("message", "");
  d.hint = j.value("hint", "");
  d.loc.file = j.value("file", "");
  d.loc.line = j.value("line", 0);
  d.loc.column = j.value("column", 0);
  if (severity == "note") {
    // "wrote out/post.pdf: 3 pages, 42.0 kB, 310 ms"
    if (d.message.starts_with("wrote ") && d.loc.file.empty())
      out.written.push_back(d.message.substr(6, d.message.rfind(": ") - 6));
    return;
  }
  d.severity = severity == "error" ? Severity::Error : Severity::Warning;
  out.diagnostics.push_back(std::move(d));
}

class Watch {
public:
  Watch(const CommonOptions& common, std::vector<std::string> args)
      : common_(common), args_(std::move(args)) {}
  ~Watch() {
    for (int fd : {inotify_, signals_})
      if (fd >= 0)
        ::close(fd);
    if (masked_)
      ::sigprocmask(SIG_SETMASK, &previous_, nullptr);
  }
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;

  int run();

private:
  BuildOutcome build();
  [[noreturn]] void run_child(int log_fd, int paths_fd);
  /// Watches exactly `files`: the folders of files no longer among them are let go.
  void watch_only(const std::vector<fs::path>& files);
  void report(const BuildOutcome& outcome, const std::string& cause, std::int64_t ms);
  /// Waits for a change of a watched file, then for kDebounceMs of quiet; the names changed,
  /// or nullopt when a signal asked to stop.
  std::optional<std::set<std::string>> wait_for_change();
  /// Reads the pending inotify events; the names of watched files among them.
  void read_events(std::set<std::string>& changed);

  const CommonOptions& common_;
  std::vector<std::string> args_;
  int inotify_ = -1;
  int signals_ = -1;
  sigset_t previous_{};
  bool masked_ = false;
  std::map<int, fs::path> folders_;                 ///< watch descriptor -> folder
  std::map<fs::path, std::set<std::string>> names_; ///< folder -> names the last build read
};

void Watch::watch_only(const std::vector<fs::path>& files) {
  std::map<fs::path, std::set<std::string>> wanted;
  for (const fs::path& file : files)
    if (!file.filename().empty())
      wanted[file.parent_path()].insert(file.filename().string());
  std::set<fs::path> watched;
  for (auto it = folders_.begin(); it != folders_.end();) {
    if (wanted.count(it->second) == 0) {
      ::inotify_rm_watch(inotify_, it->first);
      it = folders_.erase(it);
    } else {
      watched.insert(it->second);
      ++it;
    }
  }
  for (const auto& [folder, names] : wanted) {
    if (watched.count(folder) != 0)
      continue;
    // Writes, renames into or out of the folder, creation and removal: every way an editor or
    // a tool can change what a file's name holds.
    int wd = ::inotify_add_watch(inotify_, folder.c_str(),
                                 IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM |
                                     IN_CREATE | IN_DELETE | IN_ATTRIB | IN_ONLYDIR);
    if (wd >= 0)
      folders_[wd] = folder;
  }
  names_ = std::move(wanted);
}

void Watch::read_events(std::set<std::string>& changed) {
  alignas(inotify_event) char buf[16384];
  for (;;) {
    ssize_t n = ::read(inotify_, buf, sizeof buf);
    if (n <= 0)
      return;
    for (char* p = buf; p < buf + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      auto folder = folders_.find(e->wd);
      if (folder == folders_.end() || e->len == 0)
        continue;
      std::string name = e->name;
      // Only the files read: the outputs, their temporary files and an editor's swap files
      // land in the same folders.
      if (names_[folder->second].count(name) != 0)
        changed.insert(name);
    }
  }
}

std::optional<std::set<std::string>> Watch::wait_for_change() {
  std::set<std::string> changed;
  for (;;) {
    pollfd fds[2] = {{signals_, POLLIN, 0}, {inotify_, POLLIN, 0}};
    int ready = ::poll(fds, 2, changed.empty() ? -1 : kDebounceMs);
    if (ready < 0 && errno == EINTR)
      continue;
    if (fds[0].revents & POLLIN) {
      // Taken, so that restoring the signal mask on the way out does not deliver it.
      signalfd_siginfo info{};
      [[maybe_unused]] auto n = ::read(signals_, &info, sizeof info);
      return std::nullopt;
    }
    if (ready == 0)
      return changed;
    read_events(changed);
  }
}

void Watch::run_child(int log_fd, int paths_fd) {
  // A child of fork: only this thread exists; the descriptors and the signal mask of the watch
  // are not the build's.
  ::close(inotify_);
  ::close(signals_);
  ::sigprocmask(SIG_SETMASK, &previous_, nullptr);
  ::dup2(log_fd, STDERR_FILENO);
  ::close(log_fd);
  std::vector<std::string> argv_text = {"galley", "build"};
  argv_text.insert(argv_text.end(), args_.begin(), args_.end());
  if (common_.strict)
    argv_text.push_back("--strict");
  argv_text.insert(argv_text.end(), {"--diagnostics", "json"});
  std::vector<const char*> argv;
  for (const auto& a : argv_text)
    argv.push_back(a.c_str());
  int code = kOk;
  CLI::App app{"galley", "galley"};
  add_build_command(app, code);
  app.require_subcommand(1);
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    print_problems(usage_problems(app, e, static_cast<int>(argv.size()), argv.data()), true);
    code = kUsageError;
  } catch (const std::exception& e) {
    print_problems({{Severity::Error, {}, e.what(), ""}}, true);
    code = kInternalError;
  }
  std::string paths;
  for (const auto& p : read_paths())
    paths += p.string() + '\0';
  write_all(paths_fd, paths);
  std::fflush(stdout);
  std::fflush(stderr);
  ::_exit(code);
}

BuildOutcome Watch::build() {
  BuildOutcome out;
  int log[2], paths[2];
  if (::pipe2(log, O_CLOEXEC) != 0 || ::pipe2(paths, O_CLOEXEC) != 0)
    throw Error("cannot start a build: no pipe");
  std::fflush(stderr);
  pid_t child = ::fork();
  if (child < 0)
    throw Error("cannot start a build: fork failed");
  if (child == 0) {
    ::close(log[0]);
    ::close(paths[0]);
    run_child(log[1], paths[1]);
  }
  ::close(log[1]);
  ::close(paths[1]);
  std::string log_text, paths_text;
  pollfd fds[3] = {{log[0], POLLIN, 0}, {paths[0], POLLIN, 0}, {signals_, POLLIN, 0}};
  int open = 2;
  while (open > 0) {
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (fds[2].revents & POLLIN) {
      // Stop: the build removes its temporary files and ends (cli/build_signals.hpp).
      signalfd_siginfo info{};
      if (::read(signals_, &info, sizeof info) > 0)
        ::kill(child, SIGTERM);
      out.stopped = true;
      fds[2].fd = -1;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP)))
        continue;
      char buf[8192];
      ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
      if (n > 0) {
        (k == 0 ? log_text : paths_text).append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[k].fd);
        fds[k].fd = -1;
        --open;
      }
    }
  }
  int raw = 0;
  while (::waitpid(child, &raw, 0) < 0 && errno == EINTR) {
  }
  out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  for (std::size_t at = 0; at < log_text.size();) {
    std::size_t end = log_text.find('\n', at);
    if (end == std::string::npos)
      end = log_text.size();
    take_log_line(log_text.substr(at, end - at), out);
    at = end + 1;
  }
  for (std::size_t at = 0; at < paths_text.size();) {
    std::size_t end = paths_text.find('\0', at);
    if (end == std::string::npos)
      break;
    out.read.emplace_back(paths_text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

void Watch::report(const BuildOutcome& outcome, const std::string& cause, std::int64_t ms) {
  if (outcome.status == kOk) {
    if (common_.quiet)
      return;
    std::string line = (cause.empty() ? "" : cause + " changed: ") + "wrote ";
    for (std::size_t i = 0; i < outcome.written.size(); ++i)
      line += (i == 0 ? "" : ", ") + outcome.written[i];
    std::size_t warnings = outcome.diagnostics.size();
    if (warnings > 0)
      line += " (" + std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") + ")";
    line += " in " + std::to_string(ms) + " ms";
    print_message(line, common_);
    return;
  }
  // The first error (or, under --strict, warning) is the one to fix first; the build wrote
  // nothing for the inputs with errors, so their previous outputs stay.
  Diagnostic first{
      Severity::Error, {}, "the build failed (exit " + std::to_string(outcome.status) + ")", ""};
  for (const auto& d : outcome.diagnostics)
    if (d.severity == Severity::Error || common_.strict) {
      first = d;
      break;
    }
  first.message += "; kept the last good output";
  std::string line = common_.diagnostics_format == "json" ? format_json(first) : format_text(first);
  std::fputs((line + "\n").c_str(), stderr);
  std::fflush(stderr);
}

int Watch::run() {
  // The stop signals are taken from a signalfd, here and while a build runs, never by a
  // handler; a child restores the mask before building.
  sigset_t stop;
  sigemptyset(&stop);
  for (int sig : {SIGINT, SIGTERM, SIGHUP})
    sigaddset(&stop, sig);
  ::sigprocmask(SIG_BLOCK, &stop, &previous_);
  masked_ = true;
  signals_ = ::signalfd(-1, &stop, SFD_CLOEXEC);
  inotify_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (signals_ < 0 || inotify_ < 0)
    throw Error("cannot watch files: inotify or signalfd unavailable");
  std::vector<fs::path> inputs;
  for (const auto& input : inputs_among(args_))
    inputs.push_back(absolute_normal(input));
  watch_only(inputs);

  std::string cause;
  for (bool first = true;; first = false) {
    auto start = Clock::now();
    BuildOutcome outcome = build();
    if (outcome.stopped)
      return kOk;
    // What this build read, and the inputs whatever it read: a file an edit made the inputs
    // stop using no longer starts a build.
    std::vector<fs::path> files = inputs;
    files.insert(files.end(), outcome.read.begin(), outcome.read.end());
    watch_only(files);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    if (first && outcome.status == kUsageError) {
      // Bad options: say why, as `galley build` would, and do not start watching.
      Diagnostics usage;
      for (const auto& d : outcome.diagnostics)
        usage.report(d);
      print_diagnostics(usage, common_);
      return kUsageError;
    }
    report(outcome, cause, ms);
    auto changed = wait_for_change();
    if (!changed)
      return kOk;
    cause.clear();
    for (const auto& name : *changed)
      cause += (cause.empty() ? "" : ", ") + name;
  }
}

} // namespace

void add_watch_command(CLI::App& app, int& exit_code) {
  auto common = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand(
      "watch", "build like galley build (INPUT... -o DIR and its options), then again on every "
               "change of a file the build read");
  cmd->allow_extras();
  cmd->footer("INPUT... -o DIR and every option of galley build (--format, --name, --single, -j, "
              "--style, ...) go to each build. Stop with Ctrl-C or SIGTERM (exit 0).");
  add_output_options(*cmd, *common);
  cmd->callback([common, cmd, &exit_code] {
    Watch watch(*common, cmd->remaining());
    exit_code = watch.run();
  });
}

} // namespace galley::cli
