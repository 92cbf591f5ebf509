#pragma once
// Internal to input/: what word/styles.xml and word/numbering.xml say about a paragraph or a run
// (ECMA-376 Part 1, 17.7 and 17.9). Styles are known by their names, which Word writes in
// English whatever the interface language ("heading 1" for a German "Überschrift 1", whose
// style id is "berschrift1"), so a localized document reads as an English one.
#include "galley/model.hpp"
#include "input/docx_package.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace galley::input::docx {

/// Formatting of a run that the model keeps (17.3.2): each unset field inherits.
struct RunLook {
  std::optional<bool> bold, italic, underline, strike, code, hidden;
  std::optional<int> shift; ///< 1 superscript, -1 subscript, 0 neither (17.3.2.42)

  /// `over`'s set fields over these.
  void apply(const RunLook& over);
};

/// The formatting a run's own `w:rPr` gives.
RunLook run_look(const pugi::xml_node& rpr);

/// What a paragraph style makes of its paragraphs.
enum class ParaRole { Body, Title, Subtitle, Author, Date, Abstract, Quote, Code, Caption };

/// A paragraph's numbering (17.9.19): which list and how deep.
struct NumberingRef {
  std::string num_id;
  int level = 0;
};

class Styles {
public:
  /// Reads styles.xml (null: a package without styles, which Word treats as all defaults).
  explicit Styles(const XmlPart* part);

  /// The role of the paragraph style `id` (through its `basedOn` chain).
  ParaRole role(const std::string& id) const;
  /// The heading level (1..9) of the paragraph style `id`: "heading N" or an outline level.
  std::optional<int> heading_level(const std::string& id) const;
  /// The numbering the paragraph style `id` gives its paragraphs ("List Bullet" has one).
  std::optional<NumberingRef> numbering(const std::string& id) const;
  /// The look of the character style `id` (through its `basedOn` chain).
  RunLook character_look(const std::string& id) const;
  /// The document's language (BCP 47), from the default run properties; "" when not given.
  const std::string& language() const { return language_; }

private:
  struct Style {
    std::string name; ///< lower case
    std::string based_on;
    std::optional<int> outline; ///< 0-based outline level, 9 for body text
    std::optional<NumberingRef> numbering;
    RunLook look;
  };
  /// The styles from `id` up its `basedOn` chain, nearest first (at most a few dozen: a loop
  /// in the chain ends it).
  std::vector<const Style*> chain(const std::string& id) const;

  std::map<std::string, Style> styles_;
  std::string language_;
};

/// How a list shows its items, from numbering.xml's levels.
struct ListLevel {
  bool bullet = true;
  model::ListNumbering numbering = model::ListNumbering::Decimal;
  int start = 1;
};

class Numbering {
public:
  /// Reads numbering.xml (null: no numbering, every list a bullet list).
  explicit Numbering(const XmlPart* part);
  ListLevel level(const std::string& num_id, int level) const;

private:
  struct Num {
    std::string abstract_id;
    std::map<int, int> start_overrides;
  };
  std::map<std::string, std::map<int, ListLevel>> abstracts_;
  std::map<std::string, Num> nums_;
};

/// The numbering of a `w:numPr` (`w:numId`, `w:ilvl`); nullopt without one, and for numId 0,
/// which takes numbering away (17.9.18).
std::optional<NumberingRef> numbering_of(const pugi::xml_node& num_pr);

/// Lower case ASCII.
std::string lower(std::string_view s);

} // namespace galley::input::docx
