"""A JATS article as pandoc is to read it for the reference of the survival check: its cited
footnotes set where they are cited, its MathML formulas left out.

    jats_reference.py ARTICLE      the article, on standard output

galley makes a footnote of a `fn-group` or a `table-wrap-foot` that an `<xref ref-type="fn">` or
`<xref ref-type="table-fn">` cites a note, numbered at the citation (docs/input.md, JATS).
pandoc 2.17 reads such a footnote as paragraphs where it stands (after the table, at the end of
the back matter) and the citation as a link whose label it glues to the word before it
("sensorsa"). Its abstract syntax keeps neither the footnote's id nor what was a footnote, so no
pandoc filter can tell them apart afterwards: here, before pandoc reads the file, each cited
footnote takes the place of its first citation as an inline `<fn>` (a note to pandoc, which
body.lua leaves out and notes.lua collects), without its label (galley numbers notes itself), and
the other citations of it go. Footnotes nothing cites stay where they are, as galley keeps them.

Formulas are drawn, not set as words, and body.lua leaves pandoc's Math out; but pandoc 2.17
reads a MathML formula of a `disp-formula` as one paragraph per identifier and operator ("d",
"=", "p", "1"), so MathML is taken out before it reads the file.
"""
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def remove_keeping_tail(parent, child):
    """Takes `child` out of `parent`; the text after it stays in its place."""
    at = list(parent).index(child)
    if child.tail:
        if at > 0:
            before = parent[at - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def main():
    # The prefixes JATS files use, kept as they are (ElementTree would name them ns0, ns1).
    for prefix, uri in (("xlink", "http://www.w3.org/1999/xlink"),
                        ("mml", "http://www.w3.org/1998/Math/MathML"),
                        ("ali", "http://www.niso.org/schemas/ali/1.0/")):
        ET.register_namespace(prefix, uri)
    tree = ET.parse(sys.argv[1])
    parent_of = {c: p for p in tree.iter() for c in p}
    citations = {}
    for xref in tree.iter():
        if local(xref.tag) == "xref" and xref.get("ref-type") in ("fn", "table-fn"):
            rid = (xref.get("rid") or "").split(" ")[0]
            citations.setdefault(rid, []).append(xref)
    for fn in list(tree.iter()):
        if local(fn.tag) != "fn" or local(parent_of[fn].tag) not in ("fn-group", "table-wrap-foot"):
            continue
        cited = citations.get(fn.get("id"), [])
        if not cited:
            continue
        remove_keeping_tail(parent_of[fn], fn)
        for label in [c for c in fn if local(c.tag) == "label"]:
            fn.remove(label)
        first = cited[0]
        fn.tail = first.tail
        first.tail = None
        holder = parent_of[first]
        holder.insert(list(holder).index(first), fn)
        holder.remove(first)
        for other in cited[1:]:
            remove_keeping_tail(parent_of[other], other)
    for holder in list(tree.iter()):
        for math in [c for c in holder if c.tag == "{http://www.w3.org/1998/Math/MathML}math"]:
            remove_keeping_tail(holder, math)
    # A group's title heads notes that stay as text; with none left, galley sets no heading.
    for group in tree.iter():
        if local(group.tag) == "fn-group" and not any(local(c.tag) == "fn" for c in group):
            for title in [c for c in group if local(c.tag) == "title"]:
                remove_keeping_tail(group, title)
    sys.stdout.write(ET.tostring(tree.getroot(), encoding="unicode"))


main()
