#include "input/inline_lines.hpp"

namespace galley::input {

std::vector<model::Inlines> lines_of(const model::Inlines& content) {
  std::vector<model::Inlines> lines(1);
  for (const auto& in : content) {
    if (std::holds_alternative<model::SoftBreak>(in.value))
      lines.emplace_back();
    else
      lines.back().push_back(in);
  }
  return lines;
}

} // namespace galley::input
