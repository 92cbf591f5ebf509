#include "layout/vlist.hpp"

#include <algorithm>

namespace galley::layout::detail {

void VList::box(VBox b) {
  box_height += b.height;
  boxes.push_back(std::move(b));
  items.push_back({VKind::Box, static_cast<int>(boxes.size()) - 1, 0, 0});
  if (keep_ > 0) --keep_;
}

void VList::glue(double size) {
  if (size <= 0) return;
  if (!items.empty() && items.back().kind == VKind::Glue) {
    items.back().size = std::max(items.back().size, size);
    items.back().shrink = items.back().size * shrink_share;
    return;
  }
  items.push_back({VKind::Glue, -1, size, 0, size * shrink_share});
}

void VList::penalty(int cost) {
  if (keep_ > 0) cost = kForbidden;
  // A break before any box is pointless: the page would be empty.
  if (boxes.empty()) return;
  // Penalty after glue: move it before the glue, so that the glue is discarded at the break.
  std::size_t at = items.size();
  while (at > 0 && items[at - 1].kind == VKind::Glue) --at;
  if (at > 0 && items[at - 1].kind == VKind::Penalty) {
    items[at - 1].penalty = std::max(items[at - 1].penalty, cost);
    return;
  }
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), VItem{VKind::Penalty, -1, 0, cost});
}

void VList::keep_next(int boxes_count) { keep_ = std::max(keep_, boxes_count); }

} // namespace galley::layout::detail
