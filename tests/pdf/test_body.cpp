// The file around a PDF's objects (pdf/body.hpp): written as PoDoFo's own writer writes the
// same objects, with an id of its content, and a cross-reference table whose every entry
// points at its object.
#include "pdf/body.hpp"
#include "pdf/podofo_util.hpp"

#include <doctest/doctest.h>

#include <charconv>
#include <memory>
#include <regex>
#include <string>

using namespace galley::pdf;
using namespace PoDoFo;

namespace {

/// The values of the objects a body holds in the documents below.
const std::string kPage = "<</Type/Page/MediaBox[ 0 0 200 100]>>";
const std::string kElement = "<</S/P/Alt(caf\\351)>>";

StreamData packed(const std::string& text) {
  return pack_stream(text, true);
}

/// A document of objects PoDoFo builds (a dictionary, a stream of its own) between objects
/// whose values are galley's: in the body when `with_body`, else as PoDoFo objects of the same
/// values, as the writer made them before it had a body.
struct Written {
  std::unique_ptr<PdfMemDocument> doc = std::make_unique<PdfMemDocument>();
  Body body{doc->GetObjects()};
};

std::unique_ptr<Written> document(bool with_body, const StreamData& content,
                                  const std::string& note) {
  auto w = std::make_unique<Written>();
  PdfMemDocument& doc = *w->doc;
  doc.SetPdfVersion(ePdfVersion_1_7);
  PdfVecObjects& objects = doc.GetObjects();
  auto raw = [&](const std::string& text) {
    if (with_body) {
      const PdfReference ref = w->body.reserve();
      w->body.set(ref, text);
      return ref;
    }
    return objects.CreateObject(PdfVariant(PdfData(text.data(), text.size())))->Reference();
  };
  auto stream = [&](StreamData data) {
    if (with_body) {
      const PdfReference ref = w->body.reserve();
      w->body.set_stream(ref, std::move(data));
      return ref;
    }
    PdfObject* obj = objects.CreateObject(PdfVariant(PdfDictionary()));
    set_stream(obj, data);
    return obj->Reference();
  };
  const PdfReference page = raw(kPage);
  PdfObject* font = objects.CreateObject("Font");
  font->GetDictionary().AddKey("BaseFont", PdfName("Inter"));
  const PdfReference drawn = stream(content);
  PdfObject* program = objects.CreateObject(PdfVariant(PdfDictionary()));
  set_stream(program, packed("a font program"));
  const PdfReference element = raw(kElement);
  const PdfReference plain = stream(StreamData{"q 1 0 0 1 0 0 cm", false});
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("Note", pdf_text(note));
  PdfArray refs;
  for (const PdfReference& r : {page, drawn, element, plain, font->Reference()})
    refs.push_back(r);
  catalog.AddKey("Refs", refs);
  return w;
}

std::string podofo_bytes(PdfMemDocument& doc) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return {buffer.GetBuffer(), std::size_t(device.GetLength())};
}

std::string without_id(const std::string& pdf) {
  return std::regex_replace(pdf, std::regex("/ID\\[<[0-9A-F]+><[0-9A-F]+>\\]"), "/ID[]");
}

std::string id_of(const std::string& pdf) {
  std::smatch m;
  const bool found =
      std::regex_search(pdf, m, std::regex("/ID\\[<([0-9A-F]{32})><([0-9A-F]{32})>\\]"));
  REQUIRE(found);
  CHECK(m[1] == m[2]);
  return m[1];
}

std::uint64_t number_at(const std::string& s, std::size_t at) {
  std::uint64_t v = 0;
  std::from_chars(s.data() + at, s.data() + s.size(), v);
  return v;
}

} // namespace

TEST_CASE("a body's file holds the bytes PoDoFo writes for the same objects, but the id") {
  const StreamData content = packed("BT /F1 12 Tf (Hello) Tj ET");
  auto plain = document(false, content, "caf\xC3\xA9");
  auto own = document(true, content, "caf\xC3\xA9");
  const std::string theirs = podofo_bytes(*plain->doc);
  const std::string ours = own->body.write_file(*own->doc, "urn:example:1");
  CHECK(ours.find(kPage) != std::string::npos);
  CHECK(ours.find("stream\n" + content.bytes + "\nendstream") != std::string::npos);
  CHECK(without_id(ours) == without_id(theirs));
  // The id is the content's: the same for the same objects and identifier, another for
  // another identifier or another byte anywhere.
  const std::string id = id_of(ours);
  CHECK(
      id_of(document(true, content, "caf\xC3\xA9")->body.write_file(*own->doc, "urn:example:1")) ==
      id);
  CHECK(id_of(own->body.write_file(*own->doc, "urn:example:2")) != id);
  auto other = document(true, content, "cafe");
  CHECK(id_of(other->body.write_file(*other->doc, "urn:example:1")) != id);
}

