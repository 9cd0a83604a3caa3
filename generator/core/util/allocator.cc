// Arena choice through jemalloc's mallctl (see allocator.h). The library is not linked
// with jemalloc (the program chooses the allocator), so mallctl is a weak reference: null
// when the program runs on glibc's allocator or a sanitizer's.
#include "util/allocator.h"

#include <cstddef>

extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp, std::size_t newlen)
    __attribute__((weak));

namespace okgen::util {

void share_main_arena() {
  if (!mallctl) return;
  unsigned first = 0;
  // A failure leaves the thread where it was: only a little slower.
  (void)mallctl("thread.arena", nullptr, nullptr, &first, sizeof first);
}

}  // namespace okgen::util
