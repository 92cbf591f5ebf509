// `galley init DIR`: a publication to start from — a style extending a house style, an issue
// manifest, an example article with a cover, and a CI workflow — ready for `galley build`.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/init_templates.hpp"

#include "galley/error.hpp"
#include "galley/style.hpp"
#include "util/dates.hpp"
#include "util/files.hpp"
#include "util/image_pixels.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

namespace galley::cli {

namespace {

namespace fs = std::filesystem;

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values)
    for (std::size_t at = 0; (at = text.find(key, at)) != std::string::npos; at += value.size())
      text.replace(at, key.size(), value);
  return text;
}

// "harbour-gazette" -> "Harbour Gazette".
std::string title_of(const std::string& folder) {
  std::string out;
  bool start = true;
  for (char c : folder) {
    if (c == '-' || c == '_' || c == ' ') {
      out += ' ';
      start = true;
    } else {
      out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      start = false;
    }
  }
  return out;
}

std::string slug_of(const std::string& title) {
  std::string out;
  for (char c : title) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out.empty() ? "publication" : out;
}

// A cover to replace: bands from the accent colour to paper, 1200x800 (3:2, as covers are).
std::string cover_png() {
  Pixels p;
  p.width = 1200;
  p.height = 800;
  p.rgba.resize(std::size_t(p.width) * p.height * 4);
  for (std::uint32_t y = 0; y < p.height; ++y) {
    const unsigned band = y * 8 / p.height; // eight bands, darkest at the top
    const auto mix = [&](unsigned from, unsigned to) {
      return static_cast<char>(from + (to - from) * band / 7);
    };
    for (std::uint32_t x = 0; x < p.width; ++x) {
      char* px = &p.rgba[(std::size_t(y) * p.width + x) * 4];
      px[0] = mix(0x8a, 0xf4);
      px[1] = mix(0x2b, 0xee);
      px[2] = mix(0x0b, 0xe1);
      px[3] = static_cast<char>(0xff);
    }
  }
  return encode_png(p);
}

// The date the new issue carries: SOURCE_DATE_EPOCH's when set (reproducible scaffolds),
// else today's.
CivilTime today() {
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(sde, sde + std::strlen(sde), v);
    if (ec == std::errc() && *end == '\0')
      return civil_utc(v);
  }
  using namespace std::chrono;
  return civil_utc(duration_cast<seconds>(system_clock::now().time_since_epoch()).count());
}

} // namespace

void add_init_command(CLI::App& app, int& exit_code) {
  struct State {
    std::string dir;
    std::string title;
    std::string style = "dispatch";
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("init", "start a publication: style, issue, example article, CI");
  cmd->add_option("dir", st->dir, "the folder to create (must not exist, or be empty)")->required();
  cmd->add_option("--title", st->title, "the publication's name (default: from the folder's)");
  cmd->add_option("--style", st->style, "the bundled style to extend")->capture_default_str();
  cmd->callback([st, &exit_code] {
    Diagnostics diags;
    const fs::path dir = absolute_normal(st->dir);
    std::vector<std::string> styles;
    for (const auto& s : style::list_bundled_styles())
      styles.push_back(s.name);
    if (std::find(styles.begin(), styles.end(), st->style) == styles.end())
      diags.error({}, "no bundled style '" + st->style + "'",
                  closest_match(st->style, styles).empty()
                      ? "see 'galley styles'"
                      : "did you mean '" + closest_match(st->style, styles) + "'?");
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
      diags.error({st->dir}, "already exists and is not an empty folder");
    if (!fs::is_directory(dir.parent_path(), ec))
      diags.error({st->dir}, "the folder '" + dir.parent_path().string() + "' does not exist");
    if (diags.has_errors()) {
      print_diagnostics(diags, CommonOptions{});
      exit_code = kUsageError;
      return;
    }
    const std::string title = st->title.empty() ? title_of(dir.filename().string()) : st->title;
    const CivilTime date = today();
    static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", date.year, date.month, date.day);
    const std::vector<std::pair<std::string, std::string>> values = {
        {"@TITLE@", title},
        {"@SLUG@", slug_of(title)},
        {"@STYLE@", st->style},
        {"@DATE@", iso},
        {"@MONTH@", std::string(kMonths[date.month - 1]) + " " + std::to_string(date.year)}};
    // Made beside the target and renamed into place: an interrupted init leaves no half a
    // publication (a rename may replace an empty folder).
    const fs::path staging = dir.parent_path() / ("." + dir.filename().string() + ".galley-init");
    fs::remove_all(staging, ec);
    fs::create_directories(staging / "images");
    fs::create_directories(staging / ".github/workflows");
    write_file_atomic(staging / "style.yaml", fill(templates::kStyle, values));
    write_file_atomic(staging / "issue.yaml", fill(templates::kIssue, values));
    write_file_atomic(staging / "welcome.md", fill(templates::kArticle, values));
    write_file_atomic(staging / "README.md", fill(templates::kReadme, values));
    write_file_atomic(staging / ".github/workflows/issue.yml", fill(templates::kWorkflow, values));
    write_file_atomic(staging / "images/cover.png", cover_png());
    fs::rename(staging, dir, ec);
    if (ec) {
      fs::remove_all(staging, ec);
      throw Error("cannot create " + dir.string() + ": " + ec.message());
    }
    std::printf("created %s: style.yaml (extends %s), issue.yaml, welcome.md, images/cover.png, "
                ".github/workflows/issue.yml\nnext: galley build %s -o out\n",
                st->dir.c_str(), st->style.c_str(), (fs::path(st->dir) / "issue.yaml").c_str());
    exit_code = kOk;
  });
}

} // namespace galley::cli
