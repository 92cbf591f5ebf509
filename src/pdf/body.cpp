#include "pdf/body.hpp"

#include "galley/error.hpp"
#include "pdf/raw.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace galley::pdf {

using namespace PoDoFo;

namespace {

/// Appends `v` as `width` decimal digits, zeros first (the cross-reference table's fields).
void append_padded(std::string& out, std::uint64_t v, int width) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
  out.append(std::size_t(std::max<std::ptrdiff_t>(0, width - (end - digits))), '0');
  out.append(digits, end);
}

/// "n 0 obj": compact, as PoDoFo writes it, the value following at once.
void append_header(std::string& out, std::uint32_t number) {
  char digits[16];
  auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  out.append(digits, end);
  out += " 0 obj";
}

PdfReference reference_of(const PdfObject& trailer, const char* key) {
  const PdfObject* v = trailer.GetDictionary().GetKey(key);
  if (v == nullptr || !v->IsReference())
    throw Error(std::string("PDF writer failed: the trailer has no /") + key);
  return v->GetReference();
}

} // namespace

PdfReference Body::reserve() {
  // A number from PoDoFo's count, so that the objects PoDoFo makes later take the next ones;
  // no PoDoFo object stands for it.
  const PdfReference ref(static_cast<std::uint32_t>(objects_.GetObjectCount()), 0);
  objects_.SetObjectCount(ref);
  reserved_end_ = std::max<std::size_t>(reserved_end_, ref.ObjectNumber() + 1);
  return ref;
}

Body::Value& Body::value(const PdfReference& ref) {
  const std::size_t n = ref.ObjectNumber();
  if (values_.size() <= n)
    values_.resize(n + 1);
  Value& v = values_[n];
  v.set = true;
  return v;
}

std::string_view Body::keep(std::string_view text) {
  constexpr std::size_t kBlock = std::size_t(1) << 20;
  if (texts_.empty() || texts_.back().capacity() - texts_.back().size() < text.size()) {
    texts_.emplace_back();
    texts_.back().reserve(std::max(kBlock, text.size()));
  }
  std::string& block = texts_.back();
  const std::size_t at = block.size();
  block.append(text);
  return std::string_view(block).substr(at);
}

void Body::set(const PdfReference& ref, std::string_view text) {
  Value& v = value(ref);
  v.text = keep(text);
  v.stream = nullptr;
}

std::string_view Body::hold(std::string text) {
  return held_.emplace_back(std::move(text));
}

void Body::set_held(const PdfReference& ref, std::string_view text) {
  Value& v = value(ref);
  v.text = text;
  v.stream = nullptr;
}

void Body::set_stream(const PdfReference& ref, const StreamData& data) {
  // The keys in PoDoFo's order (sorted), so that a stream reads the same whoever wrote it.
  scratch_ = data.deflated ? "<</Filter/FlateDecode/Length" : "<</Length";
  raw_int(scratch_, std::int64_t(data.bytes.size()));
  scratch_ += ">>";
  Value& v = value(ref);
  v.text = keep(scratch_);
  v.stream = &data;
}

void Body::set_stream(const PdfReference& ref, StreamData&& data) {
  kept_.push_back(std::move(data));
  set_stream(ref, kept_.back());
}

