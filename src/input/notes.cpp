#include "input/notes.hpp"

#include "model/walk.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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
  if (draft.too_many_notes) return; // the reader refused the article at the first note too many
  model::Article& article = draft.article;
  std::vector<model::Note> footnotes = std::move(article.notes);
  article.notes.clear();

  // Every lookup below is by id through these maps, so resolving is linear in the notes and
  // references: an article of 100,000 notes takes no longer than reading it.
  std::unordered_map<std::string, size_t> footnote_at, source_at;
  footnote_at.reserve(footnotes.size());
  source_at.reserve(draft.sources.size());
  for (size_t i = 0; i < draft.sources.size(); ++i) source_at.emplace(draft.sources[i].id, i);
  for (size_t i = 0; i < footnotes.size(); ++i) {
    auto [first, fresh] = footnote_at.emplace(footnotes[i].id, i);
    if (!fresh)
      diags.error(footnotes[i].loc, "note '" + footnotes[i].id +
                                        "' is defined twice (first at line " +
                                        std::to_string(footnotes[first->second].loc.line) + ")");
    if (auto s = source_at.find(footnotes[i].id); s != source_at.end())
      diags.error(footnotes[i].loc, "note '" + footnotes[i].id + "' has the same id as a source (line " +
                                        std::to_string(draft.sources[s->second].loc.line) + ")");
  }
  const size_t limit = ctx.options->limits.max_notes;
  if (footnotes.size() + draft.sources.size() > limit) {
    // Sources come first in the file (front matter), so the first item past the limit is a note.
    const size_t past = limit > draft.sources.size() ? limit - draft.sources.size() : 0;
    diags.error(past < footnotes.size() ? footnotes[past].loc : SourceLoc{ctx.display},
                "too many notes (" + std::to_string(footnotes.size() + draft.sources.size()) +
                    "; the limit is " + std::to_string(limit) + ")",
                "raise the limit with --max-notes");
    return;
  }
  auto index_in = [](const std::unordered_map<std::string, size_t>& at,
                     const std::string& id) -> std::optional<size_t> {
    auto it = at.find(id);
    if (it == at.end()) return std::nullopt;
    return it->second;
  };

  // Breadth-first: references in the body, then in the notes they lead to, in order.
  std::vector<Ref> refs;
  collect_refs(article.blocks, refs);
  std::vector<std::string> order;
  std::unordered_set<std::string> ordered;
  std::vector<std::string> known_ids; // for "did you mean", made once when first needed
  int unknown_refs = 0;
  std::vector<bool> footnote_used(footnotes.size()), source_used(draft.sources.size());
  for (size_t next = 0; next < refs.size(); ++next) {
    const Ref r = refs[next];
    if (ordered.count(r.id) != 0) continue;
    if (auto f = index_in(footnote_at, r.id)) {
      order.push_back(r.id);
      ordered.insert(r.id);
      footnote_used[*f] = true;
      collect_refs(footnotes[*f].blocks, refs);
    } else if (auto s = index_in(source_at, r.id)) {
      order.push_back(r.id);
      ordered.insert(r.id);
      source_used[*s] = true;
    } else {
      if (known_ids.empty()) {
        for (const auto& n : footnotes) known_ids.push_back(n.id);
        for (const auto& e : draft.sources) known_ids.push_back(e.id);
      }
      // A suggestion compares with every id: offered for the first few unknown references only.
      std::string guess = ++unknown_refs <= 20 ? closest_match(r.id, known_ids) : std::string();
      diags.error(r.loc, "note reference '[^" + r.id + "]' has no note",
                  guess.empty() ? std::string() : "did you mean '" + guess + "'?");
    }
  }

  int number = 0;
  for (const auto& id : order) {
    if (auto f = index_in(footnote_at, id)) {
      model::Note n = std::move(footnotes[*f]);
      n.number = ++number;
      n.cited = true;
      article.notes.push_back(std::move(n));
    } else if (auto s = index_in(source_at, id)) {
      const SourceEntry& e = draft.sources[*s];
      article.notes.push_back({e.id, model::NoteKind::Source, ++number, true,
                               format_source(e.source, e.plain, e.loc), e.source, e.loc,
                               e.given_number});
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
                             format_source(e.source, e.plain, e.loc), e.source, e.loc,
                             e.given_number});
  }
}

} // namespace galley::input
