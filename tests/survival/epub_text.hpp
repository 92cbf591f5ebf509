#pragma once
// The text of an EPUB as a reader sees it, for the text-survival comparisons: every content
// document of the spine in spine order, tags removed, entities decoded.
#include <filesystem>
#include <string>

namespace survival {

/// Block elements separate words; phrase elements (H<sub>2</sub>O) do not; a note marker is a
/// word of its own.
std::string epub_text(const std::filesystem::path& epub);

} // namespace survival
