#include "cli/init_templates.hpp"

namespace galley::cli::templates {

const char* const kStyle =
    R"(# The style of @TITLE@. It starts from the bundled '@STYLE@' style; every key below
# overrides it, and `galley styles show style.yaml` prints the result with every default.
# The keys: docs/styles.md of galley.
name: @SLUG@
description: House style of @TITLE@
extends: @STYLE@

colors:
  accent: "#8a2b0b"

text:
  size: 10pt
  leading: 14pt
)";

const char* const kIssue =
    R"(# An issue of @TITLE@: its metadata, its cover and its articles, in order.
# Build it with:  galley build issue.yaml -o out
title: @TITLE@ — @MONTH@
publication: @TITLE@
number: 1
date: @DATE@
lang: en
description: The first issue of @TITLE@.
editors: [Your Name]
style: style.yaml
cover:
  image: images/cover.png
  alt: The cover of @TITLE@, issue 1
articles:
  - welcome.md
)";

const char* const kArticle = R"(---
publication: @TITLE@
title: Welcome to @TITLE@
subtitle: How an article becomes a printed page and an e-book
dek: Write in Markdown, keep the metadata in the front matter, and galley sets both editions from the same file.
authors:
  - name: Your Name
    bio: Your Name edits @TITLE@.
date: @DATE@
lang: en
tags: [Publishing, Typography]
cover:
  image: images/cover.png
  alt: A band of colour, the cover of @TITLE@
---
## Writing

An article is a Markdown file whose front matter holds what a reader sees before the text: the
title, the subtitle and dek, the authors with their biographies, the date and the cover. The
text itself is ordinary Markdown, with *emphasis*, **strong words**, [links](https://example.org)
and notes, like this one.[^notes]

> A style says how every article of the publication looks; an article only says what it is.

## Structure

Headings, lists and tables are laid out by the style:

1. Write the article.
2. Run `galley check welcome.md` for mistakes, each with its file and line.
3. Build the issue.

| Edition | What galley makes           |
|---------|-----------------------------|
| Print   | A paginated, tagged PDF     |
| E-book  | An EPUB 3 with a page list  |

[^notes]: Notes are numbered and set at the foot of the page in print, and linked both ways in
    the e-book.
)";

const char* const kWorkflow =
    R"(# Builds the issue on every push and keeps the PDF and EPUB. galley is built from its source:
# set the repository variable GALLEY_GIT to the address of the galley repository you use.
name: issue
on: [push, pull_request]

jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - name: Build and install galley
        run: |
          git clone --depth 1 "${{ vars.GALLEY_GIT }}" galley-src
          sudo galley-src/tools/bootstrap
          cmake -S galley-src -B galley-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DGALLEY_TESTS=OFF
          cmake --build galley-build
          sudo cmake --install galley-build
      - name: Build the issue
        run: |
          export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
          galley build issue.yaml --format pdf,epub --single -o out --strict --report out/report.json
      - uses: actions/upload-artifact@v4
        with:
          name: issue
          path: out/
)";

const char* const kReadme = R"(# @TITLE@

Made with galley. `issue.yaml` lists the articles of the issue, `style.yaml` is the house style
(extending galley's '@STYLE@'), `welcome.md` is an example article.

    galley check issue.yaml            # every mistake, with its file and line
    galley build issue.yaml -o out     # out/issue.pdf and out/issue.epub
    galley pdf welcome.md              # one article

`.github/workflows/issue.yml` builds the issue on every push.
)";

} // namespace galley::cli::templates
