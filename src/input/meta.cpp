#include "input/meta.hpp"

#include "input/dates.hpp"
#include "util/text_utils.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace galley::input {

namespace {

/// The model field a front-matter key sets.
enum class Field {
  Publication,
  Title,
  TitleAlias,
  Subtitle,
  Dek,
  Authors,
  Date,
  ReadingTime,
  Lang,
  Tags,
  Cover,
  CoverImage,
  CoverList,
  Identifier,
  Slug,
  Sources,
  Smart,
  Ignored
};

struct KeyInfo {
  const char* key;
  Field field;
};

// galley's keys first, then aliases from other tools (docs/input.md, "Front matter"). Keys are
// matched without regard to case, as Hugo does.
constexpr KeyInfo kKeys[] = {
    {"publication", Field::Publication},
    {"title", Field::Title},
    {"subtitle", Field::Subtitle},
    {"dek", Field::Dek},
    {"authors", Field::Authors},
    {"date", Field::Date},
    {"reading-time", Field::ReadingTime},
    {"lang", Field::Lang},
    {"tags", Field::Tags},
    {"cover", Field::Cover},
    {"identifier", Field::Identifier},
    {"slug", Field::Slug},
    {"sources", Field::Sources},
    {"smart", Field::Smart},
    // pandoc
    {"author", Field::Authors},
    {"publisher", Field::Publication},
    {"abstract", Field::Dek},
    {"keywords", Field::Tags},
    {"cover-image", Field::CoverImage},
    // Hugo, Jekyll, Astro, Docusaurus
    {"description", Field::Dek},
    {"summary", Field::Dek},
    {"excerpt", Field::Dek},
    {"image", Field::CoverImage},
    {"heroImage", Field::CoverImage},
    {"featured_image", Field::CoverImage},
    {"featuredImage", Field::CoverImage},
    {"images", Field::CoverList},
    {"categories", Field::Tags},
    {"language", Field::Lang},
    {"pubDate", Field::Date},
    {"publishDate", Field::Date},
    {"readingTime", Field::ReadingTime},
    {"reading_time", Field::ReadingTime},
    // Shorter or structured-data titles: used only when there is no `title`.
    {"linkTitle", Field::TitleAlias},
    {"headline", Field::TitleAlias},
    {"name", Field::TitleAlias},
    {"sidebar_label", Field::TitleAlias},
    // Keys other tools use for their own purposes (URLs, menus, build switches, revision dates
    // the outputs have no place for): accepted and ignored.
    {"draft", Field::Ignored},
    {"layout", Field::Ignored},
    {"permalink", Field::Ignored},
    {"excerpt_separator", Field::Ignored},
    {"weight", Field::Ignored},
    {"type", Field::Ignored},
    {"lastmod", Field::Ignored},
    {"updatedDate", Field::Ignored},
    {"updated", Field::Ignored}, // Hexo's last-modified date
    {"last_modified_at", Field::Ignored},
    {"expiryDate", Field::Ignored},
    {"aliases", Field::Ignored},
    {"redirect_from", Field::Ignored},
    {"url", Field::Ignored},
    {"menu", Field::Ignored},
    {"series", Field::Ignored},
    {"toc", Field::Ignored},
    {"published", Field::Ignored},
    {"comments", Field::Ignored},
    {"sitemap", Field::Ignored},
    {"rights", Field::Ignored},
    {"id", Field::Ignored},
    {"sidebar_position", Field::Ignored},
    {"sidebar_class_name", Field::Ignored},
    {"hide_table_of_contents", Field::Ignored},
    {"hide_title", Field::Ignored},
    {"pagination_label", Field::Ignored},
    {"custom_edit_url", Field::Ignored},
};

} // namespace

const std::vector<std::string>& known_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& info : kKeys)
      k.emplace_back(info.key);
    return k;
  }();
  return keys;
}

