// What one write of an EPUB leaves for the next (epub/memo.hpp): deflated entries, code tokens
// and articles' documents are taken by their digests, the book is byte for byte the one a write
// without a memo makes, and what is taken is what the book holds.
#include "epub/memo.hpp"
#include "support.hpp"
#include "util/deflate.hpp"

#include <doctest/doctest.h>

using namespace galley;
using namespace galley::epub;
using namespace galley::epub::test;

namespace {

model::Issue memo_issue() {
  return make_issue({full_article(1), full_article(2), plain_article(3)});
}

std::string written(const model::Issue& issue, EpubMemo* memo, EpubOptions options = {},
                    std::vector<std::string>* reported = nullptr) {
  Diagnostics diags;
  options.memo = memo;
  std::string book = build(issue, diags, options);
  REQUIRE_FALSE(diags.has_errors());
  if (reported)
    for (const Diagnostic& d : diags.all())
      reported->push_back(format_text(d));
  return book;
}

/// A memo whose `earlier` maps are what `made` holds of `from`, but for its documents, so that
/// every document is rendered.
EpubMemo next_of(const EpubMemo& from) {
  EpubMemo next;
  next.deflated_earlier = from.deflated_made;
  next.tokens_earlier = from.tokens_made;
  return next;
}

/// The same with the documents: a document is taken when nothing it is made of changed.
EpubMemo whole_next_of(const EpubMemo& from) {
  EpubMemo next = next_of(from);
  next.documents_earlier = from.documents_made;
  return next;
}

/// `memo` with the tokens of `issue`'s first code block replaced by one keyword, "planted":
/// a document rendered with it says so, one taken whole does not.
void plant_tokens(const model::Issue& issue, EpubMemo& memo) {
  const model::CodeBlock* found = nullptr;
  for (const model::Block& b : issue.articles[0].blocks)
    if (const auto* c = std::get_if<model::CodeBlock>(&b.value); c && !found)
      found = c;
  REQUIRE(found);
  const Digest128 key = code_key(found->language, found->code);
  REQUIRE(memo.tokens_earlier.count(key) == 1);
  memo.tokens_earlier[key] = {{{style::TokenKind::Keyword, "planted"}}};
}

bool says_planted(const std::string& xhtml) {
  return xhtml.find("<span class=\"tok-keyword\">planted</span>") != std::string::npos;
}

} // namespace

