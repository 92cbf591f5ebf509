// `galley build --cache` and `--depfile` end to end (docs/ci.md, "Incremental builds"): what a
// second build takes from the cache, what one changed article or picture rebuilds, that a
// damaged entry is rebuilt, and that the depfile drives Ninja.
#include "galley_runner.hpp"
#include "test_support.hpp"

#include "util/files.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sys/stat.h>
#include <vector>

using namespace galley;
using namespace galley::test;
namespace fs = std::filesystem;

namespace {

const fs::path kExample = GALLEY_SOURCE_DIR "/examples/quantum-dispatch";

/// A copy of the example issue in a fresh folder, so that tests can edit it.
fs::path example_copy(const std::string& name) {
  fs::path dir = galley::test::fresh_folder("galley-cache-" + name);
  fs::copy(kExample, dir / "issue", fs::copy_options::recursive);
  return dir;
}

/// A copy of the example issue whose manifest names a style file of its own beside it,
/// `house.yaml`, which extends the bundled style it named.
fs::path house_style_copy(const std::string& name) {
  fs::path dir = example_copy(name);
  std::ofstream(dir / "issue/house.yaml") << "extends: dispatch\n";
  std::string manifest = read_file(dir / "issue/issue.yaml").value();
  const std::size_t at = manifest.find("style: dispatch");
  REQUIRE(at != std::string::npos);
  manifest.replace(at, 15, "style: house.yaml");
  std::ofstream(dir / "issue/issue.yaml") << manifest;
  return dir;
}

/// output file name -> whether the report says it came from the cache.
std::map<std::string, bool> cached_in(const fs::path& report) {
  std::string text = read_file(report).value();
  std::map<std::string, bool> out;
  for (std::size_t at = text.find("\"path\": \""); at != std::string::npos;
       at = text.find("\"path\": \"", at + 1)) {
    std::size_t start = at + 9, end = text.find('"', start);
    std::string name = fs::path(text.substr(start, end - start)).filename().string();
    std::size_t cached = text.find("\"cached\": ", end);
    out[name] = text.compare(cached + 10, 4, "true") == 0;
  }
  return out;
}

void append(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::app) << text;
}

std::int64_t mtime_ns(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec;
}

std::vector<std::string> build_args(const fs::path& dir, const std::string& out,
                                    const std::string& report) {
  return {"build",
          (dir / "issue/issue.yaml").string(),
          "--single",
          "-o",
          (dir / out).string(),
          "--cache=" + (dir / "cache").string(),
          "--report",
          (dir / report).string()};
}

} // namespace

