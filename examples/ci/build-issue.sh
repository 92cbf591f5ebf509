#!/bin/sh
# Builds an issue for CI: every format, warnings are errors, a JSON report (report.json, kept
# out of the archive because it records times), and a reproducible tar.gz of the outputs. Plain POSIX shell; galley's exit status is the job's (see docs/ci.md).
#
#   examples/ci/build-issue.sh [MANIFEST] [OUT_DIR]
#
# Environment: GALLEY (the galley command, default: galley), JOBS (default: all cores),
# SHARD (i/n, or auto for the CI engine's own, to split the work across CI jobs),
# GALLEY_BUILD_OPTIONS (more options of galley build, split at spaces), SOURCE_DATE_EPOCH
# (dates in the outputs).
set -eu

manifest=${1:-examples/quantum-dispatch/issue.yaml}
out=${2:-out}
galley=${GALLEY:-galley}

# Reproducible dates: take the last commit's time when the caller gave none.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && command -v git >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 0)
  export SOURCE_DATE_EPOCH
fi

set -- "$manifest" --format pdf,epub --single -o "$out" --strict --report report.json
[ -n "${JOBS:-}" ] && set -- "$@" -j "$JOBS"
[ -n "${SHARD:-}" ] && set -- "$@" --shard "$SHARD"
# shellcheck disable=SC2086 # split on purpose: one option and its value per word
[ -n "${GALLEY_BUILD_OPTIONS:-}" ] && set -- "$@" $GALLEY_BUILD_OPTIONS

status=0
"$galley" build "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "build-issue: galley build failed with exit status $status" >&2
  exit "$status"
fi

# Reproducible archive too: sorted names, fixed owner and times.
name=$(basename "$manifest")
name=${name%.*}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" \
  -C "$out" -cf - . | gzip -n >"$name-outputs.tar.gz"
echo "build-issue: archived $out into $name-outputs.tar.gz"
