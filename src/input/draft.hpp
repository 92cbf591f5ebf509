#pragma once
// What the Markdown and XML readers hand to the shared finishing pass (finalize.hpp).
#include "input/load.hpp"

#include <string>
#include <vector>

namespace galley::input {

/// A `sources:` entry before it becomes a note.
struct SourceEntry {
  std::string id;
  model::Source source;
  bool plain = false; ///< given as a plain string: `source.title` holds the whole text
  SourceLoc loc;
  int given_number = 0; ///< model::Note::given_number
};

/// A footnote defined in the text but never referenced (the reader drops it and warns).
struct UnusedNote {
  std::string id;
  SourceLoc loc;
};

/// Where an article sits and what it may read.
struct ArticleContext {
  std::string display;                      ///< file name as diagnostics show it
  std::filesystem::path base_dir;           ///< absolute folder of the article
  std::vector<std::filesystem::path> roots; ///< folders images may come from (absolute)
  const LoadOptions* options = nullptr;
};

struct ArticleDraft {
  model::Article article;
  std::vector<SourceEntry> sources;
  std::vector<UnusedNote> unused_notes;
  /// The reader met more notes than the limit allows and said so at the first one past it;
  /// resolving them is pointless (and would report every later reference as unknown).
  bool too_many_notes = false;
  /// The cover is a bare path from a site generator's key (Astro's `heroImage`, Hugo's
  /// `images`, ...), which has no place for alt text: its lack is not worth a warning.
  bool cover_alt_optional = false;
  /// Typographic punctuation in Markdown text (front matter `smart: false` turns it off).
  bool smart = true;
};

} // namespace galley::input
