// The memory allocator's arenas, for threads that run beside one document.
#pragma once

namespace okgen::util {

/// Puts the calling thread on the allocator's first arena, the main thread's. jemalloc (which
/// the okgen program is linked with, see OKGEN_JEMALLOC) gives each new thread an arena of its
/// own, and a fresh arena's first pages cost some 600 page faults: 1.5 ms of an
/// `okgen build FILE`, whose check and PDF packing run on a second thread beside the layout.
/// A batch's long-lived workers keep their own arenas (sharing one costs them time in locks).
/// Does nothing with another allocator.
void share_main_arena();

}  // namespace okgen::util
