# SQLCipher ships no CMake config on Debian; it does ship sqlcipher.pc. The include directory
# is the sqlcipher/ folder itself so that sources write <sqlite3.h> and can never pick up the
# plain SQLite header by accident (the system one lives in /usr/include, searched later).
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_SQLCIPHER QUIET sqlcipher)
endif()
find_path(SQLCipher_INCLUDE_DIR sqlite3.h
  HINTS ${PC_SQLCIPHER_INCLUDE_DIRS}
  PATH_SUFFIXES sqlcipher
  NO_DEFAULT_PATH)
if(NOT SQLCipher_INCLUDE_DIR)
  find_path(SQLCipher_INCLUDE_DIR sqlcipher/sqlite3.h)
  if(SQLCipher_INCLUDE_DIR)
    set(SQLCipher_INCLUDE_DIR "${SQLCipher_INCLUDE_DIR}/sqlcipher" CACHE PATH "" FORCE)
  endif()
endif()
find_library(SQLCipher_LIBRARY NAMES sqlcipher HINTS ${PC_SQLCIPHER_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SQLCipher REQUIRED_VARS SQLCipher_LIBRARY SQLCipher_INCLUDE_DIR)

if(SQLCipher_FOUND AND NOT TARGET SQLCipher::SQLCipher)
  add_library(SQLCipher::SQLCipher UNKNOWN IMPORTED)
  set_target_properties(SQLCipher::SQLCipher PROPERTIES
    IMPORTED_LOCATION "${SQLCipher_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SQLCipher_INCLUDE_DIR}"
    # Declares sqlite3_key() in SQLCipher's header, so the key is passed as bytes rather
    # than inside SQL text.
    INTERFACE_COMPILE_DEFINITIONS "SQLITE_HAS_CODEC")
endif()
