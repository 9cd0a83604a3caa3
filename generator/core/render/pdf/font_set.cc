// Faces, metrics and subsetting with HarfBuzz.
#include "render/pdf/font_set.h"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <new>
#include <type_traits>

namespace fs = std::filesystem;

namespace okgen::render::pdf {

char32_t next_multibyte_codepoint(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (c >= 0x80 && c < 0xC0) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra ? (c & (0x3F >> extra)) : c;
  ++i;
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    ++i;
  }
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Face::Face(const fs::path& file)
    // calloc: a large zeroed block comes straight from fresh pages, so only the pages of
    // characters actually used are ever touched (a memset would touch all 256 KB).
    : file_(file), bmp_(static_cast<std::atomic<std::uint32_t>*>(std::calloc(0x10000, sizeof(std::atomic<std::uint32_t>)))) {
  static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t) &&
                std::is_trivially_destructible_v<std::atomic<std::uint32_t>>);
  if (!bmp_) throw std::bad_alloc();
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
  if (!blob) return;
  face_ = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  if (!face_ || hb_face_get_glyph_count(face_) == 0) return;
  upem_ = static_cast<float>(hb_face_get_upem(face_));
  font_ = hb_font_create(face_);
  hb_font_extents_t ext;
  if (hb_font_get_h_extents(font_, &ext)) {
    // hb_font_create scales to upem by default.
    ascender_ = static_cast<float>(ext.ascender) / upem_;
    descender_ = static_cast<float>(ext.descender) / upem_;
  }
}

Face::~Face() {
  if (font_) hb_font_destroy(font_);
  if (face_) hb_face_destroy(face_);
}

Face::Metric Face::metric_slow(char32_t cp) const {
  // Metrics are filled in on first use and may be asked for by several threads laying out
  // parts of one document: the Basic Multilingual Plane in a table of atomic words
  // (bit 31 known, bit 30 present, the advance in font units below), anything else in a
  // map under a lock. HarfBuzz fonts may be read from several threads.
  auto lookup = [&](std::uint32_t& units) {
    hb_codepoint_t glyph = 0;
    if (!font_ || !hb_font_get_nominal_glyph(font_, cp, &glyph)) return false;
    const hb_position_t adv = hb_font_get_glyph_h_advance(font_, glyph);
    units = static_cast<std::uint32_t>(std::clamp<hb_position_t>(adv, 0, 0xFFFF));
    return true;
  };
  if (cp < 0x10000) {
    std::uint32_t units = 0;
    const bool present = lookup(units);
    const std::uint32_t word = kKnown | (present ? kPresent : 0) | units;
    bmp_[cp].store(word, std::memory_order_relaxed);
    return metric_of(present, units);
  }
  std::lock_guard<std::mutex> lock(other_mutex_);
  auto it = other_.find(cp);
  if (it != other_.end()) return it->second;
  std::uint32_t units = 0;
  const bool present = lookup(units);
  return other_.emplace(cp, metric_of(present, units)).first->second;
}

bool Face::has(char32_t cp) const { return metric(cp).present; }
float Face::advance(char32_t cp) const { return metric(cp).advance; }

std::string Face::subset(const std::set<char32_t>& codepoints) const {
  if (!face_) return {};
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return {};
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t cp : codepoints) hb_set_add(unicodes, cp);
  // Hinting is for screens at small sizes; PDF viewers rasterise well without it and it
  // is a large part of the font.
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  // A PDF reader draws glyphs by id: the layout tables (positioning, substitution) and
  // the rasteriser hints table are never used.
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('G', 'D', 'E', 'F'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'S', 'U', 'B'),
                       HB_TAG('g', 'a', 's', 'p'), HB_TAG('k', 'e', 'r', 'n')}) {
    hb_set_add(drop, tag);
  }
  hb_face_t* sub = hb_subset_or_fail(face_, input);
  hb_subset_input_destroy(input);
  if (!sub) return {};
  return take_face_bytes(sub);
}

std::string take_face_bytes(hb_face_t* face) {
  hb_blob_t* blob = hb_face_reference_blob(face);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string out(data ? data : "", data ? len : 0);
  hb_blob_destroy(blob);
  hb_face_destroy(face);
  return out;
}

