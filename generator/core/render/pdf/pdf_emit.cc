// Drawing with libharu. libharu reports errors through a C callback; the callback only
// records them (an exception must never cross C frames) and every call is checked after.
#include "render/pdf/pdf_emit.h"

#include <hpdf.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmath>
#include <map>
#include <memory>
#include <vector>

namespace okgen::render::pdf {
namespace {

struct ErrorState {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->error == 0) {
    state->error = error;
    state->detail = detail;
  }
}

class HpdfDoc {
 public:
  HpdfDoc() : doc_(HPDF_New(on_error, &state_)) {
    if (!doc_) throw PdfError("libharu could not create a document");
  }
  ~HpdfDoc() {
    HPDF_Free(doc_);
    for (int fd : fds_) ::close(fd);
  }
  HpdfDoc(const HpdfDoc&) = delete;
  HpdfDoc& operator=(const HpdfDoc&) = delete;

  HPDF_Doc get() const { return doc_; }
  void check(const char* what) const {
    if (state_.error) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "libharu failed (%s): error 0x%04X, detail %u", what,
                    static_cast<unsigned>(state_.error), static_cast<unsigned>(state_.detail));
      throw PdfError(buf);
    }
  }
  // Font data lives in anonymous in-memory files that libharu reads by path; they must
  // stay open until the document is saved.
  std::string memory_file(const std::string& bytes) {
    int fd = ::memfd_create("okgen-font", MFD_CLOEXEC);
    if (fd < 0) throw PdfError("cannot create an in-memory font file");
    fds_.push_back(fd);
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) throw PdfError("cannot write an in-memory font file");
      done += static_cast<std::size_t>(n);
    }
    return "/proc/self/fd/" + std::to_string(fd);
  }

 private:
  ErrorState state_;
  HPDF_Doc doc_;
  std::vector<int> fds_;
};

bool same(const Color& a, const Color& b) { return a == b; }

float round2(float v) { return std::round(v * 100.0f) / 100.0f; }

}  // namespace

std::string emit_pdf(const Layout& layout, FontSet& fonts) {
  HpdfDoc doc;
  HPDF_Doc pdf = doc.get();
  // Page contents are compressed here; fonts and their maps are compressed by pdf_finish
  // after it has cut the CID map down to the code points in use (libharu would spend most
  // of its compression time on the 128 KB map of each font). qpdf keeps streams as they are.
  HPDF_SetCompressionMode(pdf, HPDF_COMP_TEXT);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  doc.check("setup");

  std::map<FaceKey, HPDF_Font> hfonts;
  for (const auto& [key, codepoints] : fonts.used()) {
    std::set<char32_t> cps = codepoints;
    cps.insert(' ');
    std::string data = fonts.face(key).subset(cps);
    if (data.empty()) throw PdfError("cannot subset font " + fonts.face(key).file().string());
    const std::string path = doc.memory_file(data);
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    doc.check("load font");
    if (!name) throw PdfError("libharu could not load font " + fonts.face(key).file().string());
    hfonts[key] = HPDF_GetFont(pdf, name, "UTF-8");
    doc.check("get font");
  }

  std::vector<HPDF_Page> pages;
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, layout.width);
    HPDF_Page_SetHeight(page, layout.height);
    pages.push_back(page);
  }
  doc.check("add pages");
  const float H = layout.height;

  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    HPDF_Page page = pages[i];
    const Ops& ops = layout.pages[i].ops;
    for (const auto& r : ops.rects) {
      HPDF_Page_SetRGBFill(page, r.fill.r, r.fill.g, r.fill.b);
      HPDF_Page_Rectangle(page, r.x, H - r.y - r.h, r.w, r.h);
      HPDF_Page_Fill(page);
    }
    // Rules with the same colour and width share one path.
    for (std::size_t k = 0; k < ops.rules.size();) {
      const RuleOp& first = ops.rules[k];
      HPDF_Page_SetRGBStroke(page, first.color.r, first.color.g, first.color.b);
      HPDF_Page_SetLineWidth(page, first.width);
      for (; k < ops.rules.size() && same(ops.rules[k].color, first.color) && ops.rules[k].width == first.width; ++k) {
        const RuleOp& r = ops.rules[k];
        HPDF_Page_MoveTo(page, r.x1, H - r.y1);
        HPDF_Page_LineTo(page, r.x2, H - r.y2);
      }
      HPDF_Page_Stroke(page);
    }
    if (!ops.text.empty()) {
      HPDF_Page_BeginText(page);
      HPDF_Font current = nullptr;
      float size = 0;
      Color color{-1, -1, -1};
      for (const auto& t : ops.text) {
        HPDF_Font f = hfonts.at(t.face);
        if (f != current || t.size != size) {
          HPDF_Page_SetFontAndSize(page, f, t.size);
          current = f;
          size = t.size;
        }
        if (!same(t.color, color)) {
          HPDF_Page_SetRGBFill(page, t.color.r, t.color.g, t.color.b);
          color = t.color;
        }
        // Hundredths of a point are far below what print or screen shows, and shorter
        // numbers make smaller content streams.
        HPDF_Page_TextOut(page, round2(t.x), round2(H - t.y), t.text.c_str());
      }
      HPDF_Page_EndText(page);
    }
    doc.check("draw page");
    // Links; neighbouring pieces of one link become one annotation.
    for (std::size_t k = 0; k < ops.links.size();) {
      LinkOp l = ops.links[k++];
      while (k < ops.links.size() && ops.links[k].uri == l.uri && ops.links[k].target == l.target &&
             ops.links[k].y == l.y && ops.links[k].x <= l.x + l.w + 6) {
        l.w = ops.links[k].x + ops.links[k].w - l.x;
        ++k;
      }
      HPDF_Rect rect{l.x, H - l.y - l.h, l.x + l.w, H - l.y};
      HPDF_Annotation annot = nullptr;
      if (!l.uri.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(page, rect, l.uri.c_str());
      } else {
        auto it = layout.anchors.find(l.target);
        if (it == layout.anchors.end()) continue;
        HPDF_Destination dest = HPDF_Page_CreateDestination(pages.at(static_cast<std::size_t>(it->second.first)));
        // FitH: the target line at the top of the window, at the reader's width. (XYZ with
        // "keep the zoom" is not expressible in libharu: it rejects a zoom of 0.)
        HPDF_Destination_SetFitH(dest, H - it->second.second + 4);
        annot = HPDF_Page_CreateLinkAnnot(page, rect, dest);
      }
      if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    }
    doc.check("links");
  }

  HPDF_SaveToStream(pdf);
  doc.check("save");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::string out(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &read);
  // libharu reports the end of the stream as an error after a complete read.
  out.resize(read);
  return out;
}

}  // namespace okgen::render::pdf
