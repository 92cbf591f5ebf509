"""Cuts the article out of an HTML page, for pandoc to read as the reference of the survival check.

    article_part.py PAGE ROOT [DROP...]          the article's body
    article_part.py --notes PAGE NOTES [DROP...] the text of its footnotes

ROOT and NOTES name one element each (ROOT may be `:root`, the whole of a fragment), DROP the elements to leave out, with simple selectors:
`tag`, `.class`, `#id`, `[attr]`, `[attr=value]`, `[attr^=prefix]`, or a tag followed by one of the others
(`div.footnotes`). Scripts, styles, navigation, forms and buttons are always left out, and so are
note references: links to an element inside the footnotes (and a <sup> around one).
The page must close its elements (the test pages do); Python's html.parser builds no HTML5 tree.
"""
import html
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
ALWAYS_DROPPED = ["script", "style", "noscript", "nav", "form", "button", "svg", "template"]


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v or "") for k, v in attrs], self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, [(k, v or "") for k, v in attrs], self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def matches(node, selector):
    m = re.fullmatch(r"([a-z0-9]*)(?:\.([\w-]+)|#([\w:-]+)|\[([\w:-]+)(?:(\^?=)([^\]]*))?\])?", selector)
    if not m or not isinstance(node, Node):
        return False
    tag, cls, ident, attr, op, value = m.groups()
    if tag and node.tag != tag:
        return False
    if cls and cls not in node.attrs.get("class", "").split():
        return False
    if ident and node.attrs.get("id") != ident:
        return False
    if attr:
        have = node.attrs.get(attr)
        if have is None or (op == "=" and have != value) or (op == "^=" and not have.startswith(value)):
            return False
    return True


def find(node, selector):
    if matches(node, selector):
        return node
    for child in getattr(node, "children", []):
        found = find(child, selector)
        if found is not None:
            return found
    return None


def ids_under(node, out):
    if isinstance(node, Node):
        if "id" in node.attrs:
            out.add(node.attrs["id"])
        for child in node.children:
            ids_under(child, out)
    return out


def is_note_ref(node, note_ids):
    if not isinstance(node, Node):
        return False
    href = node.attrs.get("href", "")
    if node.tag == "a" and href.startswith("#") and href[1:] in note_ids:
        return True
    elements = [c for c in node.children if isinstance(c, Node)]
    text = "".join(c for c in node.children if isinstance(c, str)).strip()
    return node.tag == "sup" and len(elements) == 1 and not text and is_note_ref(elements[0], note_ids)


def write(node, drops, note_ids, out):
    if isinstance(node, str):
        out.append(html.escape(node, quote=False))
        return
    if any(matches(node, s) for s in drops) or is_note_ref(node, note_ids):
        return
    attrs = "".join(f' {k}="{html.escape(v)}"' for k, v in node.attrs.items() if k in ("href", "src", "alt"))
    out.append(f"<{node.tag}{attrs}>")
    for child in node.children:
        write(child, drops, note_ids, out)
    if node.tag not in VOID:
        out.append(f"</{node.tag}>")


def main(argv):
    notes_only = argv[:1] == ["--notes"]
    if notes_only:
        argv = argv[1:]
    page, root_selector, drops = argv[0], argv[1], argv[2:] + ALWAYS_DROPPED
    builder = TreeBuilder()
    with open(page, encoding="utf-8") as f:
        builder.feed(f.read())
    root = builder.root if root_selector == ":root" else find(builder.root, root_selector)
    if root is None:
        sys.exit(f"{page}: nothing matches {root_selector}")
    note_ids = set()
    for selector in drops:
        container = find(builder.root, selector)
        if container is not None and not notes_only:
            ids_under(container, note_ids)
    out = []
    for child in root.children:
        write(child, drops, note_ids, out)
    sys.stdout.write("<html><body>" + "".join(out) + "</body></html>\n")


if __name__ == "__main__":
    main(sys.argv[1:])
