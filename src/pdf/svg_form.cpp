#include "pdf/svg_form.hpp"

#include "galley/error.hpp"
#include "pdf/content.hpp"

#include <map>
#include <set>

namespace galley::pdf {

using namespace PoDoFo;

namespace {

/// Copies objects from one file's object list into another's, each once, renumbered. Objects
/// are created after what they refer to, so the order, and the bytes, follow from the source.
class Copier {
public:
  Copier(PdfVecObjects& from, PdfVecObjects& to) : from_(from), to_(to) {}

  PdfObject value(const PdfObject& v) {
    if (v.IsReference())
      return PdfObject(object(v.GetReference()));
    if (v.IsDictionary()) {
      PdfDictionary d;
      for (const auto& [key, item] : v.GetDictionary().GetKeys())
        d.AddKey(key, value(*item));
      return PdfObject(d);
    }
    if (v.IsArray()) {
      PdfArray a;
      for (const PdfObject& item : v.GetArray())
        a.push_back(value(item));
      return PdfObject(a);
    }
    return v;
  }

  /// The object `ref` names, copied; a stream keeps its encoded bytes and filters.
  PdfReference object(const PdfReference& ref) {
    if (auto it = done_.find(ref); it != done_.end())
      return it->second;
    PdfObject* src = from_.GetObject(ref);
    if (!src)
      return PdfReference(); // a dangling reference means null (7.3.10)
    // cairo writes no cycles among a page's resources; refuse one rather than loop.
    if (!open_.insert(ref).second)
      throw Error("the PDF drawn from an SVG refers to itself in a cycle");
    PdfObject* dst = nullptr;
    if (src->HasStream()) {
      PdfDictionary d;
      for (const auto& [key, item] : src->GetDictionary().GetKeys())
        if (key != PdfName::KeyLength)
          d.AddKey(key, value(*item));
      dst = to_.CreateObject(PdfVariant(d));
      set_raw_stream(dst, raw(*src));
    } else {
      dst = to_.CreateObject(PdfVariant(value(*src)));
    }
    open_.erase(ref);
    done_.emplace(ref, dst->Reference());
    return dst->Reference();
  }

  static std::string raw(const PdfObject& stream) {
    char* buffer = nullptr;
    pdf_long length = 0;
    stream.GetStream()->GetCopy(&buffer, &length);
    std::string bytes(buffer, size_t(length));
    podofo_free(buffer);
    return bytes;
  }

private:
  PdfVecObjects& from_;
  PdfVecObjects& to_;
  std::map<PdfReference, PdfReference> done_;
  std::set<PdfReference> open_;
};

/// A real with the eight decimals a 1/width scale needs (pdf_real keeps four).
PdfObject scale(double v) {
  std::string s = " ";
  append_number(s, v, 8);
  return PdfObject(PdfVariant(PdfData(s.c_str())));
}

const PdfObject& resolved(PdfVecObjects& objects, const PdfObject* obj, const char* what) {
  if (obj && obj->IsReference())
    obj = objects.GetObject(obj->GetReference());
  if (!obj)
    throw Error(std::string("the PDF drawn from an SVG has no ") + what);
  return *obj;
}

} // namespace

PdfObject* embed_form(PdfVecObjects& objects, std::string_view pdf) {
  PdfVecObjects source;
  PdfParser parser(&source, pdf.data(), long(pdf.size()), false);
  const PdfObject& root =
      resolved(source, parser.GetTrailer()->GetDictionary().GetKey("Root"), "catalog");
  const PdfObject& pages = resolved(source, root.GetDictionary().GetKey("Pages"), "page tree");
  const PdfObject& kids = resolved(source, pages.GetDictionary().GetKey("Kids"), "pages");
  if (!kids.IsArray() || kids.GetArray().empty())
    throw Error("the PDF drawn from an SVG has no page");
  const PdfObject& page = resolved(source, &kids.GetArray().front(), "page");
  const PdfDictionary& pd = page.GetDictionary();
  const PdfObject& contents = resolved(source, pd.GetKey("Contents"), "content stream");
  if (!contents.HasStream())
    throw Error("the PDF drawn from an SVG has more than one content stream");
  const PdfArray& box = resolved(source, pd.GetKey("MediaBox"), "MediaBox").GetArray();
  if (box.size() != 4)
    throw Error("the PDF drawn from an SVG has a malformed MediaBox");
  const double x0 = box[0].GetReal(), y0 = box[1].GetReal();
  const double w = box[2].GetReal() - x0, h = box[3].GetReal() - y0;

  Copier copier(source, objects);
  PdfObject* form = objects.CreateObject("XObject");
  PdfDictionary& d = form->GetDictionary();
  d.AddKey("Subtype", PdfName("Form"));
  d.AddKey("BBox", pdf_rect(x0, y0, x0 + w, y0 + h));
  PdfArray matrix;
  for (double v : {1 / w, 0.0, 0.0, 1 / h, -x0 / w, -y0 / h})
    matrix.push_back(scale(v));
  d.AddKey("Matrix", matrix);
  if (const PdfObject* res = pd.GetKey("Resources"))
    d.AddKey("Resources", copier.value(*res));
  for (const char* key : {"Filter", "DecodeParms"})
    if (const PdfObject* v = contents.GetDictionary().GetKey(key))
      d.AddKey(key, copier.value(*v));
  set_raw_stream(form, Copier::raw(contents));
  return form;
}

} // namespace galley::pdf
