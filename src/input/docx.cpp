// The DOCX reader's package level: the parts it reads, the metadata of docProps/core.xml and the
// title block, the notes, and the one warning about revisions and comments.
#include "input/docx.hpp"

#include "input/dates.hpp"
#include "input/docx_body.hpp"
#include "input/meta.hpp"
#include "input/xml_text.hpp"
#include "util/text_utils.hpp"

#include <algorithm>

namespace galley::input {

namespace {

using namespace docx;

/// The target of the first relationship of `type` in `rels`, or `fallback`.
std::string part_of(const std::map<std::string, Relationship>& rels, std::string_view type,
                    const std::string& fallback) {
  for (const auto& [id, rel] : rels)
    if (rel.type == type && !rel.external)
      return rel.target;
  return fallback;
}

/// The names a core property lists, split at semicolons (pandoc joins authors with "; ") or,
/// for keywords, at commas too.
std::vector<std::string> split_list(std::string_view text, bool commas) {
  std::vector<std::string> out;
  std::string item;
  auto end_item = [&] {
    std::string s = collapse_spaces(item);
    if (!s.empty())
      out.push_back(s);
    item.clear();
  };
  for (char c : text) {
    if (c == ';' || (commas && c == ','))
      end_item();
    else
      item += c;
  }
  end_item();
  return out;
}

/// The core properties (ECMA-376 Part 2, 11): title, creator, description, keywords and
/// language. Their dates are when the file was made and saved, not when the article appears,
/// so no date comes from them (as pandoc reads them).
struct Core {
  std::string title, creator, description, keywords, language;
};

Core read_core(const XmlPart* part) {
  Core core;
  if (!part)
    return core;
  for (auto c : part->root().children()) {
    const std::string_view name = local_name(c);
    std::string text = collapse_spaces(deep_text(c));
    if (name == "title")
      core.title = text;
    else if (name == "creator")
      core.creator = text;
    else if (name == "description")
      core.description = text;
    else if (name == "keywords")
      core.keywords = text;
    else if (name == "language")
      core.language = text;
  }
  return core;
}

void apply_meta(const TitleBlock& title, const Core& core, const Styles& styles,
                const ArticleContext& ctx, ArticleDraft& draft, Diagnostics& diags) {
  model::Meta& meta = draft.article.meta;
  const SourceLoc at{ctx.display};
  meta.loc = at;
  meta.title = title.title.empty() ? core.title : title.title;
  meta.subtitle = title.subtitle;
  meta.dek = title.abstract.empty() ? core.description : title.abstract;
  const std::vector<std::string> names =
      title.authors.empty() ? split_list(core.creator, false) : title.authors;
  for (const auto& name : names) {
    model::Author a;
    a.name = name;
    a.loc = at;
    meta.authors.push_back(std::move(a));
  }
  if (!title.date.empty()) {
    if (auto d = parse_date(title.date))
      meta.date = d;
    else
      diags.warning(at, "the Date paragraph '" + title.date + "' is not a date; it is left out",
                    "write it as 2026-04-27 or April 27, 2026");
  }
  for (auto& tag : split_list(core.keywords, true))
    if (std::find(meta.tags.begin(), meta.tags.end(), tag) == meta.tags.end())
      meta.tags.push_back(std::move(tag));
  const std::string& lang = styles.language().empty() ? core.language : styles.language();
  if (!lang.empty())
    if (auto tag = language_tag(lang, at, diags))
      meta.language = *tag;
}

/// The footnotes or endnotes of `part` (17.11) as notes; the separators Word keeps there are
/// not notes.
void read_notes(Package& package, BodyReader& reader, const std::string& part,
                std::string_view element, const std::string& prefix, const ArticleContext& ctx,
                ArticleDraft& draft, Diagnostics& diags) {
  auto notes = package.xml(part);
  if (!notes)
    return;
  reader.set_part(part);
  for (auto n : notes->root().children()) {
    if (local_name(n) != element)
      continue;
    std::string_view type = attr(n, "type");
    if (!type.empty() && type != "normal")
      continue;
    if (draft.article.notes.size() >= ctx.options->limits.max_notes) {
      diags.error({ctx.display},
                  "too many notes: the limit is " + std::to_string(ctx.options->limits.max_notes),
                  "raise the limit with --max-notes");
      draft.too_many_notes = true;
      return;
    }
    model::Note note;
    note.id = prefix + std::string(attr(n, "id"));
    note.loc = {ctx.display};
    reader.blocks(n, note.blocks, nullptr, 1);
    draft.article.notes.push_back(std::move(note));
  }
}

void warn_revisions(const Revisions& r, const ArticleContext& ctx, Diagnostics& diags) {
  const bool changes = r.insertions || r.deletions;
  if (!changes && !r.comments)
    return;
  std::string what = changes ? "tracked changes are taken as accepted (insertions kept, "
                               "deletions dropped)"
                             : "";
  if (r.comments)
    what += changes ? " and comments are left out" : "comments are left out";
  diags.warning({ctx.display},
                "the document has " +
                    std::string(changes && r.comments ? "tracked changes and comments"
                                : changes             ? "tracked changes"
                                                      : "comments") +
                    ": " + what,
                "accept or reject the changes in the word processor to choose the text");
}

} // namespace

bool is_docx(std::string_view bytes) {
  return is_docx_package(bytes);
}

bool read_docx(std::string_view bytes, const ArticleContext& ctx, ArticleDraft& draft,
               Diagnostics& diags) {
  Package package(bytes, ctx.display, ctx.options->limits, diags);
  if (!package.ok())
    return false;
  const std::string document_part = package.document();
  auto document = package.xml(document_part);
  pugi::xml_node body = document ? child_named(document->root(), "body") : pugi::xml_node();
  if (!body) {
    if (!package.failed())
      diags.error({ctx.display}, "the DOCX file is corrupt: " + document_part + " has no body",
                  "save the document again from the word processor");
    return false;
  }
  const auto rels = package.relationships(document_part);
  auto styles_part = package.xml(part_of(rels, "styles", "word/styles.xml"));
  auto numbering_part = package.xml(part_of(rels, "numbering", "word/numbering.xml"));
  auto core_part =
      package.xml(part_of(package.relationships(""), "core-properties", "docProps/core.xml"));
  if (package.failed())
    return false; // one error said so; what the damaged parts would make is not shown
  const Styles styles(styles_part.get());
  const Numbering numbering(numbering_part.get());

  BodyReader reader(package, styles, numbering, ctx, draft, diags);
  reader.set_part(document_part);
  reader.collect_heading_bookmarks(body);
  TitleBlock title;
  reader.blocks(body, draft.article.blocks, &title, 0);
  read_notes(package, reader, part_of(rels, "footnotes", "word/footnotes.xml"), "footnote", "fn-",
             ctx, draft, diags);
  read_notes(package, reader, part_of(rels, "endnotes", "word/endnotes.xml"), "endnote", "en-", ctx,
             draft, diags);
  if (package.failed())
    return false;

  apply_meta(title, read_core(core_part.get()), styles, ctx, draft, diags);
  Revisions revisions = reader.revisions();
  // pandoc writes an empty comments part into every document: only a comment in it counts.
  if (const std::string comments = part_of(rels, "comments", ""); !comments.empty())
    if (auto part = package.xml(comments); part && child_named(part->root(), "comment"))
      revisions.comments = true;
  warn_revisions(revisions, ctx, diags);
  return true;
}

} // namespace galley::input
