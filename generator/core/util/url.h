// The one check every link target passes, wherever it comes from (a Markdown link, an
// href attribute, a generated cross reference) and wherever it goes (HTML, PDF annotations).
#pragma once

#include <string>
#include <string_view>

namespace okgen::util {

/// True for link targets okgen keeps: http, https, mailto, tel, and scheme-less relative
/// references. Judged after removing what browsers ignore in a URL (spaces, tabs, control
/// characters), so "java\tscript:" is recognised as what a browser would run.
bool is_safe_url(std::string_view url);

/// `url` when it is safe, otherwise empty: writers call this at the point of output, so a
/// model built by other code than the loader cannot smuggle a script into a page either.
std::string safe_href(std::string_view url);

}  // namespace okgen::util
