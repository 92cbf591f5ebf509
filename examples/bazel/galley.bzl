"""A Bazel rule that makes a PDF and an EPUB with `galley build`.

Bazel tracks a rule's inputs itself and runs actions in a sandbox, so the article, its manifest
and every picture and style file the articles name are listed in `srcs`; a file missing there is
missing in the sandbox, and galley says which (file and line). The outputs are declared as
`<name>.pdf` and `<name>.epub`.
"""

def _galley_book_impl(ctx):
    outs = [ctx.actions.declare_file(ctx.label.name + "." + f) for f in ctx.attr.formats]
    args = ctx.actions.args()
    args.add("build", ctx.file.main)
    args.add("--format", ",".join(ctx.attr.formats))
    args.add("--name", ctx.label.name + ".{ext}")
    args.add("-o", outs[0].dirname)
    args.add("-q")
    if ctx.attr.style:
        args.add("--style", ctx.attr.style)
    ctx.actions.run(
        executable = ctx.executable.galley,
        arguments = [args],
        inputs = ctx.files.srcs + [ctx.file.main],
        outputs = outs,
        # Dates in the outputs come from the input, never the clock: the action is hermetic.
        env = {"SOURCE_DATE_EPOCH": ctx.attr.source_date_epoch} if ctx.attr.source_date_epoch else {},
        mnemonic = "Galley",
        progress_message = "galley %s" % ctx.file.main.short_path,
    )
    return [DefaultInfo(files = depset(outs))]

galley_book = rule(
    implementation = _galley_book_impl,
    attrs = {
        "main": attr.label(allow_single_file = True, mandatory = True, doc = "an article or an issue manifest"),
        "srcs": attr.label_list(allow_files = True, doc = "articles, pictures and style files it uses"),
        "formats": attr.string_list(default = ["pdf", "epub"]),
        "style": attr.string(doc = "a bundled style name; a style file belongs in srcs"),
        "source_date_epoch": attr.string(doc = "seconds since 1970 for the dates the outputs record"),
        "galley": attr.label(default = "//tools:galley", executable = True, cfg = "exec"),
    },
)
