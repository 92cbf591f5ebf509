#pragma once
// What the command line says when it is used wrongly, and `galley help`: a mistyped option gets
// the subcommand's closest one, an option of another subcommand says which has it, and every
// message points at the help of the subcommand in use.
#include <CLI/CLI.hpp>

#include <string>

namespace galley::cli {

/// Adds `galley help [COMMAND]`, which prints the help of galley or of one subcommand.
void add_help_command(CLI::App& app, int& exit_code);

/// The lines to print for a parse error of `app` given `argv`: the error, with a did-you-mean
/// or the subcommand that has a misplaced option, then where the usage is.
std::string usage_message(const CLI::App& app, const CLI::ParseError& error, int argc,
                          const char* const* argv);

} // namespace galley::cli
