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

std::string xmp_packet(const layout::DocumentInfo& info, const PdfStandard& standard) {
  std::string date = iso_utc(info.date_epoch);
  // The packet wrapper (ISO 16684-1 7.3) with its fixed id lets tools find XMP by scanning.
  std::string out = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "  <rdf:Description rdf:about=\"\"\n"
                    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                    "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"";
  if (standard.archive != PdfStandard::Archive::None)
    out += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
  if (standard.ua)
    out += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
  out += ">\n   <dc:format>application/pdf</dc:format>\n";
  alt(out, "dc:title", info.title);
  // One entry, the Info dictionary's /Author as it is: PDF/A asks the two to be equivalent
  // (ISO 19005-2 6.6.2.3.1), and a list of names would not be.
  if (!info.author.empty())
    out += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) +
           "</rdf:li></rdf:Seq></dc:creator>\n";
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
  if (standard.archive != PdfStandard::Archive::None) {
    simple(out, "pdfaid:part", "2");
    simple(out, "pdfaid:conformance", standard.archive == PdfStandard::Archive::A2u ? "U" : "B");
  }
  if (standard.ua)
    simple(out, "pdfuaid:part", "1");
  out += "  </rdf:Description>\n";
  // PDF/A admits only the XMP schemas it predefines, and others it finds described in the
  // packet (ISO 19005-2 6.6.2.3.3): pdfuaid is not one of the predefined.
  if (standard.archive != PdfStandard::Archive::None && standard.ua)
    out +=
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
        "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
        "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
        "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
        "    <pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>\n"
        "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
        "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
        "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
        "     <pdfaProperty:name>part</pdfaProperty:name>\n"
        "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
        "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
        "     <pdfaProperty:description>the part of ISO 14289 the file conforms "
        "to</pdfaProperty:description>\n"
        "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
        "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
        "  </rdf:Description>\n";
  out += " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return out;
}

} // namespace galley::pdf
