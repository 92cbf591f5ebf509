#!/bin/sh
# Installs galley into a scratch prefix, moves the prefix elsewhere and checks that it works from
# there alone:
# - the install holds the program, libgalley.so (versioned SONAME) and libgalley.a, exactly the
#   public headers (each compiles on its own), the CMake package and the pkg-config files, none
#   of them pointing back into the source tree;
# - every subcommand runs from the moved prefix and reads its fonts and styles there (strace: no
#   file under the source tree's fonts/ or styles/ is opened); GALLEY_DATA_DIR overrides, and a
#   data folder that is not there is one clear error;
# - examples/consumer builds against the moved install four ways (CMake package and pkg-config,
#   shared and static), and the four programs and the installed Python module write the same PDF.
# Usage: install_consumer.sh BUILD_DIR SOURCE_DIR CMAKE [EXTRA_FLAGS]
# EXTRA_FLAGS (compile and link) are those galley itself was built with, such as sanitizers.
set -eu
build=$1
src=$2
cmake=$3
flags=${4:-}
work=$build/install-test
rm -rf "$work"
mkdir -p "$work"
fail() {
  echo "install_consumer: $*" >&2
  exit 1
}

"$cmake" --install "$build" --prefix "$work/staged" >"$work/install.log"
mv "$work/staged" "$work/prefix"
prefix=$work/prefix

# What the install holds.
test -x "$prefix/bin/galley"
test -f "$prefix/share/man/man1/galley.1"
test -d "$prefix/share/galley/fonts"
test -f "$prefix/share/galley/styles/dispatch.yaml"
pc=$(find "$prefix" -name galley.pc)
test -n "$pc"
pcdir=$(dirname "$pc")
libdir=$(dirname "$pcdir")
test -f "$pcdir/galley-static.pc"
test -f "$libdir/cmake/galley/galley-config.cmake"
test -f "$libdir/libgalley.a"
soname=$(objdump -p "$libdir/libgalley.so" | awk '$1 == "SONAME" { print $2 }')
test "$soname" = "libgalley.so.0.1" || fail "libgalley.so's SONAME is '$soname'"
test -f "$libdir/$soname"
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
# The C interface is C.
printf '#include <galley/galley.h>\nint main(void) { return galley_version() == 0; }\n' |
  cc -std=c99 -Wall -Werror -fsyntax-only -I"$prefix/include" -x c -
# The CMake package and the pkg-config files name the install's include folder, never the
# source tree's src/ or include/.
if grep -rlF -e "$src/src" -e "$src/include" "$libdir/cmake/galley" "$pcdir"; then
  fail "the installed package points into the source tree"
fi
# The consumer includes galley only as <galley/...> (the rest is the standard library).
if grep '^#include' "$src/examples/consumer/main.cpp" |
  grep -Ev '^#include <(galley/[a-z_]+\.hpp|[a-z_]+)>$'; then
  fail "the consumer includes more than <galley/...>"
fi

