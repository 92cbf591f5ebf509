#!/bin/sh
# Installs galley into the build folder and builds examples/consumer against the install, with
# its CMake package and with its pkg-config file; runs both programs on a fixture article.
# Usage: install_consumer.sh BUILD_DIR SOURCE_DIR CMAKE [EXTRA_FLAGS]
# EXTRA_FLAGS (compile and link) are those galley itself was built with, such as sanitizers.
set -eu
build=$1
src=$2
cmake=$3
flags=${4:-}
prefix=$build/install-test
work=$build/consumer-test
rm -rf "$prefix" "$work"
mkdir -p "$work"

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"

# What the install holds.
test -x "$prefix/bin/galley"
test -f "$prefix/share/man/man1/galley.1"
test -f "$prefix/include/galley/export/render.hpp"
test -f "$prefix/include/galley/util/diagnostics.hpp"
test ! -e "$prefix/include/galley/cli"
test -d "$prefix/share/galley/fonts"
pc=$(find "$prefix" -name galley.pc)
test -n "$pc"
test -f "$(dirname "$pc")/../cmake/galley/galley-config.cmake"
"$prefix/bin/galley" --version | grep -q '^galley '

# The CMake package.
"$cmake" -S "$src/examples/consumer" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  >"$work/configure.log"
"$cmake" --build "$work/cmake" >"$work/build.log"
"$work/cmake/article-to-pdf" "$src/tests/cli/fixtures/harbour.md" "$work/cmake.pdf"
test "$(head -c 5 "$work/cmake.pdf")" = "%PDF-"

# The pkg-config file.
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$pc")
pc_flags=$(pkg-config --static --cflags --libs galley)
# shellcheck disable=SC2086 # the flags are words
c++ -std=c++20 -O1 $flags "$src/examples/consumer/main.cpp" -o "$work/pc-article-to-pdf" $pc_flags
"$work/pc-article-to-pdf" "$src/tests/cli/fixtures/harbour.md" "$work/pc.pdf"
cmp "$work/cmake.pdf" "$work/pc.pdf"
echo "install_consumer: installed, built and ran the consumer (CMake and pkg-config)"
