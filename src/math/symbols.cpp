#include "math/symbols.hpp"

#include "util/text_utils.hpp"

#include <string>
#include <unordered_map>

namespace galley::math {
namespace {

using A = AtomClass;

struct Row {
  std::string_view name;
  SymbolInfo info;
};

// The symbols of LaTeX's fontmath and amssymb that KaTeX users write most, by class (LaTeX
// Companion, ch. 8; the classes are those of \mathchardef in fontmath.ltx).
constexpr Row kSymbols[] = {
    // Greek: lowercase letters are italic by default (math/alphabets.hpp), capitals upright.
    {"alpha", {"\u03B1"}},
    {"beta", {"\u03B2"}},
    {"gamma", {"\u03B3"}},
    {"delta", {"\u03B4"}},
    {"epsilon", {"\u03F5"}},
    {"varepsilon", {"\u03B5"}},
    {"zeta", {"\u03B6"}},
    {"eta", {"\u03B7"}},
    {"theta", {"\u03B8"}},
    {"vartheta", {"\u03D1"}},
    {"iota", {"\u03B9"}},
    {"kappa", {"\u03BA"}},
    {"lambda", {"\u03BB"}},
    {"mu", {"\u03BC"}},
    {"nu", {"\u03BD"}},
    {"xi", {"\u03BE"}},
    {"omicron", {"\u03BF"}},
    {"pi", {"\u03C0"}},
    {"varpi", {"\u03D6"}},
    {"rho", {"\u03C1"}},
    {"varrho", {"\u03F1"}},
    {"sigma", {"\u03C3"}},
    {"varsigma", {"\u03C2"}},
    {"tau", {"\u03C4"}},
    {"upsilon", {"\u03C5"}},
    {"phi", {"\u03D5"}},
    {"varphi", {"\u03C6"}},
    {"chi", {"\u03C7"}},
    {"psi", {"\u03C8"}},
    {"omega", {"\u03C9"}},
    {"Gamma", {"\u0393"}},
    {"Delta", {"\u0394"}},
    {"Theta", {"\u0398"}},
    {"Lambda", {"\u039B"}},
    {"Xi", {"\u039E"}},
    {"Pi", {"\u03A0"}},
    {"Sigma", {"\u03A3"}},
    {"Upsilon", {"\u03A5"}},
    {"Phi", {"\u03A6"}},
    {"Psi", {"\u03A8"}},
    {"Omega", {"\u03A9"}},
    // Ordinary symbols.
    {"infty", {"\u221E"}},
    {"partial", {"\u2202"}},
    {"nabla", {"\u2207"}},
    {"forall", {"\u2200"}},
    {"exists", {"\u2203"}},
    {"nexists", {"\u2204"}},
    {"emptyset", {"\u2205"}},
    {"varnothing", {"\u2205"}},
    {"neg", {"\u00AC"}},
    {"lnot", {"\u00AC"}},
    {"aleph", {"\u2135"}},
    {"hbar", {"\u210F"}},
    {"ell", {"\u2113"}},
    {"wp", {"\u2118"}},
    {"Re", {"\u211C"}},
    {"Im", {"\u2111"}},
    {"imath", {"\u0131"}},
    {"jmath", {"\u0237"}},
    {"prime", {"\u2032"}},
    {"angle", {"\u2220"}},
    {"triangle", {"\u25B3"}},
    {"top", {"\u22A4"}},
    {"bot", {"\u22A5"}},
    {"degree", {"\u00B0"}},
    {"ldots", {"\u2026", A::Inner}},
    {"dots", {"\u2026", A::Inner}},
    {"cdots", {"\u22EF", A::Inner}},
    {"vdots", {"\u22EE"}},
    {"ddots", {"\u22F1", A::Inner}},
    {"clubsuit", {"\u2663"}},
    {"diamondsuit", {"\u2662"}},
    {"heartsuit", {"\u2661"}},
    {"spadesuit", {"\u2660"}},
    {"flat", {"\u266D"}},
    {"natural", {"\u266E"}},
    {"sharp", {"\u266F"}},
    {"backslash", {"\\"}},
    {"|", {"\u2016"}},
    {"vert", {"|"}},
    {"Vert", {"\u2016"}},
    {"#", {"#"}},
    {"$", {"$"}},
    {"%", {"%"}},
    {"&", {"&"}},
    {"_", {"_"}},
    {"checkmark", {"\u2713"}},
    {"square", {"\u25A1"}},
    {"Box", {"\u25A1"}},
    {"blacksquare", {"\u25A0"}},
    {"complement", {"\u2201"}},
    {"mathsterling", {"\u00A3"}},
    {"dagger", {"\u2020", A::Bin}},
    {"ddagger", {"\u2021", A::Bin}},
    // Binary operators.
    {"pm", {"\u00B1", A::Bin}},
    {"mp", {"\u2213", A::Bin}},
    {"times", {"\u00D7", A::Bin}},
    {"div", {"\u00F7", A::Bin}},
    {"cdot", {"\u22C5", A::Bin}},
    {"ast", {"\u2217", A::Bin}},
    {"star", {"\u22C6", A::Bin}},
    {"circ", {"\u2218", A::Bin}},
    {"bullet", {"\u2219", A::Bin}},
    {"cap", {"\u2229", A::Bin}},
    {"cup", {"\u222A", A::Bin}},
    {"uplus", {"\u228E", A::Bin}},
    {"sqcap", {"\u2293", A::Bin}},
    {"sqcup", {"\u2294", A::Bin}},
    {"vee", {"\u2228", A::Bin}},
    {"lor", {"\u2228", A::Bin}},
    {"wedge", {"\u2227", A::Bin}},
    {"land", {"\u2227", A::Bin}},
    {"setminus", {"\u2216", A::Bin}},
    {"wr", {"\u2240", A::Bin}},
    {"diamond", {"\u22C4", A::Bin}},
    {"oplus", {"\u2295", A::Bin}},
    {"ominus", {"\u2296", A::Bin}},
    {"otimes", {"\u2297", A::Bin}},
    {"oslash", {"\u2298", A::Bin}},
    {"odot", {"\u2299", A::Bin}},
    {"bigcirc", {"\u25EF", A::Bin}},
    {"amalg", {"\u2A3F", A::Bin}},
    {"triangleleft", {"\u25C1", A::Bin}},
    {"triangleright", {"\u25B7", A::Bin}},
    {"cdotp", {"\u22C5", A::Punct}},
    {"colon", {":", A::Punct}},
    // Relations.
    {"le", {"\u2264", A::Rel}},
    {"leq", {"\u2264", A::Rel}},
    {"ge", {"\u2265", A::Rel}},
    {"geq", {"\u2265", A::Rel}},
    {"ne", {"\u2260", A::Rel}},
    {"neq", {"\u2260", A::Rel}},
    {"leqslant", {"\u2A7D", A::Rel}},
    {"geqslant", {"\u2A7E", A::Rel}},
    {"ll", {"\u226A", A::Rel}},
    {"gg", {"\u226B", A::Rel}},
    {"lt", {"<", A::Rel}},
    {"gt", {">", A::Rel}},
    {"approx", {"\u2248", A::Rel}},
    {"equiv", {"\u2261", A::Rel}},
    {"sim", {"\u223C", A::Rel}},
    {"simeq", {"\u2243", A::Rel}},
    {"cong", {"\u2245", A::Rel}},
    {"propto", {"\u221D", A::Rel}},
    {"asymp", {"\u224D", A::Rel}},
    {"doteq", {"\u2250", A::Rel}},
    {"in", {"\u2208", A::Rel}},
    {"notin", {"\u2209", A::Rel}},
    {"ni", {"\u220B", A::Rel}},
    {"owns", {"\u220B", A::Rel}},
    {"subset", {"\u2282", A::Rel}},
    {"supset", {"\u2283", A::Rel}},
    {"subseteq", {"\u2286", A::Rel}},
    {"supseteq", {"\u2287", A::Rel}},
    {"subsetneq", {"\u228A", A::Rel}},
    {"supsetneq", {"\u228B", A::Rel}},
    {"sqsubseteq", {"\u2291", A::Rel}},
    {"sqsupseteq", {"\u2292", A::Rel}},
    {"prec", {"\u227A", A::Rel}},
    {"succ", {"\u227B", A::Rel}},
    {"preceq", {"\u2AAF", A::Rel}},
    {"succeq", {"\u2AB0", A::Rel}},
    {"perp", {"\u22A5", A::Rel}},
    {"parallel", {"\u2225", A::Rel}},
    {"mid", {"\u2223", A::Rel}},
    {"nmid", {"\u2224", A::Rel}},
    {"vdash", {"\u22A2", A::Rel}},
    {"dashv", {"\u22A3", A::Rel}},
    {"models", {"\u22A8", A::Rel}},
    {"smile", {"\u2323", A::Rel}},
    {"frown", {"\u2322", A::Rel}},
    {"bowtie", {"\u22C8", A::Rel}},
    {"coloneqq", {"\u2254", A::Rel}},
    {"triangleq", {"\u225C", A::Rel}},
    {"lesssim", {"\u2272", A::Rel}},
    {"gtrsim", {"\u2273", A::Rel}},
    // Arrows are relations.
    {"to", {"\u2192", A::Rel}},
    {"rightarrow", {"\u2192", A::Rel}},
    {"leftarrow", {"\u2190", A::Rel}},
    {"gets", {"\u2190", A::Rel}},
    {"leftrightarrow", {"\u2194", A::Rel}},
    {"Rightarrow", {"\u21D2", A::Rel}},
    {"Leftarrow", {"\u21D0", A::Rel}},
    {"Leftrightarrow", {"\u21D4", A::Rel}},
    {"implies", {"\u27F9", A::Rel}},
    {"impliedby", {"\u27F8", A::Rel}},
    {"iff", {"\u27FA", A::Rel}},
    {"mapsto", {"\u21A6", A::Rel}},
    {"longmapsto", {"\u27FC", A::Rel}},
    {"longrightarrow", {"\u27F6", A::Rel}},
    {"longleftarrow", {"\u27F5", A::Rel}},
    {"longleftrightarrow", {"\u27F7", A::Rel}},
    {"Longrightarrow", {"\u27F9", A::Rel}},
    {"Longleftarrow", {"\u27F8", A::Rel}},
    {"Longleftrightarrow", {"\u27FA", A::Rel}},
    {"uparrow", {"\u2191", A::Rel}},
    {"downarrow", {"\u2193", A::Rel}},
    {"updownarrow", {"\u2195", A::Rel}},
    {"Uparrow", {"\u21D1", A::Rel}},
    {"Downarrow", {"\u21D3", A::Rel}},
    {"nearrow", {"\u2197", A::Rel}},
    {"searrow", {"\u2198", A::Rel}},
    {"swarrow", {"\u2199", A::Rel}},
    {"nwarrow", {"\u2196", A::Rel}},
    {"hookrightarrow", {"\u21AA", A::Rel}},
    {"hookleftarrow", {"\u21A9", A::Rel}},
    {"rightleftharpoons", {"\u21CC", A::Rel}},
    {"leadsto", {"\u21DD", A::Rel}},
    // Large operators: limits in display style, except the integrals (TeX's \nolimits).
    {"sum", {"\u2211", A::Op, true, true}},
    {"prod", {"\u220F", A::Op, true, true}},
    {"coprod", {"\u2210", A::Op, true, true}},
    {"bigcup", {"\u22C3", A::Op, true, true}},
    {"bigcap", {"\u22C2", A::Op, true, true}},
    {"bigvee", {"\u22C1", A::Op, true, true}},
    {"bigwedge", {"\u22C0", A::Op, true, true}},
    {"bigoplus", {"\u2A01", A::Op, true, true}},
    {"bigotimes", {"\u2A02", A::Op, true, true}},
    {"bigodot", {"\u2A00", A::Op, true, true}},
    {"biguplus", {"\u2A04", A::Op, true, true}},
    {"bigsqcup", {"\u2A06", A::Op, true, true}},
    {"int", {"\u222B", A::Op, true, false}},
    {"iint", {"\u222C", A::Op, true, false}},
    {"iiint", {"\u222D", A::Op, true, false}},
    {"oint", {"\u222E", A::Op, true, false}},
    {"oiint", {"\u222F", A::Op, true, false}},
};

struct DelimiterRow {
  std::string_view name;
  std::string_view text;
};

constexpr DelimiterRow kDelimiters[] = {
    {"(", "("},
    {")", ")"},
    {"[", "["},
    {"]", "]"},
    {"\\{", "{"},
    {"\\}", "}"},
    {"lbrace", "{"},
    {"rbrace", "}"},
    {"lbrack", "["},
    {"rbrack", "]"},
    {"|", "|"},
    {"\\|", "\u2016"},
    {"vert", "|"},
    {"Vert", "\u2016"},
    {"lvert", "|"},
    {"rvert", "|"},
    {"lVert", "\u2016"},
    {"rVert", "\u2016"},
    {"langle", "\u27E8"},
    {"rangle", "\u27E9"},
    {"<", "\u27E8"},
    {">", "\u27E9"},
    {"lfloor", "\u230A"},
    {"rfloor", "\u230B"},
    {"lceil", "\u2308"},
    {"rceil", "\u2309"},
    {"/", "/"},
    {"backslash", "\\"},
    {".", ""},
    {"uparrow", "\u2191"},
    {"downarrow", "\u2193"},
    {"updownarrow", "\u2195"},
    {"Uparrow", "\u21D1"},
    {"Downarrow", "\u21D3"},
    {"lgroup", "\u27EE"},
    {"rgroup", "\u27EF"},
};

struct AccentRow {
  std::string_view name;
  AccentInfo info;
};

constexpr AccentRow kAccents[] = {
    {"hat", {"\u0302", "^"}},
    {"widehat", {"\u0302", "^", true}},
    {"check", {"\u030C", "\u02C7"}},
    {"tilde", {"\u0303", "~"}},
    {"widetilde", {"\u0303", "~", true}},
    {"acute", {"\u0301", "\u00B4"}},
    {"grave", {"\u0300", "`"}},
    {"dot", {"\u0307", "\u02D9"}},
    {"ddot", {"\u0308", "\u00A8"}},
    {"breve", {"\u0306", "\u02D8"}},
    {"bar", {"\u0304", "\u00AF"}},
    {"vec", {"\u20D7", "\u2192"}},
    {"overrightarrow", {"\u2192", "\u2192", true}},
    {"overleftarrow", {"\u2190", "\u2190", true}},
    {"overline", {"", "\u203E", true, true}},
    {"underline", {"", "_", true, true, true}},
};

constexpr FunctionInfo kFunctions[] = {
    {"arccos"},    {"arcsin"},    {"arctan"},       {"arg"},          {"cos"},       {"cosh"},
    {"cot"},       {"coth"},      {"csc"},          {"deg"},          {"dim"},       {"exp"},
    {"hom"},       {"ker"},       {"lg"},           {"ln"},           {"log"},       {"sec"},
    {"sin"},       {"sinh"},      {"tan"},          {"tanh"},         {"det", true}, {"gcd", true},
    {"inf", true}, {"lim", true}, {"liminf", true}, {"limsup", true}, {"max", true}, {"min", true},
    {"Pr", true},  {"sup", true}, {"argmax", true}, {"argmin", true},
};

struct SpaceRow {
  std::string_view name;
  double mu;
};

// In mu, 18 to the em (The TeXbook, ch. 18): \, thin, \: medium, \; thick, \! negative thin.
constexpr SpaceRow kSpaces[] = {
    {",", 3},
    {":", 4},
    {">", 4},
    {";", 5},
    {"!", -3},
    {" ", 6},
    {"quad", 18},
    {"qquad", 36},
    {"thinspace", 3},
    {"medspace", 4},
    {"thickspace", 5},
    {"enspace", 9},
    {"negthinspace", -3},
};

struct AlphabetRow {
  std::string_view name;
  Alphabet alphabet;
};

constexpr AlphabetRow kAlphabets[] = {
    {"mathrm", Alphabet::Upright},   {"mathit", Alphabet::Italic},
    {"mathbf", Alphabet::Bold},      {"boldsymbol", Alphabet::BoldItalic},
    {"bm", Alphabet::BoldItalic},    {"mathbb", Alphabet::DoubleStruck},
    {"mathcal", Alphabet::Script},   {"mathscr", Alphabet::Script},
    {"mathfrak", Alphabet::Fraktur}, {"mathsf", Alphabet::SansSerif},
    {"mathtt", Alphabet::Monospace}, {"mathnormal", Alphabet::Default},
};

// amsmath's matrices, cases and alignments, and LaTeX's array (amsmath documentation, 4).
struct EnvironmentRow {
  std::string_view name;
  EnvironmentInfo info;
};

constexpr EnvironmentRow kEnvironments[] = {
    {"matrix", {"", "", "c"}},
    {"pmatrix", {"(", ")", "c"}},
    {"bmatrix", {"[", "]", "c"}},
    {"Bmatrix", {"{", "}", "c"}},
    {"vmatrix", {"|", "|", "c"}},
    {"Vmatrix", {"\u2016", "\u2016", "c"}},
    {"smallmatrix", {"", "", "c", false, Style::Script}},
    {"cases", {"{", "", "l"}},
    {"dcases", {"{", "", "l", false, Style::Display}},
    {"aligned", {"", "", "rl", true, Style::Display}},
    {"align", {"", "", "rl", true, Style::Display}},
    {"align*", {"", "", "rl", true, Style::Display}},
    {"split", {"", "", "rl", true, Style::Display}},
    {"gathered", {"", "", "c", false, Style::Display}},
    {"gather", {"", "", "c", false, Style::Display}},
    {"gather*", {"", "", "c", false, Style::Display}},
    {"array", {"", "", ""}},
};

struct ClassRow {
  std::string_view name;
  AtomClass atom;
};

constexpr ClassRow kClassCommands[] = {
    {"mathord", A::Ord},     {"mathop", A::Op},       {"mathbin", A::Bin},
    {"mathrel", A::Rel},     {"mathopen", A::Open},   {"mathclose", A::Close},
    {"mathpunct", A::Punct}, {"mathinner", A::Inner},
};

constexpr AlphabetRow kTextCommands[] = {
    {"text", Alphabet::Upright},  {"textrm", Alphabet::Upright}, {"textnormal", Alphabet::Upright},
    {"textup", Alphabet::Upright}, {"mbox", Alphabet::Upright},  {"hbox", Alphabet::Upright},
    {"textit", Alphabet::Italic}, {"textbf", Alphabet::Bold},
};

template <typename T, std::size_t N> const T* lookup(const T (&rows)[N], std::string_view name) {
  for (const T& row : rows)
    if (row.name == name)
      return &row;
  return nullptr;
}

/// The symbols by command, and the commands' classes by character for what is written
/// directly: built once.
struct Index {
  std::unordered_map<std::string_view, const SymbolInfo*> by_name;
  std::unordered_map<char32_t, const SymbolInfo*> by_char;
  Index() {
    for (const Row& row : kSymbols) {
      by_name.emplace(row.name, &row.info);
      std::size_t i = 0;
      char32_t c = next_code_point(row.info.text, i);
      if (i == row.info.text.size())
        by_char.emplace(c, &row.info);
    }
  }
};

const Index& index() {
  static const Index built;
  return built;
}

} // namespace

const SymbolInfo* find_symbol(std::string_view name) {
  const auto& by_name = index().by_name;
  auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second;
}

std::optional<std::string_view> find_delimiter(std::string_view name) {
  if (const DelimiterRow* row = lookup(kDelimiters, name))
    return row->text;
  return std::nullopt;
}

const AccentInfo* find_accent(std::string_view name) {
  const AccentRow* row = lookup(kAccents, name);
  return row == nullptr ? nullptr : &row->info;
}

std::string_view accent_named_by(std::string_view character) {
  if (character.empty())
    return {};
  for (const AccentRow& row : kAccents)
    if (!row.info.stretchy && !row.info.rule &&
        (row.info.combining == character || row.info.spacing == character))
      return row.name;
  return {};
}

const FunctionInfo* find_function(std::string_view name) {
  for (const FunctionInfo& f : kFunctions)
    if (f.text == name)
      return &f;
  return nullptr;
}

std::optional<double> find_space(std::string_view name) {
  if (const SpaceRow* row = lookup(kSpaces, name))
    return row->mu;
  return std::nullopt;
}

std::optional<Alphabet> find_alphabet(std::string_view name) {
  if (const AlphabetRow* row = lookup(kAlphabets, name))
    return row->alphabet;
  return std::nullopt;
}

const EnvironmentInfo* find_environment(std::string_view name) {
  const EnvironmentRow* row = lookup(kEnvironments, name);
  return row == nullptr ? nullptr : &row->info;
}

std::optional<AtomClass> find_class_command(std::string_view name) {
  if (const ClassRow* row = lookup(kClassCommands, name)) return row->atom;
  return std::nullopt;
}

std::optional<Alphabet> find_text_command(std::string_view name) {
  if (const AlphabetRow* row = lookup(kTextCommands, name)) return row->alphabet;
  return std::nullopt;
}

const SymbolInfo& class_of_char(char32_t c) {
  static const SymbolInfo ord{"", A::Ord}, bin{"", A::Bin}, rel{"", A::Rel}, open{"", A::Open},
      close{"", A::Close}, punct{"", A::Punct};
  switch (c) {
  case '+':
  case '-':
  case '*':
  case 0x2212:
    return bin;
  case '=':
  case '<':
  case '>':
  case ':':
    return rel;
  case '(':
  case '[':
    return open;
  case ')':
  case ']':
  case '!':
  case '?':
    return close;
  case ',':
  case ';':
    return punct;
  default:
    break;
  }
  const auto& by_char = index().by_char;
  auto it = by_char.find(c);
  return it == by_char.end() ? ord : *it->second;
}

} // namespace galley::math
