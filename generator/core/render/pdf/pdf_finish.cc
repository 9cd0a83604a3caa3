// Packing libharu's output into object streams (see pdf_finish.h).
//
// libharu writes every object on its own with a classic cross-reference table. About a
// third of an agreement's objects are small dictionaries (link annotations, bookmarks,
// font dictionaries), so the file is rewritten here with those objects in compressed
// object streams and a cross-reference stream (PDF 32000 7.5.7, 7.5.8). Stream objects
// keep their numbers, so every reference stays valid; they are compressed here (libharu
// writes them plain), with libdeflate. This was done with qpdf (QPDFWriter) before; qpdf
// parses and re-serialises every object, which took a third of the time of a whole PDF.
#include "render/pdf/pdf_finish.h"

#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "render/pdf/pdf_emit.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/text.h"

namespace okgen::render::pdf {
namespace {

// qpdf packs 100 objects per stream; a tagged PDF's structure elements compress 3 % better
// 400 at a time, and a reader still finds an object by inflating one stream of some 30 KB.
constexpr std::size_t kObjectsPerStream = 400;

[[noreturn]] void fail(const char* what) { throw PdfError(std::string("cannot pack the PDF: ") + what); }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// Parses an unsigned decimal at `at`, advancing it.
std::uint64_t number(std::string_view s, std::size_t& at) {
  if (at >= s.size() || s[at] < '0' || s[at] > '9') fail("a number was expected");
  std::uint64_t v = 0;
  while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
    v = v * 10 + static_cast<std::uint64_t>(s[at] - '0');
    if (v > (1ull << 40)) fail("a number is out of range");
    ++at;
  }
  return v;
}

// "/Key N 0 R" in the trailer: the object number, or 0.
std::uint64_t trailer_ref(std::string_view trailer, std::string_view key) {
  const std::size_t at = trailer.find(key);
  if (at == std::string_view::npos) return 0;
  std::size_t i = at + key.size();
  while (i < trailer.size() && is_space(trailer[i])) ++i;
  return number(trailer, i);
}

struct Object {
  std::uint64_t num = 0;
  std::size_t offset = 0;
  std::string_view body;  // between "N 0 obj" and "endobj", trimmed
  bool stream = false;
};

// The objects of a PDF as libharu writes it: one classic cross-reference section for
// objects 0..Size-1, all generation 0, each object followed by the next.
std::vector<Object> read_objects(std::string_view pdf, std::string_view& trailer) {
  const std::size_t sx = pdf.rfind("startxref");
  if (sx == std::string_view::npos) fail("no startxref");
  std::size_t i = sx + 9;
  while (i < pdf.size() && is_space(pdf[i])) ++i;
  const std::size_t xref = static_cast<std::size_t>(number(pdf, i));
  if (xref >= sx || pdf.substr(xref, 4) != "xref") fail("no cross-reference table");
  i = xref + 4;
  while (i < pdf.size() && is_space(pdf[i])) ++i;
  if (number(pdf, i) != 0) fail("the cross-reference table does not start at 0");
  while (i < pdf.size() && is_space(pdf[i])) ++i;
  const std::size_t count = static_cast<std::size_t>(number(pdf, i));
  while (i < pdf.size() && is_space(pdf[i])) ++i;
  if (count == 0 || i + count * 20 > pdf.size()) fail("the cross-reference table is cut short");
  std::vector<Object> objects;
  for (std::size_t n = 1; n < count; ++n) {
    std::size_t e = i + n * 20;
    if (pdf[e + 17] != 'n') continue;
    Object o;
    o.num = n;
    o.offset = static_cast<std::size_t>(number(pdf, e));
    if (o.offset >= xref) fail("an object lies after the cross-reference table");
    objects.push_back(o);
  }
  trailer = pdf.substr(i + count * 20);
  std::sort(objects.begin(), objects.end(), [](const Object& a, const Object& b) { return a.offset < b.offset; });
  for (std::size_t k = 0; k < objects.size(); ++k) {
    Object& o = objects[k];
    const std::size_t end = k + 1 < objects.size() ? objects[k + 1].offset : xref;
    std::string_view text = pdf.substr(o.offset, end - o.offset);
    const std::size_t head = text.find("obj");
    if (head == std::string_view::npos) fail("an object has no header");
    std::string_view body = util::trim(text.substr(head + 3));
    if (!util::ends_with(body, "endobj")) fail("an object has no end");
    o.body = util::trim(body.substr(0, body.size() - 6));
    o.stream = util::ends_with(o.body, "endstream");
  }
  return objects;
}

void append_be(std::string& out, std::uint64_t v, int width) {
  for (int b = width - 1; b >= 0; --b) out.push_back(static_cast<char>((v >> (8 * b)) & 0xFF));
}

int width_for(std::uint64_t v) {
  int w = 1;
  while (w < 8 && (v >> (8 * w)) != 0) ++w;
  return w;
}

// The file's /ID: only has to differ between different files and repeat for the same.
std::string file_id(std::string_view bytes) {
  const util::Digest128 d = util::digest128(bytes);
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llX%016llX", static_cast<unsigned long long>(d.a),
                static_cast<unsigned long long>(d.b));
  return hex;
}

