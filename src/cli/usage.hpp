#pragma once
// What the command line says when it is used wrongly, and `galley help`: a mistyped option gets
// the subcommand's closest one, an option of another subcommand says which has it, and every
// message points at the help of the subcommand in use.
#include "galley/diagnostics.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace galley::cli {

/// Adds `galley help [COMMAND]`, which prints the help of galley or of one subcommand.
void add_help_command(CLI::App& app, int& exit_code);

/// What went wrong with the arguments: one error per problem (an unknown option with the
/// subcommand's closest as its hint, or the subcommands that have it), and a note that says
/// where the usage is.
std::vector<Diagnostic> usage_problems(const CLI::App& app, const CLI::ParseError& error, int argc,
                                       const char* const* argv);

/// Whether the arguments ask for JSON diagnostics (`--diagnostics json` or `=json`), looked up
/// before they are parsed, so that a usage error or a failure is JSON too.
bool wants_json(int argc, const char* const* argv);

/// Prints problems that belong to no input file (usage, I/O, internal): as JSON lines, or as
/// `galley: error: message; hint` and, for a note, the note's text alone.
void print_problems(const std::vector<Diagnostic>& problems, bool json);

} // namespace galley::cli