namespace {

std::optional<Field> field_of(std::string_view key) {
  const std::string lower = ascii_lower(key);
  for (const auto& info : kKeys)
    if (lower == ascii_lower(info.key))
      return info.field;
  return std::nullopt;
}

void type_error(const Entry& e, std::string_view expected, Diagnostics& diags) {
  diags.error(e.value.loc.line ? e.value.loc : e.key_loc,
              "'" + e.key + "' must be " + std::string(expected) + ", got " +
                  std::string(kind_phrase(e.value.kind)));
}

std::optional<model::Author> read_author(const Value& v, const std::string& key,
                                         Diagnostics& diags) {
  model::Author a;
  a.loc = v.loc;
  if (v.kind == ValueKind::Scalar) {
    a.name = v.scalar;
  } else if (v.kind == ValueKind::Map) {
    static const std::vector<std::string> author_keys{
        "name",  "bio", "portrait", "image",     "avatar",  "file-as", "role",
        "affiliation", "email", "url", "title", "image_url", "socials", "page"};
    for (const auto& e : v.map) {
      // Contact details, and Docusaurus's job title, profile picture URL (never fetched) and
      // social handles: the outputs have no place for them.
      if (e.key == "affiliation" || e.key == "email" || e.key == "url" || e.key == "title" ||
          e.key == "image_url" || e.key == "socials" || e.key == "page")
        continue;
      if (std::find(author_keys.begin(), author_keys.end(), e.key) == author_keys.end()) {
        warn_unknown_key(e, "author", author_keys, diags);
        continue;
      }
      auto s = string_field(e, diags);
      if (!s)
        continue;
      if (e.key == "name")
        a.name = *s;
      else if (e.key == "bio")
        a.bio = *s;
      else if (e.key == "file-as")
        a.file_as = *s;
      else if (e.key == "role")
        a.role = *s;
      else if (!s->empty())
        a.portrait = model::ImageRef{*s, "", false};
    }
  } else {
    diags.error(v.loc, "each of '" + key + "' must be a name or a map, got " +
                           std::string(kind_phrase(v.kind)));
    return std::nullopt;
  }
  if (a.name.empty()) {
    diags.error(v.loc, "author has no name");
    return std::nullopt;
  }
  return a;
}

void read_authors(const Entry& e, model::Meta& meta, Diagnostics& diags) {
  auto add = [&](const Value& v) {
    if (auto a = read_author(v, e.key, diags))
      meta.authors.push_back(std::move(*a));
  };
  if (e.value.kind == ValueKind::List) {
    for (const auto& v : e.value.list)
      add(v);
  } else if (e.value.kind == ValueKind::Scalar) {
    for (auto& name : split_names(e.value.scalar)) {
      Value one = e.value;
      one.scalar = std::move(name);
      add(one);
    }
  } else if (e.value.kind != ValueKind::Null) {
    add(e.value);
  }
}

/// `6`, `6 min read`, `6 minutes`: the leading whole number is the minutes, and a text around it
/// is kept as written for the outputs to show. Without a number the time is computed.
void read_reading_time(const Entry& e, model::Meta& meta, Diagnostics& diags) {
  auto s = string_field(e, diags);
  if (!s || s->empty())
    return;
  std::string text = collapse_spaces(*s);
  int minutes = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), minutes);
  if (ec != std::errc() || minutes < 1) {
    diags.warning(e.value.loc,
                  "'" + e.key + "' has no number of minutes: '" + *s +
                      "'; the reading time is computed from the word count",
                  "write it as 6 or '6 min read'");
    return;
  }
  meta.reading_minutes = minutes;
  meta.reading_time_given = true;
  if (end != text.data() + text.size())
    meta.reading_time_text = text;
}

void read_sources(const Entry& e, ArticleDraft& draft, Diagnostics& diags) {
  if (e.value.kind == ValueKind::Null)
    return;
  if (e.value.kind != ValueKind::List)
    return type_error(e, "a list", diags);
  static const std::vector<std::string> source_keys{"id", "title", "publisher", "date", "url"};
  int position = 0;
  for (const auto& v : e.value.list) {
    ++position;
    SourceEntry s;
    s.loc = v.loc;
    s.id = "source-" + std::to_string(position);
    if (v.kind == ValueKind::Scalar) {
      s.plain = true;
      s.source.title = v.scalar;
    } else if (v.kind == ValueKind::Map) {
      for (const auto& f : v.map) {
        if (std::find(source_keys.begin(), source_keys.end(), f.key) == source_keys.end()) {
          warn_unknown_key(f, "source", source_keys, diags);
          continue;
        }
        auto str = string_field(f, diags);
        if (!str)
          continue;
        if (f.key == "id")
          s.id = *str;
        else if (f.key == "title")
          s.source.title = *str;
        else if (f.key == "publisher")
          s.source.publisher = *str;
        else if (f.key == "url")
          s.source.url = *str;
        else if (auto d = parse_date(*str))
          s.source.date = model::format_date_long(*d);
        else
          s.source.date = *str; // sources may carry a date in any words
      }
      if (s.source.title.empty() && s.source.publisher.empty() && s.source.url.empty())
        diags.error(v.loc, "source '" + s.id + "' has no title, publisher or url");
    } else {
      diags.error(v.loc,
                  "each source must be a string or a map, got " + std::string(kind_phrase(v.kind)));
      continue;
    }
    for (const auto& other : draft.sources)
      if (other.id == s.id)
        diags.error(s.loc, "source id '" + s.id + "' is used twice (first at line " +
                               std::to_string(other.loc.line) + ")");
    draft.sources.push_back(std::move(s));
  }
}

} // namespace

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  auto push = [&](std::string_view part) {
    std::string name = collapse_spaces(part);
    if (name.rfind("and ", 0) == 0)
      name.erase(0, 4);
    if (!name.empty())
      names.push_back(std::move(name));
  };
  for (std::string_view rest = text;;) {
    size_t cut = std::string_view::npos, skip = 0;
    for (std::string_view sep : {std::string_view(","), std::string_view(" and "),
                                 std::string_view(" & ")}) {
      size_t at = rest.find(sep);
      if (at < cut) {
        cut = at;
        skip = sep.size();
      }
    }
    push(rest.substr(0, cut));
    if (cut == std::string_view::npos)
      break;
    rest.remove_prefix(cut + skip);
  }
  return names;
}