TEST_SUITE("cli/build_cache") {
  TEST_CASE("a second build takes every output from the cache and leaves the files alone") {
    fs::path dir = example_copy("again");
    auto first = run_galley(build_args(dir, "out", "r1.json"));
    REQUIRE_MESSAGE(first.status == 0, first.output);
    auto r1 = cached_in(dir / "r1.json");
    REQUIRE(r1.size() == 6); // the issue in two formats and four articles
    for (const auto& [name, cached] : r1)
      CHECK_MESSAGE(!cached, name);
    std::map<std::string, std::string> bytes;
    std::map<std::string, std::int64_t> times;
    for (const auto& [name, cached] : r1) {
      bytes[name] = read_file(dir / "out" / name).value();
      times[name] = mtime_ns(dir / "out" / name);
    }

    auto second = run_galley(build_args(dir, "out", "r2.json"));
    REQUIRE_MESSAGE(second.status == 0, second.output);
    CHECK(second.output.find("6 from the cache") != std::string::npos);
    for (const auto& [name, cached] : cached_in(dir / "r2.json")) {
      CHECK_MESSAGE(cached, name);
      CHECK(read_file(dir / "out" / name).value() == bytes[name]);
      CHECK_MESSAGE(mtime_ns(dir / "out" / name) == times[name], name);
    }

    // An output deleted since is written again from the cache, the same bytes.
    fs::remove(dir / "out/issue.pdf");
    auto third = run_galley(build_args(dir, "out", "r3.json"));
    REQUIRE_MESSAGE(third.status == 0, third.output);
    CHECK(cached_in(dir / "r3.json")["issue.pdf"]);
    CHECK(read_file(dir / "out/issue.pdf").value() == bytes["issue.pdf"]);

    // One changed in place since, even to the same size, is made again: the cache knows a file
    // it placed by what stat said then, not by its name, and its copy of the bytes was that
    // file (a link), which no longer holds them.
    std::string edited = bytes["issue.epub"];
    edited[edited.size() / 2] ^= 0x01;
    std::ofstream(dir / "out/issue.epub", std::ios::binary | std::ios::trunc) << edited;
    auto fourth = run_galley(build_args(dir, "out", "r4.json"));
    REQUIRE_MESSAGE(fourth.status == 0, fourth.output);
    CHECK_FALSE(cached_in(dir / "r4.json")["issue.epub"]);
    CHECK(read_file(dir / "out/issue.epub").value() == bytes["issue.epub"]);
  }

  TEST_CASE("a written output is kept in the cache as a link to it, or as a copy on another "
            "file system") {
    fs::path dir = example_copy("link");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    auto links = [](const fs::path& p) {
      struct stat st {};
      REQUIRE(::stat(p.c_str(), &st) == 0);
      return st.st_nlink;
    };
    CHECK(links(dir / "out/issue.pdf") == 2);
    CHECK(links(dir / "out/issue.epub") == 2);
    // The next build replaces the output by renaming: the cache's name keeps the old bytes.
    const std::string before = read_file(dir / "out/issue.pdf").value();
    const fs::path article = dir / "issue/microsoft-openai.md";
    const std::string text = read_file(article).value();
    append(article, "\nOne more sentence.\n");
    REQUIRE(run_galley(build_args(dir, "out", "r2.json")).status == 0);
    CHECK(read_file(dir / "out/issue.pdf").value() != before);
    // Back as it was, and the output gone: the cache gives the first build's bytes.
    write_file_atomic(article, text);
    fs::remove(dir / "out/issue.pdf");
    REQUIRE(run_galley(build_args(dir, "out", "r3.json")).status == 0);
    CHECK(cached_in(dir / "r3.json")["issue.pdf"]);
    CHECK(read_file(dir / "out/issue.pdf").value() == before);

    // A cache on another file system (a tmpfs) holds copies, and they serve as well.
    const fs::path shm = "/dev/shm/galley-cache-link-test";
    struct stat a {
    }, b{};
    if (::stat("/dev/shm", &a) == 0 && ::stat(dir.c_str(), &b) == 0 && a.st_dev != b.st_dev) {
      fs::remove_all(shm);
      auto args = build_args(dir, "elsewhere", "r4.json");
      args[5] = "--cache=" + shm.string();
      REQUIRE(run_galley(args).status == 0);
      CHECK(links(dir / "elsewhere/issue.pdf") == 1);
      fs::remove(dir / "elsewhere/issue.pdf");
      args[7] = (dir / "r5.json").string();
      REQUIRE(run_galley(args).status == 0);
      CHECK(cached_in(dir / "r5.json")["issue.pdf"]);
      CHECK(read_file(dir / "elsewhere/issue.pdf").value() == before);
      fs::remove_all(shm);
    }
  }

  TEST_CASE("a changed article rebuilds the issue and that article, the same bytes as afresh") {
    fs::path dir = example_copy("one-article");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    append(dir / "issue/post-quantum-tls.md",
           "\nOne more paragraph, added after the issue was built.\n");
    auto again = run_galley(build_args(dir, "out", "r2.json"));
    REQUIRE_MESSAGE(again.status == 0, again.output);
    auto r2 = cached_in(dir / "r2.json");
    CHECK_FALSE(r2["issue.pdf"]);
    CHECK_FALSE(r2["issue.epub"]);
    CHECK_FALSE(r2["post-quantum-tls.pdf"]);
    CHECK(r2["logical-qubits.pdf"]);
    CHECK(r2["microsoft-openai.pdf"]);
    CHECK(r2["open-silicon-europe.pdf"]);

    // The issue PDF joined from three kept articles and one laid out again is the PDF a build
    // without a cache makes.
    auto fresh = run_galley(
        {"build", (dir / "issue/issue.yaml").string(), "--single", "-o", (dir / "fresh").string()});
    REQUIRE_MESSAGE(fresh.status == 0, fresh.output);
    for (const char* name :
         {"issue.pdf", "issue.epub", "post-quantum-tls.pdf", "logical-qubits.pdf"})
      CHECK_MESSAGE(read_file(dir / "out" / name) == read_file(dir / "fresh" / name), name);
    std::string text = dir.string() + "/text.txt";
    REQUIRE(std::system(("pdftotext " + (dir / "out/issue.pdf").string() + " " + text).c_str()) ==
            0);
    CHECK(read_file(text)->find("One more paragraph") != std::string::npos);
  }

  TEST_CASE("beside a changed article, one stat says is unchanged is not read again") {
    fs::path dir = example_copy("kept-read");
    const fs::path kept = dir / "issue/logical-qubits.md";
    // Modified an hour ago: the cache trusts no digest of a file modified under a second before.
    const auto stamp = fs::file_time_type::clock::now() - std::chrono::hours(1);
    fs::last_write_time(kept, stamp);
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    // The same bytes but two, the same size and time stamp: to the cache, the article as it
    // was (docs/ci.md: a digest is trusted while stat says the same). Reading it again would
    // set "Crowd".
    std::string text = read_file(kept).value();
    const std::size_t at = text.find("Cloud Service");
    REQUIRE(at != std::string::npos);
    text.replace(at, 5, "Crowd");
    std::ofstream(kept, std::ios::binary | std::ios::trunc) << text;
    fs::last_write_time(kept, stamp);
    append(dir / "issue/post-quantum-tls.md", "\nOne more paragraph, added later.\n");
    auto args = build_args(dir, "out", "r2.json");
    args.insert(args.end(), {"--depfile", (dir / "out.d").string()});
    auto again = run_galley(args);
    REQUIRE_MESSAGE(again.status == 0, again.output);
    CHECK_FALSE(cached_in(dir / "r2.json")["issue.pdf"]);
    const std::string pdf_text = dir.string() + "/text.txt";
    REQUIRE(std::system(("pdftotext " + (dir / "out/issue.pdf").string() + " " + pdf_text).c_str()) ==
            0);
    const std::string shown = read_file(pdf_text).value();
    CHECK(shown.find("One more paragraph, added later.") != std::string::npos);
    CHECK(shown.find("as a Cloud Service") != std::string::npos);
    CHECK(shown.find("Crowd") == std::string::npos);
    // Still a source of the issue, for make and Ninja.
    CHECK(read_file(dir / "out.d").value().find(kept.string()) != std::string::npos);
  }

  TEST_CASE("a system font changed since rebuilds what is set with it, laid out again") {
    // A fontconfig of its own that knows one Thai face: no bundled font has Thai, so the text
    // is set with the face fontconfig finds, which no file of the input names.
    fs::path dir = galley::test::fresh_folder("galley-cache-system-font");
    fs::create_directories(dir / "fonts");
    fs::create_directories(dir / "issue");
    const fs::path noto = "/usr/share/fonts/truetype/noto";
    REQUIRE(fs::exists(noto / "NotoSansThai-Regular.ttf"));
    REQUIRE(fs::exists(noto / "NotoSerifThai-Regular.ttf"));
    fs::copy_file(noto / "NotoSansThai-Regular.ttf", dir / "fonts/thai.ttf");
    std::ofstream(dir / "fonts.conf")
        << "<?xml version=\"1.0\"?>\n<fontconfig><dir>" << (dir / "fonts").string()
        << "</dir><cachedir>" << (dir / "fc-cache").string() << "</cachedir></fontconfig>\n";
    std::ofstream(dir / "issue/bangkok.md")
        << "---\ntitle: Bangkok\nlang: th\n---\n\n"
           "กรุงเทพมหานครเป็นเมืองหลวงและนครที่มีประชากรมากที่สุดของประเทศไทย\n";
    std::ofstream(dir / "issue/issue.yaml") << "title: Thai\nlang: th\narticles:\n  - bangkok.md\n";
    const std::vector<std::pair<std::string, std::string>> env{
        {"FONTCONFIG_FILE", (dir / "fonts.conf").string()}};
    auto build = [&](const std::string& report) {
      return run_galley({"build", (dir / "issue/issue.yaml").string(), "-f", "pdf", "-o",
                         (dir / "out").string(), "--cache=" + (dir / "cache").string(), "--report",
                         (dir / report).string(), "--verbose"},
                        env);
    };
    auto fonts_of = [&] {
      const fs::path list = dir / "fonts.txt";
      REQUIRE(std::system(("pdffonts " + (dir / "out/issue.pdf").string() + " > " + list.string())
                              .c_str()) == 0);
      return read_file(list).value();
    };
    auto first = build("r1.json");
    REQUIRE_MESSAGE(first.status == 0, first.output);
    CHECK(fonts_of().find("NotoSansThai") != std::string::npos);
    REQUIRE(build("r2.json").status == 0);
    CHECK(cached_in(dir / "r2.json")["issue.pdf"]);

    // The face is updated in place, as a package upgrade does: same name, other glyphs.
    fs::copy_file(noto / "NotoSerifThai-Regular.ttf", dir / "fonts/next.ttf");
    fs::rename(dir / "fonts/next.ttf", dir / "fonts/thai.ttf");
    auto third = build("r3.json");
    REQUIRE_MESSAGE(third.status == 0, third.output);
    CHECK(third.output.find("changed since the cached output was made") != std::string::npos);
    CHECK_FALSE(cached_in(dir / "r3.json")["issue.pdf"]);
    CHECK(fonts_of().find("NotoSerifThai") != std::string::npos);
    CHECK(fonts_of().find("NotoSansThai") == std::string::npos);
    // The article was laid out again with the new face: the PDF is the one made without a cache.
    auto fresh = run_galley(
        {"build", (dir / "issue/issue.yaml").string(), "-f", "pdf", "-o", (dir / "fresh").string()},
        env);
    REQUIRE_MESSAGE(fresh.status == 0, fresh.output);
    CHECK(read_file(dir / "out/issue.pdf") == read_file(dir / "fresh/issue.pdf"));
    fs::remove_all(dir);
  }

  TEST_CASE("a changed picture rebuilds what shows it") {
    fs::path dir = example_copy("picture");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    // Leila Haddad's portrait is in the post-quantum TLS article only: give it Nova Chen's.
    fs::copy_file(dir / "issue/images/nova-chen.png", dir / "issue/images/leila-haddad.png",
                  fs::copy_options::overwrite_existing);
    REQUIRE(run_galley(build_args(dir, "out", "r2.json")).status == 0);
    auto r2 = cached_in(dir / "r2.json");
    CHECK_FALSE(r2["issue.pdf"]);
    CHECK_FALSE(r2["post-quantum-tls.pdf"]);
    CHECK(r2["open-silicon-europe.pdf"]);
  }

  TEST_CASE("another style or option misses the cache") {
    fs::path dir = example_copy("style");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    auto args = build_args(dir, "out", "r2.json");
    args.insert(args.end(), {"--style", "pocket"});
    REQUIRE(run_galley(args).status == 0);
    for (const auto& [name, cached] : cached_in(dir / "r2.json"))
      CHECK_MESSAGE(!cached, name);
    args = build_args(dir, "out", "r3.json");
    args.insert(args.end(), {"--pdf-standard", "a-2b"});
    REQUIRE(run_galley(args).status == 0);
    auto r3 = cached_in(dir / "r3.json");
    CHECK_FALSE(r3["issue.pdf"]);
    CHECK(r3["issue.epub"]); // the EPUB does not depend on a PDF standard
  }

  TEST_CASE("articles kept read but set anew in another style give the bytes of a fresh build") {
    // The second build takes every article from the cache folder as read, without decoding
    // its text (input::LoadOptions::defer_blocks); the new style misses every page and
    // document kept, so each article is decoded whole where it is set again.
    fs::path dir = example_copy("restyled");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    auto args = build_args(dir, "out", "r2.json");
    args.insert(args.end(), {"--style", "pocket"});
    auto again = run_galley(args);
    REQUIRE_MESSAGE(again.status == 0, again.output);
    auto fresh = run_galley({"build", (dir / "issue/issue.yaml").string(), "--single", "-o",
                             (dir / "fresh").string(), "--style", "pocket"});
    REQUIRE_MESSAGE(fresh.status == 0, fresh.output);
    auto r2 = cached_in(dir / "r2.json");
    CHECK(r2.size() == 6);
    for (const auto& [name, cached] : r2) {
      CHECK_MESSAGE(!cached, name);
      CHECK_MESSAGE(read_file(dir / "out" / name) == read_file(dir / "fresh" / name), name);
    }
  }

  TEST_CASE("a style file changed only in a comment rebuilds every output, the articles' own too") {
    // The style's files are part of every output's key by their bytes, also where the style
    // they resolve to is the same: kept once for all the articles of an issue, not in each.
    fs::path dir = house_style_copy("style-file");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    REQUIRE(run_galley(build_args(dir, "out", "r2.json")).status == 0);
    auto second = cached_in(dir / "r2.json");
    CHECK(second.size() == 6); // the PDF and EPUB, and four articles' PDFs
    for (const auto& [name, cached] : second)
      CHECK_MESSAGE(cached, name);
    append(dir / "issue/house.yaml", "# the house style\n");
    REQUIRE(run_galley(build_args(dir, "out", "r3.json")).status == 0);
    auto third = cached_in(dir / "r3.json");
    CHECK(third.size() == 6);
    for (const auto& [name, cached] : third)
      CHECK_MESSAGE(!cached, name);
  }

  TEST_CASE("a style file edited between builds sets everything anew in it") {
    // The style is resolved while its articles are read (cli/build_inputs.cpp): the
    // files it read must still be among those the input's record is checked against, or the
    // next build would trust the record, style and all, and take pages set in the old style.
    fs::path dir = house_style_copy("style-edit");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    const std::string before = read_file(dir / "out/issue.pdf").value();
    append(dir / "issue/house.yaml", "text:\n  size: 12pt\n  leading: 15pt\n");
    auto again = run_galley(build_args(dir, "out", "r2.json"));
    REQUIRE_MESSAGE(again.status == 0, again.output);
    auto fresh = run_galley(
        {"build", (dir / "issue/issue.yaml").string(), "--single", "-o", (dir / "fresh").string()});
    REQUIRE_MESSAGE(fresh.status == 0, fresh.output);
    CHECK(read_file(dir / "out/issue.pdf").value() != before);
    auto r2 = cached_in(dir / "r2.json");
    CHECK(r2.size() == 6);
    for (const auto& [name, cached] : r2) {
      CHECK_MESSAGE(!cached, name);
      CHECK_MESSAGE(read_file(dir / "out" / name) == read_file(dir / "fresh" / name), name);
    }
  }

  TEST_CASE("a damaged entry is reported and rebuilt") {
    fs::path dir = example_copy("damaged");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    std::string pdf = read_file(dir / "out/issue.pdf").value();
    int damaged = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "cache"))
      if (e.is_regular_file()) {
        std::string bytes = read_file(e.path()).value();
        bytes[bytes.size() / 2] ^= 0x20;
        std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << bytes;
        ++damaged;
      }
    REQUIRE(damaged >= 6);
    fs::remove(dir / "out/issue.pdf");
    auto args = build_args(dir, "out", "r2.json");
    args.push_back("--verbose");
    auto again = run_galley(args);
    REQUIRE_MESSAGE(again.status == 0, again.output);
    CHECK(count_of(again.output, "is damaged") >= 6);
    for (const auto& [name, cached] : cached_in(dir / "r2.json"))
      CHECK_MESSAGE(!cached, name);
    CHECK(read_file(dir / "out/issue.pdf").value() == pdf);
    REQUIRE(run_galley(build_args(dir, "out", "r3.json")).status == 0);
    for (const auto& [name, cached] : cached_in(dir / "r3.json"))
      CHECK_MESSAGE(cached, name);
  }

  TEST_CASE("--verify renders the second time without the cache, and so checks what it gave") {
    fs::path dir = example_copy("verify");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    // The shortest and the longest article laid out (an article's entry as an issue's and as
    // its own PDF's may be alike), each entry whole and sealed, swapped: a cache that lies.
    std::map<std::size_t, fs::path> laid_out;
    for (const auto& e : fs::recursive_directory_iterator(dir / "cache"))
      if (e.is_regular_file()) {
        std::string bytes = read_file(e.path()).value();
        if (bytes.find("galley article pages") != std::string::npos)
          laid_out[bytes.size()] = e.path();
      }
    REQUIRE(laid_out.size() >= 2);
    const fs::path shortest = laid_out.begin()->second, longest = laid_out.rbegin()->second;
    std::string first = read_file(shortest).value();
    std::string second = read_file(longest).value();
    std::ofstream(shortest, std::ios::binary | std::ios::trunc) << second;
    std::ofstream(longest, std::ios::binary | std::ios::trunc) << first;
    auto args = build_args(dir, "out", "r2.json");
    args.push_back("--verify");
    auto verified = run_galley(args);
    CHECK(verified.status == 1);
    CHECK_MESSAGE(verified.output.find(": error: output is not reproducible") != std::string::npos,
                  verified.output);
  }

  TEST_CASE("an unchanged input is not loaded again, unless an output must be rendered") {
    fs::path dir = example_copy("record");
    auto pdf_only = build_args(dir, "out", "r1.json");
    pdf_only.insert(pdf_only.end(), {"--format", "pdf"});
    REQUIRE(run_galley(pdf_only).status == 0);
    // The EPUB was never made: the input, known from the record of its last load, is loaded
    // for it, and its PDF still comes from the cache.
    auto both = run_galley(build_args(dir, "out", "r2.json"));
    REQUIRE_MESSAGE(both.status == 0, both.output);
    auto r2 = cached_in(dir / "r2.json");
    CHECK(r2["issue.pdf"]);
    CHECK_FALSE(r2["issue.epub"]);
    auto fresh = run_galley({"build", (dir / "issue/issue.yaml").string(), "--single", "-o",
                             (dir / "fresh").string()});
    REQUIRE(fresh.status == 0);
    CHECK(read_file(dir / "out/issue.epub") == read_file(dir / "fresh/issue.epub"));
  }

  TEST_CASE("a picture that was missing is found once it is there") {
    fs::path dir = example_copy("missing");
    append(dir / "issue/logical-qubits.md", "\n![A chart that is not drawn yet](images/later.png)\n");
    auto first = run_galley(build_args(dir, "out", "r1.json"));
    REQUIRE_MESSAGE(first.status == 0, first.output);
    CHECK(first.output.find("later.png") != std::string::npos); // a warning: not found
    std::string before = read_file(dir / "out/logical-qubits.pdf").value();
    fs::copy_file(dir / "issue/images/nova-chen.png", dir / "issue/images/later.png");
    auto second = run_galley(build_args(dir, "out", "r2.json"));
    REQUIRE_MESSAGE(second.status == 0, second.output);
    CHECK(second.output.find("later.png") == std::string::npos);
    CHECK_FALSE(cached_in(dir / "r2.json")["logical-qubits.pdf"]);
    CHECK(read_file(dir / "out/logical-qubits.pdf").value() != before);
  }

  TEST_CASE("--cache names a folder, not a file") {
    fs::path dir = example_copy("usage");
    auto r = run_galley({"build", "--cache", (dir / "issue/issue.yaml").string(),
                         (dir / "issue/logical-qubits.md").string(), "-o", (dir / "out").string()});
    CHECK(r.status == 2);
    CHECK(r.output.find("--cache takes a folder") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out"));
  }

  TEST_CASE("--cache alone keeps the cache beside the manifest") {
    fs::path dir = example_copy("default");
    auto r = run_galley(
        {"build", (dir / "issue/issue.yaml").string(), "-o", (dir / "out").string(), "--cache"});
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(fs::is_directory(dir / "issue/.galley-cache"));
  }

  TEST_CASE("cache prune removes the entries unused for a while or past a size, and a build "
            "after it makes them again, the same bytes") {
    fs::path dir = example_copy("prune");
    REQUIRE(run_galley(build_args(dir, "out", "r1.json")).status == 0);
    const std::string pdf = read_file(dir / "out/issue.pdf").value();
    const fs::path cache = dir / "cache";
    auto entries = [&] {
      std::vector<fs::path> out;
      for (const auto& e : fs::recursive_directory_iterator(cache))
        if (e.is_regular_file() && e.path().extension() == ".entry")
          out.push_back(e.path());
      return out;
    };
    const std::vector<fs::path> made = entries();
    REQUIRE(made.size() > 10);
    write_file_atomic(cache / "README", "the team's note");
    const std::string folder = cache.string();

    // Nothing is that old yet, and a dry run removes nothing.
    auto young = run_galley({"cache", "prune", folder, "--older-than", "30d"});
    CHECK(young.status == 0);
    CHECK(young.output.find("removed 0 entries (0 B) from " + folder + ", kept " +
                            std::to_string(made.size()) + " (") != std::string::npos);
    auto dry = run_galley({"cache", "prune", folder, "--max-size", "0", "--dry-run"});
    CHECK(dry.status == 0);
    CHECK(dry.output.find("would remove " + std::to_string(made.size()) + " entries") !=
          std::string::npos);
    CHECK(entries().size() == made.size());

    // Half the entries last used 40 days ago: those go.
    const auto then = std::chrono::system_clock::now() - std::chrono::hours(40 * 24);
    const struct timespec old = {
        std::chrono::duration_cast<std::chrono::seconds>(then.time_since_epoch()).count(), 0};
    const struct timespec both[2] = {old, old};
    for (std::size_t i = 0; i < made.size(); i += 2)
      REQUIRE(::utimensat(AT_FDCWD, made[i].c_str(), both, 0) == 0);
    auto aged = run_galley({"cache", "prune", folder, "--older-than", "30"});
    CHECK(aged.status == 0);
    const std::size_t halved = (made.size() + 1) / 2;
    CHECK(aged.output.find("removed " + std::to_string(halved) + " entr") != std::string::npos);
    CHECK(entries().size() == made.size() - halved);

    // The rest past a size of nothing; the folder's other files stay.
    auto sized = run_galley({"cache", "prune", folder, "--max-size", "0"});
    CHECK(sized.status == 0);
    CHECK(entries().empty());
    CHECK(read_file(cache / "README").value() == "the team's note");

    // The next build makes everything again, the same bytes, and keeps it.
    fs::remove_all(dir / "out");
    auto again = run_galley(build_args(dir, "out", "r2.json"));
    REQUIRE_MESSAGE(again.status == 0, again.output);
    for (const auto& [name, cached] : cached_in(dir / "r2.json"))
      CHECK_MESSAGE(!cached, name);
    CHECK(read_file(dir / "out/issue.pdf").value() == pdf);
    CHECK(entries().size() == made.size());
  }

  TEST_CASE("cache prune says what it needs: a rule, a folder, a size and an age it can read") {
    const fs::path dir = example_copy("prune-usage");
    const std::string folder = (dir / "issue").string();
    struct Case {
      std::vector<std::string> args;
      std::string says;
    };
    for (const Case& c :
         std::vector<Case>{{{"cache", "prune", folder}, "error: say which entries to remove"},
                           {{"cache", "prune", (dir / "none").string(), "--older-than", "3"},
                            "none: error: no cache folder there"},
                           {{"cache", "prune", folder, "--max-size", "2Q"},
                            "--max-size: error: '2Q' is not a size"},
                           {{"cache", "prune", folder, "--older-than", "3w"},
                            "--older-than: error: '3w' is not an age"},
                           {{"cache"}, "run 'galley cache --help'"}}) {
      CAPTURE(c.says);
      auto r = run_galley(c.args);
      CHECK(r.status == 2);
      CHECK(r.output.find(c.says) != std::string::npos);
    }
    // Nothing in the folder looks like an entry: nothing is removed.
    auto r = run_galley({"cache", "prune", folder, "--max-size", "0"});
    CHECK(r.status == 0);
    CHECK(r.output.find("removed 0 entries") != std::string::npos);
    CHECK(fs::exists(dir / "issue/issue.yaml"));
  }
}

