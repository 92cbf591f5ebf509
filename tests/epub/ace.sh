#!/bin/sh
# Runs Ace, the DAISY accessibility checker (EPUB Accessibility 1.1, WCAG 2.1 AA through axe),
# on the EPUB of the example article and of the example issue in every bundled house style, with
# Debian's Chromium, reads each JSON report, and fails on any violation, naming its rule
# (epubcheck runs on the same books in test_epub). The issue is made with its PDF, so its book
# has the PDF's page-break markers and page-list. tools/bootstrap installs Ace from npm.
# Usage: ace.sh GALLEY SOURCE_DIR WORK_DIR
set -eu
galley=$1
src=$2
work=$3/ace-test
rm -rf "$work"
mkdir -p "$work"
ace="$(npm root -g)/@daisy/ace/bin/ace-puppeteer.js"
[ -f "$ace" ] || { echo "Ace is not installed (run tools/bootstrap)"; exit 1; }
export PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium
examples="$src/examples/quantum-dispatch"
status=0
for style in dispatch pocket broadsheet; do
  for input in microsoft-openai.md issue.yaml; do
    book="$work/$style-${input%%.*}.epub"
    if [ "$input" = issue.yaml ]; then
      "$galley" build "$examples/$input" -s "$style" -q -o "$work/$style-build"
      mv "$work/$style-build/issue.epub" "$book"
    else
      "$galley" epub "$examples/$input" -s "$style" -q -o "$book"
    fi
    report="$work/$style-${input%%.*}"
    node "$ace" --silent --force --outdir "$report" "$book" >"$report.log" 2>&1 || {
      echo "$book: Ace did not run:"; cat "$report.log"; status=1; continue; }
    # The report's assertions, one per document, each with the checks that ran on it.
    node -e '
      const report = require(process.argv[1]);
      const failed = [];
      for (const doc of report.assertions || [])
        for (const a of doc.assertions || [])
          if (a["earl:result"]["earl:outcome"] === "fail")
            failed.push(a["earl:test"]["dct:title"] + " in " + doc["earl:testSubject"].url);
      if (report["earl:result"]["earl:outcome"] !== "pass" || failed.length) {
        console.log(process.argv[2] + ": " + failed.length + " Ace violations");
        for (const f of failed) console.log("  " + f);
        process.exit(1);
      }
      const meta = report["a11y-metadata"] || {};
      if ((meta.missing || []).length)
        console.log(process.argv[2] + ": accessibility metadata missing: " + meta.missing.join(", "));
      console.log(process.argv[2] + ": 0 Ace violations");
    ' "$report/report.json" "$book" || status=1
  done
done
exit $status
