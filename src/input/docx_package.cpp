#include "input/docx_package.hpp"

#include "input/xml_text.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace galley::input::docx {

namespace {

std::string_view after_colon(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// A zip of `bytes`, read only; null with `why` when it is none.
zip_t* open_zip(std::string_view bytes, std::string& why) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = nullptr;
  if (source) {
    // ZIP_CHECKCONS: a central directory that disagrees with the entries (a truncated or
    // patched file) is refused here rather than met half way through.
    zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip)
      zip_source_free(source);
  }
  if (!zip)
    why = zip_error_strerror(&error);
  zip_error_fini(&error);
  return zip;
}

bool has_entry(zip_t* zip, const std::string& name) {
  // OPC 8.1.1.2: part names compare without regard to ASCII case.
  return zip_name_locate(zip, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

/// `path` with "." and ".." segments taken out (OPC 9.3.2: targets are relative references).
std::string normal_part(const std::string& path) {
  std::vector<std::string> segments;
  size_t at = 0;
  while (at <= path.size()) {
    size_t slash = path.find('/', at);
    if (slash == std::string::npos)
      slash = path.size();
    std::string s = path.substr(at, slash - at);
    if (s == "..") {
      if (!segments.empty())
        segments.pop_back();
    } else if (!s.empty() && s != ".") {
      segments.push_back(s);
    }
    at = slash + 1;
  }
  std::string out;
  for (const auto& s : segments)
    out += (out.empty() ? "" : "/") + s;
  return out;
}

/// The part `target` names from the part `source`: from the package's root when it starts
/// with "/", else from the source part's folder. Percent-escapes are decoded (OPC 9.1.1.1).
std::string resolve_target(const std::string& source, const std::string& target) {
  std::string decoded;
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size() &&
        std::isxdigit(static_cast<unsigned char>(target[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(target[i + 2]))) {
      decoded += static_cast<char>(std::stoi(target.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += target[i];
    }
  }
  if (!decoded.empty() && decoded.front() == '/')
    return normal_part(decoded);
  size_t slash = source.rfind('/');
  return normal_part((slash == std::string::npos ? "" : source.substr(0, slash + 1)) + decoded);
}

/// The relationships part of `part` (OPC 9.3.1): "word/_rels/document.xml.rels".
std::string rels_name(const std::string& part) {
  size_t slash = part.rfind('/');
  if (slash == std::string::npos)
    return "_rels/" + part + ".rels";
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

} // namespace

std::string_view attr(const pugi::xml_node& n, std::string_view name) {
  for (auto a : n.attributes())
    if (after_colon(a.name()) == name)
      return a.value();
  return {};
}

bool is_on(const pugi::xml_node& prop) {
  if (!prop)
    return false;
  std::string_view v = attr(prop, "val");
  return v.empty() || v == "true" || v == "1" || v == "on";
}

bool is_docx_package(std::string_view bytes) {
  if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4))
    return false;
  std::string why;
  zip_t* zip = open_zip(bytes, why);
  if (!zip)
    return false;
  const bool docx = has_entry(zip, "[Content_Types].xml") && has_entry(zip, "word/document.xml");
  zip_discard(zip);
  return docx;
}

Package::Package(std::string_view bytes, const std::string& display, const Limits& limits,
                 Diagnostics& diags)
    : display_(display), limits_(limits), diags_(diags) {
  // A zip starts with a local file header (APPNOTE 4.3.7): without one the file is some other
  // kind of file; with one that libzip cannot read, a package cut short or damaged.
  if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) {
    diags_.error({display_}, "not a DOCX file: it is no zip archive",
                 "save the document from the word processor as Word document (.docx)");
    failed_ = true;
    return;
  }
  std::string why;
  zip_ = open_zip(bytes, why);
  if (!zip_) {
    corrupt("the zip archive cannot be read (" + why + ")");
    return;
  }
  // The main document is the target of the package's officeDocument relationship (ECMA-376
  // Part 1, 11.3.10); every producer names it word/document.xml, the fallback.
  for (const auto& [id, rel] : relationships(""))
    if (rel.type == "officeDocument" && !rel.external && has(rel.target))
      document_ = rel.target;
  if (document_.empty() && has("word/document.xml"))
    document_ = "word/document.xml";
  if (document_.empty() && !failed_) {
    diags_.error({display_}, "not a DOCX file: the zip archive holds no word/document.xml",
                 "galley reads Word documents (.docx) from a .docx file");
    failed_ = true;
  }
}

Package::~Package() {
  if (zip_)
    zip_discard(zip_);
}

bool Package::has(const std::string& part) const {
  return zip_ && has_entry(zip_, part);
}

void Package::corrupt(const std::string& why) {
  if (!failed_)
    diags_.error({display_}, "the DOCX file is corrupt: " + why,
                 "save the document again from the word processor");
  failed_ = true;
}

std::optional<std::string> Package::read(const std::string& part, std::size_t limit,
                                         std::string& why) {
  why.clear();
  if (!zip_)
    return std::nullopt;
  zip_int64_t index = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0)
    return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE)) {
    why = part + " cannot be read (" + zip_strerror(zip_) + ")";
    return std::nullopt;
  }
  // The size the archive states, before inflating anything: a few kilobytes may inflate to
  // gigabytes (a zip bomb).
  if (st.size > limit) {
    why = part + " is too large (" + std::to_string(st.size) + " bytes; the limit is " +
          std::to_string(limit) + ")";
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    why = part + " cannot be read (" + zip_strerror(zip_) + ")";
    return std::nullopt;
  }
  // One byte more than stated: an entry that inflates past its stated size is corrupt too.
  std::string data(static_cast<std::size_t>(st.size) + 1, '\0');
  zip_int64_t n = zip_fread(file, data.data(), data.size());
  if (n < 0)
    why = part + " cannot be read (" + zip_file_strerror(file) + ")";
  else if (static_cast<zip_uint64_t>(n) != st.size)
    why = part + " is not the size the archive states";
  zip_fclose(file);
  if (!why.empty())
    return std::nullopt;
  data.resize(static_cast<std::size_t>(st.size));
  return data;
}

