#include "pdf/raw.hpp"

#include "pdf/content.hpp"
#include "util/text_utils.hpp"

#include <charconv>

namespace galley::pdf {

using namespace PoDoFo;

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex(std::string& out, unsigned byte) {
  out += kHex[(byte >> 4) & 15];
  out += kHex[byte & 15];
}

void append_decimal(std::string& out, std::uint64_t v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

} // namespace

void append_hex16(std::string& out, unsigned v) {
  // One append: content streams write one of these for each of an issue's million glyphs.
  const char digits[4] = {kHex[(v >> 12) & 15], kHex[(v >> 8) & 15], kHex[(v >> 4) & 15],
                          kHex[v & 15]};
  out.append(digits, 4);
}

std::string utf16_hex(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      append_hex16(out, 0xD800 + unsigned(cp >> 10));
      append_hex16(out, 0xDC00 + unsigned(cp & 0x3FF));
    } else {
      append_hex16(out, unsigned(cp));
    }
  }
  return out;
}

void raw_name(std::string& out, std::string_view name) {
  out += '/';
  for (unsigned char c : name) {
    // Regular characters stand for themselves; delimiters, white space, '#' and bytes outside
    // '!'..'~' are written as #xx (7.3.5).
    bool regular = c > ' ' && c <= '~' &&
                   std::string_view("#()<>[]{}/%").find(char(c)) == std::string_view::npos;
    if (regular) {
      out += char(c);
    } else {
      out += '#';
      append_hex(out, c);
    }
  }
}

void raw_int(std::string& out, std::int64_t v) {
  out += ' ';
  if (v < 0) {
    out += '-';
    append_decimal(out, std::uint64_t(0) - std::uint64_t(v));
  } else {
    append_decimal(out, std::uint64_t(v));
  }
}

void raw_real(std::string& out, double v) {
  out += ' ';
  append_number(out, v, 4);
}

void raw_ref(std::string& out, const PdfReference& ref) {
  out += ' ';
  append_decimal(out, ref.ObjectNumber());
  out += ' ';
  append_decimal(out, ref.GenerationNumber());
  out += " R";
}

void raw_text(std::string& out, std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8)
    ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) {
    raw_bytes(out, utf8);
    return;
  }
  out += "<FEFF";
  out += utf16_hex(utf8);
  out += '>';
}

void raw_bytes(std::string& out, std::string_view bytes) {
  out += '(';
  for (unsigned char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c < 0x20 || c >= 0x7F) {
      // An octal escape keeps every byte as it is, whatever a reader does with line ends.
      out += '\\';
      out += char('0' + (c >> 6));
      out += char('0' + ((c >> 3) & 7));
      out += char('0' + (c & 7));
    } else {
      out += char(c);
    }
  }
  out += ')';
}

void raw_rect(std::string& out, double x1, double y1, double x2, double y2) {
  out += '[';
  raw_real(out, x1);
  raw_real(out, y1);
  raw_real(out, x2);
  raw_real(out, y2);
  out += ']';
}

PdfObject raw_value(const std::string& text) {
  return PdfObject(PdfVariant(PdfData(text.data(), text.size())));
}

} // namespace galley::pdf
