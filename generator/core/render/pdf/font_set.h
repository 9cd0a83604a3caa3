// FontSet: the TrueType faces a PDF uses, with glyph metrics for layout and subsetting.
//
// Metrics come from HarfBuzz (nominal glyph and horizontal advance, cached per code point),
// the same numbers the embedded fonts' widths are made from, so measured and drawn widths
// agree. subset() turns a face into a small font with just the characters a document draws
// (HarfBuzz's subsetter) for embedding; which those are is read from the finished layout
// (drawn_glyphs in pdf_emit.h), so that it never depends on what was measured on the way.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <map>
#include <unordered_map>
#include <set>
#include <vector>

#include "render/pdf/pdf_style.h"

struct hb_face_t;
struct hb_font_t;

namespace okgen::render::pdf {

/// A loaded face; shared between documents (fonts are read once per process).
class Face {
 public:
  explicit Face(const std::filesystem::path& file);
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  bool ok() const { return font_ != nullptr; }
  const std::filesystem::path& file() const { return file_; }
  bool has(char32_t cp) const;
  /// Advance width of a code point in font units per em = 1 (multiply by the size).
  float advance(char32_t cp) const;
  float ascender() const { return ascender_; }
  float descender() const { return descender_; }
  /// A font with just `codepoints` (plus .notdef), as TrueType bytes; empty on failure.
  std::string subset(const std::set<char32_t>& codepoints) const;

  struct Metric {
    bool present;
    float advance;
  };
  /// Presence and advance of a code point in one lookup (thread-safe).
  Metric metric(char32_t cp) const {
    // Inline for a character met before (nearly every one): metric_slow() looks it up.
    if (cp < 0x10000) {
      const std::uint32_t word = bmp_[cp].load(std::memory_order_relaxed);
      if (word & kKnown) return metric_of((word & kPresent) != 0, word & 0xFFFF);
    }
    return metric_slow(cp);
  }

 private:
  Metric metric_slow(char32_t cp) const;
  Metric metric_of(bool present, std::uint32_t units) const {
    return Metric{present, present ? static_cast<float>(units) / upem_ : 0.0f};
  }

  std::filesystem::path file_;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  float upem_ = 1000;
  float ascender_ = 0.8f, descender_ = -0.2f;
  // Metrics are looked up for every character laid out: the Basic Multilingual Plane
  // lives in a flat table filled on first use, anything above in a map (see metric()).
  static constexpr std::uint32_t kKnown = 1u << 31, kPresent = 1u << 30;
  struct FreeDeleter {
    void operator()(std::atomic<std::uint32_t>* p) const { std::free(p); }
  };
  std::unique_ptr<std::atomic<std::uint32_t>[], FreeDeleter> bmp_;
  mutable std::mutex other_mutex_;
  mutable std::unordered_map<char32_t, Metric> other_;
};

/// Identifies a face: a family from styles/pdf.xml and a variant.
struct FaceKey {
  int family = 0;
  FontVariant variant = FontVariant::regular;
  bool operator<(const FaceKey& o) const {
    return family != o.family ? family < o.family : static_cast<int>(variant) < static_cast<int>(o.variant);
  }
  bool operator==(const FaceKey& o) const { return family == o.family && variant == o.variant; }
  /// Position in tables with four variants per family: family * 4 + variant.
  std::size_t index() const { return static_cast<std::size_t>(family) * 4 + static_cast<std::size_t>(variant); }
};

/// A piece of text drawn in one face.
struct Span {
  FaceKey face;
  std::string text;
  float width = 0;  ///< at size 1
};

/// The faces of one style sheet.
class FontSet {
 public:
  /// The faces the style names; each is read (or reused from the process cache) when a
  /// document first draws or measures with it, so a run pays only for the fonts it uses.
  explicit FontSet(const PdfStyle& style);

  /// Index of a family name ("serif"); the style loader guarantees it exists.
  int family_index(const std::string& name) const;
  FaceKey key(const std::string& family, bool bold, bool italic) const;
  FaceKey key(int family, bool bold, bool italic) const;
  /// The face of `k` (read on its first use). Throws std::out_of_range for a family the
  /// style does not have.
  const Face& face(const FaceKey& k) const;

  /// Splits UTF-8 text into spans: characters the face lacks go to the fallback family;
  /// characters no face has become U+FFFD (reported through `missing`).
  std::vector<Span> shape(std::string_view utf8, FaceKey face, std::vector<char32_t>* missing = nullptr);
  /// Width of UTF-8 text at size 1, with the same fallback as shape(); `own_face`, when
  /// given, tells whether `face` has every character (shape() would give one span).
  float measure(std::string_view utf8, FaceKey face, bool* own_face = nullptr);
  std::string face_name(const FaceKey& k) const;

 private:
  // The face that draws `cp`: `key`'s, else the fallback's; a character neither has
  // becomes U+FFFD or '?' in `cp` (and is reported through `missing`).
  FaceKey resolve(char32_t& cp, FaceKey key, std::vector<char32_t>* missing) const;

  // One slot per family and variant, filled on first use; the writers of a batch share
  // faces across threads, hence the once_flag.
  struct Slot {
    std::filesystem::path file;
    std::once_flag once;
    std::shared_ptr<Face> face;
    // `face` once it is there: looked up for nearly every word, a load instead of
    // call_once (face_slow).
    std::atomic<const Face*> ready{nullptr};
  };
  const Face& face_slow(const FaceKey& k) const;

  const PdfStyle& style_;
  std::unique_ptr<Slot[]> slots_;
  int fallback_ = 0;
};

/// Whether `file` starts like a font HarfBuzz can read (TrueType, OpenType or a collection):
/// a cheap check that a style names real fonts without parsing every one of them.
bool looks_like_font(const std::filesystem::path& file);

/// The font file of a HarfBuzz face (a subset, or one made with a face builder), which is
/// released; empty when HarfBuzz cannot serialise it.
std::string take_face_bytes(hb_face_t* face);

/// next_codepoint for a byte at `i` that is not ASCII.
char32_t next_multibyte_codepoint(std::string_view s, std::size_t& i);
/// Decodes one code point from UTF-8 at `i` (advancing it); invalid bytes give U+FFFD.
/// ASCII is decoded inline: every character measured, shaped and written passes here.
inline char32_t next_codepoint(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return next_multibyte_codepoint(s, i);
}
/// Appends a code point as UTF-8.
void append_utf8(std::string& out, char32_t cp);

inline const Face& FontSet::face(const FaceKey& k) const {
  if (k.family >= 0 && static_cast<std::size_t>(k.family) < style_.families.size()) {
    if (const Face* f = slots_[k.index()].ready.load(std::memory_order_acquire)) return *f;
  }
  return face_slow(k);
}

}  // namespace okgen::render::pdf
