#pragma once
// The files `galley init` writes, as text with @KEY@ placeholders (init_command.cpp fills them).
namespace galley::cli::templates {

/// The publication's style: the chosen house style, with the keys people change first.
extern const char* const kStyle;
/// The issue manifest: the publication, one article, the cover.
extern const char* const kIssue;
/// The example article: what galley reads, shown by using it.
extern const char* const kArticle;
/// A GitHub Actions workflow that builds the issue on every push.
extern const char* const kWorkflow;
/// How to build, in three commands.
extern const char* const kReadme;

} // namespace galley::cli::templates
