#pragma once
// The nesting limit shared by the Markdown and XML readers: content deeper than
// Limits::max_nesting is dropped, and that is said once per document.
#include "galley/diagnostics.hpp"

#include <string>

namespace galley::input {

class NestingGuard {
public:
  explicit NestingGuard(int max_depth) : max_depth_(max_depth) {}

  /// True when `depth` is past the limit; the first time, reports it at `loc`.
  template <class LocFn> bool too_deep(int depth, LocFn&& loc, Diagnostics& diags) {
    if (depth <= max_depth_) return false;
    if (!reported_)
      diags.error(loc(), "content is nested more than " + std::to_string(max_depth_) +
                             " levels deep; the deeper part is left out");
    reported_ = true;
    return true;
  }

  int max_depth() const { return max_depth_; }

private:
  int max_depth_;
  bool reported_ = false;
};

} // namespace galley::input
