// The PDF writer as the registry knows it ("pdf", and "layout", its layout dump as text):
// PdfWriters pooled for the worker threads of a build.
#include <mutex>

#include "render/pdf/pdf_emit.h"
#include "render/pdf/pdf_writer.h"
#include "util/parallel.h"

namespace okgen::render::pdf {
namespace {

// Each document takes a free PdfWriter (a writer keeps state, such as the paragraphs it has
// broken into lines, and is not shared at once); another is made when none is free.
class PooledPdfWriter : public DocumentWriter {
 public:
  PooledPdfWriter(const Resources& res, std::unique_ptr<PdfWriter> first, bool dump) : res_(res), dump_(dump) {
    files_ = first->files_read();
    first_ = first.get();
    free_.push_back(std::move(first));
  }

  WrittenFile write(const compose::Doc& doc, const std::string& source, diag::DiagnosticSink& found) override {
    // The writer goes back to the pool however render() ends.
    struct Lease {
      PooledPdfWriter& pool;
      std::unique_ptr<PdfWriter> writer;
      ~Lease() {
        if (writer) pool.release(std::move(writer));
      }
    } lease{*this, acquire()};
    if (!lease.writer) throw PdfError("the PDF style could not be loaded again");
    PdfResult r = lease.writer->render(doc, source, found, dump_, util::SpareCore::here());
    WrittenFile out;
    out.bytes = dump_ ? std::move(r.layout_dump) : std::move(r.pdf);
    out.pages = r.pages;
    return out;
  }

  std::vector<std::filesystem::path> files_read() const override { return files_; }

  // The first writer's patterns (a document that needs them meanwhile waits for them). The
  // pool keeps its writers to the end, so the first is there even while it is lent out.
  void prepare() override { first_->prepare(); }

 private:
  std::unique_ptr<PdfWriter> acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        auto w = std::move(free_.back());
        free_.pop_back();
        return w;
      }
    }
    diag::DiagnosticSink ignored;  // the style was checked by the first writer
    diag::SourceRegistry scratch;
    return PdfWriter::create(res_, ignored, scratch);
  }
  void release(std::unique_ptr<PdfWriter> w) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(w));
  }

  const Resources& res_;
  const bool dump_;
  std::vector<std::filesystem::path> files_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<PdfWriter>> free_;
  const PdfWriter* first_ = nullptr;
};

std::unique_ptr<DocumentWriter> pooled(const Resources& res, diag::DiagnosticSink& sink, diag::SourceRegistry& sources,
                                       bool dump) {
  auto first = PdfWriter::create(res, sink, sources);
  if (!first) return nullptr;
  return std::make_unique<PooledPdfWriter>(res, std::move(first), dump);
}

}  // namespace

std::unique_ptr<DocumentWriter> make_writer(const Resources& res, diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  return pooled(res, sink, sources, false);
}

std::unique_ptr<DocumentWriter> make_layout_writer(const Resources& res, diag::DiagnosticSink& sink,
                                                   diag::SourceRegistry& sources) {
  return pooled(res, sink, sources, true);
}

}  // namespace okgen::render::pdf
