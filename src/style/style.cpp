#include "style/style.hpp"

namespace galley::style {

Style default_style() { return Style{}; }

std::filesystem::path bundled_styles_dir() {
  std::error_code ec;
  std::filesystem::path source = GALLEY_SOURCE_STYLES_DIR;
  if (std::filesystem::is_directory(source, ec)) return source;
  return GALLEY_INSTALL_STYLES_DIR;
}

Style load_style(const std::string&, Diagnostics&) { return default_style(); }

} // namespace galley::style
