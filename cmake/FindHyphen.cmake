# Finds libhyphen (Debian libhyphen-dev). Defines Hyphen_FOUND and PkgConfig::HYPHEN, the
# same target name pkg-config would give, so callers do not care which way it was found.
find_path(Hyphen_INCLUDE_DIR hyphen.h)
find_library(Hyphen_LIBRARY NAMES hyphen)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Hyphen REQUIRED_VARS Hyphen_LIBRARY Hyphen_INCLUDE_DIR)
if(Hyphen_FOUND AND NOT TARGET PkgConfig::HYPHEN)
  add_library(PkgConfig::HYPHEN UNKNOWN IMPORTED)
  set_target_properties(PkgConfig::HYPHEN PROPERTIES
    IMPORTED_LOCATION "${Hyphen_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Hyphen_INCLUDE_DIR}")
endif()
mark_as_advanced(Hyphen_INCLUDE_DIR Hyphen_LIBRARY)
