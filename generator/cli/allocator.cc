// jemalloc's settings for the okgen program (linked only when OKGEN_JEMALLOC is on).
//
// retain:false gives address space the allocator no longer uses back to the system instead
// of keeping it mapped for reuse. A national batch (311 agreements, bench/README.md) frees
// each agreement's layout, some tens of megabytes in total, while the next is being laid
// out on the other core; with the default the freed extents stay mapped and the peak
// resident memory was 100-120 MB for a live heap of about 55 MB; with this setting about
// 95 MB, at the same speed. The MALLOC_CONF environment variable still overrides it.
extern "C" {
// NOLINTNEXTLINE: the name is jemalloc's (its documented compile-time configuration symbol).
const char* malloc_conf = "retain:false";
}