std::optional<std::string> string_field(const Entry& e, Diagnostics& diags) {
  if (e.value.kind == ValueKind::Scalar)
    return e.value.scalar;
  if (e.value.kind == ValueKind::Null)
    return std::string();
  type_error(e, "a string", diags);
  return std::nullopt;
}

std::optional<std::string> language_tag(std::string_view value, const SourceLoc& loc,
                                        Diagnostics& diags) {
  if (value.empty()) return std::nullopt;
  std::string tag(value);
  std::replace(tag.begin(), tag.end(), '_', '-'); // a POSIX locale name, as "pt_BR"
  // RFC 5646 section 2.1, the syntax every tag shares: subtags of 1 to 8 letters and digits
  // joined by hyphens, the first (the language, or "x" / "i") made of letters.
  bool ok = true;
  std::size_t start = 0, index = 0;
  while (ok && start <= tag.size()) {
    std::size_t end = std::min(tag.find('-', start), tag.size());
    std::string_view sub(tag.data() + start, end - start);
    ok = !sub.empty() && sub.size() <= 8;
    for (char c : sub) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      ok = ok && (letter || (index > 0 && c >= '0' && c <= '9'));
    }
    start = end + 1;
    ++index;
  }
  if (ok) return tag;
  diags.warning(loc, "'" + std::string(value) + "' is not a language tag; the default language is used",
                "write a BCP 47 tag such as 'en', 'de' or 'pt-BR'");
  return std::nullopt;
}

std::optional<model::Date> date_field(const Entry& e, Diagnostics& diags) {
  auto s = string_field(e, diags);
  if (!s || s->empty())
    return std::nullopt;
  if (auto d = parse_date(*s))
    return d;
  diags.warning(e.value.loc, "'" + e.key + "' is not a date: '" + *s + "'; it is left out",
                "write it as 2026-04-27 or April 27, 2026");
  return std::nullopt;
}

std::optional<model::Cover> cover_field(const Entry& e, Diagnostics& diags) {
  model::Cover c;
  c.loc = e.value.loc;
  if (e.value.kind == ValueKind::Scalar) {
    c.image.src = e.value.scalar;
  } else if (e.value.kind == ValueKind::Map) {
    static const std::vector<std::string> cover_keys{"image", "src", "path", "alt", "credit"};
    for (const auto& f : e.value.map) {
      if (std::find(cover_keys.begin(), cover_keys.end(), f.key) == cover_keys.end()) {
        warn_unknown_key(f, "cover", cover_keys, diags);
        continue;
      }
      auto s = string_field(f, diags);
      if (!s)
        continue;
      if (f.key == "alt")
        c.alt = *s;
      else if (f.key == "credit")
        c.credit = *s;
      else
        c.image.src = *s;
    }
  } else if (e.value.kind == ValueKind::Null) {
    return std::nullopt;
  } else {
    type_error(e, "an image path or a map", diags);
    return std::nullopt;
  }
  if (c.image.src.empty()) {
    diags.error(c.loc, "'" + e.key + "' has no image");
    return std::nullopt;
  }
  return c;
}

std::vector<std::string> string_list_field(const Entry& e, Diagnostics& diags) {
  std::vector<std::string> out;
  auto trimmed_push = [&](std::string_view s) {
    while (!s.empty() && s.front() == ' ')
      s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
      s.remove_suffix(1);
    if (!s.empty())
      out.emplace_back(s);
  };
  if (e.value.kind == ValueKind::Scalar) {
    std::string_view s = e.value.scalar;
    for (size_t pos; (pos = s.find(',')) != std::string_view::npos; s.remove_prefix(pos + 1))
      trimmed_push(s.substr(0, pos));
    trimmed_push(s);
  } else if (e.value.kind == ValueKind::List) {
    for (const auto& v : e.value.list) {
      if (v.kind == ValueKind::Scalar)
        trimmed_push(v.scalar);
      else
        diags.error(v.loc, "each of '" + e.key + "' must be a string, got " +
                               std::string(kind_phrase(v.kind)));
    }
  } else if (e.value.kind == ValueKind::Map) {
    type_error(e, "a list of strings", diags);
  }
  return out;
}

