#pragma once
// The CSS class names of the content documents: the markup (content.cpp, pages.cpp) sets them
// and the style sheet (css.cpp) styles them, so each name is written once, here.
#include "style/values.hpp"

#include <string>

namespace galley::epub::cls {

// The article page.
inline constexpr const char* article = "article";
inline constexpr const char* article_body = "article-body";
inline constexpr const char* title_block = "title-block";
inline constexpr const char* publication = "publication";
inline constexpr const char* subtitle = "subtitle";
inline constexpr const char* dek = "dek";
inline constexpr const char* byline = "byline";
inline constexpr const char* author = "author";
inline constexpr const char* portrait = "portrait";
inline constexpr const char* author_name = "author-name";
inline constexpr const char* author_bio = "author-bio";
inline constexpr const char* article_meta = "article-meta";
inline constexpr const char* reading_time = "reading-time";
inline constexpr const char* lead = "lead";

// Body text.
inline constexpr const char* credit = "credit";
inline constexpr const char* image_alt = "image-alt";
inline constexpr const char* inline_image = "inline";
inline constexpr const char* task = "task";
inline constexpr const char* checkbox = "checkbox";
inline constexpr const char* checkbox_done = "checkbox done";
inline constexpr const char* center = "center";
inline constexpr const char* right = "right";
inline constexpr const char* left = "left";
inline constexpr const char* code_numbered = "numbered"; ///< a <pre> whose lines are numbered
inline constexpr const char* equation = "equation"; ///< a numbered display formula and its number
inline constexpr const char* equation_number = "equation-number"; ///< a display formula's \tag
inline constexpr const char* code_line = "line";         ///< one source line of a numbered <pre>

// Notes and sources.
inline constexpr const char* noteref = "noteref";
inline constexpr const char* footnotes = "footnotes";
inline constexpr const char* footnote = "footnote";
inline constexpr const char* note_number = "note-number";
inline constexpr const char* sources = "sources";

// An issue's cover, title page and contents.
inline constexpr const char* cover = "cover";
inline constexpr const char* titlepage = "titlepage";
inline constexpr const char* issue_line = "issue-line";
inline constexpr const char* editors = "editors";
inline constexpr const char* description = "description";
inline constexpr const char* contents = "contents";
inline constexpr const char* contents_list = "contents-list";
inline constexpr const char* entry_title = "entry-title";
inline constexpr const char* entry_authors = "entry-authors";
inline constexpr const char* entry_dek = "entry-dek";

/// The class of a code token's span: "tok-" and the token's style key ("tok-keyword").
inline std::string token_class(style::TokenKind kind) {
  return "tok-" + std::string(style::kTokenNames[static_cast<std::size_t>(kind)]);
}

} // namespace galley::epub::cls
