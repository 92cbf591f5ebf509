// `galley shape TEXT --font FAMILY --lang xx`: print shaped glyph runs, for checking fonts.
#include "cli/commands.hpp"
#include "cli/common.hpp"

#include "galley/style.hpp"
#include "text/engine.hpp"
#include "text/trace.hpp"

#include <cstdio>
#include <memory>

namespace galley::cli {

void add_shape_command(CLI::App& app, int& exit_code) {
  struct State {
    CommonOptions common;
    std::string text;
    std::string family = "EB Garamond";
    int weight = 400;
    bool italic = false;
    double size = 10;
    std::string language = "en";
    std::vector<std::string> features;
  };
  auto st = std::make_shared<State>();
  auto* cmd = app.add_subcommand("shape", "print the glyphs HarfBuzz gives for a text");
  cmd->add_option("text", st->text, "UTF-8 text")->required();
  cmd->add_option("--font", st->family, "font family")->capture_default_str();
  cmd->add_option("--weight", st->weight, "100..900")->check(CLI::Range(100, 900));
  cmd->add_flag("--italic", st->italic, "italic face");
  cmd->add_option("--size", st->size, "size in points")->check(CLI::PositiveNumber);
  cmd->add_option("--lang", st->language, "BCP 47 language")->capture_default_str();
  cmd->add_option("--features", st->features, "OpenType features: onum, smcp, -liga ...");
  add_output_options(*cmd, st->common);
  cmd->callback([st, &exit_code] {
    text::EngineOptions eo;
    eo.font_dirs = {text::bundled_fonts_dir()};
    eo.fallback = style::default_style().fonts.fallback;
    text::Engine engine(eo);
    Diagnostics diags;
    std::string out = text::trace_shape(engine, st->text, {st->family, st->weight, st->italic},
                                        st->size, st->language, st->features, diags);
    print_diagnostics(diags, st->common);
    std::fputs(out.c_str(), stdout);
    exit_code = failed(diags, st->common) ? kInputError : kOk;
  });
}

} // namespace galley::cli
