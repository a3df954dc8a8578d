#!/bin/sh
# Makes sure the headless browser the end-to-end tests drive is installed: Debian's chromium and its
# matching chromedriver. Run by the Maven build before the tests. It never fails the build: when the browser
# cannot be installed (not root, no apt-get), the browser tests skip themselves and say why.
set -u

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) and chromedriver present"
    exit 0
fi

if [ "$(id -u)" != "0" ]; then
    echo "ensure-chromium: chromium/chromedriver missing and not root: browser tests will be skipped"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: chromium/chromedriver missing and no apt-get: browser tests will be skipped"
    exit 0
fi

echo "ensure-chromium: installing chromium and chromium-driver with apt-get"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -q && apt-get install -y -q --no-install-recommends chromium chromium-driver; then
    echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null)"
else
    echo "ensure-chromium: apt-get could not install chromium: browser tests will be skipped"
fi
exit 0
