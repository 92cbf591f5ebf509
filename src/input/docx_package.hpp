#pragma once
// Internal to input/: a DOCX file as the package it is (ECMA-376 Part 2, Open Packaging
// Conventions): a zip of parts, read within size limits, and the relationships between them.
// Elements and attributes are matched by their local names, so a part may bind the
// WordprocessingML namespaces to any prefix (and Strict documents, with their other namespace
// names, read as Transitional ones do).
#include "galley/diagnostics.hpp"
#include "galley/limits.hpp"
#include "input/xml_document.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

typedef struct zip zip_t;

namespace galley::input::docx {

/// The value of the attribute of `n` whose local name is `name` (`w:val`, `r:id`), or "".
std::string_view attr(const pugi::xml_node& n, std::string_view name);

/// Whether the on/off property `prop` (`<w:b/>`, `<w:i w:val="0"/>`) is on (ECMA-376 Part 1,
/// 17.17.4, ST_OnOff): present with no value, or "true", "1", "on". An absent one is off.
bool is_on(const pugi::xml_node& prop);

/// A relationship of a part (OPC, 9.3): what its id in the part's XML stands for.
struct Relationship {
  std::string type;   ///< the relationship type's last segment ("image", "hyperlink", ...)
  std::string target; ///< a part name (resolved against the source part), or the URL as written
  bool external = false;
};

/// A parsed XML part; the text it was parsed from lives as long as it does.
struct XmlPart {
  std::string text;
  std::unique_ptr<XmlDocument> xml;
  pugi::xml_node root() const { return xml->root(); }
};

class Package {
public:
  /// Opens the zip in `bytes`, which must outlive the package. When it is no zip, or a zip
  /// with no document part, `ok()` is false and one error says so at `display`.
  Package(std::string_view bytes, const std::string& display, const Limits& limits,
          Diagnostics& diags);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool ok() const { return zip_ != nullptr && !failed_; }
  /// True once a part was unreadable: the package is corrupt and what was read is not used.
  bool failed() const { return failed_; }
  /// The main document part ("word/document.xml" in every known producer).
  const std::string& document() const { return document_; }
  const std::string& display() const { return display_; }

  /// The part parsed as XML; null when it is missing, or unreadable (one error, failed()).
  std::unique_ptr<XmlPart> xml(const std::string& part);
  /// The part's relationships by id; none when it has no relationships part.
  std::map<std::string, Relationship> relationships(const std::string& part);
  /// The bytes of a picture, within the limit on one image file and on all the pictures of the
  /// package together; nullopt (with an error at `loc`) past one, or when it is missing.
  std::optional<std::string> picture(const std::string& part, const SourceLoc& loc);
  /// Whether the package has the part.
  bool has(const std::string& part) const;

private:
  /// The part's bytes, when at most `limit` uncompressed (the size the zip states, checked
  /// before anything is inflated, and again while reading). `why` says why not; it is empty
  /// when the part is missing.
  std::optional<std::string> read(const std::string& part, std::size_t limit, std::string& why);
  void corrupt(const std::string& why);

  zip_t* zip_ = nullptr;
  std::string display_;
  Limits limits_;
  Diagnostics& diags_;
  std::string document_;
  std::size_t picture_bytes_ = 0;
  bool failed_ = false;
};

/// Whether `bytes` are a zip whose entries include `[Content_Types].xml` and
/// `word/document.xml`: a DOCX, whatever its file name.
bool is_docx_package(std::string_view bytes);

} // namespace galley::input::docx
