# One interface target carries the project's warning set, so every library and executable
# opts in with a single target_link_libraries line and third-party code is never affected.
add_library(noteward_warnings INTERFACE)
if(MSVC)
  target_compile_options(noteward_warnings INTERFACE /W4 /permissive-)
  if(NOTEWARD_WERROR)
    target_compile_options(noteward_warnings INTERFACE /WX)
  endif()
else()
  target_compile_options(noteward_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
    -Wimplicit-fallthrough -Wformat=2)
  if(NOTEWARD_WERROR)
    target_compile_options(noteward_warnings INTERFACE -Werror)
  endif()
endif()
