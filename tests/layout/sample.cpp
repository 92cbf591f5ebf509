#include "sample.hpp"

#include <array>

namespace galley::test {

namespace {

const std::array<const char*, 16> kSentences = {
    "The amended agreement gives both companies room to pursue customers on their own terms, "
    "while keeping the commercial ties that made the original partnership work.",
    "Enterprise buyers had been asking for exactly this flexibility for more than a year.",
    "Analysts noted that the change arrives as competition among frontier model providers "
    "intensifies and prices for inference continue to fall.",
    "Under the new terms, the cloud provider keeps its licence to the underlying intellectual "
    "property through the end of the decade and beyond.",
    "Revenue-sharing payments continue, but under a cap that both sides describe as predictable.",
    "Several large customers already run workloads on more than one cloud, and they welcomed the "
    "news in statements released on Monday.",
    "The question now is how quickly deployments will appear on competing infrastructure, and "
    "whether the first-ship arrangement will matter in practice.",
    "Neither company disclosed the financial details of the amendment.",
    "Observers expect the next quarterly earnings calls to reveal more about the economics.",
    "Regulators on both sides of the Atlantic have followed the relationship closely since 2023.",
    "In interviews, engineers described the technical work of serving models from several clouds "
    "as substantial but manageable.",
    "Latency, data residency and the cost of moving large datasets remain the practical limits.",
    "A coalition of security vendors announced a joint effort to harden model supply chains.",
    "That effort, which several hyperscalers joined, would have been harder under the old terms.",
    "Customers who standardised on a single provider may revisit their procurement strategies.",
    "For now, the partners insist that the reset strengthens rather than weakens their alliance.",
};

model::Inline text(std::string s) { return model::Inline{model::Text{std::move(s)}, {}}; }

model::Inlines para_inlines(const std::string& s) { return {text(s)}; }

model::Block para_block(model::Inlines in) { return model::Block{model::Paragraph{std::move(in)}, {}}; }

model::Block heading(int level, const std::string& title, const std::string& id) {
  return model::Block{model::Heading{level, para_inlines(title), id}, {}};
}

model::ListItem item(const std::string& s, std::optional<bool> checked = std::nullopt) {
  model::ListItem li;
  li.blocks.push_back(para_block(para_inlines(s)));
  li.checked = checked;
  return li;
}

model::Note footnote(const std::string& id, int number, const std::string& s) {
  model::Note n;
  n.id = id;
  n.kind = model::NoteKind::Footnote;
  n.number = number;
  n.cited = true;
  n.blocks.push_back(para_block(para_inlines(s)));
  return n;
}

model::Note source(const std::string& id, int number, bool cited, const std::string& publisher) {
  model::Note n;
  n.id = id;
  n.kind = model::NoteKind::Source;
  n.number = number;
  n.cited = cited;
  n.source = model::Source{"The next chapter of the partnership", publisher, "April 27, 2026",
                           "https://example.com/" + id};
  return n;
}

} // namespace

std::string example_image(const std::string& name) {
  return std::string(GALLEY_SOURCE_DIR) + "/examples/quantum-dispatch/images/" + name;
}

model::Block paragraph(int seed, int words, const std::string& note, const std::string& url) {
  model::Inlines in;
  int count = 0, k = 0;
  std::string buf;
  while (count < words) {
    std::string s = kSentences[static_cast<std::size_t>(seed * 7 + k) % kSentences.size()];
    for (char c : s) count += c == ' ';
    ++count;
    if (!buf.empty() && buf != " ") buf += ' ';
    if (k == 1 && !url.empty()) {
      in.push_back(text(buf));
      buf.clear();
      in.push_back(model::Inline{model::Link{url, "", {text("the published statement")}}, {}});
      buf = " ";
    }
    buf += s;
    if (k == 1 && !note.empty()) {
      in.push_back(text(buf));
      in.push_back(model::Inline{model::NoteRef{note}, {}});
      buf = " ";
    }
    ++k;
  }
  in.push_back(text(buf));
  return para_block(std::move(in));
}

model::Article sample_article(const SampleOptions& o) {
  model::Article a;
  model::Meta& m = a.meta;
  m.publication = "The Quantum Dispatch";
  m.title = o.title;
  m.subtitle = "A More Flexible Partnership for the AI Era";
  m.dek = "Microsoft and OpenAI amended their partnership: OpenAI can ship across any cloud, "
          "Microsoft keeps its IP licence through 2032 and stays the primary cloud partner.";
  model::Author au;
  au.name = "Dr. Nova Chen";
  au.bio = "Nova Chen covers cloud platforms and AI policy.";
  if (o.portrait) au.portrait = model::ImageRef{"images/nova-chen.png", example_image("nova-chen.png"), false};
  m.authors.push_back(au);
  m.date = model::Date{2026, 4, 27};
  m.reading_minutes = 6;
  m.tags = {"Microsoft", "OpenAI", "Cloud"};
  m.slug = o.slug;
  if (o.cover)
    m.cover = model::Cover{{"images/microsoft-openai-cover.jpg", example_image("microsoft-openai-cover.jpg"), false},
                           "Cover illustration", "Illustration by The Quantum Dispatch", {}};

  const std::string long_note =
      o.long_notes ? " It adds a long explanation that runs over several lines of the notes, so "
                     "that the page builder has to decide where the note goes, and perhaps to "
                     "split it across two pages when the page is nearly full. The explanation "
                     "continues with more context about the agreement, its history since 2019, "
                     "the extension in 2023, and the amendment of April 2026."
                   : "";
  int note_no = 0;
  for (int s = 1; s <= o.sections; ++s) {
    a.blocks.push_back(heading(1, "Section " + std::to_string(s) + ": what actually changed",
                               "section-" + std::to_string(s)));
    std::string fid = "n" + std::to_string(s);
    a.notes.push_back(footnote(fid, ++note_no, "A footnote for section " + std::to_string(s) + "." + long_note));
    a.blocks.push_back(paragraph(s, 100, fid, s == 1 ? "https://blogs.microsoft.com/" : ""));
    a.blocks.push_back(paragraph(s + 1, 110));
    if (s == 1) {
      model::List list;
      list.items = {item("Exclusive resale right removed."), item("OpenAI may serve customers on any cloud.")};
      model::List nested;
      nested.kind = model::ListKind::Ordered;
      nested.items = {item("Amazon Web Services"), item("Google Cloud"), item("Oracle")};
      list.items[1].blocks.push_back(model::Block{nested, {}});
      a.blocks.push_back(model::Block{list, {}});
      model::List tasks;
      tasks.items = {item("Announce the amendment", true), item("Ship on a second cloud", false)};
      a.blocks.push_back(model::Block{tasks, {}});
    }
    if (s == 2) {
      model::BlockQuote q;
      q.blocks.push_back(paragraph(9, 45));
      a.blocks.push_back(model::Block{q, {}});
      a.blocks.push_back(model::Block{model::CodeBlock{"yaml",
          "deployment:\n  clouds: [azure, aws, gcp]\n  region: eu-west\n  endpoint: "
          "https://inference.example.com/v1/models/frontier-large/deployments/production-europe-west"},
          {}});
    }
    if (s == 3) {
      model::Table t;
      t.aligns = {model::Align::Left, model::Align::Left, model::Align::Right};
      auto cell = [](const std::string& x) { return model::TableCell{para_inlines(x), {}}; };
      t.rows.push_back({{cell("Term"), cell("Before"), cell("After")}});
      for (int r = 0; r < o.table_rows; ++r)
        t.rows.push_back({{cell("Clause " + std::to_string(r + 1)),
                           cell(r % 2 ? "Exclusive to one cloud provider" : "Revenue share"),
                           cell(std::to_string(2030 + r % 3))}});
      a.blocks.push_back(model::Block{t, {}});
    }
    if (s == 4) {
      model::Figure f;
      f.image = {"images/microsoft-openai-cover.jpg", example_image("microsoft-openai-cover.jpg"), false};
      f.alt = "The partners' logos";
      f.caption = para_inlines("The amendment keeps Azure as the primary cloud.");
      f.credit = "Illustration: The Quantum Dispatch";
      f.id = "fig-logos";
      a.blocks.push_back(model::Block{f, {}});
      model::Figure missing;
      missing.image = {"https://example.com/chart.png", "", true};
      missing.alt = "Chart of cloud market share, 2024 to 2026";
      missing.caption = para_inlines("Market share by provider.");
      a.blocks.push_back(model::Block{missing, {}});
    }
    a.blocks.push_back(heading(2, "Subsection " + std::to_string(s) + ".1", "sub-" + std::to_string(s)));
    a.blocks.push_back(paragraph(s + 2, 90));
    if (s % 2 == 0) {
      a.blocks.push_back(heading(3, "A detail of section " + std::to_string(s), "detail-" + std::to_string(s)));
      std::string sid = "src" + std::to_string(s);
      a.notes.push_back(source(sid, ++note_no, true, "CNBC"));
      a.blocks.push_back(paragraph(s + 3, 80, sid));
    }
    if (s == 5) a.blocks.push_back(model::Block{model::ThematicBreak{}, {}});
  }
  a.notes.push_back(source("unite", ++note_no, false, "Unite.AI"));
  a.notes.push_back(source("bloomberg", ++note_no, false, "Bloomberg"));
  a.word_count = 1400;
  a.source_path = o.slug + ".md";
  return a;
}

model::Issue single(const SampleOptions& options) {
  model::Issue issue;
  issue.articles.push_back(sample_article(options));
  issue.single_article = true;
  issue.title = issue.articles[0].meta.title;
  issue.publication = issue.articles[0].meta.publication;
  return issue;
}

model::Issue sample_issue(int n) {
  model::Issue issue;
  issue.title = "The Quantum Dispatch \u2014 May 2026";
  issue.publication = "The Quantum Dispatch";
  issue.number = "5";
  issue.date = model::Date{2026, 5, 1};
  issue.editors = {"Iris Okafor", "Tom\u00E1s Lindqvist"};
  issue.description = "Cloud partnerships, logical qubits and open silicon.";
  issue.cover = model::Cover{{"images/issue-cover.jpg", example_image("issue-cover.jpg"), false}, "Issue cover", "", {}};
  for (int i = 0; i < n; ++i) {
    SampleOptions o;
    o.sections = 3 + i % 3;
    o.title = "Article " + std::to_string(i + 1) + ": the next phase of the cloud";
    o.slug = "article-" + std::to_string(i + 1);
    o.cover = i % 2 == 0;
    issue.articles.push_back(sample_article(o));
  }
  return issue;
}

} // namespace galley::test
