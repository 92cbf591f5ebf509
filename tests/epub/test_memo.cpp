// What one write of an EPUB leaves for the next (epub/memo.hpp): deflated entries and code
// tokens are taken by their digests, the book is byte for byte the one a write without a memo
// makes, and what is taken is what the book holds.
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

std::string written(const model::Issue& issue, EpubMemo* memo) {
  Diagnostics diags;
  EpubOptions options;
  options.memo = memo;
  std::string book = build(issue, diags, options);
  REQUIRE_FALSE(diags.has_errors());
  return book;
}

/// A memo whose `earlier` maps are what `made` holds of `from`.
EpubMemo next_of(const EpubMemo& from) {
  EpubMemo next;
  next.deflated_earlier = from.deflated_made;
  next.tokens_earlier = from.tokens_made;
  return next;
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
    const model::CodeBlock* found = nullptr;
    for (const model::Block& b : issue.articles[0].blocks)
      if (const auto* c = std::get_if<model::CodeBlock>(&b.value); c && !found)
        found = c;
    REQUIRE(found);
    const model::CodeBlock& code = *found;
    REQUIRE(planted.tokens_earlier.count(code_key(code.language, code.code)) == 1);
    planted.tokens_earlier[code_key(code.language, code.code)] = {
        {{style::TokenKind::Keyword, "planted"}}};
    const std::string other = "<planted/>";
    const std::string& third = plain.files.at("EPUB/article-003.xhtml");
    REQUIRE(planted.deflated_earlier.count(fast_digest(third)) == 1);
    planted.deflated_earlier[fast_digest(third)] = {deflate_bytes(other, 6, DeflateWrapper::None),
                                                    other.size(), crc32_of(other)};
    const Unzipped book = unzip(written(issue, &planted));
    CHECK(book.files.at("EPUB/article-003.xhtml") == other);
    CHECK(book.files.at("EPUB/article-001.xhtml")
              .find("<span class=\"tok-keyword\">planted</span>") != std::string::npos);
    CHECK(plain.files.at("EPUB/article-001.xhtml").find(">planted<") == std::string::npos);
  }
}
