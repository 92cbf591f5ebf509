// galley: structured articles to a paginated PDF and an EPUB 3.
// The command line only parses options, calls the library and maps the result to an exit code.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/usage.hpp"

#include "galley/error.hpp"

#include <csignal>
#include <cstdio>
#include <exception>

#ifndef GALLEY_VERSION
#define GALLEY_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace galley::cli;
  // An output written into a FIFO or a pipe whose reader went away is an error to report
  // (EPIPE, exit 3), not a reason to die silently.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"galley: typeset articles and issues as a paginated PDF and an EPUB 3", "galley"};
  app.set_version_flag("--version", "galley " GALLEY_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  int exit_code = kOk;
  add_check_command(app, exit_code);
  add_convert_commands(app, exit_code);
  add_build_command(app, exit_code);
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
    std::fputs(usage_message(app, e, argc, argv).c_str(), stderr);
    return kUsageError;
  } catch (const galley::Error& e) {
    std::fprintf(stderr, "galley: error: %s\n", e.what());
    return kInternalError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "galley: internal error: %s\n", e.what());
    return kInternalError;
  }
  return exit_code;
}
