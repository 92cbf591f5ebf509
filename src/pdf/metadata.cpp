#include "pdf/metadata.hpp"

#include "util/dates.hpp"
#include "util/hash.hpp"
#include "util/text_utils.hpp"

#include <cstdio>

namespace galley::pdf {

namespace {

std::string xml_escape(std::string s) {
  replace_non_xml_chars(s); // the XMP packet is XML (ISO 16684-1)
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

void alt(std::string& out, const char* tag, const std::string& value) {
  if (value.empty())
    return;
  out += "   <";
  out += tag;
  out += "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(value) + "</rdf:li></rdf:Alt></";
  out += tag;
  out += ">\n";
}

void simple(std::string& out, const char* tag, const std::string& value) {
  if (value.empty())
    return;
  out += "   <";
  out += tag;
  out += ">" + xml_escape(value) + "</";
  out += tag;
  out += ">\n";
}

} // namespace

std::string pdf_date(std::int64_t epoch) {
  const CivilTime c = civil_utc(epoch);
  char buf[32];
  std::snprintf(buf, sizeof buf, "D:%04d%02u%02u%02u%02u%02uZ", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return buf;
}

std::vector<std::string> split_authors(const std::string& authors) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < authors.size()) {
    size_t comma = authors.find(", ", start);
    size_t and_ = authors.find(" and ", start);
    size_t end = std::min(comma, and_);
    std::string name = authors.substr(start, end == std::string::npos ? end : end - start);
    if (!name.empty())
      out.push_back(name);
    if (end == std::string::npos)
      break;
    start = end + (end == comma ? 2 : 5);
  }
  return out;
}

std::string xmp_packet(const layout::DocumentInfo& info) {
  std::string date = iso_utc(info.date_epoch);
  // The packet wrapper (ISO 16684-1 7.3) with its fixed id lets tools find XMP by scanning.
  std::string out = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "  <rdf:Description rdf:about=\"\"\n"
                    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                    "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n"
                    "   <dc:format>application/pdf</dc:format>\n";
  alt(out, "dc:title", info.title);
  auto authors = split_authors(info.author);
  if (!authors.empty()) {
    out += "   <dc:creator><rdf:Seq>";
    for (const auto& a : authors)
      out += "<rdf:li>" + xml_escape(a) + "</rdf:li>";
    out += "</rdf:Seq></dc:creator>\n";
  }
  alt(out, "dc:description", info.subject);
  if (!info.language.empty())
    out += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(info.language) +
           "</rdf:li></rdf:Bag></dc:language>\n";
  simple(out, "pdf:Keywords", info.keywords);
  simple(out, "pdf:Producer", "galley");
  simple(out, "xmp:CreatorTool", info.creator);
  simple(out, "xmp:CreateDate", date);
  simple(out, "xmp:ModifyDate", date);
  simple(out, "xmp:MetadataDate", date);
  if (!info.identifier.empty())
    simple(out, "xmpMM:DocumentID", "uuid:" + content_uuid_urn(info.identifier).substr(9));
  out += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return out;
}

} // namespace galley::pdf
