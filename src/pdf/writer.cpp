#include "pdf/writer.hpp"

#include "galley/error.hpp"
#include "pdf/archive.hpp"
#include "pdf/body.hpp"
#include "pdf/catalog.hpp"
#include "pdf/content.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/fonts.hpp"
#include "pdf/images.hpp"
#include "pdf/page_scan.hpp"
#include "pdf/page_streams.hpp"
#include "pdf/podofo_util.hpp"
#include "pdf/prepared.hpp"
#include "pdf/raw.hpp"
#include "pdf/structure.hpp"
#include "pdf/svg_form.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "util/thread_pool.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

namespace galley::pdf {

using namespace PoDoFo;

namespace {

/// Pages below this many are written by one thread (their objects' values): a part smaller than
/// that would cost more to hand over than to write.
constexpr std::size_t kPagesPerPart = 64;

PreparedFont prepare_font(const layout::FontResource& res, const FontUsage& usage,
                          const WriteOptions& opt) {
  const KeptResources* kept = opt.kept;
  if (kept && kept->find_font)
    if (std::optional<PreparedFont> found = kept->find_font(res, usage))
      return std::move(*found);
  std::string why;
  auto bytes = read_file(res.path, &why);
  if (!bytes)
    throw Error("cannot read font '" + res.path + "': " + why);
  SubsetFont font = subset_font(*bytes, res.face_index, usage, res.path);
  FontStreams streams = font_streams(font, opt.compress);
  PreparedFont made{std::move(font), std::move(streams)};
  if (kept && kept->keep_font)
    kept->keep_font(res, usage, made);
  return made;
}

/// Packs the samples and alpha of `image` into `out`'s streams and frees the pixels.
void pack_image(ImageData image, bool compress, PreparedImage& out) {
  // A JPEG is passed through as it is, for /DCTDecode.
  out.samples = image.dct || image.form ? StreamData{std::move(image.samples), false}
                                        : pack_stream(image.samples, compress);
  if (!image.alpha.empty())
    out.alpha = pack_stream(image.alpha, compress);
  if (!image.icc.empty())
    out.icc = pack_stream(image.icc, compress);
  // Free the decoded pixels now (assigning an empty string would keep their buffer).
  std::string().swap(image.samples);
  std::string().swap(image.alpha);
  std::string().swap(image.icc);
  out.info = std::move(image);
}

std::shared_ptr<const PreparedImage> prepare_image(const std::string& path,
                                                   const WriteOptions& options) {
  const KeptResources* kept = options.kept;
  if (kept && kept->find_image)
    if (std::shared_ptr<const PreparedImage> found = kept->find_image(path))
      return found;
  auto made = std::make_shared<PreparedImage>();
  PreparedImage& out = *made;
  std::string why;
  std::optional<ImageData> image;
  auto bytes = read_file(path, &why);
  if (bytes)
    image = load_image(*bytes, options.limits.max_image_pixels, options.limits.max_image_side,
                       options.standard.archive != PdfStandard::Archive::None, why);
  if (!image) {
    out.error = "cannot embed image '" + path + "': " + why;
    return made;
  }
  pack_image(std::move(*image), options.compress, out);
  if (kept && kept->keep_image)
    kept->keep_image(path, out);
  return made;
}

/// Fonts subset and images decoded, with their streams packed, on opt.threads threads: the
/// work that does not touch the PoDoFo document. Images are one task, decoded one after the
/// other, so peak memory is bounded by the largest image, not their sum; each font is a task.
struct Resources {
  std::vector<std::optional<PreparedFont>> fonts; ///< none for a font no glyph run uses
  std::vector<std::shared_ptr<const PreparedImage>> images; ///< none for an image no page draws
};

Resources prepare_resources(const layout::Document& doc, const PageScan& scan,
                            const WriteOptions& opt) {
  const std::vector<FontUsage>& usage = scan.glyphs;
  const std::vector<bool>& drawn = scan.drawn;
  Resources out;
  out.fonts.resize(doc.fonts.size());
  out.images.resize(doc.images.size());
  parallel_for(1 + doc.fonts.size(), opt.threads, [&](std::size_t task, unsigned) {
    if (task == 0) {
      for (std::size_t i = 0; i < doc.images.size(); ++i) {
        if (!drawn[i])
          continue;
        const std::string& path = doc.images[i].path;
        if (opt.prepared)
          if (auto it = opt.prepared->find(path); it != opt.prepared->end()) {
            out.images[i] = it->second;
            continue;
          }
        out.images[i] = prepare_image(path, opt);
      }
    } else if (std::size_t i = task - 1; !usage[i].glyphs.empty()) {
      out.fonts[i] = prepare_font(doc.fonts[i], usage[i], opt);
    }
  });
  return out;
}

/// An image XObject (8.9.5); the alpha channel becomes a soft mask (11.6.5.3). An SVG becomes
/// a form XObject instead (8.10), drawn the same way.
PdfObject* embed_image(PdfVecObjects& objects, const PreparedImage& prepared) {
  const ImageData& img = prepared.info;
  if (img.form)
    return embed_form(objects, prepared.samples.bytes);
  auto image_dict = [&](int components) {
    PdfObject* obj = objects.CreateObject("XObject");
    PdfDictionary& d = obj->GetDictionary();
    d.AddKey("Subtype", PdfName("Image"));
    d.AddKey("Width", pdf_int(img.width));
    d.AddKey("Height", pdf_int(img.height));
    d.AddKey("BitsPerComponent", pdf_int(img.bits));
    d.AddKey("ColorSpace", PdfName(components == 1   ? "DeviceGray"
                                   : components == 4 ? "DeviceCMYK"
                                                     : "DeviceRGB"));
    return obj;
  };
  PdfObject* obj = image_dict(img.components);
  PdfDictionary& d = obj->GetDictionary();
  if (prepared.icc) {
    // An ICCBased space (8.6.5.5): the profile stream with its number of components.
    PdfObject* profile = objects.CreateObject(PdfVariant(PdfDictionary()));
    profile->GetDictionary().AddKey("N", pdf_int(img.components));
    set_stream(profile, *prepared.icc);
    PdfArray space;
    space.push_back(PdfName("ICCBased"));
    space.push_back(profile->Reference());
    d.AddKey("ColorSpace", space);
  }
  if (img.dct) {
    d.AddKey("Filter", PdfName("DCTDecode"));
    if (img.invert_cmyk) {
      PdfArray decode;
      for (int i = 0; i < 4; ++i) {
        decode.push_back(pdf_int(1));
        decode.push_back(pdf_int(0));
      }
      d.AddKey("Decode", decode);
    }
  }
  set_stream(obj, prepared.samples);
  if (prepared.alpha) {
    PdfObject* mask = image_dict(1);
    set_stream(mask, *prepared.alpha);
    d.AddKey("SMask", mask->Reference());
  }
  return obj;
}

/// Named destinations from the AnchorItems, in PDF user space; the first of a name wins.
DestMap collect_dests(const layout::Document& doc, const PageScan& scan, Diagnostics& diags) {
  DestMap dests;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const auto& page = doc.pages[p];
    for (const auto& [a, dx] : scan.anchors[p]) {
      DestTarget t{int(p), page.bleed + (a->x + dx), page.bleed + page.height - a->y};
      if (!dests.try_emplace(a->name, t).second)
        diags.warning({}, "duplicate destination '" + a->name + "' (the first one is kept)");
    }
  }
  return dests;
}

/// Appends a page's /Resources (7.8.3): the fonts and images its content stream names.
void append_resources(std::string& d, const PageContent& content,
                      const std::vector<PdfObject*>& font_objs,
                      const std::vector<PdfObject*>& image_objs,
                      const std::map<std::pair<int, std::uint32_t>, PdfObject*>& picture_objs) {
  // A name of a prefix and one or two numbers ("F3", "Im0", "G2_117").
  auto name = [&](std::string_view prefix, std::int64_t a, std::int64_t b = -1) {
    std::string text(prefix); // short enough to need no allocation
    text += std::to_string(a);
    if (b >= 0) {
      text += '_';
      text += std::to_string(b);
    }
    raw_name(d, text);
  };
  d += "/Resources<<";
  if (!content.fonts.empty()) {
    d += "/Font<<";
    for (int f : content.fonts) {
      name("F", f);
      raw_ref(d, font_objs[size_t(f)]->Reference());
    }
    d += ">>";
  }
  if (!content.images.empty() || !content.glyph_pictures.empty()) {
    d += "/XObject<<";
    for (int i : content.images) {
      name("Im", i);
      raw_ref(d, image_objs[size_t(i)]->Reference());
    }
    for (const auto& key : content.glyph_pictures) {
      name("G", key.first, key.second);
      raw_ref(d, picture_objs.at(key)->Reference());
    }
    d += ">>";
  }
  d += ">>";
}

/// A link annotation whose dictionary is written once the structure tree has given it its
/// /StructParent: `text` is the dictionary without its closing ">>".
struct PendingLink {
  PdfReference ref;
  Drawn<layout::LinkItem> drawn;
  std::string text;
  std::ptrdiff_t tagged = -1; ///< its index in the tagged annotations, if it is one
};

/// The link annotations of page `page_index`, each with its number, appended to `links`; those of
/// tagged links are also appended to `tagged`. A link to a destination that no page has is left
/// out with a warning.
void reserve_links(Body& body, std::size_t page_index,
                   const std::vector<Drawn<layout::LinkItem>>& drawn, const DestMap& dests,
                   std::vector<PendingLink>& links, std::vector<Annotation>& tagged,
                   Diagnostics& diags) {
  for (const Drawn<layout::LinkItem>& at : drawn) {
    const layout::LinkItem& link = *at.item;
    if (link.uri.empty() && !dests.count(link.dest)) {
      diags.warning({}, "link to unknown destination '" + link.dest + "' left out");
      continue;
    }
    PendingLink pending{body.reserve(), at, {}, -1};
    if (link.element >= 0) {
      pending.tagged = std::ptrdiff_t(tagged.size());
      tagged.push_back({link.element, page_index, pending.ref});
    }
    links.push_back(std::move(pending));
  }
}

/// A link annotation (12.5.6.5) with an invisible border; a /URI action (12.6.4.7) for an
/// external link, a named destination (12.3.2.3) for an internal one.
void write_link(PendingLink& pending, const layout::Page& page) {
  const layout::LinkItem& link = *pending.drawn.item;
  std::string& d = pending.text;
  // Printed with the page (12.5.3): PDF/A wants every annotation's Print flag set.
  d = "<</Type/Annot/Subtype/Link/F 4/Rect";
  const double b = page.bleed, x = link.x + pending.drawn.dx;
  raw_rect(d, b + x, b + page.height - link.y - link.height, b + x + link.width,
           b + page.height - link.y);
  d += "/Border[ 0 0 0]";
  if (!link.uri.empty()) {
    d += "/A<</S/URI/URI";
    raw_bytes(d, link.uri);
    d += ">>";
  } else {
    d += "/Dest";
    raw_bytes(d, link.dest);
  }
  if (link.element >= 0) {
    // What the link does, for assistive technology (ISO 14289-1 7.18.1).
    d += "/Contents";
    raw_text(d, link.uri.empty() ? "Go to " + link.dest : link.uri);
  }
}

} // namespace

