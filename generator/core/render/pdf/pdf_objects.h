// Small helpers over libharu's object API (hpdf_objects.h), shared by the writers of
// fonts, links and document metadata: indirect dictionaries, PDF text strings (as libharu
// objects and as PDF text), integer arrays and object numbers.
#pragma once

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <string>
#include <vector>

namespace okgen::render::pdf {

/// A new dictionary registered as an indirect object; null when libharu fails.
HPDF_Dict new_indirect_dict(HPDF_Doc pdf);

/// A PDF text string for UTF-8 text: PDFDocEncoding (one byte per character) when every
/// character is ASCII or Latin-1 (Swedish text always is), else UTF-16BE with a byte
/// order mark.
/// (An HPDF_String or HPDF_Binary, for HPDF_Dict_Add.)
void* new_text_string(HPDF_Doc pdf, const std::string& utf8);

/// The same text string written as PDF source, for objects written beside libharu
/// (pdf_finish's RawObjects): a literal string, bytes above ASCII as octal escapes, or
/// <FEFF...> hex.
void append_text_string(std::string& out, const std::string& utf8);

/// A PDF literal string of ASCII text (delimiters escaped), written as PDF source.
void append_literal(std::string& out, const std::string& ascii);

/// Appends `v` in decimal, without a temporary string (the structure tree writes thousands).
void append_integer(std::string& out, long long v);

/// The object number libharu gave an indirect object (a page, a dictionary).
std::uint64_t object_number(const void* obj);

/// Appends a reference "N 0 R" to object `num`.
void append_reference(std::string& out, std::uint64_t num);

/// Appends an explicit destination [page 0 R /XYZ 0 top null]: `top` at the top of the
/// window, the reader's zoom kept.
void append_destination(std::string& out, const void* page, float top);

/// UTF-16BE hex of a code point ("00E5", a surrogate pair above U+FFFF), as ToUnicode
/// values and hex text strings are written.
std::string utf16_hex(char32_t cp);

/// An array of integers.
HPDF_Array new_int_array(HPDF_Doc pdf, const std::vector<int>& values);

}  // namespace okgen::render::pdf
