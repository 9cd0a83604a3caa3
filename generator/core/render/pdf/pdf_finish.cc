// qpdf post-processing (see pdf_finish.h).
#include "render/pdf/pdf_finish.h"

// qpdf 11: use std::shared_ptr everywhere instead of the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include "render/pdf/pdf_emit.h"

namespace okgen::render::pdf {

std::string finish_pdf(const std::string& pdf) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("okgen", pdf.data(), pdf.size());
    QPDFWriter w(q);
    w.setOutputMemory();
    w.setDeterministicID(true);
    // Every stream is compressed already (by libharu); decoding and re-encoding them
    // would double the work.
    w.setStreamDataMode(qpdf_s_preserve);
    w.setObjectStreamMode(qpdf_o_generate);
    w.setMinimumPDFVersion("1.6");
    w.write();
    auto buf = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception& e) {
    throw PdfError(std::string("qpdf could not finish the PDF: ") + e.what());
  }
}

}  // namespace okgen::render::pdf
