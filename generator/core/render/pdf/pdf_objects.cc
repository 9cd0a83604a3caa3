// libharu object helpers (see pdf_objects.h).
#include "render/pdf/pdf_objects.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "render/pdf/font_set.h"

namespace okgen::render::pdf {

HPDF_Dict new_indirect_dict(HPDF_Doc pdf) {
  HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
  if (d && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) return nullptr;
  return d;
}

std::string utf16_hex(char32_t cp) {
  char buf[16];
  if (cp < 0x10000) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  } else {
    char32_t v = cp - 0x10000;
    std::snprintf(buf, sizeof buf, "%04X%04X", static_cast<unsigned>(0xD800 + (v >> 10)),
                  static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
  }
  return buf;
}

namespace {

// One character of a literal string: the delimiters and the escape character escaped.
void append_literal_char(std::string& out, char c) {
  if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
  out.push_back(c);
}

// PDFDocEncoding agrees with Latin-1 on printable ASCII and A1..FF (but not AD).
bool doc_encodable(char32_t cp) { return (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD); }

std::vector<char32_t> codepoints(const std::string& utf8, bool& latin1) {
  std::vector<char32_t> cps;
  latin1 = true;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_codepoint(utf8, i);
    cps.push_back(cp);
    if (!doc_encodable(cp)) latin1 = false;
  }
  return cps;
}

}  // namespace

void* new_text_string(HPDF_Doc pdf, const std::string& utf8) {
  bool latin1 = true;
  const std::vector<char32_t> cps = codepoints(utf8, latin1);
  if (latin1) {
    // A literal string: libharu escapes the bytes above ASCII, shorter than hex.
    std::string bytes;
    for (char32_t cp : cps) bytes.push_back(static_cast<char>(cp));
    return HPDF_String_New(pdf->mmgr, bytes.c_str(), nullptr);
  }
  std::vector<HPDF_BYTE> bytes = {0xFE, 0xFF};
  auto unit = [&](unsigned u) {
    bytes.push_back(static_cast<HPDF_BYTE>(u >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
  };
  for (char32_t cp : cps) {
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(static_cast<unsigned>(cp));
    }
  }
  return HPDF_Binary_New(pdf->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

void append_text_string(std::string& out, const std::string& utf8) {
  bool latin1 = true;
  const std::vector<char32_t> cps = codepoints(utf8, latin1);
  if (!latin1) {
    out += "<FEFF";
    for (char32_t cp : cps) out += utf16_hex(cp);
    out.push_back('>');
    return;
  }
  out.push_back('(');
  for (char32_t cp : cps) {
    if (cp >= 0x80) {
      char oct[16];
      std::snprintf(oct, sizeof oct, "\\%03o", static_cast<unsigned>(cp));
      out += oct;
    } else {
      append_literal_char(out, static_cast<char>(cp));
    }
  }
  out.push_back(')');
}

void append_literal(std::string& out, const std::string& ascii) {
  out.push_back('(');
  for (char c : ascii) append_literal_char(out, c);
  out.push_back(')');
}

void append_integer(std::string& out, long long v) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out.append(buf, static_cast<std::size_t>(end - buf));
}

std::uint64_t object_number(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF; }

void append_reference(std::string& out, std::uint64_t num) {
  append_integer(out, static_cast<long long>(num));
  out += " 0 R";
}

void append_destination(std::string& out, const void* page, float top) {
  out.push_back('[');
  append_reference(out, object_number(page));
  out += "/XYZ 0 ";
  // Whole points: a destination a fraction of a point off is the same place on screen.
  append_integer(out, std::lround(top));
  out += " null]";
}

HPDF_Array new_int_array(HPDF_Doc pdf, const std::vector<int>& values) {
  HPDF_Array a = HPDF_Array_New(pdf->mmgr);
  if (!a) return nullptr;
  for (int v : values) HPDF_Array_AddNumber(a, v);
  return a;
}

}  // namespace okgen::render::pdf
