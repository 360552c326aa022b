import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The flags of a headless Chromium that reaches nothing outside the page it is given. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens a local HTML file in a real headless Chromium (a fresh profile each time) and returns the
 * DOM after the page's scripts ran and a screenshot's path (in `shots`, a temporary folder of the
 * test run: screenshots are never committed).
 */
export function renderInChromium(
  file: string,
  shots: string,
  name: string,
): { dom: string; screenshot: string; png: Buffer } {
  const profile = mkdtempSync(join(tmpdir(), 'cliffless-chromium-'));
  try {
    const url = pathToFileURL(file).href;
    const run = (extra: string[]) =>
      spawnSync('chromium', [...FLAGS, `--user-data-dir=${profile}`, ...extra, url], {
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      });
    const dom = run(['--dump-dom']);
    if (dom.status !== 0) throw new Error(`chromium --dump-dom failed: ${dom.stderr}`);
    const screenshot = join(shots, `${name}.png`);
    const shot = run(['--window-size=1200,1400', `--screenshot=${screenshot}`]);
    if (shot.status !== 0) throw new Error(`chromium --screenshot failed: ${shot.stderr}`);
    return { dom: dom.stdout, screenshot, png: readFileSync(screenshot) };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
