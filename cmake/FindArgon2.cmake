find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_ARGON2 QUIET libargon2)
endif()
find_path(Argon2_INCLUDE_DIR argon2.h HINTS ${PC_ARGON2_INCLUDE_DIRS})
find_library(Argon2_LIBRARY NAMES argon2 libargon2 HINTS ${PC_ARGON2_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Argon2 REQUIRED_VARS Argon2_LIBRARY Argon2_INCLUDE_DIR)

if(Argon2_FOUND AND NOT TARGET Argon2::Argon2)
  add_library(Argon2::Argon2 UNKNOWN IMPORTED)
  set_target_properties(Argon2::Argon2 PROPERTIES
    IMPORTED_LOCATION "${Argon2_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Argon2_INCLUDE_DIR}")
endif()
