#!/usr/bin/env bash
# Usage: test/support/ensure-apt-tool.sh COMMAND DEBIAN_PACKAGE
# Makes COMMAND available, installing DEBIAN_PACKAGE from Debian's archive when it is missing (the
# tests call this; so does .ci/run, before the suite). As root it runs apt-get itself; otherwise
# through `sudo -n` when sudo needs no password (GitHub's hosted runners). Exits 0 when COMMAND runs
# afterwards, 1 with a message saying why not (no apt-get, neither root nor password-less sudo, the
# install failed): the tests then skip with that message instead of passing silently.
set -uo pipefail
command="$1"
package="$2"
if command -v "$command" >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$command is missing and there is no apt-get to install $package" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true >/dev/null 2>&1; then
    echo "$command is missing; install it with: sudo apt-get install -y $package" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
# One install at a time: two test files may ask at once.
exec 9>/tmp/cliffless-apt.lock
flock 9
if command -v "$command" >/dev/null 2>&1; then exit 0; fi
log=$(mktemp)
if ! { "${as_root[@]}" apt-get update &&
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"; } >"$log" 2>&1; then
  echo "could not install $package for $command:" >&2
  tail -5 "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
command -v "$command" >/dev/null 2>&1 || { echo "$package installed but $command is still missing" >&2; exit 1; }
