#pragma once
// Front-matter keys (galley's own and the aliases of pandoc, Hugo, Jekyll and Astro) applied to
// model::Meta; docs/input.md lists them. Shared field readers are used by the manifest too.
#include "input/draft.hpp"
#include "input/value.hpp"

namespace galley::input {

/// Every front-matter key galley reads or accepts, galley's own and the aliases.
const std::vector<std::string>& known_keys();

/// Applies the front matter `root` (a map) to `draft.article.meta` and `draft.sources`.
void read_front_matter(const Value& root, ArticleDraft& draft, Diagnostics& diags);

/// A scalar as a string; "" for an empty value; an error (and nullopt) for lists and maps.
std::optional<std::string> string_field(const Entry& e, Diagnostics& diags);

/// A language as the outputs record it (xml:lang, dc:language, the PDF's /Lang): a BCP 47 tag
/// (RFC 5646) such as "en" or "pt-BR". "pt_BR" is mended to "pt-BR"; anything else that is not a
/// well-formed tag gets a warning at `loc` and nullopt, so the default language stays.
std::optional<std::string> language_tag(std::string_view value, const SourceLoc& loc,
                                        Diagnostics& diags);

/// A date field: an error when it is not one of the forms parse_date accepts.
std::optional<model::Date> date_field(const Entry& e, Diagnostics& diags);

/// A cover: a path string, or a map with image, alt, credit.
std::optional<model::Cover> cover_field(const Entry& e, Diagnostics& diags);

/// A list of strings; a single string is split at commas.
std::vector<std::string> string_list_field(const Entry& e, Diagnostics& diags);

/// "A, B, and C", "A, B and C", "A and B" and "A & B": the names a single author string lists,
/// as a byline writes them.
std::vector<std::string> split_names(std::string_view text);

/// Warns about an unknown key, suggesting the closest of `known`.
void warn_unknown_key(const Entry& e, std::string_view where, const std::vector<std::string>& known,
                      Diagnostics& diags);

} // namespace galley::input
