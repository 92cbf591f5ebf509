// The content documents around the body text: the article page (title block, author block,
// lead figure, body, notes), the cover page, and for issues the title and contents pages.
#include "epub/book.hpp"

#include <set>

namespace galley::epub {

namespace {
std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? (names.size() > 2 ? ", and " : " and ") : ", ";
    out += names[i];
  }
  return out;
}

std::vector<std::string> author_names(const model::Article& a) {
  std::vector<std::string> names;
  for (const auto& au : a.meta.authors) names.push_back(au.name);
  return names;
}

void add_paragraph(pugi::xml_node parent, const char* class_name, const std::string& text) {
  if (!text.empty()) add_text(add_element(parent, "p", class_name), text);
}

bool has_field(const style::Style& s, std::string_view f) {
  for (const auto& x : s.author_block.fields)
    if (x == f) return true;
  return false;
}

void render_byline(pugi::xml_node parent, const model::Article& a, ArticleContext& ctx) {
  const auto& meta = a.meta;
  auto byline = add_element(parent, "div", cls::byline);
  pugi::xml_node box;
  for (const auto& au : meta.authors) {
    box = add_element(byline, "div", cls::author);
    if (has_field(ctx.style, "portrait") && au.portrait &&
        ctx.style.opening.portrait != style::PortraitShape::None) {
      std::string alt = "Portrait of " + au.name;
      std::string href = ctx.images.add(*au.portrait, alt, au.loc, ctx.diags);
      if (!href.empty()) {
        auto img = add_element(box, "img", cls::portrait);
        img.append_attribute("src") = href.c_str();
        img.append_attribute("alt") = xml_clean(alt).c_str();
      }
    }
    if (has_field(ctx.style, "name")) add_paragraph(box, cls::author_name, au.name);
    if (has_field(ctx.style, "bio")) add_paragraph(box, cls::author_bio, au.bio);
  }
  bool show_date = has_field(ctx.style, "date") && meta.date;
  bool show_time = has_field(ctx.style, "reading-time") && meta.reading_minutes > 0;
  if (show_date || show_time) {
    // A single author's date and reading time sit beside the name, next to the portrait, as
    // on the printed page; with several authors they follow the list.
    auto p = add_element(meta.authors.size() == 1 ? box : byline, "p", cls::article_meta);
    if (show_date) {
      auto t = p.append_child("time");
      t.append_attribute("datetime") = model::format_date_iso(*meta.date).c_str();
      add_text(t, model::format_date_long(*meta.date, meta.language));
    }
    if (show_date && show_time) add_text(p, " \u00b7 ");
    if (show_time) add_text(add_element(p, "span", cls::reading_time), model::reading_time_label(meta));
  }
  if (!byline.first_child()) parent.remove_child(byline);
}

std::string finish(pugi::xml_document& doc) { return serialize(doc, false); }

/// Links to a fragment that the document does not define would be broken (epubcheck RSC-012):
/// they become plain text, with a warning where the link was written.
void drop_dangling_fragments(pugi::xml_document& doc, ArticleContext& ctx) {
  if (ctx.fragment_links.empty()) return;
  std::set<std::string> defined;
  for (const auto& n : doc.select_nodes("//@id")) defined.insert(n.attribute().value());
  for (const auto& n : doc.select_nodes("//a[starts-with(@href, '#')]")) {
    auto a = n.node();
    std::string href = a.attribute("href").value();
    if (defined.count(href.substr(1)) > 0) continue;
    auto it = ctx.fragment_links.find(href);
    SourceLoc loc = it != ctx.fragment_links.end() ? it->second : SourceLoc{};
    ctx.diags.warning(loc, model::unknown_fragment_message(href.substr(1 + ctx.prefix.size())));
    auto parent = a.parent();
    while (auto child = a.first_child()) parent.insert_move_before(child, a);
    parent.remove_child(a);
  }
}
} // namespace

