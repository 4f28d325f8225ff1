# Debian's pocketsphinx.pc names /usr/include/sphinxbase, which its packages do not create
# (the headers live under the multiarch folder), so the paths are found here directly.
find_path(PocketSphinx_INCLUDE_DIR pocketsphinx.h PATH_SUFFIXES pocketsphinx)
find_path(SphinxBase_INCLUDE_DIR cmd_ln.h PATH_SUFFIXES sphinxbase "${CMAKE_LIBRARY_ARCHITECTURE}/sphinxbase")
find_path(SphinxBase_CONFIG_INCLUDE_DIR sphinx_config.h
  PATH_SUFFIXES sphinxbase "${CMAKE_LIBRARY_ARCHITECTURE}/sphinxbase" "${CMAKE_LIBRARY_ARCHITECTURE}")
find_library(PocketSphinx_LIBRARY NAMES pocketsphinx)
find_library(SphinxBase_LIBRARY NAMES sphinxbase)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PocketSphinx
  REQUIRED_VARS PocketSphinx_LIBRARY SphinxBase_LIBRARY PocketSphinx_INCLUDE_DIR SphinxBase_INCLUDE_DIR)

if(PocketSphinx_FOUND AND NOT TARGET PocketSphinx::PocketSphinx)
  add_library(PocketSphinx::PocketSphinx UNKNOWN IMPORTED)
  set_target_properties(PocketSphinx::PocketSphinx PROPERTIES
    IMPORTED_LOCATION "${PocketSphinx_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "${SphinxBase_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES
      "${PocketSphinx_INCLUDE_DIR};${SphinxBase_INCLUDE_DIR};${SphinxBase_CONFIG_INCLUDE_DIR};${SphinxBase_INCLUDE_DIR}/..")
endif()
