#include "pdf/archive.hpp"

#include "pdf/podofo_util.hpp"

#include <string_view>

namespace galley::pdf {

namespace {

constexpr unsigned char kSrgbProfile[] = {
#include "srgb_icc.inc"
};

} // namespace

void add_output_intent(PoDoFo::PdfMemDocument& doc, bool compress) {
  using namespace PoDoFo;
  PdfObject* profile = doc.GetObjects().CreateObject();
  profile->GetDictionary().AddKey("N", pdf_int(3)); // three components: RGB (8.6.5.5)
  set_stream(profile, pack_stream(std::string_view(reinterpret_cast<const char*>(kSrgbProfile),
                                                   sizeof kSrgbProfile),
                                  compress));
  PdfDictionary intent;
  intent.AddKey("Type", PdfName("OutputIntent"));
  intent.AddKey("S", PdfName("GTS_PDFA1")); // the subtype PDF/A names (14.11.5)
  intent.AddKey("OutputConditionIdentifier", pdf_text("sRGB IEC61966-2.1"));
  intent.AddKey("Info", pdf_text("sRGB IEC61966-2.1"));
  intent.AddKey("RegistryName", pdf_text("http://www.color.org"));
  intent.AddKey("DestOutputProfile", profile->Reference());
  PdfArray intents;
  intents.push_back(intent);
  doc.GetCatalog()->GetDictionary().AddKey("OutputIntents", intents);
}

} // namespace galley::pdf
