// Sealed records (util/record.hpp): what is written reads back, and damage is told apart.
#include "util/record.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using namespace galley;

namespace {

std::string sample() {
  RecordWriter w("test record 1");
  w.number(0);
  w.number(300);
  w.number(std::numeric_limits<std::uint64_t>::max());
  w.signed_number(-1);
  w.signed_number(std::numeric_limits<std::int64_t>::min());
  w.real(0.0);
  w.real(-12.375);
  w.real(1e-300);
  w.text("");
  w.text(std::string("a\0b", 3));
  return w.seal();
}

} // namespace

TEST_SUITE("util/record") {
  TEST_CASE("a record digest is the SHA-256 of the record's bytes before its seal") {
    RecordWriter w("digest test 1");
    RecordDigest d("digest test 1");
    const std::string long_text(10000, 'x'); // given to the digest as it is
    for (int i = 0; i < 3000; ++i) {         // enough to spill the buffer more than once
      w.number(std::uint64_t(i) * 977);
      d.number(std::uint64_t(i) * 977);
      w.signed_number(-i);
      d.signed_number(-i);
      w.text("short");
      d.text("short");
      if (i % 1000 == 0) {
        w.text(long_text);
        d.text(long_text);
      }
    }
    const std::string record = w.seal();
    CHECK(d.hex() == sha256_hex(std::string_view(record).substr(0, record.size() - 16)));
    RecordDigest other("digest test 1");
    other.text("short");
    CHECK(other.hex() != sha256_hex(""));
  }

  TEST_CASE("every value reads back as written") {
    std::string rec = sample();
    RecordReader r(rec, "test record 1");
    REQUIRE(r.ok());
    CHECK(r.number() == 0);
    CHECK(r.number() == 300);
    CHECK(r.number() == std::numeric_limits<std::uint64_t>::max());
    CHECK(r.signed_number() == -1);
    CHECK(r.signed_number() == std::numeric_limits<std::int64_t>::min());
    CHECK(r.real() == 0.0);
    CHECK(r.real() == -12.375);
    CHECK(r.real() == 1e-300);
    CHECK(r.text().empty());
    CHECK(r.text() == std::string("a\0b", 3));
    CHECK(r.at_end());
  }

  TEST_CASE("small numbers take one byte, zero reals one byte") {
    RecordWriter a("m");
    a.number(5);
    a.signed_number(-1);
    a.real(0.0);
    RecordWriter b("m");
    CHECK(a.seal().size() == b.seal().size() + 3);
  }

  TEST_CASE("a changed byte, a cut, another magic or reading too far fail softly") {
    std::string rec = sample();
    for (std::size_t at : {std::size_t(0), std::size_t(20), rec.size() - 1}) {
      std::string bad = rec;
      bad[at] ^= 1;
      CHECK_FALSE(RecordReader(bad, "test record 1").ok());
    }
    CHECK_FALSE(RecordReader(rec.substr(0, rec.size() - 5), "test record 1").ok());
    CHECK_FALSE(RecordReader(rec, "test record 2").ok());
    CHECK_FALSE(RecordReader("", "test record 1").ok());

    RecordReader r(rec, "test record 1");
    for (int i = 0; i < 10; ++i)
      r.text();
    CHECK_FALSE(r.ok());
    CHECK(r.number() == 0);
    CHECK(r.text().empty());
  }

  TEST_CASE("a count larger than what is left fails instead of sizing a vector") {
    RecordWriter w("c");
    w.number(1'000'000);
    w.text("x");
    std::string rec = w.seal();
    RecordReader r(rec, "c");
    CHECK(r.count(1) == 0);
    CHECK_FALSE(r.ok());
  }
}
