# Release hardening: the binaries hold clinical data in memory, so make memory-corruption
# bugs harder to exploit (stack protector, FORTIFY, full RELRO, PIE). Core dumps are refused
# at run time by noteward::core::hardenProcess() in every non-debug build.
include(CheckPIESupported)
check_pie_supported(LANGUAGES CXX)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

add_library(noteward_hardening INTERFACE)
if(NOT MSVC)
  set(_release_config "$<OR:$<CONFIG:Release>,$<CONFIG:RelWithDebInfo>,$<CONFIG:MinSizeRel>>")
  target_compile_options(noteward_hardening INTERFACE
    "$<${_release_config}:-fstack-protector-strong;-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2;-fstack-clash-protection>")
  if(NOT APPLE)
    target_link_options(noteward_hardening INTERFACE
      "$<${_release_config}:LINKER:-z,relro;LINKER:-z,now;LINKER:-z,noexecstack>")
  endif()
  target_compile_definitions(noteward_hardening INTERFACE
    "$<${_release_config}:NOTEWARD_HARDENED_BUILD=1>")
else()
  target_compile_options(noteward_hardening INTERFACE /GS /guard:cf)
  target_link_options(noteward_hardening INTERFACE /guard:cf /DYNAMICBASE /NXCOMPAT)
  target_compile_definitions(noteward_hardening INTERFACE
    "$<$<NOT:$<CONFIG:Debug>>:NOTEWARD_HARDENED_BUILD=1>")
endif()