PreparedImages prepare_images(const std::vector<std::string>& paths, const WriteOptions& options) {
  PreparedImages out;
  for (const auto& path : paths)
    if (!out.count(path))
      out.emplace(path, prepare_image(path, options));
  return out;
}

std::string write_pdf(const layout::Document& doc, Diagnostics& diags, const WriteOptions& opt) {
  // PoDoFo prints debug and log lines to stdout by default; nothing below the CLI may print.
  // The switches are global, so flip them once even when documents are written in parallel.
  static std::once_flag quiet;
  std::call_once(quiet, [] {
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
  });
  try {
    const PageScan scan = scan_pages(doc, opt.threads);
    Resources res = prepare_resources(doc, scan, opt);

    // PoDoFo's document constructor stamps a creation date through localtime(), whose buffer
    // is shared by the whole process: build documents one at a time (the stamp is replaced by
    // add_metadata, so nothing of it reaches the output).
    static std::mutex construction;
    std::unique_lock<std::mutex> constructing(construction);
    auto document = std::make_unique<PdfMemDocument>();
    constructing.unlock();
    PdfMemDocument& pdf = *document;
    pdf.SetPdfVersion(ePdfVersion_1_7);
    PdfVecObjects& objects = pdf.GetObjects();
    Body body(objects);

    std::vector<const SubsetFont*> font_ptrs(res.fonts.size(), nullptr);
    std::vector<PdfObject*> font_objs(res.fonts.size(), nullptr);
    for (size_t i = 0; i < res.fonts.size(); ++i) {
      if (!res.fonts[i])
        continue;
      font_ptrs[i] = &res.fonts[i]->font;
      font_objs[i] = embed_font(objects, res.fonts[i]->font, res.fonts[i]->streams);
    }
    // The pictures of colour bitmap glyphs, each embedded once (see ColorGlyph).
    std::map<std::pair<int, std::uint32_t>, PdfObject*> picture_objs;
    for (size_t i = 0; i < res.fonts.size(); ++i) {
      if (!res.fonts[i])
        continue;
      for (const auto& [gid, glyph] : res.fonts[i]->font.color_glyphs) {
        PreparedImage picture;
        pack_image(glyph.image, opt.compress, picture);
        picture_objs[{int(i), gid}] = embed_image(objects, picture);
      }
    }
    // Each image is embedded once and drawn by reference from every page that shows it; one
    // that could not be decoded is reported and left out.
    std::vector<bool> image_ok(res.images.size(), false);
    std::vector<PdfObject*> image_objs(res.images.size(), nullptr);
    for (size_t i = 0; i < res.images.size(); ++i) {
      auto& image = res.images[i];
      if (!image)
        continue;
      if (!image->error.empty()) {
        diags.error({doc.images[i].path, 0, 0}, image->error);
        continue;
      }
      image_ok[i] = true;
      image_objs[i] = embed_image(objects, *image);
      image.reset();
    }

    // Pages, their annotations and the structure tree are written as text (pdf/raw.hpp) into
    // objects reserved first (pdf/body.hpp), since they refer to each other. PoDoFo's own pages
    // (CreatePage) are not used: each is a dictionary of dictionaries, and the page tree is one
    // flat /Kids.
    std::vector<PdfReference> page_refs(doc.pages.size());
    std::string kids = "[";
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
      page_refs[p] = body.reserve();
      raw_ref(kids, page_refs[p]);
    }
    kids += ']';
    PdfObject* page_tree = pdf.GetPagesTree()->GetObject();
    page_tree->GetDictionary().AddKey("Kids", raw_value(kids));
    page_tree->GetDictionary().AddKey("Count", pdf_int(std::int64_t(doc.pages.size())));

    // Content streams are made in parallel, or taken as an earlier write made them (memo),
    // and packed (deflate: most of their cost) on workers that are free while this thread
    // makes the page objects, the structure tree and the outline.
    PageStreams streams(doc, font_ptrs, image_ok, opt.compress, opt.threads, opt.streams);

    DestMap dests = collect_dests(doc, scan, diags);
    // Every number first, in the order the pages give them; then the pages' and their links'
    // values, written in consecutive parts on the threads (an issue has hundreds of pages and
    // thousands of links), each part into a text of its own the body holds.
    const std::size_t pages = doc.pages.size();
    std::vector<PdfReference> item_refs(pages), furniture_refs(pages), origin_refs(pages);
    std::map<std::string, PdfReference> origins; // one stream for each origin pages move to
    std::vector<PendingLink> links;
    std::vector<std::size_t> first_link(pages + 1, 0);
    std::vector<Annotation> annotations; // the link annotations of tagged links
    for (std::size_t p = 0; p < pages; ++p) {
      item_refs[p] = body.reserve();
      if (streams.has_furniture(p))
        furniture_refs[p] = body.reserve();
      if (const std::string& origin = streams.origin(p); !origin.empty()) {
        auto [shared, added] = origins.try_emplace(origin);
        if (added) {
          shared->second = body.reserve();
          body.set_stream(shared->second, pack_stream(origin, opt.compress));
        }
        origin_refs[p] = shared->second;
      }
      first_link[p] = links.size();
      reserve_links(body, p, scan.links[p], dests, links, annotations, diags);
    }
    first_link[pages] = links.size();
    const bool tagged = !doc.structure.empty();
    const std::string parent = [&] {
      std::string r;
      raw_ref(r, page_tree->Reference());
      return r;
    }();
    auto write_page = [&](std::size_t p, std::string& d) {
      const auto& page = doc.pages[p];
      double b = page.bleed;
      d += "<</Type/Page/Parent";
      d += parent;
      d += "/MediaBox";
      raw_rect(d, 0, 0, page.width + 2 * b, page.height + 2 * b);
      // 14.11.2: with bleed, the trim box is where the page is cut.
      if (b > 0) {
        d += "/TrimBox";
        raw_rect(d, b, b, b + page.width, b + page.height);
      }
      // 7.7.3.3: the page's streams, drawn as if they were one.
      d += "/Contents";
      const bool moved = !streams.origin(p).empty(), furnished = streams.has_furniture(p);
      if (!moved && !furnished) {
        raw_ref(d, item_refs[p]);
      } else {
        d += '[';
        if (moved)
          raw_ref(d, origin_refs[p]);
        raw_ref(d, item_refs[p]);
        if (furnished)
          raw_ref(d, furniture_refs[p]);
        d += ']';
      }
      append_resources(d, streams.uses(p), font_objs, image_objs, picture_objs);
      if (first_link[p] < first_link[p + 1]) {
        d += "/Annots[";
        for (std::size_t k = first_link[p]; k < first_link[p + 1]; ++k) {
          raw_ref(d, links[k].ref);
          write_link(links[k], page);
        }
        d += ']';
      }
      if (tagged) {
        // Page p is key p of the parent tree (14.7.4.4); annotations are visited in structure
        // order (12.5, /Tabs; ISO 14289-1 7.18.3).
        d += "/StructParents";
        raw_int(d, std::int64_t(p));
        d += "/Tabs/S";
      }
      d += ">>";
    };
    const std::size_t parts = worker_count(pages / kPagesPerPart + 1, opt.threads);
    std::vector<std::string> texts(parts);
    std::vector<std::size_t> ends(pages, 0); // where page p's value ends in its part's text
    parallel_for(parts, opt.threads, [&](std::size_t k, unsigned) {
      for (std::size_t p = pages * k / parts; p < pages * (k + 1) / parts; ++p) {
        write_page(p, texts[k]);
        ends[p] = texts[k].size();
      }
    });
    for (std::size_t k = 0; k < parts; ++k) {
      const std::string_view text = body.hold(std::move(texts[k]));
      for (std::size_t p = pages * k / parts, from = 0; p < pages * (k + 1) / parts; ++p) {
        body.set_held(page_refs[p], text.substr(from, ends[p] - from));
        from = ends[p];
      }
    }

    std::vector<std::vector<int>> marked(pages);
    for (std::size_t p = 0; p < pages; ++p)
      marked[p] = streams.uses(p).marked;
    std::vector<std::int64_t> keys =
        add_structure_tree(pdf, body, doc.structure, page_refs, marked, annotations, opt.threads);
    for (PendingLink& link : links) {
      if (link.tagged >= 0 && keys[std::size_t(link.tagged)] >= 0) {
        link.text += "/StructParent";
        raw_int(link.text, keys[std::size_t(link.tagged)]);
      }
      link.text += ">>";
      body.set(link.ref, link.text);
    }
    add_named_dests(pdf, body, page_refs, dests);
    add_outline(pdf, body, doc.outline, dests, diags);
    add_page_labels(pdf, doc.pages);
    add_metadata(pdf, doc.info, opt.standard);
    if (opt.standard.archive != PdfStandard::Archive::None)
      add_output_intent(pdf, opt.compress);
    streams.finish();
    // The memo takes the streams before the file is put together, and the body points to them
    // there: a worker keeps the memo (some milliseconds for the 4 MB of an issue's streams)
    // while this thread writes the file.
    std::vector<const StreamData*> kept;
    if (opt.streams)
      kept = streams.keep(*opt.streams);
    for (std::size_t p = 0; p < pages; ++p) {
      body.set_stream(item_refs[p], kept.empty() ? streams.items(p) : *kept[p]);
      if (streams.has_furniture(p))
        body.set_stream(furniture_refs[p], kept.empty() ? streams.furniture(p) : *kept[pages + p]);
    }
    Task keeping;
    if (opt.streams && opt.on_streams_kept)
      keeping = Task::ahead([&] { opt.on_streams_kept(*opt.streams); });
    std::string out = body.write_file(pdf, doc.info.identifier);
    keeping.wait();
    dispose_later(std::move(document));
    return out;
  } catch (const PdfError& e) {
    throw Error(std::string("PDF writer failed: ") + PdfError::ErrorMessage(e.GetError()));
  }
}

} // namespace galley::pdf
