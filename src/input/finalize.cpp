#include "input/finalize.hpp"

#include "input/heading_slug.hpp"
#include "input/images.hpp"
#include "input/notes.hpp"
#include "input/title.hpp"
#include "model/walk.hpp"
#include "util/text_utils.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace galley::input {

namespace {

/// Whether `cp` is read as part of a word of its own in Chinese and Japanese, which write no
/// spaces: a Han ideograph or a kana (ICU's script of the character).
bool ideographic(char32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &err);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

/// Words counted in `text` for the reading time: runs of non-space characters holding a letter
/// or digit, and each ideograph or kana as `per_ideograph` of a word.
double count_words_in(std::string_view text, double per_ideograph) {
  double words = 0;
  bool counted = false; // the current run of non-space characters has been counted
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const char32_t cp = next_code_point(text, i);
    if (c == ' ' || c == '\t' || c == '\n') {
      counted = false;
    } else if (ideographic(cp)) {
      words += per_ideograph;
      counted = false;
    } else if (!counted && (std::isalnum(c) || c >= 0x80)) {
      ++words;
      counted = true;
    }
  }
  return words;
}

/// Headings are numbered from 1 in the model; a body whose top sections are `##` (the title
/// being the `#`) is shifted up so that its highest level becomes 1.
void normalize_heading_levels(model::Blocks& blocks) {
  int top = 6;
  model::walk_blocks(
      blocks,
      [&](model::Block& b) {
        if (auto* h = std::get_if<model::Heading>(&b.value))
          top = std::min(top, h->level);
      },
      [](model::Inlines&, model::Block&) {});
  if (top <= 1)
    return;
  model::walk_blocks(
      blocks,
      [&](model::Block& b) {
        if (auto* h = std::get_if<model::Heading>(&b.value))
          h->level -= top - 1;
      },
      [](model::Inlines&, model::Block&) {});
}

/// Ids for headings: explicit ids stay (a duplicate is an error); the others are GitHub's slugs
/// of the text, made unique as GitHub does, with -1, -2, ...
void assign_heading_ids(model::Blocks& blocks, Diagnostics& diags) {
  std::set<std::string> used;
  std::vector<model::Heading*> pending;
  model::walk_blocks(
      blocks,
      [&](model::Block& b) {
        auto* h = std::get_if<model::Heading>(&b.value);
        if (!h)
          return;
        if (h->id.empty())
          pending.push_back(h);
        else if (!used.insert(h->id).second)
          diags.error(b.loc, "heading id '" + h->id + "' is used twice");
      },
      [](model::Inlines&, model::Block&) {});
  for (auto* h : pending) {
    std::string base = github_slug(model::plain_text(h->content));
    std::string id = base;
    for (int n = 1; used.count(id); ++n)
      id = base + "-" + std::to_string(n);
    used.insert(id);
    h->id = id;
  }
}

/// "Nova Chen" -> "Chen, Nova"; a single name stays as it is.
std::string derive_file_as(const std::string& name) {
  size_t space = name.find_last_of(' ');
  if (space == std::string::npos)
    return name;
  return name.substr(space + 1) + ", " + name.substr(0, space);
}

void check_images(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags) {
  model::Meta& meta = draft.article.meta;
  // A cover or portrait that is missing is left out: the warning said so, and a placeholder
  // would stand where the reader expects a picture of the subject.
  auto missing = [](const model::ImageRef& ref) { return ref.path.empty() && !ref.remote; };
  if (meta.cover) {
    const int errors = diags.error_count();
    resolve_image(meta.cover->image, meta.cover->loc, "cover image", ctx, diags);
    meta.cover->alt = collapse_spaces(meta.cover->alt);
    if (missing(meta.cover->image) && diags.error_count() == errors)
      meta.cover.reset();
    else if (meta.cover->alt.empty() && !draft.cover_alt_optional)
      diags.warning(meta.cover->loc, "cover image '" + meta.cover->image.src + "' has no alt text",
                    "add 'alt:' under 'cover:'");
  }
  for (auto& a : meta.authors) {
    if (!a.portrait)
      continue;
    const int errors = diags.error_count();
    resolve_image(*a.portrait, a.loc, "portrait", ctx, diags);
    if (missing(*a.portrait) && diags.error_count() == errors)
      a.portrait.reset();
  }
  auto check_blocks = [&](model::Blocks& blocks) {
    model::walk_blocks(
        blocks,
        [&](model::Block& b) {
          auto* f = std::get_if<model::Figure>(&b.value);
          if (!f)
            return;
          resolve_image(f->image, b.loc, "figure image", ctx, diags);
          f->alt = collapse_spaces(f->alt);
          if (f->alt.empty())
            diags.warning(b.loc, "figure image '" + f->image.src + "' has no alt text");
        },
        [&](model::Inlines& inlines, model::Block&) {
          model::walk_inlines(inlines, [&](model::Inline& in) {
            auto* img = std::get_if<model::Image>(&in.value);
            if (!img)
              return;
            resolve_image(img->image, in.loc, "image", ctx, diags);
            img->alt = collapse_spaces(img->alt);
            if (img->alt.empty())
              diags.warning(in.loc, "image '" + img->image.src + "' has no alt text");
          });
        });
  };
  check_blocks(draft.article.blocks);
  for (auto& n : draft.article.notes)
    check_blocks(n.blocks);
}

} // namespace

int count_words(model::Blocks& blocks, const std::string& language) {
  // Reading speeds measured on the same texts in 17 languages (Trauzettel-Klosinski and
  // Dietz, "Standardized Assessment of Reading Performance: The New International Reading
  // Speed Texts IReST", 2012): 228 words a minute in English, 255 characters in Chinese, 357 in
  // Japanese. A character is then 228/255 of an English word in Chinese, 228/357 in Japanese.
  const double per_ideograph = primary_language(language) == "ja" ? 228.0 / 357.0 : 228.0 / 255.0;
  double words = 0;
  model::walk_blocks(
      blocks, [](model::Block&) {},
      [&](model::Inlines& inlines, model::Block&) {
        words += count_words_in(model::plain_text(inlines), per_ideograph);
      });
  return static_cast<int>(std::lround(words));
}

void finalize_article(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags) {
  model::Article& article = draft.article;
  model::Meta& meta = article.meta;
  if (meta.title.empty())
    fall_back_title(draft, ctx, diags);
  if (meta.loc.file.empty())
    meta.loc = {ctx.display, 1, 1};

  normalize_heading_levels(article.blocks);
  assign_heading_ids(article.blocks, diags);

  for (auto& a : meta.authors) {
    if (a.file_as.empty())
      a.file_as = derive_file_as(a.name);
    if (a.role.empty())
      a.role = "aut";
  }
  if (meta.slug.empty())
    meta.slug = slugify(std::filesystem::path(ctx.display).stem().string());

  resolve_notes(draft, ctx, diags);
  check_images(draft, ctx, diags);

  article.word_count = count_words(article.blocks, meta.language);
  if (!meta.reading_time_given)
    meta.reading_minutes =
        std::max(1, (article.word_count + kReadingWordsPerMinute - 1) / kReadingWordsPerMinute);
}

} // namespace galley::input
