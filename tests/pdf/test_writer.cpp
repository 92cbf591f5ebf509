#include "pdf/writer.hpp"

#include <doctest/doctest.h>

TEST_SUITE("pdf/writer") {
  TEST_CASE("empty") {}
}
