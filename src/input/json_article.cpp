#include "input/json_article.hpp"

#include "input/html_article.hpp"
#include "input/json_value.hpp"
#include "input/markdown.hpp"
#include "input/meta.hpp"
#include "model/walk.hpp"

namespace galley::input {

namespace {

/// Places everything read from a JSON string at the string: lines inside it name no place in
/// the file, and the checks after reading (notes, images) report at these places.
void place_at(model::Blocks& blocks, const SourceLoc& at) {
  model::walk_blocks(
      blocks,
      [&](model::Block& b) {
        b.loc = at;
        if (auto* list = std::get_if<model::List>(&b.value))
          for (auto& item : list->items)
            item.loc = at;
        else if (auto* table = std::get_if<model::Table>(&b.value))
          for (auto& row : table->rows)
            for (auto& cell : row.cells)
              cell.loc = at;
        else if (auto* dl = std::get_if<model::DefinitionList>(&b.value))
          for (auto& item : dl->items)
            item.loc = at;
      },
      [&](model::Inlines& in, model::Block&) {
        model::walk_inlines(in, [&](model::Inline& i) { i.loc = at; });
      });
}

void place_body_at(ArticleDraft& draft, const SourceLoc& at) {
  place_at(draft.article.blocks, at);
  for (model::Note& note : draft.article.notes) {
    note.loc = at;
    place_at(note.blocks, at);
  }
  for (UnusedNote& note : draft.unused_notes)
    note.loc = at;
}

/// Reads the Markdown of `body`. Lines inside a JSON string name no place in the file: every
/// message is placed at the string, and says which line of the body it is about.
void read_markdown_body(const std::string& markdown, const SourceLoc& at, const ArticleContext& ctx,
                        ArticleDraft& draft, Diagnostics& diags) {
  Diagnostics inner;
  // A blank first line: the body is text, and a `---` or `key:` line at its top is no front
  // matter (the JSON object is the front matter).
  read_markdown("\n" + markdown, ctx, draft, inner);
  for (Diagnostic d : inner.all()) {
    if (d.loc.line > 1)
      d.message += " (line " + std::to_string(d.loc.line - 1) + " of the body)";
    d.loc = at;
    diags.report(std::move(d));
  }
}

} // namespace

const std::vector<std::string>& json_body_keys() {
  static const std::vector<std::string> keys{"body", "body_html"};
  return keys;
}

bool read_json_article(std::string_view text, const ArticleContext& ctx, ArticleDraft& draft,
                       Diagnostics& diags) {
  std::optional<Value> root = parse_json(text, ctx.display, ctx.options->limits, diags);
  if (!root)
    return false;
  Value front;
  front.kind = ValueKind::Map;
  front.loc = root->loc;
  const Entry* body = nullptr;
  const Entry* body_html = nullptr;
  for (const Entry& e : root->map) {
    if (e.key == "body")
      body = &e;
    else if (e.key == "body_html")
      body_html = &e;
    else
      front.map.push_back(e);
  }
  read_front_matter(front, draft, diags);
  if (body != nullptr && body_html != nullptr) {
    diags.error(body_html->key_loc, "a JSON article has 'body' or 'body_html', not both",
                "'body' is Markdown, 'body_html' is HTML");
    return false;
  }
  const Entry* text_entry = body != nullptr ? body : body_html;
  if (text_entry == nullptr) {
    diags.error(root->loc, "JSON article has no 'body'",
                "add 'body' with the text in Markdown, or 'body_html' with it in HTML");
    return false;
  }
  std::optional<std::string> content = string_field(*text_entry, diags);
  if (!content)
    return false;
  const SourceLoc& at = text_entry->value.loc;
  bool ok = true;
  if (body != nullptr)
    read_markdown_body(*content, at, ctx, draft, diags);
  else
    ok = read_embedded_html(*content, at, ctx, draft, diags);
  place_body_at(draft, at);
  return ok;
}

} // namespace galley::input
