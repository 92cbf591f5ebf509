#!/usr/bin/env python3
"""Makes benchmark issues of N articles from the example articles, plus the same content as one
Markdown file (for pandoc and WeasyPrint) and one Typst file, so every tool sets the same words.
Usage: bench-make-issue.py OUTDIR N [N...]"""
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples", "quantum-dispatch")


def article_files():
    names = []
    in_list = False
    for line in open(os.path.join(EXAMPLES, "issue.yaml"), encoding="utf-8"):
        if line.startswith("articles:"):
            in_list = True
            continue
        if in_list:
            m = re.match(r"\s+-\s+(\S+)", line)
            if m:
                names.append(m.group(1))
            elif line.strip() and not line.startswith(" "):
                in_list = False
    return names


def split_front_matter(text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    return (m.group(1), m.group(2)) if m else ("", text)


def front_value(front, key):
    m = re.search(r"^" + key + r":\s*(.+)$", front, re.M)
    return m.group(1).strip().strip('"') if m else ""


def typst_escape(s):
    return re.sub(r'([#$*_@<>\[\]\\`~=/])', r"\\\1", s)


def markdown_to_typst(body):
    out = []
    for block in re.split(r"\n\s*\n", body):
        b = block.strip()
        if not b or b.startswith("[^"):
            continue
        b = re.sub(r"\[\^[^\]]+\]", "", b)
        h = re.match(r"(#+)\s+(.*)", b)
        if h:
            out.append("=" * len(h.group(1)) + " " + typst_escape(h.group(2)))
            continue
        if b.startswith("```"):
            out.append("```\n" + "\n".join(b.splitlines()[1:-1]) + "\n```")
            continue
        if b.startswith("!["):
            continue
        lines = []
        for line in b.splitlines():
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
            line = line.replace("**", "").replace("*", "").replace("`", "")
            lm = re.match(r"\s*([-*]|\d+\.)\s+(.*)", line)
            if lm:
                lines.append(("- " if lm.group(1) in "-*" else "+ ") + typst_escape(lm.group(2)))
            else:
                lines.append(typst_escape(line.lstrip("> |")))
        out.append("\n".join(lines))
    return "\n\n".join(out)


def main():
    outdir, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
    sources = [os.path.join(EXAMPLES, n) for n in article_files()]
    for n in sizes:
        d = os.path.join(outdir, "issue-%d" % n)
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(os.path.join(EXAMPLES, "images"), os.path.join(d, "images"))
        manifest = ["title: Benchmark issue of %d articles" % n, "publication: The Quantum Dispatch",
                    "number: %d" % n, "date: 2026-05-01", "articles:"]
        all_md = ["---", "title: Benchmark issue of %d articles" % n, "lang: en", "---", ""]
        typ = ['#set page(paper: "a4", margin: 20mm, numbering: "1")',
               '#set text(font: "EB Garamond", size: 10.5pt, lang: "en", hyphenate: true)',
               "#set par(justify: true, leading: 0.55em)", ""]
        for k in range(n):
            src = sources[k % len(sources)]
            text = open(src, encoding="utf-8").read()
            name = "a%03d-%s" % (k + 1, os.path.basename(src))
            text = re.sub(r"^title:\s*(.+)$", lambda m: "title: %s (%d)" % (m.group(1).strip().strip('"'), k + 1),
                          text, count=1, flags=re.M)
            open(os.path.join(d, name), "w", encoding="utf-8").write(text)
            manifest.append("  - " + name)
            front, body = split_front_matter(text)
            title = front_value(front, "title")
            cover = re.search(r"^\s+image:\s*(\S+)", front, re.M)
            body_unique = re.sub(r"\[\^([^\]]+)\]", lambda m: "[^%s-%d]" % (m.group(1), k + 1), body)
            all_md += ["# " + title, ""]
            if cover:
                all_md += ["![](%s)" % cover.group(1), ""]
            all_md += [body_unique, ""]
            typ += ["#pagebreak(weak: true)", "= " + typst_escape(title), ""]
            if cover:
                typ += ['#image("%s", width: 100%%)' % cover.group(1), ""]
            typ += [markdown_to_typst(body), ""]
        open(os.path.join(d, "issue.yaml"), "w", encoding="utf-8").write("\n".join(manifest) + "\n")
        open(os.path.join(d, "all.md"), "w", encoding="utf-8").write("\n".join(all_md))
        open(os.path.join(d, "all.typ"), "w", encoding="utf-8").write("\n".join(typ))


if __name__ == "__main__":
    main()
