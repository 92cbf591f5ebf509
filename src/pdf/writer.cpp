#include "pdf/writer.hpp"

#include "galley/error.hpp"
#include "pdf/archive.hpp"
#include "pdf/body.hpp"
#include "pdf/catalog.hpp"
#include "pdf/content.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/fonts.hpp"
#include "pdf/images.hpp"
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

/// The text of each glyph id of each font by slot, grown as ids come: a map lookup for each of
/// the million glyphs an issue draws was most of the time before the first page was made.
using GlyphTexts = std::vector<std::vector<std::optional<std::string_view>>>;

/// The glyphs pages [from, to) of `doc` draw, each with the text of the cluster it starts: the
/// first non-empty text seen, in document order.
GlyphTexts glyph_texts(const layout::Document& doc, std::size_t from, std::size_t to) {
  GlyphTexts text(doc.fonts.size());
  for (std::size_t p = from; p < to; ++p) {
    layout::for_each_drawn(doc.pages[p], [&](const layout::Item& item, double) {
      const auto* run = std::get_if<layout::GlyphRun>(&item);
      if (!run || run->glyphs.empty())
        return;
      if (run->font < 0 || size_t(run->font) >= doc.fonts.size())
        throw Error("glyph run uses font " + std::to_string(run->font) + " but the document has " +
                    std::to_string(doc.fonts.size()) + " fonts");
      auto& slots = text[size_t(run->font)];
      for (const auto& g : run->glyphs) {
        if (g.id > 0xFFFF)
          throw Error("glyph " + std::to_string(g.id) + " is not in font '" +
                      doc.fonts[size_t(run->font)].path + "' (glyph ids are 16-bit)");
        if (g.id >= slots.size())
          slots.resize(std::size_t(g.id) + 1);
        std::optional<std::string_view>& t = slots[g.id];
        if (!t || (t->empty() && !g.text.empty()))
          t = g.text;
      }
    });
  }
  return text;
}

/// Every glyph each font draws, with the text of the cluster it starts (the first non-empty
/// text seen, in document order). The pages are read in consecutive parts on `threads` threads,
/// and the parts' texts are taken in page order, so the result is the one a single pass gives.
std::vector<FontUsage> collect_glyphs(const layout::Document& doc, unsigned threads) {
  const std::size_t pages = doc.pages.size();
  const std::size_t parts = worker_count(pages, threads);
  std::vector<GlyphTexts> part_texts(parts);
  parallel_for(parts, threads, [&](std::size_t k, unsigned) {
    part_texts[k] = glyph_texts(doc, pages * k / parts, pages * (k + 1) / parts);
  });
  std::vector<FontUsage> usage(doc.fonts.size());
  for (std::size_t f = 0; f < doc.fonts.size(); ++f) {
    std::size_t ids = 0;
    for (const GlyphTexts& part : part_texts)
      ids = std::max(ids, part[f].size());
    for (std::uint32_t id = 0; id < ids; ++id) {
      std::optional<std::string_view> text;
      for (const GlyphTexts& part : part_texts) {
        if (id >= part[f].size() || !part[f][id])
          continue;
        if (!text || (text->empty() && !part[f][id]->empty()))
          text = part[f][id];
      }
      if (text)
        usage[f].glyphs.emplace_hint(usage[f].glyphs.end(), id, *text);
    }
  }
  return usage;
}

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

