#!/usr/bin/env bash
# The desktop app as a screen reader sees it: starts the real app under Xvfb on a demo vault,
# with the AT-SPI accessibility bus, and has scripts/accessibility_check.py walk every screen
# and list controls without an accessible name. Exit status 0: none.
set -euo pipefail
cd "$(dirname "$0")/.."

# From ctest, NOTEWARD_BUILD_DIR names the built tree and scripts/dev.sh has installed the tools.
build=${NOTEWARD_BUILD_DIR:-}
if [ -z "$build" ]; then
# shellcheck source=lib/packages.sh
. scripts/lib/packages.sh
ensure_packages xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi
[ -f build/ci/CMakeCache.txt ] || cmake --preset ci
cmake --build build/ci --target noteward noteward-cli
build=build/ci
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NOTEWARD_PASSPHRASE='accessibility check passphrase'
cli=("$build/app/noteward-cli" --vault "$work/vault")
"${cli[@]}" init >/dev/null
"${cli[@]}" client add --name "Alex Morgan" >/dev/null
client=$("${cli[@]}" --json client list | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
session=$("${cli[@]}" session new --client "$client")
"${cli[@]}" transcript import --session "$session" --file resources/sample/demo_session.json >/dev/null
"${cli[@]}" note draft --session "$session" >/dev/null

inner=$(cat <<'SH'
set -e
/usr/libexec/at-spi-bus-launcher --launch-immediately &
sleep 1
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 QT_QPA_PLATFORM=xcb "$BUILD/app/noteward" --vault "$VAULT" &
app=$!
status=0
/usr/bin/python3 scripts/accessibility_check.py "$NOTEWARD_PASSPHRASE" || status=$?
kill "$app" 2>/dev/null || true
exit $status
SH
)
VAULT="$work/vault" BUILD="$build" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- bash -c "$inner"