# Every subcommand from the moved prefix, its data read there and not from the source tree.
cp "$src/tests/cli/fixtures/harbour.md" "$work/harbour.md"
galley=$prefix/bin/galley
traced() {
  name=$1
  shift
  strace -f -qq -e trace=open,openat -o "$work/trace.$name" "$@" >"$work/out.$name" 2>&1 ||
    fail "'$*' from the moved prefix failed: $(cat "$work/out.$name")"
}
cd "$work"
traced styles "$galley" styles
grep -q '^dispatch' "$work/out.styles" || fail "galley styles lists no bundled style"
traced check "$galley" check harbour.md
traced pdf "$galley" pdf harbour.md -o harbour.pdf
traced epub "$galley" epub harbour.md -o harbour.epub
traced build "$galley" build harbour.md -o built
traced cache "$galley" build harbour.md -o cached --cache=cache --report cached.json --depfile cached.d
traced merge "$galley" report merge cached.json -o merged.json
traced shape "$galley" shape "Harbour"
traced init "$galley" init newpub
traced help "$galley" help pdf
# watch builds, then waits for changes until it is stopped (timeout's status 124 is the stop).
traced watch sh -c '"$0" watch harbour.md -o watched & pid=$!; n=0
  while [ ! -f watched/harbour.pdf ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
  kill -TERM $pid; wait $pid' "$galley"
cd - >/dev/null
test -f "$work/watched/harbour.pdf" || fail "galley watch built nothing"
test -f "$work/newpub/issue.yaml" || fail "galley init made no manifest"
grep -q '"cached": false' "$work/merged.json" || fail "report merge lost the outputs"
grep -qF "$work/harbour.md" "$work/cached.d" || fail "the depfile does not name the article"
test "$(head -c 5 "$work/harbour.pdf")" = "%PDF-"
test -f "$work/built/harbour.pdf"
for t in "$work"/trace.*; do
  if grep -v ENOENT "$t" | grep -F -e "\"$src/fonts" -e "\"$src/styles"; then
    fail "$(basename "$t"): read data from the source tree"
  fi
done
grep -qF "\"$prefix/share/galley/fonts/" "$work/trace.pdf" || fail "pdf read no font of the prefix"
grep -qF "\"$prefix/share/galley/styles/" "$work/trace.pdf" || fail "pdf read no style of the prefix"

# GALLEY_DATA_DIR overrides; a folder without galley's data is an error that names it.
GALLEY_DATA_DIR=$prefix/share/galley "$galley" styles | grep -q '^dispatch'
status=0
GALLEY_DATA_DIR=$work/nowhere "$galley" styles >"$work/nowhere.out" 2>&1 || status=$?
test "$status" -eq 3 || fail "a missing GALLEY_DATA_DIR exits $status, not 3"
grep -q "GALLEY_DATA_DIR=$work/nowhere has no fonts/ folder" "$work/nowhere.out" ||
  fail "a missing GALLEY_DATA_DIR is not named: $(cat "$work/nowhere.out")"

# The consumer, through the CMake package: libgalley.so, then libgalley.a.
for kind in shared static; do
  link_static=OFF
  [ "$kind" = static ] && link_static=ON
  "$cmake" -S "$src/examples/consumer" -B "$work/cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
    -DLINK_STATIC=$link_static -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="$flags" >"$work/configure-$kind.log"
  "$cmake" --build "$work/cmake-$kind" >"$work/build-$kind.log"
  "$work/cmake-$kind/article-to-pdf" "$work/harbour.md" "$work/cmake-$kind.pdf" >/dev/null
done
objdump -p "$work/cmake-shared/article-to-pdf" | grep -q "NEEDED *libgalley.so.0.1" ||
  fail "the shared consumer does not load libgalley.so.0.1"
if objdump -p "$work/cmake-static/article-to-pdf" | grep -q "NEEDED *libgalley"; then
  fail "the static consumer loads libgalley.so"
fi
# The shared library finds the data beside itself, in the moved prefix.
strace -f -qq -e trace=open,openat -o "$work/trace.consumer" \
  "$work/cmake-shared/article-to-pdf" "$work/harbour.md" "$work/traced.pdf" >/dev/null
grep -qF "\"$prefix/share/galley/fonts/" "$work/trace.consumer" ||
  fail "libgalley.so read no font of the prefix"

# The consumer, through pkg-config, each file linking as written.
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$pcdir
for pkg in galley galley-static; do
  # shellcheck disable=SC2046 # the flags are words
  c++ -std=c++20 -O1 $flags "$src/examples/consumer/main.cpp" -o "$work/pc-$pkg" \
    $(pkg-config --cflags --libs $pkg)
done
LD_LIBRARY_PATH=$libdir "$work/pc-galley" "$work/harbour.md" "$work/pc-galley.pdf" >/dev/null
"$work/pc-galley-static" "$work/harbour.md" "$work/pc-galley-static.pdf" >/dev/null

# The Python module of the moved install, on its libgalley.so.
module=$(find "$prefix" -name 'galley.cpython-*.so' -path '*site-packages*')
test -n "$module" || fail "the Python module is not installed"
PYTHONPATH=$(dirname "$module") python3 -c '
import sys, galley
with open(sys.argv[2], "wb") as out:
    out.write(galley.render(sys.argv[1]))
' "$work/harbour.md" "$work/python.pdf"

for pdf in cmake-static.pdf pc-galley.pdf pc-galley-static.pdf python.pdf; do
  cmp "$work/cmake-shared.pdf" "$work/$pdf"
done
echo "install_consumer: the moved install ran every subcommand on its own data; the consumer" \
  "linked four ways and the Python module wrote the same PDF"
