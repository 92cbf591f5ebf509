#pragma once
// The pass both readers end with: checks and derived fields that do not depend on the syntax.
#include "input/draft.hpp"

#include <string>

namespace galley::input {

/// Words per minute used for the reading time when the article does not give one.
constexpr int kReadingWordsPerMinute = 230;

/// Counts words in the body (headings, paragraphs, lists, quotes, tables, captions; not code,
/// not raw HTML, not notes): runs of non-space characters holding a letter or digit. Chinese
/// and Japanese, written without spaces, count each ideograph and kana as the share of a word
/// their reading speed gives (`language` is the article's, BCP 47).
int count_words(model::Blocks& blocks, const std::string& language);

/// Title check, heading levels and ids, author defaults, slug, notes, image checks, word count
/// and reading time (ceil(words / 230), at least 1 minute).
void finalize_article(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags);

} // namespace galley::input
