#include "input/images.hpp"

#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/image_decode.hpp"
#include "util/image_info.hpp"
#include "util/resolved_paths.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

namespace galley::input {

namespace fs = std::filesystem;

bool is_inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty())
      continue; // a trailing separator in `root`
    if (p == path.end() || *p != *r)
      return false;
  }
  return true;
}

bool inside_roots(const fs::path& path, const std::vector<fs::path>& roots, bool& escapes_by_link) {
  escapes_by_link = false;
  if (std::none_of(roots.begin(), roots.end(),
                   [&](const fs::path& r) { return is_inside(path, r); }))
    return false;
  std::error_code ec;
  fs::path real = weakly_canonical_path(path, ec);
  bool real_inside = !ec && std::any_of(roots.begin(), roots.end(), [&](const fs::path& r) {
    std::error_code ec2;
    fs::path root = weakly_canonical_path(r, ec2);
    return !ec2 && is_inside(real, root);
  });
  escapes_by_link = !real_inside;
  return real_inside;
}

namespace {

/// RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"; one letter is a drive.
std::string scheme_of(std::string_view src) {
  size_t colon = src.find(':');
  if (colon == std::string_view::npos || colon < 2)
    return {};
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(src[i]);
    if (!std::isalpha(c) && !(i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.')))
      return {};
  }
  std::string s(src.substr(0, colon));
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Markdown URLs arrive percent-encoded (cmark-gfm normalizes them); file names do not.
std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

} // namespace

namespace {

/// validate_image, once per distinct content in the process, and not at all for content that
/// `memo` says decoded whole before: an issue shows the same logo or portrait in many
/// articles, and decoding every pixel of it again each time was most of the time an issue took
/// to load. Keyed by the bytes' SHA-256, so a file changed since (a long `galley watch`) is
/// checked anew.
std::string validated(std::string_view bytes, const ImageInfo& info, const ArticleMemo* memo) {
  static std::mutex mutex;
  static std::map<std::string, std::string> seen;
  std::string key = sha256_hex(bytes);
  {
    std::lock_guard lock(mutex);
    if (auto it = seen.find(key); it != seen.end()) return it->second;
  }
  const bool known = memo && memo->sound_image(key);
  std::string why = known ? std::string() : validate_image(bytes, info);
  if (memo && !known && why.empty())
    memo->keep_sound_image(key);
  std::lock_guard lock(mutex);
  return seen.emplace(std::move(key), std::move(why)).first->second;
}

} // namespace

bool check_image_bytes(std::string_view bytes, const std::string& label, const SourceLoc& loc,
                       const LoadOptions& options, Diagnostics& diags) {
  const Limits& limits = options.limits;
  ImageInfo info = probe_image(bytes);
  if (info.format == ImageFormat::Unknown) {
    diags.error(loc, label + " is not a JPEG, PNG, GIF, WebP, AVIF or SVG image");
    return false;
  }
  if (!info.error.empty()) {
    diags.error(loc, label + " is unreadable: " + info.error);
    return false;
  }
  // The header's size, before anything decodes the pixels: a small file may declare a huge
  // image (a decompression bomb).
  std::string size = std::to_string(info.width) + " x " + std::to_string(info.height);
  if (info.width > limits.max_image_side || info.height > limits.max_image_side) {
    diags.error(loc,
                label + " is too large: " + size + " pixels (the limit is " +
                    std::to_string(limits.max_image_side) + " pixels a side)",
                "scale the image down, or raise the limit with --max-image-side");
    return false;
  }
  if (std::uint64_t(info.width) * info.height > limits.max_image_pixels) {
    diags.error(loc,
                label + " is too large: " + size + " pixels (the limit is " +
                    std::to_string(limits.max_image_pixels) + " pixels)",
                "scale the image down, or raise the limit with --max-image-pixels");
    return false;
  }
  if (info.default_size)
    diags.warning(loc,
                  label + " gives no width, height or viewBox; it is drawn at 300 x 150 pixels",
                  "give the <svg> element a viewBox, or a width and height");
  if (std::string bad = validated(bytes, info, options.memo); !bad.empty()) {
    diags.error(loc, label + " is unreadable: " + bad);
    return false;
  }
  return true;
}

void resolve_image(model::ImageRef& ref, const SourceLoc& loc, std::string_view what,
                   const ArticleContext& ctx, Diagnostics& diags) {
  // A picture its reader took out of a package (DOCX) is held in memory, checked already.
  if (!ref.path.empty())
    return;
  const std::string label = std::string(what) + " '" + ref.src + "'";
  if (ref.src.empty()) {
    diags.error(loc, std::string(what) + " has no path");
    return;
  }
  std::string scheme = scheme_of(ref.src);
  if (scheme == "http" || scheme == "https" || ref.src.rfind("//", 0) == 0) {
    ref.remote = true;
    diags.warning(loc, label + " is a remote URL; galley never fetches it and shows the alt text",
                  "download the image next to the article");
    return;
  }
  if (!scheme.empty()) {
    diags.error(loc, label + " uses the unsupported URL scheme '" + scheme + "'");
    return;
  }
  fs::path given(percent_decode(ref.src.substr(0, ref.src.find_first_of("?#"))));
  fs::path resolved = absolute_normal(given.is_absolute() ? given : ctx.base_dir / given);
  std::error_code ec;
  // A site-root path (`/images/x.png`, served from Hugo's static/ or Jekyll's site folder)
  // names a file under a --resource-path folder, when it is not a file of its own.
  const bool site_root = given.is_absolute() && !fs::exists(resolved, ec);
  if (site_root) {
    for (const auto& dir : ctx.options->resource_paths) {
      fs::path candidate = absolute_normal(absolute_normal(dir) / given.relative_path());
      if (fs::is_regular_file(candidate, ec)) {
        resolved = candidate;
        break;
      }
    }
    if (!fs::is_regular_file(resolved, ec)) {
      diags.warning(loc, label + " not found",
                    "a path from the site's root: give its static folder with --resource-path");
      return;
    }
  }
  bool by_link = false;
  bool allowed = inside_roots(resolved, ctx.roots, by_link);
  if (!allowed && by_link) {
    diags.error(loc, label + " links to a file outside the allowed folders",
                "copy the image next to the article, or allow its folder with --allow-path");
    return;
  }
  if (!allowed) {
    diags.error(loc,
                label + (given.is_absolute() ? " is an absolute path outside the article's folder"
                                             : " leaves the article's folder"),
                "move the image next to the article, or allow its folder with --allow-path");
    return;
  }
  if (!fs::is_regular_file(resolved, ec)) {
    fs::path shown = (fs::path(ctx.display).parent_path() / given).lexically_normal().parent_path();
    diags.warning(loc, label + " not found (looked in " +
                           (shown.empty() ? std::string(".") : shown.generic_string()) + ")");
    return;
  }
  const Limits& limits = ctx.options->limits;
  auto file_size = fs::file_size(resolved, ec);
  if (!ec && file_size > limits.max_image_file_size) {
    diags.error(loc,
                label + " is too large (" + std::to_string(file_size) + " bytes; the limit is " +
                    std::to_string(limits.max_image_file_size) + ")",
                "raise the limit with --max-image-size");
    return;
  }
  std::string why;
  // What is read must lie beneath a root, not only its name: the check above is on the name.
  auto bytes = read_file_beneath(ctx.roots, resolved, &why, limits.max_image_file_size);
  if (!bytes) {
    diags.error(loc, label + " cannot be read: " + why);
    return;
  }
  if (!check_image_bytes(*bytes, label, loc, *ctx.options, diags))
    return;
  // The layout and the writers read the image again by this path: confined the same way.
  confine_reads(resolved, ctx.roots);
  ref.path = resolved.string();
}

} // namespace galley::input
