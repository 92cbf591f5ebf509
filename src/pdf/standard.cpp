#include "galley/pdf_standard.hpp"

#include <algorithm>

namespace galley {

std::optional<PdfStandard> parse_pdf_standard(std::string_view list, std::string& error) {
  PdfStandard s{PdfStandard::Archive::None, false};
  if (list == "none")
    return s;
  std::size_t from = 0;
  while (from <= list.size()) {
    const std::size_t comma = std::min(list.find(',', from), list.size());
    const std::string_view name = list.substr(from, comma - from);
    const bool archive = name == "a-2b" || name == "a-2u";
    if (archive && s.archive != PdfStandard::Archive::None) {
      error = "names two levels of PDF/A";
      return std::nullopt;
    }
    if (name == "a-2b")
      s.archive = PdfStandard::Archive::A2b;
    else if (name == "a-2u")
      s.archive = PdfStandard::Archive::A2u;
    else if (name == "ua-1")
      s.ua = true;
    else {
      error = "expects none, or a-2b, a-2u, ua-1 joined by commas, got '" + std::string(name) + "'";
      return std::nullopt;
    }
    from = comma + 1;
  }
  return s;
}

} // namespace galley
