#!/usr/bin/env bash
# Usage: test/support/ensure-apt-tool.sh COMMAND DEBIAN_PACKAGE
# Makes COMMAND available, installing DEBIAN_PACKAGE from the distribution's archive when it is
# missing (the tests call this; so do .ci/run and the test workflow, before the suite).
#   - COMMAND already on PATH: nothing else happens (no apt-get, no sudo).
#   - root (a container, this machine): runs apt-get itself; sudo is never needed nor asked for.
#   - not root (GitHub's hosted runners): through `sudo -n`, which works only where sudo needs no
#     password; sudo missing, or asking for a password, is a refusal with the command to run.
# Exits 0 when COMMAND runs afterwards; 1 with a message on stderr saying why not (no apt-get, no
# way to become root, the install failed, the package did not provide COMMAND): the tests then skip
# with that message instead of passing silently. 2 on a wrong number of arguments.
# test/tooling/ensure-apt-tool.test.ts runs every branch against stand-in apt-get, sudo and id.
set -uo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: ensure-apt-tool.sh COMMAND DEBIAN_PACKAGE" >&2
  exit 2
fi
command="$1"
package="$2"
if command -v "$command" >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$command is missing and there is no apt-get to install $package; install it with the system's package manager" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "$command is missing, this user is not root and there is no sudo; as root, run: apt-get install -y $package" >&2
    exit 1
  fi
  if ! sudo -n true >/dev/null 2>&1; then
    echo "$command is missing and sudo asks for a password; run: sudo apt-get install -y $package" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
# `"${as_root[@]}"` of an empty array is an unbound-variable error under `set -u` in bash < 4.4.
root_prefix() { ${as_root[@]+"${as_root[@]}"} "$@"; }
# One install at a time (two test files may ask at once; apt-get would fail on dpkg's lock). The
# lock file is per user so that a file left by root never blocks another user from opening it.
lock="${TMPDIR:-/tmp}/cliffless-apt-$(id -u).lock"
if command -v flock >/dev/null 2>&1 && { exec 9>>"$lock"; } 2>/dev/null; then
  flock 9
  if command -v "$command" >/dev/null 2>&1; then exit 0; fi
fi
log=$(mktemp)
if ! { root_prefix apt-get update &&
  root_prefix env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"; } >"$log" 2>&1; then
  echo "could not install $package for $command:" >&2
  tail -5 "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
# A package can install without providing the command (another distribution packages it under
# another name or as a stub): say so rather than let the caller find out later.
hash -r
command -v "$command" >/dev/null 2>&1 || {
  echo "$package installed but $command is still missing" >&2
  exit 1
}
