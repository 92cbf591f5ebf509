#!/bin/sh
# Installs galley into the build folder and builds examples/consumer against the install, with
# its CMake package and with its pkg-config file; runs both programs on a fixture article. Also
# checks the public API boundary: exactly the headers of include/galley are installed, each
# compiles on its own from the install, and nothing installed points back into the source tree.
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
test -d "$prefix/share/galley/fonts"
pc=$(find "$prefix" -name galley.pc)
test -n "$pc"
test -f "$(dirname "$pc")/../cmake/galley/galley-config.cmake"
"$prefix/bin/galley" --version | grep -q '^galley '

# The public headers, and only they: the installed include tree is include/galley of the
# source, file for file, so no internal header of src/ can be installed.
(cd "$src/include" && find . | sort) >"$work/public-headers"
(cd "$prefix/include" && find . | sort) >"$work/installed-headers"
diff -u "$work/public-headers" "$work/installed-headers"
test -f "$prefix/include/galley/render.hpp"
# Each public header compiles alone against the install: none reaches for a private one.
for header in "$prefix"/include/galley/*.hpp; do
  printf '#include <galley/%s>\n' "$(basename "$header")" |
    c++ -std=c++20 -fsyntax-only -I"$prefix/include" -x c++ -
done
# The CMake package and the pkg-config file name the install's include folder, never the
# source tree's src/ or include/.
if grep -rlF -e "$src/src" -e "$src/include" "$(dirname "$pc")/../cmake/galley" "$pc"; then
  echo "install_consumer: the installed package points into the source tree" >&2
  exit 1
fi
# The consumer includes galley only as <galley/...> (the rest is the standard library).
if grep '^#include' "$src/examples/consumer/main.cpp" |
  grep -Ev '^#include <(galley/[a-z_]+\.hpp|[a-z_]+)>$'; then
  echo "install_consumer: the consumer includes more than <galley/...>" >&2
  exit 1
fi

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
echo "install_consumer: only the public headers installed; built and ran the consumer (CMake and pkg-config)"
