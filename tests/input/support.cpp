#include "support.hpp"

#include "model/walk.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <unistd.h>

namespace galley::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static int counter = 0;
  dir_ = fs::temp_directory_path() /
         ("galley-input-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::remove_all(dir_);
  fs::create_directories(dir_ / "images");
  for (const char* img : {"photo.png", "cover.jpg"})
    fs::copy_file(fs::path(GALLEY_TEST_DATA_DIR) / "input/fixtures/images" / img,
                  dir_ / "images" / img);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

fs::path TempDir::write(const std::string& name, std::string_view content) const {
  fs::path p = dir_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return p;
}

std::string dump(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all())
    out += format_text(d) + "\n";
  return out;
}

bool has(const Diagnostics& diags, Severity s, std::string_view text, int line) {
  for (const auto& d : diags.all())
    if (d.severity == s && d.message.find(text) != std::string::npos &&
        (line <= 0 || d.loc.line == line))
      return true;
  return false;
}

model::Article load_sample(const std::string& folder, const std::string& name) {
  Diagnostics diags;
  auto a = input::load_article(std::filesystem::path(GALLEY_TEST_DATA_DIR) / "e2e/data" / folder / name,
                               {}, diags);
  CAPTURE(dump(diags));
  REQUIRE(a);
  CHECK(diags.empty());
  return std::move(*a);
}

std::optional<model::Article> load_text(const TempDir& dir, const std::string& name,
                                        std::string_view content, Diagnostics& diags,
                                        const input::LoadOptions& options) {
  return input::load_article(dir.write(name, content), options, diags);
}

namespace {

/// An ordered list's numbering when it is not decimal, as " lower-alpha".
std::string numbering(model::ListNumbering n) {
  static const char* const kNames[] = {"", " lower-alpha", " upper-alpha", " lower-roman",
                                       " upper-roman"};
  return kNames[static_cast<int>(n)];
}

struct Dumper {
  std::string out;
  int depth = 0;

  void line(const std::string& s) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + s + "\n";
  }

  static std::string image(const model::ImageRef& r) {
    return "src=" + r.src + (r.path.empty() ? "" : " resolved") + (r.remote ? " remote" : "");
  }