void warn_unknown_key(const Entry& e, std::string_view where, const std::vector<std::string>& known,
                      Diagnostics& diags) {
  std::string guess = closest_match(e.key, known);
  diags.warning(e.key_loc, "unknown " + std::string(where) + " key '" + e.key + "'",
                guess.empty() ? std::string() : "did you mean '" + guess + "'?");
}

void read_front_matter(const Value& root, ArticleDraft& draft, Diagnostics& diags) {
  model::Meta& meta = draft.article.meta;
  if (root.kind == ValueKind::Null)
    return;
  if (root.kind != ValueKind::Map) {
    diags.error(root.loc,
                "front matter must be a map of keys, got " + std::string(kind_phrase(root.kind)));
    return;
  }
  std::map<Field, const Entry*> seen; // first key that set each field, for duplicate warnings
  std::optional<std::string> title_alias;
  for (const auto& e : root.map) {
    auto field = field_of(e.key);
    if (!field) {
      warn_unknown_key(e, "front-matter", known_keys(), diags);
      continue;
    }
    if (*field == Field::Ignored)
      continue;
    if (*field == Field::TitleAlias) {
      if (auto s = string_field(e, diags); s && !s->empty() && !title_alias) {
        title_alias = *s;
        if (meta.loc.file.empty())
          meta.loc = e.key_loc;
      }
      continue;
    }
    if (*field == Field::Tags) { // tags, keywords and categories all become subjects
      for (auto& tag : string_list_field(e, diags))
        if (std::find(meta.tags.begin(), meta.tags.end(), tag) == meta.tags.end())
          meta.tags.push_back(std::move(tag));
      continue;
    }
    Field slot =
        *field == Field::CoverImage || *field == Field::CoverList ? Field::Cover : *field;
    if (auto it = seen.find(slot); it != seen.end()) {
      diags.warning(e.key_loc, "'" + e.key + "' repeats '" + it->second->key + "' (line " +
                                   std::to_string(it->second->key_loc.line) +
                                   "); keeping the first");
      continue;
    }
    seen.emplace(slot, &e);
    switch (*field) {
    case Field::Publication:
    case Field::Title:
    case Field::Subtitle:
    case Field::Dek:
    case Field::Lang:
    case Field::Identifier:
    case Field::Slug: {
      auto s = string_field(e, diags);
      if (!s)
        break;
      std::string* target = *field == Field::Publication  ? &meta.publication
                            : *field == Field::Title      ? &meta.title
                            : *field == Field::Subtitle   ? &meta.subtitle
                            : *field == Field::Dek        ? &meta.dek
                            : *field == Field::Lang       ? &meta.language
                            : *field == Field::Identifier ? &meta.identifier
                                                          : &meta.slug;
      if (*field == Field::Lang) {
        if (auto tag = language_tag(*s, e.value.loc, diags)) meta.language = *tag;
        break;
      }
      *target = *s;
      if (*field == Field::Title)
        meta.loc = e.key_loc;
      break;
    }
    case Field::Authors:
      read_authors(e, meta, diags);
      break;
    case Field::Date:
      meta.date = date_field(e, diags);
      break;
    case Field::ReadingTime:
      read_reading_time(e, meta, diags);
      break;
    case Field::Cover:
      meta.cover = cover_field(e, diags);
      break;
    case Field::CoverImage:
      meta.cover = cover_field(e, diags);
      draft.cover_alt_optional = e.value.kind == ValueKind::Scalar;
      break;
    case Field::CoverList: { // Hugo's `images`: the first is the page's image
      const bool list = e.value.kind == ValueKind::List && !e.value.list.empty();
      const Entry first = list ? Entry{e.key, e.key_loc, e.value.list.front()} : e;
      meta.cover = cover_field(first, diags);
      draft.cover_alt_optional = first.value.kind == ValueKind::Scalar;
      break;
    }
    case Field::Sources:
      read_sources(e, draft, diags);
      break;
    case Field::Smart:
      if (auto v = string_field(e, diags)) {
        if (*v == "false" || *v == "no" || *v == "off")
          draft.smart = false;
        else if (*v != "true" && *v != "yes" && *v != "on")
          diags.warning(e.value.loc, "'smart' must be true or false, got '" + *v + "'");
      }
      break;
    case Field::Tags:
    case Field::TitleAlias:
    case Field::Ignored:
      break;
    }
  }
  if (meta.title.empty() && title_alias)
    meta.title = *title_alias;
}

} // namespace galley::input
