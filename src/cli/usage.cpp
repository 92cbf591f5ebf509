#include "cli/usage.hpp"

#include "galley/diagnostics.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

namespace galley::cli {

namespace {

std::vector<std::string> long_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options())
    for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
  return names;
}

/// The command `word` was probably meant to be: the closest by edits, or one with two
/// neighbouring letters swapped ("pfd"), which counts as two edits for a short word.
std::string closest_command(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  std::string guess = closest_match(word, names);
  for (std::size_t i = 0; guess.empty() && i + 1 < word.size(); ++i) {
    std::string swapped = word;
    std::swap(swapped[i], swapped[i + 1]);
    for (const std::string& n : names)
      if (n == swapped) guess = n;
  }
  return guess;
}

/// The subcommand the arguments chose, or nullptr.
const CLI::App* chosen(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i)
    for (const CLI::App* sub : app.get_subcommands({}))
      if (sub->get_name() == argv[i]) return sub;
  return nullptr;
}

/// Why `--name` is wrong for `sub`: the option it probably meant, or the subcommands that have
/// it; "" when nothing is known about it.
std::string about_option(const CLI::App& app, const CLI::App& sub, const std::string& name) {
  const std::string guess = closest_match(name, long_names(sub));
  if (!guess.empty()) return "did you mean '" + guess + "'?";
  std::string owners;
  for (const CLI::App* other : app.get_subcommands({})) {
    if (other == &sub) continue;
    for (const std::string& n : long_names(*other))
      if (n == name) owners += std::string(owners.empty() ? "" : " and ") + "'galley " + other->get_name() + "'";
  }
  return owners.empty() ? std::string()
                        : "'" + name + "' is an option of " + owners + ", not of 'galley " +
                              sub.get_name() + "'";
}

} // namespace

void add_help_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("help", "show the help of galley or of one of its commands");
  auto command = std::make_shared<std::string>();
  cmd->add_option("command", *command, "the command whose options to show");
  cmd->callback([&app, &exit_code, command] {
    if (command->empty()) {
      // app.help() would show the help of the command in use, `help` itself.
      const std::string text =
          app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      std::fputs(text.c_str(), stdout);
      return;
    }
    for (const CLI::App* sub : app.get_subcommands({}))
      if (sub->get_name() == *command) {
        std::fputs(sub->help().c_str(), stdout);
        return;
      }
    const std::string guess = closest_command(app, *command);
    print_problems({{Severity::Error,
                     {},
                     "no command '" + *command + "'",
                     guess.empty() ? "" : "did you mean '" + guess + "'?"},
                    {Severity::Note, {}, "run 'galley --help' for the commands", ""}},
                   false);
    exit_code = 2;
  });
}

std::vector<Diagnostic> usage_problems(const CLI::App& app, const CLI::ParseError& error, int argc,
                                       const char* const* argv) {
  std::vector<Diagnostic> out;
  const CLI::App* sub = chosen(app, argc, argv);
  if (sub == nullptr) {
    // No command yet: a mistyped one ("galley pfd") gets the closest.
    std::string guess;
    if (argc > 1 && argv[1][0] != '-') guess = closest_command(app, argv[1]);
    if (guess.empty())
      out.push_back({Severity::Error, {}, error.what(), ""});
    else
      out.push_back({Severity::Error,
                     {},
                     "no command '" + std::string(argv[1]) + "'",
                     "did you mean '" + guess + "'?"});
    out.push_back({Severity::Note, {}, "run 'galley --help' for usage", ""});
    return out;
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 3 || arg.substr(0, 2) != "--") continue;
    const std::string name(arg.substr(0, arg.find('=')));
    if (sub->get_option_no_throw(name) != nullptr || name == "--help") continue;
    out.push_back({Severity::Error,
                   {},
                   "unknown option '" + name + "' for 'galley " + sub->get_name() + "'",
                   about_option(app, *sub, name)});
  }
  if (out.empty())
    out.push_back({Severity::Error, {}, error.what(), ""});
  out.push_back(
      {Severity::Note, {}, "run 'galley " + sub->get_name() + " --help' for its options", ""});
  return out;
}

bool wants_json(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--")
      break;
    if (arg == "--diagnostics=json" ||
        (arg == "--diagnostics" && i + 1 < argc && std::string_view(argv[i + 1]) == "json"))
      return true;
  }
  return false;
}

void print_problems(const std::vector<Diagnostic>& problems, bool json) {
  for (const Diagnostic& d : problems) {
    std::string line;
    if (json)
      line = format_json(d);
    else if (d.severity == Severity::Note)
      line = d.message;
    else
      line = "galley: " + std::string(severity_name(d.severity)) + ": " + d.message +
             (d.hint.empty() ? "" : "; " + d.hint);
    line += '\n';
    std::fputs(line.c_str(), stderr);
  }
}

} // namespace galley::cli
