import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli.ts';

/**
 * Makes a Debian tool available for a test (installing its package when missing, as
 * `test/support/ensure-apt-tool.sh` does) and returns undefined, or the reason it cannot be had:
 * the test then skips with that reason printed, never passes without checking.
 */
export function ensureTool(command: string, debianPackage: string): string | undefined {
  const result = spawnSync('bash', [join(ROOT, 'test', 'support', 'ensure-apt-tool.sh'), command, debianPackage], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status === 0) return undefined;
  const reason = `${command} (Debian ${debianPackage}) is not available: ${(result.stderr || String(result.error)).trim()}`;
  process.stderr.write(`SKIPPED: ${reason}\n`);
  return reason;
}

/** The JUnit schema CI tools accept (Jenkins' junit-10.xsd; see the file's header). */
export const JUNIT_XSD = join(ROOT, 'test', 'fixtures', 'junit', 'junit-10.xsd');

/** Validates an XML file against an XSD with xmllint: ok, and xmllint's messages. */
export function validateXml(file: string, xsd: string = JUNIT_XSD): { ok: boolean; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
