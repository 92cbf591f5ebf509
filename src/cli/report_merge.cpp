#include "cli/report_merge.hpp"

#include "cli/build_plan.hpp"
#include "cli/report.hpp"
#include "input/json_value.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>

namespace galley::cli {

namespace {

using input::Value;
using input::ValueKind;

/// One output as read back, with where its path was written (for "in two shards").
struct ReadOutput {
  ReportOutput out;
  SourceLoc loc;
};

/// A unit of the build's work list (docs/ci.md, "Past one machine"): an input's outputs, or
/// one --single article's PDF. Sharding deals whole units.
using Unit = std::vector<ReadOutput>;

struct ShardReport {
  const ReportFile* file = nullptr;
  std::string version;
  Shard shard;
  bool verify = false;
  bool strict = false;
  int errors = 0;
  int warnings = 0;
  std::int64_t time_ms = 0;
  SourceLoc version_loc, shard_loc, flags_loc;
  std::vector<Unit> units;
};

/// Formats in the order a unit lists them (parse_formats).
int format_rank(const std::string& format) {
  return format == "pdf" ? 0 : 1;
}

/// Reads the parts of a report, reporting the first thing that is not as report_json writes it.
class Reader {
public:
  Reader(const ReportFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  std::optional<ShardReport> read() {
    if (!input::looks_like_json(file_.text))
      return wrong({file_.name, 1, 1}, "it is not JSON");
    Limits limits;
    limits.max_value_nodes = std::numeric_limits<std::size_t>::max();
    auto root = input::parse_json(file_.text, file_.name, limits, diags_);
    if (!root)
      return std::nullopt;
    ShardReport r;
    r.file = &file_;
    const Value* run = member(*root, "galley", ValueKind::Map);
    const Value* outputs = run ? member(*root, "outputs", ValueKind::List) : nullptr;
    const Value* totals = outputs ? member(*root, "totals", ValueKind::Map) : nullptr;
    if (!totals)
      return std::nullopt;
    const Value* version = member(*run, "version", ValueKind::Scalar);
    const Value* shard = version ? member(*run, "shard", ValueKind::Scalar) : nullptr;
    if (!shard || !flag(*run, "verify", r.verify) || !flag(*run, "strict", r.strict) ||
        !number(*totals, "errors", r.errors) || !number(*totals, "warnings", r.warnings) ||
        !number(*totals, "time_ms", r.time_ms))
      return std::nullopt;
    r.version = version->scalar;
    r.version_loc = version->loc;
    r.shard_loc = shard->loc;
    r.flags_loc = run->loc;
    auto parsed = parse_shard(shard->scalar);
    if (!parsed)
      return wrong(shard->loc, "its shard '" + shard->scalar + "' is not i/n");
    r.shard = *parsed;
    for (const Value& item : outputs->list) {
      auto out = output(item);
      if (!out)
        return std::nullopt;
      // A unit's outputs are adjacent and in format order (pdf, then epub), so a new unit
      // starts where the input or article changes or the format does not move on.
      const Unit* last = r.units.empty() ? nullptr : &r.units.back();
      const ReportOutput* prev = last ? &last->back().out : nullptr;
      if (!prev || prev->input != out->out.input || prev->article != out->out.article ||
          format_rank(prev->format) >= format_rank(out->out.format))
        r.units.emplace_back();
      r.units.back().push_back(std::move(*out));
    }
    return r;
  }

private:
  std::nullopt_t wrong(const SourceLoc& loc, const std::string& why) {
    diags_.error(loc, "not a galley report (from galley build --report): " + why);
    return std::nullopt;
  }

  const Value* member(const Value& map, std::string_view key, ValueKind kind) {
    if (map.kind != ValueKind::Map) {
      wrong(map.loc, "expected an object");
      return nullptr;
    }
    const Value* v = map.get(key);
    if (!v || v->kind != kind) {
      wrong(v ? v->loc : map.loc, "expected \"" + std::string(key) + "\" to be " +
                                      (kind == ValueKind::Map    ? "an object"
                                       : kind == ValueKind::List ? "an array"
                                                                 : "a string or number"));
      return nullptr;
    }
    return v;
  }

  template <typename Int> bool number(const Value& map, std::string_view key, Int& out) {
    const Value* v = member(map, key, ValueKind::Scalar);
    if (!v)
      return false;
    auto [end, ec] = std::from_chars(v->scalar.data(), v->scalar.data() + v->scalar.size(), out);
    if (ec == std::errc() && end == v->scalar.data() + v->scalar.size() && !(out < Int{0}))
      return true;
    wrong(v->loc, "expected \"" + std::string(key) + "\" to be a whole number");
    return false;
  }

  bool flag(const Value& map, std::string_view key, bool& out) {
    const Value* v = member(map, key, ValueKind::Scalar);
    if (!v)
      return false;
    out = v->scalar == "true";
    if (out || v->scalar == "false")
      return true;
    wrong(v->loc, "expected \"" + std::string(key) + "\" to be true or false");
    return false;
  }

  bool text(const Value& map, std::string_view key, std::string& out) {
    const Value* v = member(map, key, ValueKind::Scalar);
    if (v)
      out = v->scalar;
    return v != nullptr;
  }

  std::optional<Diagnostic> diagnostic(const Value& v) {
    Diagnostic d;
    std::string severity;
    if (!text(v, "severity", severity) || !text(v, "file", d.loc.file) ||
        !number(v, "line", d.loc.line) || !number(v, "column", d.loc.column) ||
        !text(v, "message", d.message))
      return std::nullopt;
    if (const Value* hint = v.get("hint"); hint && hint->kind == ValueKind::Scalar)
      d.hint = hint->scalar;
    if (severity == "error")
      d.severity = Severity::Error;
    else if (severity == "warning")
      d.severity = Severity::Warning;
    else if (severity == "note")
      d.severity = Severity::Note;
    else
      return wrong(v.loc, "unknown severity '" + severity + "'");
    return d;
  }

  std::optional<ReadOutput> output(const Value& v) {
    ReadOutput r;
    ReportOutput& o = r.out;
    std::string status;
    if (!text(v, "path", o.path) || !text(v, "format", o.format) || !text(v, "input", o.input) ||
        !text(v, "status", status))
      return std::nullopt;
    r.loc = v.get("path")->loc;
    if (o.format != "pdf" && o.format != "epub")
      return wrong(v.get("format")->loc, "unknown format '" + o.format + "'");
    if (status != "written" && status != "failed")
      return wrong(v.get("status")->loc, "unknown status '" + status + "'");
    o.ok = status == "written";
    if (v.get("article")) {
      if (!number(v, "article", o.article) || o.article < 1)
        return wrong(v.get("article")->loc, "expected \"article\" to be 1 or more");
      --o.article;
    }
    if (!number(v, o.format == "epub" ? "documents" : "pages", o.pages) ||
        !number(v, "bytes", o.bytes) || !number(v, "time_ms", o.time_ms))
      return std::nullopt;
    const Value* sha = v.get("sha256");
    if (sha && sha->kind == ValueKind::Scalar)
      o.sha256 = sha->scalar;
    else if (!sha || sha->kind != ValueKind::Null)
      return wrong(sha ? sha->loc : v.loc, "expected \"sha256\" to be a string or null");
    // "cached" (galley build --cache) is absent from the reports of a build without a cache.
    if (const Value* cached = v.get("cached"); cached && cached->kind == ValueKind::Scalar)
      o.cached = cached->scalar == "true";
    const Value* list = member(v, "diagnostics", ValueKind::List);
    if (!list)
      return std::nullopt;
    for (const Value& item : list->list) {
      auto d = diagnostic(item);
      if (!d)
        return std::nullopt;
      o.diagnostics.push_back(std::move(*d));
    }
    return r;
  }

  const ReportFile& file_;
  Diagnostics& diags_;
};

std::string shard_text(const Shard& s) {
  return std::to_string(s.index) + "/" + std::to_string(s.count);
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.loc.file == b.loc.file && a.loc.line == b.loc.line &&
         a.loc.column == b.loc.column && a.message == b.message && a.hint == b.hint;
}

/// Every shard that builds one of an input's outputs loads the input and counts its loading
/// diagnostics; one machine counts them once. They are the diagnostics that every output of
/// the input begins with (each output lists its input's loading diagnostics first).
void count_loading_once(const std::vector<ShardReport>& shards, int& errors, int& warnings) {
  struct Seen {
    std::vector<int> shards;
    std::vector<Diagnostic> prefix;
    bool first = true;
  };
  std::map<std::string, Seen> inputs;
  for (std::size_t s = 0; s < shards.size(); ++s)
    for (const auto& unit : shards[s].units)
      for (const auto& o : unit) {
        Seen& seen = inputs[o.out.input];
        if (seen.shards.empty() || seen.shards.back() != static_cast<int>(s))
          seen.shards.push_back(static_cast<int>(s));
        const auto& d = o.out.diagnostics;
        if (seen.first) {
          seen.prefix = d;
          seen.first = false;
          continue;
        }
        std::size_t n = 0;
        while (n < seen.prefix.size() && n < d.size() && same(seen.prefix[n], d[n]))
          ++n;
        seen.prefix.resize(n);
      }
  for (const auto& [input, seen] : inputs) {
    int extra = static_cast<int>(seen.shards.size()) - 1;
    for (const auto& d : seen.prefix) {
      if (d.severity == Severity::Error)
        errors -= extra;
      else if (d.severity == Severity::Warning)
        warnings -= extra;
    }
  }
}

} // namespace

std::optional<std::string> merge_reports(const std::vector<ReportFile>& files, Diagnostics& diags) {
  std::vector<ShardReport> shards;
  for (const auto& f : files)
    if (auto r = Reader(f, diags).read())
      shards.push_back(std::move(*r));
  if (diags.has_errors() || shards.empty())
    return std::nullopt;

  const ShardReport& first = shards.front();
  const int count = first.shard.count;
  std::vector<const ShardReport*> by_index(static_cast<std::size_t>(count), nullptr);
  for (const auto& r : shards) {
    if (r.version != first.version)
      diags.error(r.version_loc, "made by galley " + r.version + " but '" + first.file->name +
                                     "' by galley " + first.version +
                                     ": merge the reports of one build");
    else if (r.shard.count != count)
      diags.error(r.shard_loc, "shard " + shard_text(r.shard) + " of a build in " +
                                   std::to_string(r.shard.count) + " shards, but '" +
                                   first.file->name + "' is of a build in " +
                                   std::to_string(count) + ": merge the reports of one build");
    else if (r.verify != first.verify || r.strict != first.strict)
      diags.error(r.flags_loc, "made with other options (--verify, --strict) than '" +
                                   first.file->name + "': merge the reports of one build");
    else if (auto& slot = by_index[static_cast<std::size_t>(r.shard.index - 1)]; slot)
      diags.error(r.shard_loc, "shard " + shard_text(r.shard) + " is given twice (also '" +
                                   slot->file->name + "'): give each shard's report once");
    else
      slot = &r;
  }
  if (diags.has_errors())
    return std::nullopt;
  std::string missing;
  for (int i = 0; i < count; ++i)
    if (!by_index[static_cast<std::size_t>(i)])
      missing += (missing.empty() ? "" : ", ") + shard_text({i + 1, count});
  if (!missing.empty()) {
    diags.error({}, "missing the report of shard" +
                        std::string(missing.find(',') == std::string::npos ? " " : "s ") + missing +
                        ": a merged report stands for the whole build");
    return std::nullopt;
  }

  // Units were dealt round-robin: shard i holds units i-1, i-1+n, ..., so a build of U units
  // gives shard i ceil((U - i + 1) / n) of them. Other sizes are not one build's shards.
  std::size_t units = 0;
  for (const auto* r : by_index)
    units += r->units.size();
  for (const auto* r : by_index) {
    auto i = static_cast<std::size_t>(r->shard.index - 1);
    auto n = static_cast<std::size_t>(count);
    std::size_t expected = units > i ? (units - i + n - 1) / n : 0;
    if (r->units.size() != expected)
      diags.error({r->file->name},
                  "shard " + shard_text(r->shard) + " has " + std::to_string(r->units.size()) +
                      " units of work where a build of " + std::to_string(units) + " gives it " +
                      std::to_string(expected) + ": merge the reports of one build");
  }
  if (diags.has_errors())
    return std::nullopt;

  std::vector<ReportOutput> outputs;
  std::map<std::string, const ShardReport*> owner;
  for (std::size_t k = 0; k < units; ++k) {
    const ShardReport& r = *by_index[k % static_cast<std::size_t>(count)];
    for (const auto& o : r.units[k / static_cast<std::size_t>(count)]) {
      auto [it, fresh] = owner.emplace(o.out.path, &r);
      if (!fresh)
        diags.error(o.loc, "the output '" + o.out.path + "' is also in '" + it->second->file->name +
                               "': merge the reports of one build");
      outputs.push_back(o.out);
    }
  }
  if (diags.has_errors())
    return std::nullopt;

  ReportRun run;
  run.version = first.version;
  run.shard = "1/1";
  run.verify = first.verify;
  run.strict = first.strict;
  for (const auto* r : by_index) {
    run.errors += r->errors;
    run.warnings += r->warnings;
    // The shards ran side by side: the build took as long as the slowest.
    run.time_ms = std::max(run.time_ms, r->time_ms);
  }
  count_loading_once(shards, run.errors, run.warnings);
  return report_json(run, outputs);
}

} // namespace galley::cli
