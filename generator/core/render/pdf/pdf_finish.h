// Finishing a PDF: the objects libharu wrote one by one are packed into compressed object
// streams with a cross-reference stream and a deterministic file identifier (about a
// third of a typical agreement's file is small dictionaries: links, bookmarks, fonts).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct libdeflate_compressor;

namespace okgen::render::pdf {

/// zlib streams (FlateDecode) as finish_pdf makes them, with libdeflate: the same bytes
/// for the same data on any thread. One per thread (a compressor is not shared).
class Deflater {
 public:
  Deflater();
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  std::string operator()(std::string_view in);

 private:
  libdeflate_compressor* c_;
  // Compressed into first, then copied out at its size: a string of the bound's size,
  // zero-filled and then cut, cleared three times the bytes it kept.
  std::string scratch_;
};

/// A stream's data, given to finish_pdf in place of what libharu wrote: as it is (finish_pdf
/// compresses it) or compressed already with a Deflater (the page contents, compressed on a
/// second thread while the rest of the file is emitted).
struct StreamData {
  std::string bytes;
  bool deflated = false;
};

/// Objects written beside libharu as PDF text: the bodies of libharu objects that stand
/// in for them (`replaced`: an object number and its body; libharu wrote an empty
/// dictionary there) and further objects numbered `first`, `first` + 1, ... (which must be
/// the numbers after libharu's last object); they go into object streams with the rest.
struct RawObjects {
  std::vector<std::pair<std::uint64_t, std::string>> replaced;
  std::uint64_t first = 0;
  std::vector<std::string> objects;
};

/// Returns the finished PDF. `streams` gives the data of stream objects by number, in
/// place of what `pdf` holds for them (the page contents are written beside libharu, see
/// pdf_emit.cc). With `two_threads`, a second thread shares the compressing of the streams
/// and object streams with this one (the bytes are the same). Throws PdfError when `pdf` is
/// not laid out as libharu writes files (one cross-reference table, objects in sequence).
std::string finish_pdf(const std::string& pdf, const std::unordered_map<std::uint64_t, StreamData>& streams = {},
                       const RawObjects* raw = nullptr, bool two_threads = false);

}  // namespace okgen::render::pdf
