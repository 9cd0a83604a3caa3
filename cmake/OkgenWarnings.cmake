# Per-target warning flags (fmt/ninja practice): strict for our code, never for third-party headers.
function(okgen_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
  if(OKGEN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
