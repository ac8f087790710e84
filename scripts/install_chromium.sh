#!/bin/sh
# Headless Chromium and fonts with Arabic glyphs, for the tests that open the HTML graph in a real browser.
# Does nothing when Debian's chromium is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
    chromium chromium-driver fonts-noto-core