TEST_CASE("every cross-reference entry points at its object, a number left unset is free") {
  auto w = document(true, packed("0 0 m 10 10 l S"), "x");
  const PdfReference unset = w->body.reserve();
  const PdfReference after = w->body.reserve();
  w->body.set(after, "[ 1 2]");
  const PdfReference last = w->body.reserve(); // never set: still counted, and free
  const std::string pdf = w->body.write_file(*w->doc, "urn:example:1");
  const std::size_t startxref = pdf.rfind("startxref\n");
  REQUIRE(startxref != std::string::npos);
  const std::size_t xref = number_at(pdf, startxref + 10);
  REQUIRE(pdf.compare(xref, 7, "xref\n0 ") == 0);
  const std::size_t size = number_at(pdf, xref + 7);
  CHECK(size == last.ObjectNumber() + 1);
  CHECK(pdf.find("/Size " + std::to_string(size) + ">>") != std::string::npos);
  const std::size_t first = pdf.find('\n', xref + 7) + 1;
  std::vector<std::size_t> free;
  for (std::size_t n = 0; n < size; ++n) {
    const std::string entry = pdf.substr(first + 20 * n, 20);
    REQUIRE(entry.size() == 20);
    const std::uint64_t offset = number_at(entry, 0);
    if (entry[17] == 'f') {
      free.push_back(n);
      CHECK(entry.compare(10, 7, n == 0 ? " 65535 " : " 00001 ") == 0);
      continue;
    }
    CHECK(entry.substr(10) == " 00000 n \n");
    const std::string header = std::to_string(n) + " 0 obj";
    CHECK(pdf.compare(offset, header.size(), header) == 0);
  }
  // Entry 0 heads the chain of free entries, which ends at 0.
  CHECK(free == std::vector<std::size_t>{0, unset.ObjectNumber(), last.ObjectNumber()});
  CHECK(number_at(pdf, first) == unset.ObjectNumber());
  CHECK(number_at(pdf, first + 20 * unset.ObjectNumber()) == last.ObjectNumber());
  CHECK(number_at(pdf, first + 20 * last.ObjectNumber()) == 0);
  CHECK(pdf.find(std::to_string(after.ObjectNumber()) + " 0 obj[ 1 2]\nendobj\n") !=
        std::string::npos);
  CHECK(pdf.ends_with(">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n"));
}

TEST_CASE("the file is written into the buffer sized for it, never grown on the way") {
  // An issue's shape: thousands of small objects, whose cross-reference entries alone are a
  // tenth of the file, and PoDoFo dictionaries longer than a line (a font's widths).
  auto w = document(true, packed("0 0 m 10 10 l S"), "x");
  for (int k = 0; k < 20000; ++k)
    w->body.set(w->body.reserve(), kElement);
  PdfArray widths;
  for (int g = 0; g < 3000; ++g)
    widths.push_back(PdfVariant(std::int64_t(500 + g % 100)));
  w->doc->GetObjects()
      .CreateObject(PdfVariant(PdfDictionary()))
      ->GetDictionary()
      .AddKey("W", widths);
  const std::string pdf = w->body.write_file(*w->doc, "urn:example:1");
  CHECK(pdf.size() > 20000 * (kElement.size() + 20));
  // A string that grew took twice what it held when it was full: nearly twice the file.
  CHECK(pdf.capacity() < pdf.size() * 3 / 2);
}

TEST_CASE("values are kept whole however many and however long, a value over a mebibyte too") {
  // The body keeps its values' text in blocks of a mebibyte: values that cross from one block
  // to the next, and one longer than a block, come out as they went in.
  auto w = document(true, packed("0 0 m 10 10 l S"), "x");
  std::vector<std::pair<PdfReference, std::string>> values;
  for (int k = 0; k < 3000; ++k) {
    std::string text = "[(" + std::string(std::size_t(k % 997), char('a' + k % 26)) + ")" +
                       std::to_string(k) + "]";
    if (k == 1500)
      text = "[(" + std::string(std::size_t(3) << 19, 'z') + ")]"; // 1.5 MiB
    values.emplace_back(w->body.reserve(), text);
    w->body.set(values.back().first, values.back().second);
  }
  const std::string pdf = w->body.write_file(*w->doc, "urn:example:1");
  for (const auto& [ref, text] : values) {
    const std::string object = std::to_string(ref.ObjectNumber()) + " 0 obj" + text + "\nendobj\n";
    CHECK_MESSAGE(pdf.find(object) != std::string::npos, ref.ObjectNumber());
  }
}