TEST_SUITE("cli/depfile") {
  TEST_CASE("the depfile lists every file read and none written") {
    fs::path dir = example_copy("depfile");
    auto r =
        run_galley({"build", (dir / "issue/issue.yaml").string(), "-o", (dir / "out").string(),
                    "--depfile", (dir / "out.d").string(), "--cache=" + (dir / "cache").string()});
    REQUIRE_MESSAGE(r.status == 0, r.output);
    std::string d = read_file(dir / "out.d").value();
    std::string targets = d.substr(0, d.find(':'));
    CHECK(targets == (dir / "out/issue.pdf").string() + " " + (dir / "out/issue.epub").string());
    std::string deps = d.substr(d.find(':'));
    for (const char* f : {"issue.yaml", "post-quantum-tls.md", "images/leila-haddad.png",
                          "images/risc-v-share.png", "images/logical-qubits-cover.jpg"})
      CHECK_MESSAGE(deps.find((dir / "issue" / f).string()) != std::string::npos, f);
    CHECK(deps.find("/styles/dispatch.yaml") != std::string::npos);
    CHECK(deps.find(".ttf") != std::string::npos);
    CHECK(deps.find((dir / "out").string()) == std::string::npos);
    CHECK(deps.find((dir / "cache").string()) == std::string::npos);
  }

  TEST_CASE("the Ninja example rebuilds when a picture changes, and only then") {
    if (std::system("command -v ninja >/dev/null") != 0)
      return;
    fs::path dir = example_copy("ninja");
    fs::create_directories(dir / "examples");
    fs::rename(dir / "issue", dir / "examples/quantum-dispatch");
    fs::copy_file(GALLEY_SOURCE_DIR "/examples/ninja/build.ninja", dir / "build.ninja");
    std::string bin_dir = fs::path(std::getenv("GALLEY_BIN")).parent_path().string();
    auto ninja = [&] {
      std::string log = (dir / "ninja.log").string();
      int status = std::system(("cd " + dir.string() + " && PATH=" + bin_dir +
                                ":$PATH SOURCE_DATE_EPOCH=1777248000 ninja > " + log + " 2>&1")
                                   .c_str());
      REQUIRE(status == 0);
      return read_file(log).value();
    };
    CHECK(ninja().find("galley examples/quantum-dispatch/issue.yaml") != std::string::npos);
    CHECK(fs::exists(dir / "out/issue.pdf"));
    CHECK(fs::exists(dir / "out/logical-qubits.epub"));
    CHECK(ninja().find("no work to do") != std::string::npos);
    // A file only the depfile names (a picture build.ninja never mentions, in one article)
    // reruns the issue and not the other article.
    fs::copy_file(dir / "examples/quantum-dispatch/images/nova-chen.png",
                  dir / "examples/quantum-dispatch/images/risc-v-share.png",
                  fs::copy_options::overwrite_existing);
    std::string again = ninja();
    CHECK(again.find("issue.yaml") != std::string::npos);
    CHECK(again.find("logical-qubits.md") == std::string::npos);
    CHECK(ninja().find("no work to do") != std::string::npos);
  }
}