std::string render_article(const model::Article& a, ArticleContext& ctx,
                           const std::string& publication) {
  const auto& meta = a.meta;
  std::string title = meta.title.empty() ? "Untitled" : meta.title;
  // Note anchors are fixed by number; reserve them so no heading slug can take them.
  for (const auto& n : a.notes) {
    ctx.ids.insert(ctx.prefix + "n" + std::to_string(n.number));
    ctx.ids.insert(ctx.prefix + "r" + std::to_string(n.number));
  }
  pugi::xml_document doc;
  auto body = start_xhtml(doc, meta.language, title, "bodymatter");
  auto article = add_element(body, "article", cls::article);
  std::string title_id = ctx.claim_id("title");
  article.append_attribute("id") = ctx.claim_id("article").c_str();
  article.append_attribute("aria-labelledby") = title_id.c_str();

  auto header = add_element(article, "header", cls::title_block);
  add_paragraph(header, cls::publication, meta.publication.empty() ? publication : meta.publication);
  auto h1 = header.append_child("h1");
  h1.append_attribute("id") = title_id.c_str();
  add_text(h1, title);
  add_paragraph(header, cls::subtitle, meta.subtitle);
  add_paragraph(header, cls::dek, meta.dek);
  render_byline(header, a, ctx);

  if (meta.cover && ctx.style.opening.cover != style::CoverMode::None) {
    std::string href = ctx.images.add(meta.cover->image, meta.cover->alt, meta.cover->loc, ctx.diags);
    auto fig = add_element(article, "figure", cls::lead);
    if (href.empty()) {
      add_paragraph(fig, cls::image_alt, meta.cover->alt);
    } else {
      auto img = fig.append_child("img");
      img.append_attribute("src") = href.c_str();
      img.append_attribute("alt") = xml_clean(meta.cover->alt).c_str();
    }
    if (!meta.cover->credit.empty())
      add_text(add_element(fig.append_child("figcaption"), "span", cls::credit), meta.cover->credit);
    if (!fig.first_child()) article.remove_child(fig);
  }

  // Where the PDF edition's pages begin: its first (and a full-page cover) at the opening.
  auto pages_of = [&ctx](int block) {
    std::vector<const model::PrintPage*> pages;
    for (const model::PrintPage* p : ctx.print_pages)
      if (p->block == block) pages.push_back(p);
    return pages;
  };
  mark_page_starts(article, header, pages_of(-1), ctx);
  auto text = add_element(article, "div", cls::article_body);
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    pugi::xml_node last = text.last_child();
    render_block(text, a.blocks[i], ctx);
    pugi::xml_node first = last ? last.next_sibling() : text.first_child();
    mark_page_starts(text, first, pages_of(static_cast<int>(i)), ctx);
  }
  render_notes(article, ctx);
  drop_dangling_fragments(doc, ctx);
  return finish(doc);
}

std::string render_cover(const std::string& lang, const std::string& title,
                         const std::string& image_href, const std::string& alt) {
  pugi::xml_document doc;
  auto body = start_xhtml(doc, lang, title.empty() ? "Cover" : title, "frontmatter");
  auto section = add_element(body, "section", cls::cover);
  section.append_attribute("epub:type") = "cover";
  auto img = section.append_child("img");
  img.append_attribute("src") = image_href.c_str();
  img.append_attribute("alt") = xml_clean(alt.empty() ? "Cover: " + title : alt).c_str();
  return finish(doc);
}

std::string render_issue_title(const model::Issue& issue) {
  pugi::xml_document doc;
  auto body = start_xhtml(doc, issue.language, issue.title, "frontmatter");
  auto section = add_element(body, "section", cls::titlepage);
  section.append_attribute("epub:type") = "titlepage";
  add_paragraph(section, cls::publication, issue.publication);
  add_text(section.append_child("h1"), issue.title.empty() ? "Untitled" : issue.title);
  add_paragraph(section, cls::subtitle, issue.subtitle);
  std::string line;
  if (!issue.number.empty()) {
    bool digits_only = issue.number.find_first_not_of("0123456789") == std::string::npos;
    line = digits_only ? "No. " + issue.number : issue.number;
  }
  if (issue.date) line += (line.empty() ? "" : " \u00b7 ") + model::format_date_long(*issue.date, issue.language);
  add_paragraph(section, cls::issue_line, line);
  if (!issue.editors.empty())
    add_paragraph(section, cls::editors, "Edited by " + join_names(issue.editors));
  add_paragraph(section, cls::description, issue.description);
  return finish(doc);
}

std::string render_contents(const model::Issue& issue, const std::vector<std::string>& hrefs) {
  pugi::xml_document doc;
  auto body = start_xhtml(doc, issue.language, "Contents", "frontmatter");
  auto section = add_element(body, "section", cls::contents);
  section.append_attribute("aria-labelledby") = "contents-title";
  auto h1 = section.append_child("h1");
  h1.append_attribute("id") = "contents-title";
  add_text(h1, "Contents");
  auto ol = add_element(section, "ol", cls::contents_list);
  for (size_t i = 0; i < issue.articles.size(); ++i) {
    const auto& meta = issue.articles[i].meta;
    auto li = ol.append_child("li");
    auto a = add_element(li, "p", cls::entry_title).append_child("a");
    a.append_attribute("href") = hrefs[i].c_str();
    add_text(a, meta.title.empty() ? "Untitled" : meta.title);
    add_paragraph(li, cls::entry_authors, join_names(author_names(issue.articles[i])));
    add_paragraph(li, cls::entry_dek, meta.dek);
  }
  return finish(doc);
}

} // namespace galley::epub
