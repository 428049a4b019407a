#!/usr/bin/env bash
# Install what the tests need, then run them: Debian's Chromium for the browser tests (Playwright
# drives it; Playwright's own browser download is not used), and kg with its test extras.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi
python -m pip install -q -e ".[test]"
python -m pytest "$@"
