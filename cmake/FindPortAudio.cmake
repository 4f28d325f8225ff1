find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_PORTAUDIO QUIET portaudio-2.0)
endif()
find_path(PortAudio_INCLUDE_DIR portaudio.h HINTS ${PC_PORTAUDIO_INCLUDE_DIRS})
find_library(PortAudio_LIBRARY NAMES portaudio HINTS ${PC_PORTAUDIO_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PortAudio REQUIRED_VARS PortAudio_LIBRARY PortAudio_INCLUDE_DIR)

if(PortAudio_FOUND AND NOT TARGET PortAudio::PortAudio)
  add_library(PortAudio::PortAudio UNKNOWN IMPORTED)
  set_target_properties(PortAudio::PortAudio PROPERTIES
    IMPORTED_LOCATION "${PortAudio_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PortAudio_INCLUDE_DIR}")
endif()