TEST_SUITE("epub/memo") {
  TEST_CASE("a write with the last write's memo gives the same bytes and leaves the same memo") {
    const model::Issue issue = memo_issue();
    const std::string plain = written(issue, nullptr);
    EpubMemo first;
    CHECK(written(issue, &first) == plain);
    // Every compressed entry once; the two articles' identical code blocks share their tokens.
    CHECK(first.deflated_made.size() > 6);
    CHECK(first.tokens_made.size() == 1);
    EpubMemo second = next_of(first);
    CHECK(written(issue, &second) == plain);
    CHECK(second.deflated_made.size() == first.deflated_made.size());
    CHECK(second.tokens_made.size() == 1);
  }

  TEST_CASE("a memo read back from its record serves as the memo itself; a torn one is refused") {
    const model::Issue issue = memo_issue();
    EpubMemo first;
    const std::string plain = written(issue, &first);
    const std::string record = memo_record(first);
    EpubMemo next;
    REQUIRE(read_memo_record(record, next));
    CHECK(next.deflated_earlier.size() == first.deflated_made.size());
    CHECK(next.tokens_earlier.size() == 1);
    CHECK(next.documents_earlier.size() == 3);
    CHECK(written(issue, &next) == plain);
    EpubMemo torn;
    CHECK_FALSE(read_memo_record(std::string_view(record).substr(0, record.size() - 1), torn));
    CHECK(torn.deflated_earlier.empty());
  }

  TEST_CASE("what the memo gives is what the book holds") {
    const model::Issue issue = memo_issue();
    EpubMemo first;
    const Unzipped plain = unzip(written(issue, &first));
    EpubMemo planted = next_of(first);
    // The code block as one keyword, and the third article's document as other bytes.
    plant_tokens(issue, planted);
    const std::string other = "<planted/>";
    const std::string& third = plain.files.at("EPUB/article-003.xhtml");
    REQUIRE(planted.deflated_earlier.count(fast_digest(third)) == 1);
    planted.deflated_earlier[fast_digest(third)] = {deflate_bytes(other, 6, DeflateWrapper::None),
                                                    other.size(), crc32_of(other)};
    const Unzipped book = unzip(written(issue, &planted));
    CHECK(book.files.at("EPUB/article-003.xhtml") == other);
    CHECK(says_planted(book.files.at("EPUB/article-001.xhtml")));
    CHECK_FALSE(says_planted(plain.files.at("EPUB/article-001.xhtml")));
  }

  TEST_CASE("an article's document is taken whole while nothing it is made of changed") {
    const model::Issue issue = memo_issue();
    std::vector<std::string> plain_reported;
    const std::string plain = written(issue, nullptr, {}, &plain_reported);
    // The full articles' raw HTML loses a script: rendering them warns.
    REQUIRE_FALSE(plain_reported.empty());
    EpubMemo first;
    CHECK(written(issue, &first) == plain);
    CHECK(first.documents_made.size() == 3);
    EpubMemo next = whole_next_of(first);
    plant_tokens(issue, next);
    // Taken whole: the planted tokens are not read, the pictures the documents show are in the
    // book under the same names, and what rendering them reported is reported again.
    std::vector<std::string> reported;
    CHECK(written(issue, &next, {}, &reported) == plain);
    CHECK(reported == plain_reported);
    CHECK(next.documents_made.size() == 3);
    // The style as printed, given, is what the documents are kept by: another text takes none.
    EpubOptions other_style;
    other_style.style_text = "another style";
    EpubMemo after = whole_next_of(next);
    CHECK(written(issue, &after, other_style) == plain);
    for (const auto& [key, kept] : after.documents_made)
      CHECK(next.documents_made.count(key) == 0);
  }

  TEST_CASE("a change renders again the documents it reaches, and only those") {
    const model::Issue issue = memo_issue();
    EpubMemo first;
    written(issue, &first);
    SUBCASE("an article's text") {
      model::Issue changed = issue;
      // A plain article's paragraph, "Text of a plain article.", at the end of the second.
      changed.articles[1].blocks.push_back(plain_article(4).blocks.back());
      EpubMemo next = whole_next_of(first);
      plant_tokens(issue, next);
      const Unzipped plain = unzip(written(changed, nullptr));
      const Unzipped book = unzip(written(changed, &next));
      CHECK(book.files.at("EPUB/article-001.xhtml") == plain.files.at("EPUB/article-001.xhtml"));
      CHECK(says_planted(book.files.at("EPUB/article-002.xhtml")));
      CHECK(book.files.at("EPUB/article-002.xhtml").find("Text of a plain article.") !=
            std::string::npos);
    }
    SUBCASE("the pages of the printed edition that begin in an article") {
      EpubOptions options;
      options.print_pages = {{"7", 2, 0, 0}};
      EpubMemo next = whole_next_of(first);
      plant_tokens(issue, next);
      const Unzipped plain = unzip(written(issue, nullptr, options));
      const Unzipped book = unzip(written(issue, &next, options));
      for (const char* doc : {"EPUB/article-001.xhtml", "EPUB/article-002.xhtml",
                              "EPUB/article-003.xhtml", "EPUB/nav.xhtml"})
        CHECK(book.files.at(doc) == plain.files.at(doc));
      CHECK(plain.files.at("EPUB/article-003.xhtml").find("pagebreak") != std::string::npos);
    }
    SUBCASE("the pictures the book carries before an article") {
      // Without the first article's pictures, the second's get the names the first's had.
      model::Issue fewer = issue;
      fewer.articles[0] = plain_article(1);
      EpubMemo next = whole_next_of(first);
      const std::string plain = written(fewer, nullptr);
      CHECK(written(fewer, &next) == plain);
    }
  }
}
