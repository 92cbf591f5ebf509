#pragma once
// Image references: resolution against the article's folder, the path policy and file checks.
#include "input/draft.hpp"

#include <string_view>

namespace galley::input {

/// Resolves `ref.src` and sets `ref.path` (or `ref.remote`); a `ref` whose path its reader set
/// already (a picture held in memory, check_image_bytes()) is left as it is. `what` names the image
/// in messages
/// ("cover image", "figure"). A site-root path (`/images/x.png`) that is no file of its own is
/// looked up under each of `LoadOptions::resource_paths`. Errors: a path that is absolute or
/// leaves the allowed folders (ctx.roots), a file that is not a readable JPEG, PNG, GIF or SVG.
/// Warnings, leaving `ref.path` empty: a missing file (the outputs show the alt text in its
/// place) and a remote URL (galley never fetches it).
void resolve_image(model::ImageRef& ref, const SourceLoc& loc, std::string_view what,
                   const ArticleContext& ctx, Diagnostics& diags);

/// The checks resolve_image() makes on an image's bytes, for an image that is no file of its
/// own (a picture inside a DOCX): a known format whose header is readable, within the sides
/// and pixels of `options.limits`, pixels that decode (unless `options.memo` says these bytes
/// did before). False after one error at `loc` naming `label`.
bool check_image_bytes(std::string_view bytes, const std::string& label, const SourceLoc& loc,
                       const LoadOptions& options, Diagnostics& diags);

/// Lexically: is `path` inside `root` (both absolute and normal)?
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

/// Is `path` (absolute and normal, existing) inside one of `roots` both as written and once
/// every symbolic link on the way is resolved? A link inside a root may point anywhere.
bool inside_roots(const std::filesystem::path& path,
                  const std::vector<std::filesystem::path>& roots, bool& escapes_by_link);

} // namespace galley::input
