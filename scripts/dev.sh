#!/usr/bin/env bash
# The two set-up commands of the README, for a fresh Debian 12 machine:
#   scripts/dev.sh run    install dependencies, build a release, start the desktop app
#   scripts/dev.sh test   install dependencies, build the CI configuration, run every test
# Runs as root (as CI does) or through sudo. Everything the project needs is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # toolchain
  g++ cmake ninja-build pkgconf
  # libraries (see cmake/Dependencies.cmake)
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libgl-dev
  libsqlcipher-dev libssl-dev libargon2-dev libcurl4-openssl-dev nlohmann-json3-dev portaudio19-dev
  libasound2-dev libjack-jackd2-dev
  libopus-dev libsamplerate0-dev libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us
  # pocketsphinx_continuous: the reference figure of bench speech
  pocketsphinx
  # used by tests and benchmarks: the plain sqlite3 tool (must fail to read a vault),
  # openssl speed (bench crypto reference), setsid (CLI without a terminal)
  sqlite3 openssl util-linux
  # speech synthesis and conversion feed the real PortAudio capture tests
  espeak-ng sox
  # local stand-ins for AI providers in the tests, and the sync server's HTTP
  libcpp-httplib-dev
  # the sync server's production store (libpq), and the PostgreSQL server its tests start
  # on loopback (with pg_dump / pg_restore for the backup test)
  libpq-dev postgresql-15
  # the sync server's load benchmark (scripts/syncd-load.sh)
  wrk
  # the desktop app under a real X server with the accessibility bus (the AT-SPI check)
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi
)

# shellcheck source=lib/packages.sh
. scripts/lib/packages.sh
install_dependencies() { ensure_packages "${packages[@]}"; }

case "${1:-}" in
  run)
    shift
    install_dependencies
    cmake --workflow --preset release
    exec build/release/app/noteward "$@"
    ;;
  test)
    install_dependencies
    cmake --workflow --preset ci
    ;;
  *)
    echo "usage: scripts/dev.sh run|test" >&2
    exit 2
    ;;
esac
