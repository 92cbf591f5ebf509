#include "galley/diagnostics.hpp"

#include <algorithm>
#include <charconv>

namespace galley {

void Diagnostics::report(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  if (d.severity == Severity::Warning) ++warnings_;
  items_.push_back(std::move(d));
}

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  report({Severity::Error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  report({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::note(SourceLoc loc, std::string message, std::string hint) {
  report({Severity::Note, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::merge(const Diagnostics& other) {
  for (const auto& d : other.items_) report(d);
}

std::string_view severity_name(Severity s) {
  switch (s) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "error";
}

namespace {
void append_int(std::string& out, int v) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}
} // namespace

std::string format_text(const Diagnostic& d) {
  std::string out;
  if (!d.loc.file.empty()) {
    out += d.loc.file;
    if (d.loc.line > 0) {
      out += ':';
      append_int(out, d.loc.line);
      if (d.loc.column > 0) {
        out += ':';
        append_int(out, d.loc.column);
      }
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) {
    out += " (";
    out += d.hint;
    out += ')';
  }
  return out;
}

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20) {
        static const char* hex = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out;
}

std::string format_json(const Diagnostic& d) {
  std::string out = "{\"severity\":\"";
  out += severity_name(d.severity);
  out += "\",\"file\":\"" + json_escape(d.loc.file) + "\",\"line\":";
  append_int(out, d.loc.line);
  out += ",\"column\":";
  append_int(out, d.loc.column);
  out += ",\"message\":\"" + json_escape(d.message) + "\"";
  if (!d.hint.empty()) out += ",\"hint\":\"" + json_escape(d.hint) + "\"";
  out += '}';
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Levenshtein distance; a candidate qualifies when at most a third of the word differs.
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      }
      std::swap(prev, cur);
    }
    return prev[b.size()];
  };
  std::string best;
  size_t best_d = std::max<size_t>(1, (word.size() + 2) / 3) + 1;
  for (const auto& c : candidates) {
    size_t dist = distance(word, c);
    if (dist < best_d) {
      best_d = dist;
      best = c;
    }
  }
  return best;
}

} // namespace galley
