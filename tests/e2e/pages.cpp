#include "pages.hpp"

#include "run.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

namespace e2e {
namespace fs = std::filesystem;

namespace {

Box box_of(const pugi::xml_node& node) {
  return {node.attribute("xMin").as_double(), node.attribute("yMin").as_double(),
          node.attribute("xMax").as_double(), node.attribute("yMax").as_double()};
}

struct Pixels {
  int width = 0, height = 0;
  std::string rgb;
};

Pixels render(const fs::path& pdf, int page) {
  const fs::path image = pdf.parent_path() / ("page-" + std::to_string(page));
  const std::string pages = std::to_string(page);
  REQUIRE(run("pdftoppm -singlefile -r 72 -f " + pages + " -l " + pages + " " + q(pdf) + " " + q(image)).code == 0);
  std::ifstream in(image.string() + ".ppm", std::ios::binary);
  std::string magic;
  int depth = 0;
  Pixels out;
  in >> magic >> out.width >> out.height >> depth;
  in.get();
  REQUIRE(magic == "P6");
  out.rgb.assign(std::size_t(out.width) * std::size_t(out.height) * 3, '\0');
  in.read(out.rgb.data(), std::streamsize(out.rgb.size()));
  return out;
}

} // namespace

std::vector<TextLine> text_lines(const fs::path& pdf) {
  const RunResult r = run("pdftotext -bbox-layout " + q(pdf) + " -");
  REQUIRE(r.code == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(r.out.c_str()));
  std::vector<TextLine> out;
  int page_number = 0;
  for (const pugi::xpath_node& page : doc.select_nodes("//*[local-name()='page']")) {
    ++page_number;
    std::vector<TextLine> lines;
    for (const pugi::xpath_node& line : page.node().select_nodes(".//*[local-name()='line']")) {
      TextLine l;
      l.page = page_number;
      l.page_width = page.node().attribute("width").as_double();
      l.page_height = page.node().attribute("height").as_double();
      l.box = box_of(line.node());
      for (const pugi::xpath_node& word : line.node().select_nodes("*[local-name()='word']")) {
        l.words.push_back(box_of(word.node()));
        l.words.back().text = word.node().child_value();
      }
      std::stable_sort(l.words.begin(), l.words.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
      lines.push_back(std::move(l));
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const TextLine& a, const TextLine& b) { return a.box.y0 < b.box.y0; });
    out.insert(out.end(), lines.begin(), lines.end());
  }
  return out;
}

std::vector<int> ink_in(const fs::path& pdf, const std::vector<TextLine>& lines) {
  std::map<int, Pixels> pages;
  std::vector<int> out;
  for (const TextLine& line : lines) {
    auto it = pages.find(line.page);
    if (it == pages.end())
      it = pages.emplace(line.page, render(pdf, line.page)).first;
    const Pixels& px = it->second;
    const double height = line.box.y1 - line.box.y0;
    const int from = std::max(0, int(line.box.y0 + height * 0.25));
    const int to = std::min(px.height - 1, int(line.box.y1 - height * 0.25));
    int count = 0;
    for (int y = from; y <= to; ++y)
      for (int x = 0; x < px.width; ++x) {
        const std::size_t at = (std::size_t(y) * std::size_t(px.width) + std::size_t(x)) * 3;
        const auto lowest = std::min({static_cast<unsigned char>(px.rgb[at]), static_cast<unsigned char>(px.rgb[at + 1]),
                                      static_cast<unsigned char>(px.rgb[at + 2])});
        count += lowest < 160;
      }
    out.push_back(count);
  }
  return out;
}

std::vector<double> justified_gaps(const std::vector<TextLine>& lines) {
  std::map<int, double> right; // the right edge of each page's text
  for (const TextLine& l : lines)
    right[l.page] = std::max(right[l.page], l.box.x1);
  std::vector<double> gaps;
  for (const TextLine& l : lines) {
    if (l.words.size() < 2 || l.box.x1 < right[l.page] - 0.5)
      continue;
    for (std::size_t i = 1; i < l.words.size(); ++i)
      gaps.push_back(l.words[i].x0 - l.words[i - 1].x1);
  }
  return gaps;
}

double percentile(std::vector<double> values, double share) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  const auto at = static_cast<std::size_t>(std::ceil(share * double(values.size()))) - 1;
  return values[std::min(at, values.size() - 1)];
}

} // namespace e2e
