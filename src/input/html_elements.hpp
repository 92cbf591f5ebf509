#pragma once
// What each HTML element in Markdown becomes in the model, shared by the two places raw HTML
// comes from: HTML blocks (html_fragment.cpp) and tags between Markdown inlines (html.cpp).
#include "galley/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::input::html {

using Attributes = std::vector<std::pair<std::string, std::string>>;

/// The value of attribute `name` (lower case), empty when absent.
std::string attribute(const Attributes& attrs, std::string_view name);

/// How an element is treated where it appears.
enum class Role {
  Phrase,    ///< wraps its content in an inline node (phrase())
  Media,     ///< <video>, <audio>, <iframe>, <embed>: a link to its source
  Dropped,   ///< <script>, <style> and the like: left out with its content, with a warning
  Control,   ///< form controls: the tag is left out with a warning, its text is kept
  Unknown,   ///< not HTML (JSX components): the tag is left out with a warning, its text kept
  Structure, ///< any other HTML element: its content is kept, the tag adds nothing inline
};

/// The role of an element by its lower-case name.
Role role_of(std::string_view name, bool known_to_html);

/// True for the elements that hold no content (HTML 13.1.2, "void elements").
bool is_void(std::string_view name);

/// How an <ol> counts, by its `type` attribute (HTML 4.4.5: "1", "a", "A", "i", "I", told
/// apart by case); decimal for any other value or none.
model::ListNumbering list_numbering(std::string_view type);

/// The inline node a phrase element makes of its content.
model::Inline phrase(std::string_view name, const Attributes& attrs, model::Inlines children,
                     const SourceLoc& loc);

/// A link to a media element's source, with its title (or "Video", "Audio", "Embedded
/// content") as its text; nullopt when it names no source.
std::optional<model::Inline> media_link(std::string_view name, const Attributes& attrs,
                                        const SourceLoc& loc);

/// An <img> as a model image.
model::Inline image(const Attributes& attrs, const SourceLoc& loc);

/// The one-line warning for an element that is left out (Dropped, Control or Unknown).
std::string left_out_message(Role role, std::string_view shown_name);
/// A JSX component of MDX and Docusaurus (<Tabs>, <TabItem>): a capitalised name, which no HTML
/// element has. Its content is what the site shows, so it is kept without a warning.
bool is_component(std::string_view shown_name);

/// True when the inlines are one image and white space: a paragraph that is a figure.
const model::Inline* lone_image(const model::Inlines& inlines);

/// A figure block from an image (and a caption, when given).
model::Block figure(const model::Image& img, model::Inlines caption, const SourceLoc& loc);

} // namespace galley::input::html
