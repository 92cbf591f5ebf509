#include "util/hash.hpp"
#include "util/image_info.hpp"
#include "util/text_utils.hpp"

#include <doctest/doctest.h>

using namespace galley;

TEST_SUITE("util/hash") {
  TEST_CASE("sha256 matches FIPS 180-4 examples") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }
  TEST_CASE("a digest fed in parts is the digest of the whole") {
    std::string whole;
    for (int i = 0; i < 5000; ++i)
      whole += static_cast<char>(i * 7);
    FastDigest d;
    d.update(std::string_view(whole).substr(0, 3));
    d.update(std::string_view(whole).substr(3, 1997));
    d.update(std::string_view(whole).substr(2000));
    CHECK(d.finish() == fast_digest(whole));
    // After a reset the parts fed before are gone.
    d.reset();
    d.update("abc");
    CHECK(d.finish() == fast_digest("abc"));
    CHECK(fast_digest("abc") != fast_digest("abd"));
  }
  TEST_CASE("content uuid is stable and well formed") {
    auto a = content_uuid_urn("hello");
    CHECK(a == content_uuid_urn("hello"));
    CHECK(a != content_uuid_urn("hello!"));
    REQUIRE(a.size() == 45);
    CHECK(a.substr(0, 9) == "urn:uuid:");
    CHECK(a[9 + 14] == '5');
  }
  TEST_CASE("utf-8 validation") {
    size_t bad = 0;
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80"));
    CHECK_FALSE(is_valid_utf8("ab\xc3(", &bad));
    CHECK(bad == 2);
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80")); // surrogate
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));     // overlong
  }
  TEST_CASE("slugs and numbers") {
    CHECK(slugify("Microsoft & OpenAI: The Next Phase") == "microsoft-openai-the-next-phase");
    CHECK(slugify("!!!") == "untitled");
    CHECK(format_number(1.5) == "1.5");
    CHECK(format_number(2.0) == "2");
    CHECK(format_number(-0.00001) == "0");
    CHECK(format_number(595.27559) == "595.2756");
  }
  TEST_CASE("white space runs collapse and ends are trimmed") {
    CHECK(collapse_spaces("  a \t\n b  ") == "a b");
    CHECK(collapse_spaces(" \t \n") == "");
    CHECK(collapse_spaces("Nova\u00a0Chen") == "Nova\u00a0Chen"); // no-break space is kept
  }
  TEST_CASE("image headers") {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\0\0\0\0\x80\x08\x06\0\0\0", 29);
    png += std::string(4, '\0') + "IEND";
    auto info = probe_image(png);
    CHECK(info.format == ImageFormat::Png);
    CHECK(info.width == 256);
    CHECK(info.height == 128);
    CHECK(info.error.empty());
    CHECK(probe_image(png.substr(0, 20)).error == "truncated PNG header");
    CHECK(probe_image("hello").format == ImageFormat::Unknown);
  }
}
