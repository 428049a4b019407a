#!/usr/bin/env bash
# Install what the tests need, then run them: Debian's Chromium for the browser tests (Playwright
# drives it; Playwright's own browser download is not used), and kg with its test extras.
# Extra arguments go to pytest (-n 0 runs the tests in one process).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi
python -m pip install -q -e ".[test]"
# One worker a core (pytest-xdist); a file's tests stay on one worker, so that the fixtures a
# module builds once (a hostile folder, reference builds, a crash lab) are built once.
# pytest-benchmark, when a machine has it, warns under xdist; kg's benchmarks are scripts, not tests.
python -m pytest -n auto --dist loadfile -p no:benchmark "$@"
