# Every third-party dependency is found here, once. Debian provides pkg-config files for the
# C libraries; vcpkg (Windows, macOS) provides them too, with find_library as the fallback.
find_package(PkgConfig REQUIRED)
find_package(OpenSSL 3.0 REQUIRED)
find_package(CURL 7.68 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Concurrent Test LinguistTools)

find_package(SQLCipher REQUIRED)
find_package(Argon2 REQUIRED)
find_package(PortAudio REQUIRED)

pkg_check_modules(OPUS REQUIRED IMPORTED_TARGET opus)
add_library(Opus::Opus ALIAS PkgConfig::OPUS)
pkg_check_modules(SAMPLERATE REQUIRED IMPORTED_TARGET samplerate)
add_library(SampleRate::SampleRate ALIAS PkgConfig::SAMPLERATE)
find_package(PocketSphinx REQUIRED)
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  pkg_check_modules(ALSA REQUIRED IMPORTED_TARGET alsa)
  pkg_check_modules(JACK REQUIRED IMPORTED_TARGET jack)
endif()
