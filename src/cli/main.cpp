// galley: structured articles to a paginated PDF and an EPUB 3.
// The command line only parses options, calls the library and maps the result to an exit code.
#include "cli/allocator.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage.hpp"

#include "galley/error.hpp"
#include "galley/version.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace {

/// Ends the process once a command has done its work: every output is written and closed by
/// then, and what a normal exit would still do is tear down what the process keeps for its
/// lifetime (the text engines' faces and hyphenation dictionaries, ICU's caches) object by
/// object, some milliseconds of a rebuild of a 100-article issue, for memory the kernel takes
/// back whole. Under the address sanitizer the exit stays normal, so that its leak check runs.
[[noreturn]] void leave(int code) {
  std::fflush(nullptr);
#ifdef __SANITIZE_ADDRESS__
  std::exit(code);
#else
  std::_Exit(code);
#endif
}

/// One error of no input, for what failed outside them all. Made field by field: GCC 12 takes
/// a braced list of it for a read of an uninitialised string in release builds.
std::vector<galley::Diagnostic> failure(std::string message) {
  galley::Diagnostic d;
  d.message = std::move(message);
  std::vector<galley::Diagnostic> out;
  out.push_back(std::move(d));
  return out;
}

} // namespace

int main(int argc, char** argv) {
  using namespace galley::cli;
  // An output written into a FIFO or a pipe whose reader went away is an error to report
  // (EPIPE, exit 3), not a reason to die silently.
  std::signal(SIGPIPE, SIG_IGN);
  tune_allocator();
  CLI::App app{"galley: typeset articles and issues as a paginated PDF and an EPUB 3", "galley"};
  app.set_version_flag("--version", std::function<std::string()>([] {
                         // The libraries too: a report of a difference between two machines starts
                         // here.
                         std::string text =
                             std::string("galley ") + galley::version() + "\nbuilt with:";
                         for (const galley::LibraryVersion& lib : galley::library_versions())
                           text += "\n  " + lib.name + " " + lib.version;
                         if (std::string allocator = allocator_version(); !allocator.empty())
                           text += "\n  " + allocator;
                         return text;
                       }),
                       "Print galley's version and its libraries' and exit");
  app.require_subcommand(1);
  app.fallthrough(false);
  int exit_code = kOk;
  add_check_command(app, exit_code);
  add_convert_commands(app, exit_code);
  add_build_command(app, exit_code);
  add_report_command(app, exit_code);
  add_cache_command(app, exit_code);
  add_watch_command(app, exit_code);
  add_init_command(app, exit_code);
  add_shape_command(app, exit_code);
  add_styles_command(app, exit_code);
  add_help_command(app, exit_code);
  app.footer("Exit codes: 0 success, 1 input errors, 2 usage error, 3 I/O or internal failure.\n"
             "Diagnostics go to stderr as file:line:col: severity: message.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_problems(usage_problems(app, e, argc, argv), wants_json(argc, argv));
    return kUsageError;
  } catch (const galley::Error& e) {
    print_problems(failure(e.what()), wants_json(argc, argv));
    return kInternalError;
  } catch (const std::exception& e) {
    print_problems(failure(std::string("internal error: ") + e.what()), wants_json(argc, argv));
    return kInternalError;
  }
  leave(exit_code);
}