std::unique_ptr<XmlPart> Package::xml(const std::string& part) {
  std::string why;
  auto bytes = read(part, limits_.max_file_size, why);
  if (!bytes) {
    if (!why.empty())
      corrupt(why);
    return nullptr;
  }
  auto out = std::make_unique<XmlPart>();
  out->text = std::move(*bytes);
  // Parsed safely, as every XML article is (xml_document.hpp); its own message, with the line
  // and column inside the part, goes into the one error about the package. White space is
  // kept: a run of text may be a single space (`<w:t xml:space="preserve"> </w:t>`).
  Diagnostics parse;
  out->xml = parse_xml(out->text, part, parse, true);
  if (!out->xml) {
    const Diagnostic& d = parse.all().front();
    corrupt(part + " (line " + std::to_string(d.loc.line) + ", column " +
            std::to_string(d.loc.column) + "): " + d.message);
    return nullptr;
  }
  return out;
}

std::map<std::string, Relationship> Package::relationships(const std::string& part) {
  std::map<std::string, Relationship> out;
  auto rels = xml(rels_name(part));
  if (!rels)
    return out;
  for (auto r : rels->root().children()) {
    if (local_name(r) != "Relationship")
      continue;
    Relationship rel;
    std::string_view type = attr(r, "Type");
    rel.type = std::string(type.substr(type.rfind('/') + 1));
    rel.external = attr(r, "TargetMode") == "External";
    std::string target(attr(r, "Target"));
    rel.target = rel.external ? target : resolve_target(part, target);
    out.emplace(std::string(attr(r, "Id")), std::move(rel));
  }
  return out;
}

std::optional<std::string> Package::picture(const std::string& part, const SourceLoc& loc) {
  std::string why;
  const std::size_t left = limits_.max_image_file_size - picture_bytes_;
  auto bytes = read(part, std::min(left, limits_.max_image_file_size), why);
  if (!bytes) {
    if (why.empty())
      diags_.warning(loc, "picture '" + part +
                              "' is missing from the DOCX file; its alt text is "
                              "shown");
    else if (why.find("too large") != std::string::npos)
      diags_.error(loc, "picture " + why + " (all the pictures of a DOCX file count together)",
                   "raise the limit with --max-image-size");
    else
      corrupt(why);
    return std::nullopt;
  }
  picture_bytes_ += bytes->size();
  return bytes;
}

} // namespace galley::input::docx
