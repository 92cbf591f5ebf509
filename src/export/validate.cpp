#include "galley/render.hpp"

#include "model/walk.hpp"
#include "util/image_info.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>

namespace galley::render {

namespace {

namespace fs = std::filesystem;

// What the loaders guarantee of an article they made, checked on one built in code: a program
// fills model::Article itself and asks here before it renders.
class Validator {
public:
  Validator(const RenderOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  void article(const model::Article& a, std::size_t index) {
    const SourceLoc where{a.source_path.empty() ? "article " + std::to_string(index + 1)
                                                : a.source_path};
    if (a.meta.title.empty())
      diags_.error(where, "article has no title");
    if (a.notes.size() > options_.limits.max_notes)
      diags_.error(where, "article has " + std::to_string(a.notes.size()) +
                              " notes (the limit is " + std::to_string(options_.limits.max_notes) +
                              ")");
    std::set<std::string> notes;
    for (const model::Note& n : a.notes)
      if (!notes.insert(n.id).second)
        diags_.error(n.loc.file.empty() ? where : n.loc, "note '" + n.id + "' is defined twice");
    std::set<std::string> cited;
    auto visit = [&](const model::Blocks& blocks) {
      model::walk_blocks(
          blocks,
          [&](const model::Block& b) {
            if (const auto* f = std::get_if<model::Figure>(&b.value))
              image(f->image, b.loc.file.empty() ? where : b.loc);
          },
          [&](const model::Inlines& inlines, const model::Block& b) {
            model::walk_inlines(inlines, [&](const model::Inline& in) {
              const SourceLoc& loc = !in.loc.file.empty()  ? in.loc
                                     : !b.loc.file.empty() ? b.loc
                                                           : where;
              if (const auto* ref = std::get_if<model::NoteRef>(&in.value)) {
                cited.insert(ref->id);
                if (!notes.count(ref->id))
                  diags_.error(loc, "reference to note '" + ref->id + "', which the article lacks");
              } else if (const auto* img = std::get_if<model::Image>(&in.value)) {
                image(img->image, loc);
              }
            });
          });
    };
    visit(a.blocks);
    for (const model::Note& n : a.notes)
      visit(n.blocks);
    for (const model::Note& n : a.notes)
      if (n.kind == model::NoteKind::Footnote && !cited.count(n.id))
        diags_.warning(n.loc.file.empty() ? where : n.loc,
                       "note '" + n.id + "' is never referenced");
  }

private:
  // A picture the renderers will read: a file that is there, within the limits, in a format
  // galley knows. Remote images are drawn as their alt text and need nothing.
  void image(const model::ImageRef& ref, const SourceLoc& loc) {
    if (ref.remote)
      return;
    const std::string shown = "image '" + (ref.src.empty() ? ref.path : ref.src) + "'";
    std::error_code ec;
    if (ref.path.empty() || !fs::is_regular_file(ref.path, ec)) {
      diags_.error(loc, shown + " is not a file");
      return;
    }
    const auto size = fs::file_size(ref.path, ec);
    if (ec || size > options_.limits.max_image_file_size) {
      diags_.error(loc, shown + " is larger than " +
                            std::to_string(options_.limits.max_image_file_size) + " bytes");
      return;
    }
    std::ifstream in(ref.path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    const ImageInfo info = probe_image(bytes);
    if (!in || info.format == ImageFormat::Unknown)
      diags_.error(loc, shown + " is not an image galley reads");
    else if (!info.error.empty())
      diags_.error(loc, shown + ": " + info.error);
    else if (info.width > options_.limits.max_image_side ||
             info.height > options_.limits.max_image_side ||
             std::uint64_t(info.width) * info.height > options_.limits.max_image_pixels)
      diags_.error(loc, shown + " is " + std::to_string(info.width) + "x" +
                            std::to_string(info.height) + " pixels, past the limits");
  }

  const RenderOptions& options_;
  Diagnostics& diags_;
};

} // namespace

bool validate(const model::Issue& issue, const RenderOptions& options, Diagnostics& diags) {
  const int before = diags.error_count();
  if (issue.articles.empty())
    diags.error(issue.loc, "the issue has no articles");
  Validator v(options, diags);
  for (std::size_t i = 0; i < issue.articles.size(); ++i)
    v.article(issue.articles[i], i);
  return diags.error_count() == before;
}

} // namespace galley::render