// A stream object as libharu writes it: "<< ... /Length N 0 R ... >>\nstream\r\n" data
// "\nendstream". Its dictionary without the "<<" and ">>", and where the data starts.
struct StreamParts {
  std::string_view dict;
  std::size_t data_at = 0;
  // "/Length N 0 R" in `dict`: where it starts and ends, and N (the object that only holds
  // the length, no longer needed once the length is direct).
  std::size_t length_at = 0, length_end = 0;
  std::uint64_t length_obj = 0;
};

StreamParts stream_parts(std::string_view body) {
  StreamParts p;
  const std::size_t head_end = body.find(">>\nstream\r\n");
  if (body.substr(0, 2) != "<<" || head_end == std::string_view::npos || !util::ends_with(body, "\nendstream")) {
    fail("a stream is not laid out as expected");
  }
  p.dict = body.substr(2, head_end - 2);
  p.data_at = head_end + 11;
  if (p.data_at + 10 > body.size()) fail("a stream is cut short");
  p.length_at = p.dict.find("/Length ");
  if (p.length_at == std::string_view::npos) fail("a stream has no length");
  std::size_t i = p.length_at + 8;
  p.length_obj = number(p.dict, i);
  if (p.dict.substr(i, 4) != " 0 R") fail("a stream's length is not a reference");
  p.length_end = i + 4;
  return p;
}

// The stream object with a direct length. Streams without a filter are compressed here
// (page contents, fonts, maps) except the XMP metadata, which archives want readable; a
// replacement compressed already only gets its filter named.
std::string finish_stream(std::string_view body, const StreamData* replacement, Deflater& deflate) {
  const StreamParts p = stream_parts(body);
  const std::string_view data =
      replacement ? std::string_view(replacement->bytes) : body.substr(p.data_at, body.size() - 10 - p.data_at);
  const bool deflated = replacement && replacement->deflated;
  if (deflated && p.dict.find("/Filter") != std::string_view::npos) fail("a compressed stream already names a filter");
  const bool compress =
      !deflated && p.dict.find("/Filter") == std::string_view::npos && p.dict.find("/Metadata") == std::string_view::npos;
  std::string compressed;
  if (compress) compressed = deflate(data);
  const std::string_view packed = compress ? std::string_view(compressed) : data;
  std::string out = "<<";
  out.append(p.dict.substr(0, p.length_at));  // the dictionary without its /Length entry
  out.append(p.dict.substr(p.length_end));
  if (compress || deflated) out += "/Filter /FlateDecode\n";
  out += "/Length " + std::to_string(packed.size()) + "\n>>\nstream\n";
  out += packed;
  out += "\nendstream";
  return out;
}

}  // namespace

// libdeflate: faster than zlib at the same level and a little smaller. Level 6: level 9
// saves 0.7 % of a typical file for 6 % more time.
constexpr int kDeflateLevel = 6;

Deflater::Deflater() : c_(libdeflate_alloc_compressor(kDeflateLevel)) {
  if (!c_) fail("cannot allocate a compressor");
}

Deflater::~Deflater() { libdeflate_free_compressor(c_); }