namespace {

// Faces are immutable after loading apart from their metric tables, which are safe to
// fill from several threads (see Face::metric), and HarfBuzz faces may be read from several
// threads: one face per font file for the whole process, read once.
std::shared_ptr<Face> cached_face(const fs::path& file) {
  static std::mutex mutex;
  static std::map<fs::path, std::shared_ptr<Face>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(file);
  if (it != cache.end()) return it->second;
  auto face = std::make_shared<Face>(file);
  cache.emplace(file, face);
  return face;
}

}  // namespace

FontSet::FontSet(const PdfStyle& style) : style_(style), slots_(new Slot[style.families.size() * 4]) {
  for (std::size_t i = 0; i < style.families.size(); ++i) {
    for (std::size_t v = 0; v < 4; ++v) slots_[i * 4 + v].file = style.families[i].files[v];
    if (style.families[i].name == "fallback") fallback_ = static_cast<int>(i);
  }
}

bool looks_like_font(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char tag[4] = {};
  if (!in.read(tag, 4)) return false;
  const std::string_view t(tag, 4);
  return t == std::string_view("\0\1\0\0", 4) || t == "true" || t == "OTTO" || t == "ttcf";
}

int FontSet::family_index(const std::string& name) const {
  for (std::size_t i = 0; i < style_.families.size(); ++i) {
    if (style_.families[i].name == name) return static_cast<int>(i);
  }
  return fallback_;
}

FaceKey FontSet::key(const std::string& family, bool bold, bool italic) const {
  return key(family_index(family), bold, italic);
}

FaceKey FontSet::key(int family, bool bold, bool italic) const {
  FontVariant v = bold && italic ? FontVariant::bold_italic
                  : bold         ? FontVariant::bold
                  : italic       ? FontVariant::italic
                                 : FontVariant::regular;
  return FaceKey{family, v};
}

const Face& FontSet::face_slow(const FaceKey& k) const {
  if (k.family < 0 || static_cast<std::size_t>(k.family) >= style_.families.size()) throw std::out_of_range("FontSet::face");
  Slot& slot = slots_[k.index()];
  std::call_once(slot.once, [&] {
    slot.face = cached_face(slot.file);
    slot.ready.store(slot.face.get(), std::memory_order_release);
  });
  return *slot.face;
}

std::string FontSet::face_name(const FaceKey& k) const {
  static const char* kVariants[] = {"regular", "bold", "italic", "bold-italic"};
  return style_.families.at(static_cast<std::size_t>(k.family)).name + "-" + kVariants[static_cast<int>(k.variant)];
}

FaceKey FontSet::resolve(char32_t& cp, FaceKey key, std::vector<char32_t>* missing) const {
  if (face(key).has(cp)) return key;
  const FaceKey fallback{fallback_, key.variant};
  if (face(fallback).has(cp)) return fallback;
  if (missing && cp != 0xFFFD) missing->push_back(cp);
  cp = face(key).has(0xFFFD) ? 0xFFFD : '?';
  return face(key).has(cp) ? key : fallback;
}

std::vector<Span> FontSet::shape(std::string_view utf8, FaceKey key, std::vector<char32_t>* missing) {
  std::vector<Span> spans;
  const Face& main = face(key);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = next_codepoint(utf8, i);
    const Face::Metric m = main.metric(cp);
    FaceKey use = key;
    float advance = m.advance;
    if (!m.present) {
      use = resolve(cp, key, missing);
      advance = face(use).advance(cp);
    }
    if (spans.empty() || !(spans.back().face == use)) spans.push_back(Span{use, {}, 0});
    append_utf8(spans.back().text, cp);
    spans.back().width += advance;
  }
  return spans;
}

float FontSet::measure(std::string_view utf8, FaceKey key, bool* own_face) {
  // The same resolution as shape(), without building spans: measuring is done for every
  // word and hyphenation piece, drawing once per line.
  float w = 0;
  bool own = true;
  const Face& main = face(key);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = next_codepoint(utf8, i);
    const Face::Metric m = main.metric(cp);
    if (m.present) {
      w += m.advance;
      continue;
    }
    own = false;
    const FaceKey use = resolve(cp, key, nullptr);
    w += face(use).advance(cp);
  }
  if (own_face) *own_face = own;
  return w;
}

}  // namespace okgen::render::pdf
