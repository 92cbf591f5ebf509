#pragma once
// Heading ids as GitHub makes them, so that links written for a README or a wiki
// (`[see](#some-heading)`) find their heading in both outputs.
#include <string>
#include <string_view>

namespace galley::input {

/// GitHub's anchor for a heading's text (the rule of github-slugger): lower case; letters,
/// marks, digits and connector punctuation (`_`) of any script kept, `-` kept, each space made
/// `-`, everything else dropped. "What's new?  Ça va" -> "whats-new--ça-va". An empty result
/// becomes "section", so that every heading can be linked to.
std::string github_slug(std::string_view text);

} // namespace galley::input
