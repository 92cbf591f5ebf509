#include "input/json_value.hpp"

#include "util/files.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace galley::input {

namespace {

using nlohmann::json;

/// An iterator over the text that tells how far the parser has read: the SAX events carry no
/// position, and the parser reads through its input iterator one character at a time.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char* begin = nullptr;
  std::size_t* read = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    *read = static_cast<std::size_t>(at - begin);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& o) const { return at == o.at; }
  bool operator!=(const CountingIterator& o) const { return at != o.at; }
};

class Positions {
public:
  Positions(std::string_view text, const std::string& file) : text_(text), file_(file) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n')
        starts_.push_back(i + 1);
  }

  SourceLoc at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto line = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    return {file_, static_cast<int>(line - starts_.begin()) + 1,
            static_cast<int>(offset - *line) + 1};
  }

  /// Where the string that ends just before `end` (after its closing quote) opens: the
  /// nearest quote before it that no backslash escapes.
  std::size_t string_start(std::size_t end) const {
    std::size_t i = std::min(end, text_.size());
    if (i >= 2)
      i -= 2;
    while (i > 0) {
      if (text_[i] == '"') {
        std::size_t slashes = 0;
        while (slashes < i && text_[i - 1 - slashes] == '\\')
          ++slashes;
        if (slashes % 2 == 0)
          return i;
      }
      --i;
    }
    return 0;
  }

  /// Where the number or literal (`true`, `null`) that ends at or just before `end` starts:
  /// the parser reads one character past a number.
  std::size_t word_start(std::size_t end) const {
    std::size_t i = std::min(end, text_.size());
    auto part = [](char c) {
      return std::string_view("0123456789+-.eEtrufalsn").find(c) != std::string_view::npos;
    };
    while (i > 0 && !part(text_[i - 1]))
      --i;
    while (i > 0 && part(text_[i - 1]))
      --i;
    return i;
  }

private:
  std::string_view text_;
  const std::string& file_;
  std::vector<std::size_t> starts_;
};

/// Builds the Value tree from the parser's events.
class Builder : public nlohmann::json_sax<json> {
public:
  Builder(const Positions& pos, const std::size_t& read, const Limits& limits, Diagnostics& diags)
      : pos_(pos), read_(read), limits_(limits), diags_(diags) {}

  bool null() override { return put({}, word()); }
  bool boolean(bool v) override { return scalar(v ? "true" : "false", word()); }
  bool number_integer(number_integer_t v) override { return scalar(std::to_string(v), word()); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v), word()); }
  bool number_float(number_float_t, const string_t& as_written) override {
    return scalar(as_written, word());
  }
  bool string(string_t& v) override {
    return scalar(std::move(v), pos_.at(pos_.string_start(read_)));
  }
  bool binary(binary_t&) override { return true; } // JSON text has no binary values

  bool start_object(std::size_t) override { return open(ValueKind::Map); }
  bool start_array(std::size_t) override { return open(ValueKind::List); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    stack_.back().key = std::move(k);
    stack_.back().key_loc = pos_.at(pos_.string_start(read_));
    return true;
  }

  bool parse_error(std::size_t, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    std::string what = ex.what();
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos)
      what.erase(0, colon + 2);
    // At the start of the token that is wrong; at the character itself when it is a control
    // character, which the token's text shows as "<U+000A>".
    std::size_t at = read_ == 0 ? 0 : read_ - 1;
    if (last_token.find("<U+") == std::string::npos && !last_token.empty())
      at = read_ - std::min(read_, last_token.size());
    diags_.error(pos_.at(at), "invalid JSON: " + what);
    return false;
  }

  std::optional<Value> root;

private:
  struct Frame {
    Value value;
    std::string key;
    SourceLoc key_loc;
  };

  SourceLoc word() const { return pos_.at(pos_.word_start(read_)); }

  bool counted(const SourceLoc& loc) {
    if (++nodes_ > limits_.max_value_nodes) {
      diags_.error(loc, "JSON has too many values (more than " +
                            std::to_string(limits_.max_value_nodes) + ")");
      return false;
    }
    return true;
  }

  bool scalar(std::string text, const SourceLoc& loc) {
    Value v;
    v.kind = ValueKind::Scalar;
    v.scalar = std::move(text);
    replace_non_xml_text(v.scalar, loc, diags_);
    return put(std::move(v), loc);
  }

  bool put(Value v, const SourceLoc& loc) {
    if (!counted(loc))
      return false;
    v.loc = loc;
    add(std::move(v));
    return true;
  }

  void add(Value v) {
    if (stack_.empty()) {
      root = std::move(v);
      return;
    }
    Frame& f = stack_.back();
    if (f.value.kind == ValueKind::Map)
      f.value.map.push_back({std::move(f.key), f.key_loc, std::move(v)});
    else
      f.value.list.push_back(std::move(v));
  }

  bool open(ValueKind kind) {
    const SourceLoc loc = pos_.at(read_ == 0 ? 0 : read_ - 1);
    if (!counted(loc))
      return false;
    if (static_cast<int>(stack_.size()) >= limits_.max_nesting) {
      diags_.error(loc, "JSON is nested more than " + std::to_string(limits_.max_nesting) +
                            " levels deep");
      return false;
    }
    Frame f;
    f.value.kind = kind;
    f.value.loc = loc;
    stack_.push_back(std::move(f));
    return true;
  }

  bool close() {
    Value v = std::move(stack_.back().value);
    stack_.pop_back();
    add(std::move(v));
    return true;
  }

  const Positions& pos_;
  const std::size_t& read_;
  const Limits& limits_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::size_t nodes_ = 0;
};

/// Only asks whether the top-level object has an `articles` key, and stops there.
struct ManifestProbe {
  int depth = 0;
  bool found = false;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return ++depth < 64; }
  bool start_array(std::size_t) { return ++depth < 64; }
  bool end_object() { return --depth, true; }
  bool end_array() { return --depth, true; }
  bool key(std::string& k) {
    found = depth == 1 && k == "articles";
    return !found;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }
};

} // namespace

bool looks_like_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

std::optional<Value> parse_json(std::string_view text, const std::string& file,
                                const Limits& limits, Diagnostics& diags) {
  const Positions pos(text, file);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') {
    diags.error(pos.at(first == std::string_view::npos ? 0 : first),
                "a JSON article or issue must be an object, starting with '{'");
    return std::nullopt;
  }
  std::size_t read = 0;
  CountingIterator begin{text.data(), text.data(), &read};
  CountingIterator end{text.data() + text.size(), text.data(), &read};
  Builder builder(pos, read, limits, diags);
  if (!json::sax_parse(begin, end, &builder) || !builder.root)
    return std::nullopt;
  return std::move(builder.root);
}

bool is_json_manifest(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return false;
  const std::optional<std::string> text = read_file(path);
  if (!text)
    return false;
  std::string_view view = *text;
  if (view.starts_with("\xEF\xBB\xBF"))
    view.remove_prefix(3); // a byte order mark
  if (!looks_like_json(view))
    return false;
  ManifestProbe probe;
  json::sax_parse(view, &probe);
  return probe.found;
}

} // namespace galley::input
