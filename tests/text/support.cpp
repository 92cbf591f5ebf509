#include "support.hpp"

#include "galley/style.hpp"

namespace galley::text::testing {

EngineOptions bundled_options() {
  EngineOptions o;
  o.font_dirs = {bundled_fonts_dir()};
  o.fallback = style::default_style().fonts.fallback;
  o.use_fontconfig = false;
  return o;
}

std::string line_text(const Line& line) {
  std::string s;
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs)
      s += g.text;
  return s;
}

const std::vector<Sample>& sample_paragraphs() {
  static const std::vector<Sample> samples{
      {"en",
       "Microsoft and OpenAI have amended the partnership that began in 2019 and was extended "
       "in 2023. The exclusive resale right is gone: OpenAI may now serve its customers on other "
       "clouds, while revenue-share payments continue through 2030 under a cap. Microsoft keeps "
       "its licence to the intellectual property through 2032, remains the primary cloud "
       "partner, and preserves its equity stake. Both companies describe the amendment as the "
       "next phase of a relationship that has shaped the industry, and analysts expect "
       "enterprise customers, who increasingly combine several models, to benefit from the "
       "flexibility."},
      {"de",
       "Die Donaudampfschifffahrtsgesellschaft veröffentlichte gestern ihre "
       "Geschäftsberichterstattung, in der die Unternehmensführung die "
       "Wettbewerbsbeschränkungen und die Rechtsschutzversicherungsgesellschaften erwähnte. "
       "Die Bundesausbildungsförderungsgesetznovelle und die Kraftfahrzeughaftpflichtversicherung "
       "wurden ebenfalls besprochen, während die Arbeitnehmerüberlassungsverordnung noch "
       "geprüft wird. Die Verhandlungen über die Zusammenarbeit dauern an."},
      {"fr",
       "Microsoft et OpenAI ont modifié le partenariat commencé en 2019 et prolongé en 2023. Le "
       "droit exclusif de revente disparaît : OpenAI peut désormais servir ses clients sur "
       "d'autres nuages, tandis que les paiements de partage des revenus se poursuivent "
       "jusqu'en 2030, dans la limite d'un plafond. Microsoft conserve sa licence sur la "
       "propriété intellectuelle jusqu'en 2032 et reste le principal partenaire infonuagique; "
       "les analystes estiment que les entreprises, qui combinent de plus en plus plusieurs "
       "modèles, profiteront de cette souplesse."},
  };
  return samples;
}

ParagraphSpec paragraph(const std::string& text, const std::string& language, double width,
                        double size) {
  ParagraphSpec spec;
  Span span;
  span.text = text;
  span.font = {"EB Garamond", 400, false};
  span.size = size;
  spec.spans = {span};
  spec.language = language;
  spec.width = width;
  return spec;
}

ItemsProbe::ItemsProbe() : fonts_(bundled_options()), hyphenator_(default_dictionary_dir()) {}
ItemsProbe::~ItemsProbe() = default;

std::vector<Item> ItemsProbe::items(const ParagraphSpec& spec, Diagnostics& diags) {
  TextContext ctx{fonts_, shaper_, itemizer_, hyphenator_, diags};
  Collected c = collect(spec.spans, spec.language, true, ctx);
  HyphenExceptions exceptions = parse_exceptions(spec.hyphenation.exceptions);
  PrepareOptions po;
  po.hyphenate = true;
  po.hyphenation = &spec.hyphenation;
  po.exceptions = &exceptions;
  return prepare(c, po, ctx).items;
}

} // namespace galley::text::testing
