#pragma once
// Depth-first visits of the model's blocks and inlines, in document order.
#include "galley/model.hpp"

#include <type_traits>

namespace galley::model {

/// Calls `f(Inline&)` for every inline under `inlines`, parents before children. `Is` is
/// Inlines or const Inlines.
template <class Is, class F> void walk_inlines(Is& inlines, F&& f) {
  for (auto& in : inlines) {
    f(in);
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Emphasis> || std::is_same_v<T, Strong> ||
                        std::is_same_v<T, Strikethrough> || std::is_same_v<T, Link> ||
                        std::is_same_v<T, Superscript> || std::is_same_v<T, Subscript> ||
                        std::is_same_v<T, Span>)
            walk_inlines(v.children, f);
        },
        in.value);
  }
}

/// Calls `on_block(Block&)` for every block under `blocks` (parents first) and
/// `on_inlines(Inlines&, Block&)` for each run of inline content a block holds. `Bs` is
/// Blocks or const Blocks.
template <class Bs, class B, class I> void walk_blocks(Bs& blocks, B&& on_block, I&& on_inlines) {
  for (auto& b : blocks) {
    on_block(b);
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
            on_inlines(v.content, b);
          } else if constexpr (std::is_same_v<T, Figure>) {
            on_inlines(v.caption, b);
          } else if constexpr (std::is_same_v<T, Table>) {
            for (auto& row : v.rows)
              for (auto& cell : row.cells)
                on_inlines(cell.content, b);
          } else if constexpr (std::is_same_v<T, BlockQuote>) {
            walk_blocks(v.blocks, on_block, on_inlines);
          } else if constexpr (std::is_same_v<T, List>) {
            for (auto& item : v.items)
              walk_blocks(item.blocks, on_block, on_inlines);
          } else if constexpr (std::is_same_v<T, DefinitionList>) {
            for (auto& item : v.items) {
              on_inlines(item.term, b);
              for (auto& definition : item.definitions)
                walk_blocks(definition, on_block, on_inlines);
            }
          }
        },
        b.value);
  }
}

/// Calls `f(Inline&)` for every inline anywhere under `blocks`.
template <class F> void walk_all_inlines(Blocks& blocks, F&& f) {
  walk_blocks(
      blocks, [](Block&) {}, [&](Inlines& inlines, Block&) { walk_inlines(inlines, f); });
}

/// Calls `f(const ImageRef&, bool in_text)` for every picture `article` shows, in document
/// order: its cover, its authors' portraits, then the figures (in_text false) and inline images
/// (in_text true) of its blocks and of its notes.
template <class F> void for_each_picture(const Article& article, F&& f) {
  if (article.meta.cover) f(article.meta.cover->image, false);
  for (const Author& a : article.meta.authors)
    if (a.portrait) f(*a.portrait, false);
  auto on_block = [&](const Block& b) {
    if (const auto* figure = std::get_if<Figure>(&b.value)) f(figure->image, false);
  };
  auto on_inlines = [&](const Inlines& inlines, const Block&) {
    walk_inlines(inlines, [&](const Inline& in) {
      if (const auto* image = std::get_if<Image>(&in.value)) f(image->image, true);
    });
  };
  walk_blocks(article.blocks, on_block, on_inlines);
  for (const Note& n : article.notes) walk_blocks(n.blocks, on_block, on_inlines);
}

} // namespace galley::model