/// Which images some page draws.
std::vector<bool> drawn_images(const layout::Document& doc) {
  std::vector<bool> drawn(doc.images.size(), false);
  for (const auto& page : doc.pages) {
    layout::for_each_drawn(page, [&](const layout::Item& item, double) {
      const auto* img = std::get_if<layout::ImageItem>(&item);
      if (!img)
        return;
      if (img->image < 0 || size_t(img->image) >= doc.images.size())
        throw Error("image item uses image " + std::to_string(img->image) +
                    " but the document has " + std::to_string(doc.images.size()) + " images");
      drawn[size_t(img->image)] = true;
    });
  }
  return drawn;
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

Resources prepare_resources(const layout::Document& doc, const WriteOptions& opt) {
  std::vector<FontUsage> usage = collect_glyphs(doc, opt.threads);
  std::vector<bool> drawn = drawn_images(doc);
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
DestMap collect_dests(const layout::Document& doc, Diagnostics& diags) {
  DestMap dests;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const auto& page = doc.pages[p];
    layout::for_each_drawn(page, [&](const layout::Item& item, double dx) {
      const auto* a = std::get_if<layout::AnchorItem>(&item);
      if (!a)
        return;
      DestTarget t{int(p), page.bleed + (a->x + dx), page.bleed + page.height - a->y};
      if (!dests.try_emplace(a->name, t).second)
        diags.warning({}, "duplicate destination '" + a->name + "' (the first one is kept)");
    });
  }
  return dests;
}

/// Appends a page's /Resources (7.8.3): the fonts and images its content stream names.
void append_resources(std::string& d, const PageContent& content,
                      const std::vector<PdfObject*>& font_objs,
                      const std::vector<PdfObject*>& image_objs,
                      const std::map<std::pair<int, std::uint32_t>, PdfObject*>& picture_objs) {
  d += "/Resources<<";
  if (!content.fonts.empty()) {
    d += "/Font<<";
    for (int f : content.fonts) {
      raw_name(d, "F" + std::to_string(f));
      raw_ref(d, font_objs[size_t(f)]->Reference());
    }
    d += ">>";
  }
  if (!content.images.empty() || !content.glyph_pictures.empty()) {
    d += "/XObject<<";
    for (int i : content.images) {
      raw_name(d, "Im" + std::to_string(i));
      raw_ref(d, image_objs[size_t(i)]->Reference());
    }
    for (const auto& key : content.glyph_pictures) {
      raw_name(d, "G" + std::to_string(key.first) + "_" + std::to_string(key.second));
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
  std::string text;
  std::ptrdiff_t tagged = -1; ///< its index in the tagged annotations, if it is one
};

/// Link annotations (12.5.6.5) with an invisible border; /URI actions (12.6.4.7) for external
/// links, named destinations (12.3.2.3) for internal ones. Appends the page's /Annots to
/// `page_text`.
void add_links(Body& body, std::string& page_text, const layout::Page& page, std::size_t page_index,
               const DestMap& dests, std::vector<PendingLink>& links,
               std::vector<Annotation>& tagged, Diagnostics& diags) {
  std::string annots;
  layout::for_each_drawn(page, [&](const layout::Item& item, double dx) {
    const auto* link = std::get_if<layout::LinkItem>(&item);
    if (!link)
      return;
    if (link->uri.empty() && !dests.count(link->dest)) {
      diags.warning({}, "link to unknown destination '" + link->dest + "' left out");
      return;
    }
    PendingLink pending{body.reserve(), {}, -1};
    std::string& d = pending.text;
    // Printed with the page (12.5.3): PDF/A wants every annotation's Print flag set.
    d = "<</Type/Annot/Subtype/Link/F 4/Rect";
    const double b = page.bleed, x = link->x + dx;
    raw_rect(d, b + x, b + page.height - link->y - link->height, b + x + link->width,
             b + page.height - link->y);
    d += "/Border[ 0 0 0]";
    if (!link->uri.empty()) {
      d += "/A<</S/URI/URI";
      raw_bytes(d, link->uri);
      d += ">>";
    } else {
      d += "/Dest";
      raw_bytes(d, link->dest);
    }
    if (link->element >= 0) {
      // What the link does, for assistive technology (ISO 14289-1 7.18.1).
      d += "/Contents";
      raw_text(d, link->uri.empty() ? "Go to " + link->dest : link->uri);
      pending.tagged = std::ptrdiff_t(tagged.size());
      tagged.push_back({link->element, page_index, pending.ref});
    }
    raw_ref(annots, pending.ref);
    links.push_back(std::move(pending));
  });
  if (!annots.empty()) {
    page_text += "/Annots[";
    page_text += annots;
    page_text += ']';
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
    Resources res = prepare_resources(doc, opt);

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

    DestMap dests = collect_dests(doc, diags);
    std::vector<PdfReference> item_refs(doc.pages.size()), furniture_refs(doc.pages.size());
    std::map<std::string, PdfReference> origins; // one stream for each origin pages move to
    std::vector<PendingLink> links;
    std::vector<Annotation> annotations; // the link annotations of tagged links
    const bool tagged = !doc.structure.empty();
    const std::string parent = [&] {
      std::string r;
      raw_ref(r, page_tree->Reference());
      return r;
    }();
    std::string d;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
      const auto& page = doc.pages[p];
      double b = page.bleed;
      d = "<</Type/Page/Parent";
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
      const std::string& origin = streams.origin(p);
      item_refs[p] = body.reserve();
      const bool furnished = streams.has_furniture(p);
      if (furnished)
        furniture_refs[p] = body.reserve();
      if (origin.empty() && !furnished) {
        raw_ref(d, item_refs[p]);
      } else {
        d += '[';
        if (!origin.empty()) {
          auto [shared, added] = origins.try_emplace(origin);
          if (added) {
            shared->second = body.reserve();
            body.set_stream(shared->second, pack_stream(origin, opt.compress));
          }
          raw_ref(d, shared->second);
        }
        raw_ref(d, item_refs[p]);
        if (furnished)
          raw_ref(d, furniture_refs[p]);
        d += ']';
      }
      append_resources(d, streams.uses(p), font_objs, image_objs, picture_objs);
      add_links(body, d, page, p, dests, links, annotations, diags);
      if (tagged) {
        // Page p is key p of the parent tree (14.7.4.4); annotations are visited in structure
        // order (12.5, /Tabs; ISO 14289-1 7.18.3).
        d += "/StructParents";
        raw_int(d, std::int64_t(p));
        d += "/Tabs/S";
      }
      d += ">>";
      body.set(page_refs[p], d);
    }

    std::vector<std::vector<int>> marked(doc.pages.size());
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
      marked[p] = streams.uses(p).marked;
    std::vector<std::int64_t> keys =
        add_structure_tree(pdf, body, doc.structure, page_refs, marked, annotations);
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
    const std::size_t pages = doc.pages.size();
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
