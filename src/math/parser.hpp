#pragma once
// The TeX-math parser's state and steps (math/parse.hpp is its interface): lists, scripts and
// arguments in parse.cpp, commands and environments in parse_commands.cpp.
#include "math/tree.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace galley::math::detail {

/// Deeper nesting than this is no formula a person wrote; it would only exhaust the stack.
constexpr int kMaxDepth = 64;

struct Failure {
  ParseError error;
};

/// What ends a list: the end of the source, a `}`, a `]` of an optional argument, or (inside
/// an environment) `&`, `\\` and `\end`; `\right` and `\middle` inside \left.
enum class Stop { End, Brace, Bracket, Cell, Fence };

/// What stopped a list.
enum class Ended { Source, Brace, Bracket, Ampersand, Newline, End, Right, Middle };

class Parser {
public:
  explicit Parser(std::string_view src) : s_(src) {}

  List parse_all();
  /// What \tag gave, "" when none; where in the source it is.
  const std::string& tag() const { return tag_; }
  std::size_t tag_at() const { return tag_at_; }

private:
  [[noreturn]] void fail(std::string message, std::size_t at) {
    throw Failure{ParseError{std::move(message), at}};
  }
  bool at_end() const { return pos_ >= s_.size(); }
  void skip_space();
  /// The name of the command at pos_ (just after its backslash): letters (and a `*` for the
  /// starred forms that exist), or one other character.
  std::string_view command_name();
  Ended parse_list(List& out, Stop stop);
  Ended list_items(List& out, Stop stop);
  /// Digits and decimal points: one number, as TeX sets "3.14" (no space after the point).
  Node number();
  /// One character written as itself, with the class TeX gives it.
  Node character();
  void attach_script(List& out, bool sup, std::size_t at);
  /// `'` is a superscript prime; several make ″ and ‴, and a `^` after them joins the same
  /// superscript (The TeXbook, ch. 16).
  void attach_prime(List& out);
  /// The Scripts node that a script after the last node goes to: the last node made into one,
  /// or an empty base ("{}^2", or a script at the start of a list).
  Node* scripts_of(List& out);
  /// A command's argument: a group in braces, or one token.
  List argument(std::size_t command_at);
  /// The raw text of a braced argument (for \text, \operatorname, \begin), braces balanced.
  std::string raw_argument(std::size_t command_at);
  void skip_optional_length();
  /// A delimiter after \left, \right, \middle or \big.
  std::string delimiter(std::size_t command_at);
  void command(std::string_view name, std::size_t at, List& out);
  Node function(std::string text, bool limits_in_display);
  /// \bigl( and friends: a delimiter at a fixed size; the l, r and m forms are Open, Close and
  /// Rel (The TeXbook, ch. 17), the plain forms Ord.
  std::optional<Node> big(std::string_view name, std::size_t at);
  Node fenced(std::size_t at);
  Node environment(std::size_t at);

  std::string_view s_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Alphabet alphabet_ = Alphabet::Default;
  std::string tag_;
  std::size_t tag_at_ = 0;
};

} // namespace galley::math::detail
