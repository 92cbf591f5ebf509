#include "galley_runner.hpp"

#include "util/hash.hpp"

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace galley::test {

namespace {

const char* galley_bin() {
  const char* bin = std::getenv("GALLEY_BIN");
  return bin != nullptr ? bin : "galley";
}

pid_t start(const std::vector<std::string>& args,
            const std::vector<std::pair<std::string, std::string>>& env, int out_fd) {
  std::vector<std::string> argv_storage{galley_bin()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  pid_t pid = ::fork();
  if (pid != 0)
    return pid;
  for (const auto& [k, v] : env)
    v.empty() ? ::unsetenv(k.c_str()) : ::setenv(k.c_str(), v.c_str(), 1);
  if (out_fd >= 0) {
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(out_fd, STDERR_FILENO);
    ::close(out_fd);
  }
  std::vector<char*> argv;
  for (auto& a : argv_storage)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  std::_Exit(127);
}

int status_of(int raw) {
  if (WIFEXITED(raw))
    return WEXITSTATUS(raw);
  if (WIFSIGNALED(raw))
    return 128 + WTERMSIG(raw);
  return -1;
}

/// A small RFC 8259 recogniser: enough to prove a report parses, and to count its parts.
class JsonChecker {
public:
  JsonChecker(const std::string& s, JsonCounts& c) : s_(s), c_(c) {}
  bool document() {
    if (!value())
      return false;
    space();
    return i_ == s_.size();
  }

private:
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
      ++i_;
  }
  bool literal(const char* word) {
    std::string w(word);
    if (s_.compare(i_, w.size(), w) != 0)
      return false;
    i_ += w.size();
    return true;
  }
  bool string() {
    if (s_[i_] != '"')
      return false;
    for (++i_; i_ < s_.size(); ++i_) {
      unsigned char ch = static_cast<unsigned char>(s_[i_]);
      if (ch == '"') {
        ++i_;
        return true;
      }
      if (ch < 0x20)
        return false;
      if (ch == '\\') {
        ++i_;
        if (i_ >= s_.size())
          return false;
        if (s_[i_] == 'u') {
          for (int k = 0; k < 4; ++k)
            if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
              return false;
        } else if (std::string("\"\\/bfnrt").find(s_[i_]) == std::string::npos) {
          return false;
        }
      }
    }
    return false;
  }
  bool number() {
    std::size_t start = i_;
    if (s_[i_] == '-')
      ++i_;
    auto digits = [&] {
      std::size_t d = i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
        ++i_;
      return i_ > d;
    };
    if (!digits())
      return false;
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits()))
      return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-'))
        ++i_;
      if (!digits())
        return false;
    }
    return i_ > start;
  }
  template <class Item> bool sequence(char close, Item item) {
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] == close)
      return ++i_, true;
    for (;;) {
      if (!item())
        return false;
      space();
      if (i_ >= s_.size())
        return false;
      if (s_[i_] == close)
        return ++i_, true;
      if (s_[i_] != ',')
        return false;
      ++i_;
    }
  }
  bool value() {
    space();
    if (i_ >= s_.size())
      return false;
    switch (s_[i_]) {
    case '{':
      ++c_.objects;
      return sequence('}', [&] {
        space();
        if (i_ >= s_.size() || !string())
          return false;
        ++c_.keys;
        space();
        if (i_ >= s_.size() || s_[i_] != ':')
          return false;
        ++i_;
        return value();
      });
    case '[':
      ++c_.arrays;
      return sequence(']', [&] { return value(); });
    case '"':
      return string();
    case 't':
      return literal("true");
    case 'f':
      return literal("false");
    case 'n':
      return literal("null");
    default:
      return number();
    }
  }
  const std::string& s_;
  JsonCounts& c_;
  std::size_t i_ = 0;
};

} // namespace

RunResult run_galley(const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env) {
  int fds[2];
  if (::pipe(fds) != 0)
    return {};
  pid_t pid = start(args, env, fds[1]);
  ::close(fds[1]);
  RunResult r;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0)
      r.output.append(buf, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR)
      continue;
    else
      break;
  }
  ::close(fds[0]);
  int raw = 0;
  ::waitpid(pid, &raw, 0);
  r.status = status_of(raw);
  return r;
}

pid_t spawn_galley(const std::vector<std::string>& args,
                   const std::vector<std::pair<std::string, std::string>>& env) {
  return start(args, env, -1);
}

pid_t spawn_galley_logged(const std::vector<std::string>& args,
                          const std::vector<std::pair<std::string, std::string>>& env,
                          const std::filesystem::path& log) {
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return -1;
  pid_t pid = start(args, env, fd);
  ::close(fd);
  return pid;
}

int open_when_held(const std::filesystem::path& fifo, pid_t child) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0)
      return fd;
    if (errno != ENXIO)
      return -1;
    int status = 0;
    if (::waitpid(child, &status, WNOHANG) == child)
      return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return -1;
}

bool check_json(const std::string& text, JsonCounts& counts) {
  return JsonChecker(text, counts).document();
}

int count_of(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::string sha256_of(const std::string& bytes) {
  return sha256_hex(bytes);
}

std::string roff_to_plain(const std::string& roff) {
  std::string out;
  for (std::size_t i = 0; i < roff.size(); ++i) {
    if (roff[i] == '\\' && i + 1 < roff.size()) {
      char next = roff[i + 1];
      if (next == '-') {
        out += '-';
        ++i;
        continue;
      }
      if (next == 'f' && i + 2 < roff.size()) {
        i += 2;
        continue;
      }
    }
    out += roff[i];
  }
  return out;
}

std::vector<std::string> options_in_help(const std::string& help) {
  std::vector<std::string> options;
  std::istringstream lines(help);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] != '-')
      continue;
    std::string column = line.substr(start, line.find(' ', start) - start);
    std::istringstream names(column);
    std::string name;
    while (std::getline(names, name, ','))
      if (name.size() > 1 && name[0] == '-')
        options.push_back(name);
  }
  return options;
}

} // namespace galley::test
