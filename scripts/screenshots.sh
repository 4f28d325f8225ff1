#!/usr/bin/env bash
# Screenshots of the desktop app for the README, from a demo vault (resources/sample's demo
# transcript, with espeak-ng speech as its recording), taken from the real window under Xvfb:
#   scripts/screenshots.sh            builds the CI configuration if needed, writes docs/screenshots/*.png
# Look at every picture before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=lib/packages.sh
. scripts/lib/packages.sh
ensure_packages xvfb xauth espeak-ng sox python3

[ -f build/ci/CMakeCache.txt ] || cmake --preset ci
cmake --build build/ci --target noteward_screenshot_tour

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The demo session as speech: therapist and client in different voices, one file per segment,
# joined in order at 16 kHz mono.
python3 - "$work" <<'PY'
import json, subprocess, sys
work = sys.argv[1]
segments = json.load(open("resources/sample/demo_session.json"))["segments"]
parts = []
for i, s in enumerate(segments):
    voice = "en-gb" if s["speaker"] == "therapist" else "en-gb+f3"
    out = f"{work}/part{i:03d}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", out, s["text"]], check=True)
    parts.append(out)
subprocess.run(["sox", *parts, "-r", "16000", "-c", "1", f"{work}/speech.wav"], check=True)
PY

mkdir -p docs/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
  build/ci/tests/noteward_screenshot_tour --out docs/screenshots \
  --transcript resources/sample/demo_session.json --wav "$work/speech.wav"
