import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

// test/support/ensure-apt-tool.sh installs xmllint and chromium before the suite, as root here and
// through password-less sudo on GitHub's hosted runners. Neither GitHub nor a non-root user can be
// had in this test run, so each branch runs against stand-ins on a PATH of their own: `id` prints
// the uid a case sets, `sudo` runs its command as uid 0 (or refuses, as sudo asking for a password
// does), and `apt-get` records who ran it and installs the tool as a script on that PATH.

const SCRIPT = join(ROOT, 'test', 'support', 'ensure-apt-tool.sh');
const TOOL = 'cliffless-stand-in-tool';
const work = mkdtempSync(join(tmpdir(), 'cliffless-apt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real programs the script and the stand-ins need, found once on the test's own PATH. */
const REAL = spawnSync('bash', ['-c', 'type -P bash env flock mktemp tail rm chmod printf true'], {
  encoding: 'utf8',
})
  .stdout.trim()
  .split('\n');

const STANDINS = {
  id: '#!/bin/bash\n[ "$1" = -u ] && echo "$FAKE_UID"\n',
  sudo: `#!/bin/bash
echo "sudo $*" >>"$CALLS"
[ "$SUDO_MODE" = password ] && { echo "sudo: a password is required" >&2; exit 1; }
[ "$1" = -n ] && shift
FAKE_UID=0 exec "$@"
`,
  'apt-get': `#!/bin/bash
echo "apt-get $* uid=$FAKE_UID frontend=\${DEBIAN_FRONTEND:-}" >>"$CALLS"
[ "$FAKE_UID" = 0 ] || { echo "E: Could not open lock file - open (13: Permission denied)" >&2; exit 100; }
[ "$1" = install ] || exit 0
[ "$APT_MODE" = fail ] && { echo "E: Unable to locate package $*" >&2; exit 100; }
[ "$APT_MODE" = empty ] && exit 0
printf '#!/bin/bash\\n' >"$BIN/${TOOL}" && chmod +x "$BIN/${TOOL}"
`,
};

interface Case {
  uid?: number;
  sudo?: 'none' | 'passwordless' | 'password';
  apt?: 'ok' | 'fail' | 'empty' | 'none';
  installed?: boolean;
}

let caseNumber = 0;
/** Runs the script for TOOL in a fresh stand-in world; returns its exit code, stderr and the calls made. */
function ensure({ uid = 1001, sudo = 'none', apt = 'ok', installed = false }: Case, script = SCRIPT) {
  const dir = join(work, String(caseNumber++));
  const bin = join(dir, 'bin');
  const calls = join(dir, 'calls');
  mkdirSync(bin, { recursive: true });
  for (const real of REAL) symlinkSync(real, join(bin, basename(real)));
  const write = (name: string, text: string) => {
    writeFileSync(join(bin, name), text);
    chmodSync(join(bin, name), 0o755);
  };
  write('id', STANDINS.id);
  if (sudo !== 'none') write('sudo', STANDINS.sudo);
  if (apt !== 'none') write('apt-get', STANDINS['apt-get']);
  if (installed) write(TOOL, '#!/bin/bash\n');
  writeFileSync(calls, '');
  const result = spawnSync(join(bin, 'bash'), [script, TOOL, 'stand-in-package'], {
    encoding: 'utf8',
    env: {
      PATH: bin,
      TMPDIR: dir,
      BIN: bin,
      CALLS: calls,
      FAKE_UID: String(uid),
      SUDO_MODE: sudo,
      APT_MODE: apt,
    },
  });
  return {
    code: result.status,
    stderr: result.stderr,
    calls: readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean),
    tool: existsSync(join(bin, TOOL)),
  };
}

describe('ensure-apt-tool.sh', () => {
  it('does nothing when the command is there (no apt-get, no sudo)', () => {
    const run = ensure({ installed: true, sudo: 'passwordless' });
    expect(run).toMatchObject({ code: 0, calls: [] });
  });

  it('as root, with no sudo at all, runs apt-get itself', () => {
    const run = ensure({ uid: 0, sudo: 'none' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.tool).toBe(true);
    expect(run.calls).toEqual([
      'apt-get update uid=0 frontend=',
      'apt-get install -y --no-install-recommends stand-in-package uid=0 frontend=noninteractive',
    ]);
  });

  it('as root, never goes through sudo even where it exists', () => {
    const run = ensure({ uid: 0, sudo: 'passwordless' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.calls.filter((call) => call.startsWith('sudo'))).toEqual([]);
  });

  it('not root, with password-less sudo (GitHub hosted runners), installs through sudo -n', () => {
    const run = ensure({ uid: 1001, sudo: 'passwordless' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.tool).toBe(true);
    expect(run.calls).toEqual([
      'sudo -n true',
      'sudo -n apt-get update',
      'apt-get update uid=0 frontend=',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends stand-in-package',
      'apt-get install -y --no-install-recommends stand-in-package uid=0 frontend=noninteractive',
    ]);
  });

  it('the stand-ins catch a script that forgets sudo when not root (the check can fail)', () => {
    const forgetful = join(work, 'forgets-sudo.sh');
    const text = readFileSync(SCRIPT, 'utf8');
    expect(text).toContain('as_root=(sudo -n)');
    writeFileSync(forgetful, text.replace('as_root=(sudo -n)', 'as_root=()'));
    const run = ensure({ uid: 1001, sudo: 'passwordless' }, forgetful);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Permission denied');
  });

  it('not root and no sudo: exit 1 saying so, apt-get never run', () => {
    const run = ensure({ uid: 1001, sudo: 'none' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not root and there is no sudo; as root, run: apt-get install -y stand-in-package');
    expect(run.calls).toEqual([]);
  });

  it('not root and sudo asks for a password: exit 1 saying so, never waits for one', () => {
    const run = ensure({ uid: 1001, sudo: 'password' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sudo asks for a password; run: sudo apt-get install -y stand-in-package');
    expect(run.calls).toEqual(['sudo -n true']);
  });

  it('no apt-get: exit 1 naming the package', () => {
    const run = ensure({ uid: 0, apt: 'none' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('there is no apt-get to install stand-in-package');
  });

  it('a failed install: exit 1 with the end of apt-get output', () => {
    const run = ensure({ uid: 0, apt: 'fail' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not install stand-in-package');
    expect(run.stderr).toContain('E: Unable to locate package');
  });

  it('a package that installs without the command: exit 1, not a silent pass', () => {
    const run = ensure({ uid: 0, apt: 'empty' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stand-in-package installed but cliffless-stand-in-tool is still missing');
  });

  it('a wrong number of arguments is a usage error, exit 2', () => {
    const result = spawnSync('bash', [SCRIPT, TOOL], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: ensure-apt-tool.sh COMMAND DEBIAN_PACKAGE');
  });
});
