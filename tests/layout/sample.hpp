#pragma once
// Articles built in code for the layout tests: realistic shape (opening, sections, notes, every
// kind of block) without depending on the input stage.
#include "galley/model.hpp"

#include <string>

namespace galley::test {

/// Path of an example image (examples/quantum-dispatch/images/<name>).
std::string example_image(const std::string& name);

/// A paragraph of about `words` words, varied by `seed`; `note` (if not empty) is cited at the
/// end of its second sentence, `url` (if not empty) linked on a phrase.
model::Block paragraph(int seed, int words = 100, const std::string& note = {},
                       const std::string& url = {});

struct SampleOptions {
  int sections = 8;            ///< level-1 sections, each with paragraphs and a subsection
  bool cover = true;
  bool portrait = true;
  bool long_notes = false;     ///< notes of several lines (to force splits)
  int table_rows = 6;
  std::string title = "Microsoft and OpenAI Enter the Next Phase";
  std::string slug = "microsoft-openai";
};

/// An article with a cover, an author with a portrait, sections at three levels, paragraphs of
/// about 100 words, lists (nested, ordered, task), a quote, code with a long line, a table, a
/// figure and a missing figure, footnotes, cited and uncited sources, and links.
model::Article sample_article(const SampleOptions& options = {});

/// An issue of `n` sample articles.
model::Issue sample_issue(int n);

/// A single-article issue around sample_article(options).
model::Issue single(const SampleOptions& options = {});

} // namespace galley::test
