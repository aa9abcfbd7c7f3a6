#!/usr/bin/env bash
# Unpacks Debian's Thunderbird 140 ESR beside the installed one (which stays the newest ESR), so the
# e2e can run on the oldest Thunderbird that Debian still offers. The manifest claims 128 and newer;
# 128 is no longer packaged, so 140 is the oldest we can run. Idempotent; needs apt lists (apt-get update).
set -euo pipefail
dest=/opt/thunderbird-140
[ -x "$dest/usr/lib/thunderbird/thunderbird" ] && exit 0
version=$(apt-cache madison thunderbird | awk '{print $3}' | grep '^1:140\.' | head -n 1 || true)
if [ -z "$version" ]; then
  echo "thunderbird-esr140: no 140 ESR package in the apt lists (run apt-get update)" >&2
  exit 1
fi
tmp=$(mktemp -d)
(cd "$tmp" && apt-get download -q "thunderbird=$version")
dpkg -x "$tmp"/thunderbird_*.deb "$dest"
rm -rf "$tmp"