std::string Deflater::operator()(std::string_view in) {
  const std::size_t bound = libdeflate_zlib_compress_bound(c_, in.size());
  if (scratch_.size() < bound) scratch_.resize(bound);
  const std::size_t n = libdeflate_zlib_compress(c_, in.data(), in.size(), scratch_.data(), bound);
  if (n == 0) fail("compression failed");
  return scratch_.substr(0, n);
}

std::string finish_pdf(const std::string& input, const std::unordered_map<std::uint64_t, StreamData>& streams,
                       const RawObjects* raw, bool two_threads) {
  const std::string_view pdf(input);
  std::string_view trailer;
  const std::vector<Object> objects = read_objects(pdf, trailer);
  const std::uint64_t root = trailer_ref(trailer, "/Root");
  const std::uint64_t info = trailer_ref(trailer, "/Info");
  if (root == 0) fail("the trailer names no catalog");
  std::uint64_t size = 1;
  for (const auto& o : objects) size = std::max(size, o.num + 1);
  if (raw && !raw->objects.empty()) {
    if (raw->first != size) fail("the objects written beside libharu are not numbered after its own");
    size += raw->objects.size();
  }

  // Where each object ends up: type 1 (offset in the file) or 2 (object stream, index).
  struct Entry {
    int type = 0;
    std::uint64_t field2 = 0, field3 = 0;
  };
  std::vector<Entry> entries(size);

  // Streams (page contents, fonts) are written first; the other objects go into object
  // streams, built here and compressed below.
  std::vector<const Object*> stream_objects;
  for (const auto& o : objects) {
    if (o.stream) stream_objects.push_back(&o);
  }
  // The objects that only held a stream's length (finish_stream makes the lengths direct).
  std::set<std::uint64_t> lengths;
  for (const Object* o : stream_objects) lengths.insert(stream_parts(o->body).length_obj);
  std::vector<const Object*> packed;
  for (const auto& o : objects) {
    if (!o.stream && !lengths.count(o.num)) packed.push_back(&o);
  }
  // The objects written beside libharu join them (views into `raw`, which outlives this).
  std::vector<Object> extra;
  if (raw) {
    extra.reserve(raw->objects.size());
    for (std::size_t k = 0; k < raw->objects.size(); ++k) extra.push_back(Object{raw->first + k, 0, raw->objects[k], false});
    for (auto& o : extra) packed.push_back(&o);
  }
  std::unordered_map<std::uint64_t, std::string_view> replaced;
  if (raw) {
    for (const auto& [num, body] : raw->replaced) replaced.emplace(num, body);
  }
  std::size_t replaced_found = 0;
  std::uint64_t next = size;
  struct ObjectStream {
    std::uint64_t num;
    std::size_t count, first;
    std::string data;  // plain until compressed below
  };
  std::vector<ObjectStream> object_streams;
  for (std::size_t first = 0; first < packed.size(); first += kObjectsPerStream) {
    const std::size_t n = std::min(kObjectsPerStream, packed.size() - first);
    const std::uint64_t stream_num = next++;
    std::string header, data;
    for (std::size_t k = 0; k < n; ++k) {
      const Object& o = *packed[first + k];
      header += std::to_string(o.num) + " " + std::to_string(data.size()) + " ";
      auto body = replaced.find(o.num);
      if (body == replaced.end()) {
        data.append(o.body);
      } else {
        data.append(body->second);
        ++replaced_found;
      }
      data.push_back('\n');
      entries[o.num] = Entry{2, stream_num, k};
    }
    object_streams.push_back(ObjectStream{stream_num, n, header.size(), header + data});
  }
  // Each replacement lands on one of libharu's objects, and no object is replaced twice.
  if (raw && replaced_found != raw->replaced.size()) {
    fail("an object written beside libharu replaces none of its objects, or one replaced twice");
  }
  entries.resize(next);

  // Compressing, some 20 % of a PDF's time: the streams (fonts, maps, and the page contents
  // unless they come compressed) and the object streams, each on its own, taken in order by
  // this thread and, with two_threads, a second one. The bytes do not depend on which.
  std::vector<std::string> finished(stream_objects.size());
  const std::size_t items = stream_objects.size() + object_streams.size();
  std::atomic<std::size_t> next_item{0};
  auto compress_items = [&] {
    Deflater deflate;
    for (std::size_t k; (k = next_item++) < items;) {
      if (k < stream_objects.size()) {
        const Object& o = *stream_objects[k];
        auto replacement = streams.find(o.num);
        finished[k] = finish_stream(o.body, replacement == streams.end() ? nullptr : &replacement->second, deflate);
      } else {
        std::string& data = object_streams[k - stream_objects.size()].data;
        data = deflate(data);
      }
    }
  };
  {
    // The helper reads and fills the vectors above: it is declared after them.
    std::optional<util::Helper> helper;
    if (two_threads) helper.emplace(compress_items);
    compress_items();
    if (helper) helper->wait();
  }
  Deflater deflate;

  std::string out = "%PDF-1.6\n%\xB7\xBE\xAD\xAA\n";
  out.reserve(input.size() / 2);
  for (std::size_t k = 0; k < stream_objects.size(); ++k) {
    const Object& o = *stream_objects[k];
    entries[o.num] = Entry{1, out.size(), 0};
    out += std::to_string(o.num) + " 0 obj\n";
    out += finished[k];
    out += "\nendobj\n";
  }
  for (const ObjectStream& os : object_streams) {
    entries[os.num] = Entry{1, out.size(), 0};
    out += std::to_string(os.num) + " 0 obj\n<< /Type /ObjStm /N " + std::to_string(os.count) + " /First " +
           std::to_string(os.first) + " /Filter /FlateDecode /Length " + std::to_string(os.data.size()) +
           " >>\nstream\n";
    out += os.data;
    out += "\nendstream\nendobj\n";
  }

  // The cross-reference stream, which also carries the trailer's entries.
  const std::uint64_t xref_num = next++;
  entries.resize(next);
  const std::size_t xref_offset = out.size();
  entries[xref_num] = Entry{1, xref_offset, 0};
  std::uint64_t max2 = 0, max3 = 0xFFFF;
  for (const auto& e : entries) {
    max2 = std::max(max2, e.field2);
    max3 = std::max(max3, e.field3);
  }
  const int w2 = width_for(max2), w3 = width_for(max3);
  std::string table;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const Entry& e = entries[k];
    if (k == 0) {
      append_be(table, 0, 1);
      append_be(table, 0, w2);
      append_be(table, 0xFFFF, w3);  // the head of the free list
    } else if (e.type == 0) {
      append_be(table, 0, 1);
      append_be(table, 0, w2);
      append_be(table, 0, w3);
    } else {
      append_be(table, static_cast<std::uint64_t>(e.type), 1);
      append_be(table, e.field2, w2);
      append_be(table, e.field3, w3);
    }
  }
  // PNG "Up" prediction (each row as its difference from the row above, PDF 32000-1
  // 7.4.4.4), as qpdf writes it: neighbouring entries differ in their last bytes only, so
  // the table compresses to a fraction (a tagged agreement has two thousand entries).
  const std::size_t columns = static_cast<std::size_t>(1 + w2 + w3);
  std::string predicted;
  predicted.reserve(table.size() + table.size() / columns);
  for (std::size_t row = 0; row < table.size(); row += columns) {
    predicted.push_back(2);  // the row's filter type: Up
    for (std::size_t c = 0; c < columns; ++c) {
      const unsigned char above = row >= columns ? static_cast<unsigned char>(table[row - columns + c]) : 0;
      predicted.push_back(static_cast<char>(static_cast<unsigned char>(table[row + c]) - above));
    }
  }
  const std::string packed_table = deflate(predicted);
  const std::string id = file_id(out);
  out += std::to_string(xref_num) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(entries.size()) + " /W [ 1 " +
         std::to_string(w2) + " " + std::to_string(w3) + " ] /Root " + std::to_string(root) + " 0 R" +
         (info ? " /Info " + std::to_string(info) + " 0 R" : std::string()) + " /ID [ <" + id + "> <" + id +
         "> ] /Filter /FlateDecode /DecodeParms << /Columns " + std::to_string(columns) +
         " /Predictor 12 >> /Length " + std::to_string(packed_table.size()) + " >>\nstream\n";
  out += packed_table;
  out += "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace okgen::render::pdf