  void inlines(const model::Inlines& in) {
    ++depth;
    for (const auto& i : in) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::Text>)
              line("text '" + v.text + "'");
            else if constexpr (std::is_same_v<T, model::Code>)
              line("code '" + v.text + "'");
            else if constexpr (std::is_same_v<T, model::RawInline>)
              line("raw '" + v.html + "'");
            else if constexpr (std::is_same_v<T, model::NoteRef>)
              line("note-ref " + v.id);
            else if constexpr (std::is_same_v<T, model::LineBreak>)
              line("line-break");
            else if constexpr (std::is_same_v<T, model::SoftBreak>)
              line("soft-break");
            else if constexpr (std::is_same_v<T, model::Math>)
              line(std::string(v.display ? "display-math '" : "math '") + v.tex + "'");
            else if constexpr (std::is_same_v<T, model::Image>)
              line("image " + image(v.image) + " alt='" + v.alt + "' title='" + v.title + "'");
            else if constexpr (std::is_same_v<T, model::Link>) {
              line("link " + v.url + " title='" + v.title + "'");
              inlines(v.children);
            } else if constexpr (std::is_same_v<T, model::Span>) {
              line("span " + std::to_string(static_cast<int>(v.kind)) + " lang=" + v.lang +
                   " dir=" + v.dir + " title='" + v.title + "'");
              inlines(v.children);
            } else {
              line(std::is_same_v<T, model::Emphasis>       ? "emphasis"
                   : std::is_same_v<T, model::Superscript> ? "superscript"
                   : std::is_same_v<T, model::Subscript>   ? "subscript"
                   : std::is_same_v<T, model::Strong> ? "strong"
                                                      : "strikethrough");
              inlines(v.children);
            }
          },
          i.value);
    }
    --depth;
  }

  void blocks(const model::Blocks& bs) {
    ++depth;
    for (const auto& b : bs) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::Heading>) {
              line("heading " + std::to_string(v.level) + " #" + v.id);
              inlines(v.content);
            } else if constexpr (std::is_same_v<T, model::Paragraph>) {
              line("paragraph");
              inlines(v.content);
            } else if constexpr (std::is_same_v<T, model::List>) {
              line(std::string("list ") +
                   (v.kind == model::ListKind::Ordered ? "ordered" : "bullet") +
                   numbering(v.numbering) + " start=" + std::to_string(v.start) +
                   (v.tight ? " tight" : " loose"));
              for (const auto& item : v.items) {
                line(std::string("item") + (item.checked ? (*item.checked ? " [x]" : " [ ]") : ""));
                blocks(item.blocks);
              }
            } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
              line("quote");
              blocks(v.blocks);
            } else if constexpr (std::is_same_v<T, model::CodeBlock>) {
              line("code-block " + v.language + " '" + v.code + "'");
            } else if constexpr (std::is_same_v<T, model::Figure>) {
              line("figure " + image(v.image) + " alt='" + v.alt + "' credit='" + v.credit +
                   "' id=" + v.id);
              inlines(v.caption);
            } else if constexpr (std::is_same_v<T, model::Table>) {
              std::string aligns;
              for (auto a : v.aligns)
                aligns += "dlcr"[static_cast<int>(a)];
              line("table header=" + std::to_string(v.header_rows) + " aligns=" + aligns);
              for (const auto& row : v.rows) {
                line("row");
                for (const auto& cell : row.cells)
                  inlines(cell.content);
              }
            } else if constexpr (std::is_same_v<T, model::ThematicBreak>) {
              line("thematic-break");
            } else if constexpr (std::is_same_v<T, model::DefinitionList>) {
              line("definition-list");
              for (const auto& item : v.items) {
                line("term");
                inlines(item.term);
                for (const auto& definition : item.definitions) {
                  line("definition");
                  blocks(definition);
                }
              }
            } else {
              line("raw-block '" + v.html + "'");
            }
          },
          b.value);
    }
    --depth;
  }
};

} // namespace

std::string dump(const model::Article& a) {
  Dumper d;
  const model::Meta& m = a.meta;
  d.line("publication " + m.publication);
  d.line("title " + m.title);
  d.line("subtitle " + m.subtitle);
  d.line("dek " + m.dek);
  for (const auto& au : m.authors)
    d.line("author " + au.name + " / " + au.file_as + " / " + au.role + " / " + au.bio + " / " +
           (au.portrait ? Dumper::image(*au.portrait) : "no portrait"));
  d.line("date " + (m.date ? model::format_date_iso(*m.date) : "none"));
  d.line("reading " + std::to_string(m.reading_minutes) + (m.reading_time_given ? " given" : ""));
  d.line("lang " + m.language);
  std::string tags;
  for (const auto& t : m.tags)
    tags += t + ";";
  d.line("tags " + tags);
  if (m.cover)
    d.line("cover " + Dumper::image(m.cover->image) + " alt='" + m.cover->alt + "' credit='" +
           m.cover->credit + "'");
  d.line("identifier " + m.identifier);
  d.line("slug " + m.slug);
  d.line("words " + std::to_string(a.word_count));
  d.line("body");
  d.blocks(a.blocks);
  for (const auto& n : a.notes) {
    d.line("note " + std::to_string(n.number) + " " + n.id +
           (n.kind == model::NoteKind::Source ? " source" : " footnote") +
           (n.cited ? " cited" : " uncited"));
    if (n.source)
      d.line("  " + n.source->publisher + " | " + n.source->title + " | " + n.source->date + " | " +
             n.source->url);
    d.blocks(n.blocks);
  }
  return d.out;
}

std::string all_text(const model::Blocks& blocks) {
  std::string out;
  model::Blocks copy = blocks;
  model::walk_blocks(
      copy, [](model::Block&) {},
      [&](model::Inlines& in, model::Block&) { out += model::plain_text(in) + "\n"; });
  return out;
}

} // namespace galley::test
