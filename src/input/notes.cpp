#include "input/notes.hpp"

#include "model/walk.hpp"

#include <algorithm>

namespace galley::input {

model::Blocks format_source(const model::Source& source, bool plain, const SourceLoc& loc) {
  model::Paragraph p;
  if (plain) {
    p.content.push_back({model::Text{source.title}, loc});
  } else {
    std::string text;
    auto add = [&](const std::string& part) {
      if (part.empty())
        return;
      if (!text.empty())
        text += ", ";
      text += part;
    };
    add(source.publisher);
    add(source.title.empty() ? std::string() : "\u201C" + source.title + "\u201D");
    add(source.date);
    if (!source.url.empty() && !text.empty())
      text += ", ";
    if (!text.empty())
      p.content.push_back({model::Text{text}, loc});
    if (!source.url.empty()) {
      model::Link link;
      link.url = source.url;
      link.children.push_back({model::Text{source.url}, loc});
      p.content.push_back({std::move(link), loc});
    }
  }
  model::Blocks blocks;
  blocks.push_back({std::move(p), loc});
  return blocks;
}

namespace {

struct Ref {
  std::string id;
  SourceLoc loc;
};

void collect_refs(model::Blocks& blocks, std::vector<Ref>& out) {
  model::walk_all_inlines(blocks, [&](model::Inline& in) {
    if (auto* r = std::get_if<model::NoteRef>(&in.value))
      out.push_back({r->id, in.loc});
  });
}

} // namespace

void resolve_notes(ArticleDraft& draft, const ArticleContext& ctx, Diagnostics& diags) {
  model::Article& article = draft.article;
  std::vector<model::Note> footnotes = std::move(article.notes);
  article.notes.clear();

  for (size_t i = 0; i < footnotes.size(); ++i) {
    for (size_t j = 0; j < i; ++j)
      if (footnotes[j].id == footnotes[i].id)
        diags.error(footnotes[i].loc, "note '" + footnotes[i].id +
                                          "' is defined twice (first at line " +
                                          std::to_string(footnotes[j].loc.line) + ")");
    for (const auto& s : draft.sources)
      if (s.id == footnotes[i].id)
        diags.error(footnotes[i].loc, "note '" + s.id + "' has the same id as a source (line " +
                                          std::to_string(s.loc.line) + ")");
  }
  if (footnotes.size() + draft.sources.size() > ctx.options->limits.max_notes) {
    diags.error({ctx.display},
                "too many notes (" + std::to_string(footnotes.size() + draft.sources.size()) +
                    "; the limit is " + std::to_string(ctx.options->limits.max_notes) + ")");
    return;
  }
  auto footnote_index = [&](const std::string& id) -> std::optional<size_t> {
    for (size_t i = 0; i < footnotes.size(); ++i)
      if (footnotes[i].id == id)
        return i;
    return std::nullopt;
  };
  auto source_index = [&](const std::string& id) -> std::optional<size_t> {
    for (size_t i = 0; i < draft.sources.size(); ++i)
      if (draft.sources[i].id == id)
        return i;
    return std::nullopt;
  };

  // Breadth-first: references in the body, then in the notes they lead to, in order.
  std::vector<Ref> refs;
  collect_refs(article.blocks, refs);
  std::vector<std::string> order;
  std::vector<bool> footnote_used(footnotes.size()), source_used(draft.sources.size());
  for (size_t next = 0; next < refs.size(); ++next) {
    const Ref r = refs[next];
    if (std::find(order.begin(), order.end(), r.id) != order.end())
      continue;
    if (auto f = footnote_index(r.id)) {
      order.push_back(r.id);
      footnote_used[*f] = true;
      collect_refs(footnotes[*f].blocks, refs);
    } else if (auto s = source_index(r.id)) {
      order.push_back(r.id);
      source_used[*s] = true;
    } else {
      std::vector<std::string> ids;
      for (const auto& n : footnotes)
        ids.push_back(n.id);
      for (const auto& e : draft.sources)
        ids.push_back(e.id);
      std::string guess = closest_match(r.id, ids);
      diags.error(r.loc, "note reference '[^" + r.id + "]' has no note",
                  guess.empty() ? std::string() : "did you mean '" + guess + "'?");
    }
  }

  int number = 0;
  for (const auto& id : order) {
    if (auto f = footnote_index(id)) {
      model::Note n = std::move(footnotes[*f]);
      n.number = ++number;
      n.cited = true;
      article.notes.push_back(std::move(n));
    } else if (auto s = source_index(id)) {
      const SourceEntry& e = draft.sources[*s];
      article.notes.push_back({e.id, model::NoteKind::Source, ++number, true,
                               format_source(e.source, e.plain, e.loc), e.source, e.loc});
    }
  }
  for (size_t i = 0; i < footnotes.size(); ++i)
    if (!footnote_used[i])
      diags.warning(footnotes[i].loc, "note '" + footnotes[i].id + "' is never referenced");
  for (const auto& u : draft.unused_notes)
    diags.warning(u.loc, "note '" + u.id + "' is never referenced");
  for (size_t i = 0; i < draft.sources.size(); ++i) {
    if (source_used[i])
      continue;
    const SourceEntry& e = draft.sources[i];
    article.notes.push_back({e.id, model::NoteKind::Source, ++number, false,
                             format_source(e.source, e.plain, e.loc), e.source, e.loc});
  }
}

} // namespace galley::input
