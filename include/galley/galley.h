/* galley's C interface: an article or an issue to PDF or EPUB bytes, in memory, for programs
 * and languages that call C. Problems with the input are diagnostics in the result, never
 * exits or exceptions; a failure of galley itself (its data not found, out of memory) is a
 * result that is not ok, with one diagnostic saying why. Functions may be called from several
 * threads at once; a result belongs to its caller until galley_result_free. */
#ifndef GALLEY_H
#define GALLEY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct galley_result galley_result;

typedef enum galley_format { GALLEY_PDF = 0, GALLEY_EPUB = 1 } galley_format;

typedef enum galley_severity {
  GALLEY_NOTE = 0,
  GALLEY_WARNING = 1,
  GALLEY_ERROR = 2
} galley_severity;

/* Options are NULL or a NULL-terminated array of "key=value" strings, as the command line's
 * options: style=NAME-OR-PATH, source_date_epoch=SECONDS, pdf_standard=a-2u,ua-1 (or a-2b,
 * none, ...), allow_path=DIR and resource_path=DIR (each may repeat), embed_fonts=true|false,
 * system_fonts=true|false. An unknown key or a bad value is an error diagnostic. */

/* Renders article files, or one issue manifest (.yaml), as `galley pdf` or `galley epub` do. */
galley_result* galley_render_files(const char* const* paths, size_t count, galley_format format,
                                   const char* const* options);

/* Renders one article held in memory: `name` is what diagnostics call it and its extension
 * chooses the reader ("story.md"); relative image paths start from `base_dir` (NULL: the
 * current folder). */
galley_result* galley_render_text(const char* bytes, size_t length, const char* name,
                                  const char* base_dir, galley_format format,
                                  const char* const* options);

/* 1 when the output was made; 0 when the input had errors or galley failed. */
int galley_result_ok(const galley_result* result);

/* The output's bytes and their number; NULL and 0 when not ok. Valid until the result is freed. */
const char* galley_result_data(const galley_result* result, size_t* length);

/* PDF pages, or the EPUB's content documents; 0 when not ok. */
int galley_result_pages(const galley_result* result);

/* The diagnostics, in the order they were found. */
size_t galley_result_diagnostic_count(const galley_result* result);

/* Diagnostic `index`: any pointer argument may be NULL. Strings are UTF-8 and stay valid until
 * the result is freed; `file` is "" and `line`/`column` 0 where unknown; `hint` may be "". */
void galley_result_diagnostic(const galley_result* result, size_t index, galley_severity* severity,
                              const char** file, int* line, int* column, const char** message,
                              const char** hint);

void galley_result_free(galley_result* result);

/* galley's version, "0.1.0". */
const char* galley_version(void);

#ifdef __cplusplus
}
#endif

#endif
