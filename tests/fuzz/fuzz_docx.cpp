// DOCX packages, through the same entry point the CLI uses. An input that starts like a zip
// ("PK") is the whole file; any other input is the main document part (word/document.xml) of
// a package made around it with fixed styles, numbering and notes, so that mutations reach the
// reader's paragraphs, runs, lists and tables rather than stopping at the zip's checksums.
#include "fuzz_common.hpp"

#include "input/load.hpp"

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace {

const char* const kRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/numbering\" Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/footnotes\" Target=\"footnotes.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
    "</Relationships>";

const char* const kStyles =
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/>"
    "<w:basedOn w:val=\"Quote\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Code\"><w:name w:val=\"Verbatim Char\"/>"
    "</w:style></w:styles>";

const char* const kNumbering =
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/>"
    "</w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "</w:numbering>";

const char* const kFootnotes =
    "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:footnote w:id=\"1\"><w:p><w:r><w:t>Note.</w:t></w:r></w:p></w:footnote></w:footnotes>";

/// A package whose document part is `document`.
std::string package(std::string_view document) {
  const std::vector<std::pair<const char*, std::string>> parts{
      {"[Content_Types].xml", "<Types/>"},     {"word/document.xml", std::string(document)},
      {"word/_rels/document.xml.rels", kRels}, {"word/styles.xml", kStyles},
      {"word/numbering.xml", kNumbering},      {"word/footnotes.xml", kFootnotes},
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  for (const auto& [name, bytes] : parts) {
    zip_int64_t i =
        zip_file_add(zip, name, zip_source_buffer(zip, bytes.data(), bytes.size(), 0), 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  zip_close(zip);
  std::string result;
  zip_stat_t st;
  if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
    result.resize(st.size);
    zip_source_read(out, result.data(), st.size);
    zip_source_close(out);
  }
  zip_source_free(out);
  zip_error_fini(&error);
  return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = galley::fuzz::as_view(data, size);
  const std::string bytes = input.substr(0, 2) == "PK" ? std::string(input) : package(input);
  auto path = galley::fuzz::write_input("article.docx", bytes);
  galley::Diagnostics diags;
  galley::input::load_article(path, {}, diags);
  return 0;
}
