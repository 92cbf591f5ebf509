#pragma once
// GitHub's emoji shortcodes (`:tada:`, `:+1:`) in Markdown text, as pandoc's `emoji`
// extension reads them: each known code becomes its emoji; any other `:word:` stays as written.
#include "galley/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace galley::input {

/// The emoji `name` (between the colons) stands for, in UTF-8 with the emoji variation selector
/// where the character would otherwise be shown as text; nullopt for an unknown name.
std::optional<std::string> emoji_for(std::string_view name);

/// Replaces the shortcodes in the text of `article` (body and notes, never code or math).
void expand_emoji_shortcodes(model::Article& article);

} // namespace galley::input