std::string Body::write_file(const PdfMemDocument& doc, std::string_view identifier) const {
  const PdfVecObjects& objects = doc.GetObjects();
  // PoDoFo's objects by number, between the body's.
  std::vector<const PdfObject*> built(objects.begin(), objects.end());
  const auto by_number = [](const PdfObject* a, const PdfObject* b) {
    return a->Reference().ObjectNumber() < b->Reference().ObjectNumber();
  };
  if (!std::is_sorted(built.begin(), built.end(), by_number))
    std::sort(built.begin(), built.end(), by_number);
  std::size_t count = std::max(values_.size(), reserved_end_);
  if (!built.empty())
    count = std::max<std::size_t>(count, built.back()->Reference().ObjectNumber() + 1);

  // Sized once, a little over: the values given here are most of the file, PoDoFo's streams
  // (fonts, pictures) most of the rest, then 20 bytes an object in the cross-reference table.
  // Growing a string of some megabytes copies it into twice the memory, and pages reserved and
  // never written cost nothing.
  std::size_t size = 4096 + 20 * count;
  for (const Value& v : values_)
    size += 32 + v.text.size() + (v.stream ? v.stream->bytes.size() + 20 : 0);
  // PoDoFo's dictionaries are not known before they are written; a font's widths take a few
  // kilobytes.
  for (const PdfObject* obj : built)
    size += 1024 + (obj->HasStream() ? std::size_t(obj->GetStream()->GetLength()) : 0);
  std::string out;
  out.reserve(size + size / 16);

  // 7.5.2: the version, then a comment of bytes above 127 that marks the file as binary.
  out += s_szPdfVersions[static_cast<int>(doc.GetPdfVersion())];
  out += "\n%\xE2\xE3\xCF\xD3\n";

  std::vector<std::uint64_t> offsets(count, 0); // by object number; 0: free
  PdfRefCountedBuffer scratch;
  auto next_built = built.begin();
  for (std::size_t n = 1; n < count; ++n) {
    if (n < values_.size() && values_[n].set) {
      const Value& v = values_[n];
      offsets[n] = out.size();
      append_header(out, std::uint32_t(n));
      out += v.text;
      out += '\n';
      if (v.stream) {
        out += "stream\n";
        out += v.stream->bytes;
        out += "\nendstream\n";
      }
      out += "endobj\n";
    } else if (next_built != built.end() && (*next_built)->Reference().ObjectNumber() == n) {
      // A few hundred objects PoDoFo builds: written by PoDoFo, as its own writer would.
      offsets[n] = out.size();
      PdfOutputDevice device(&scratch);
      (*next_built++)->WriteObject(&device, doc.GetWriteMode(), nullptr);
      out.append(scratch.GetBuffer(), device.GetLength());
    }
  }
  if (next_built != built.end())
    throw Error("PDF writer failed: two objects have the same number");

  // 7.5.4: one subsection from object 0. A number that holds no object (reserved and never
  // given a value) is a free entry, chained from entry 0 to the next free one and back to 0.
  const std::uint64_t xref = out.size();
  out += "xref\n0 ";
  append_padded(out, offsets.size(), 0);
  out += '\n';
  const auto next_free = [&](std::size_t from) {
    for (std::size_t k = from + 1; k < offsets.size(); ++k)
      if (offsets[k] == 0)
        return k;
    return std::size_t(0);
  };
  for (std::size_t n = 0; n < offsets.size(); ++n) {
    const bool free = n == 0 || offsets[n] == 0;
    append_padded(out, free ? next_free(n) : offsets[n], 10);
    out += free ? (n == 0 ? " 65535 f \n" : " 00001 f \n") : " 00000 n \n";
  }

  FastDigest fast;
  fast.update(identifier);
  fast.update(out);
  const std::array<std::uint8_t, 16> digest = bytes_of(fast.finish());
  std::string id = "<";
  for (std::size_t k = 0; k < digest.size(); k += 2)
    append_hex16(id, unsigned(digest[k]) << 8 | digest[k + 1]);
  id += '>';

  const PdfObject& trailer = *doc.GetTrailer();
  out += "trailer\n<</ID[";
  out += id;
  out += id;
  out += "]/Info";
  raw_ref(out, reference_of(trailer, "Info"));
  out += "/Root";
  raw_ref(out, reference_of(trailer, "Root"));
  out += "/Size";
  raw_int(out, std::int64_t(offsets.size()));
  out += ">>\nstartxref\n";
  append_padded(out, xref, 0);
  out += "\n%%EOF\n";
  return out;
}

} // namespace galley::pdf
