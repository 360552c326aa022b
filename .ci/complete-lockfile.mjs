#!/usr/bin/env node
// Usage: node .ci/complete-lockfile.mjs package-lock.json   (run after any npm install that rewrites the lock)
//
// This machine's npm registry serves only some platforms' builds of @biomejs/cli-* and
// @foundry-rs/forge-*; npm then leaves the others out of package-lock.json and `npm ci` rejects
// the lock as out of sync. The entries added here carry the real versions and os/cpu/libc
// constraints, so npm skips them on this platform and fetches them from the registry elsewhere.
import { readFileSync, writeFileSync } from 'node:fs';
const path = process.argv[2];
const lock = JSON.parse(readFileSync(path, 'utf8'));
const add = (name, version, os, cpu, extra = {}) => {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) return;
  lock.packages[key] = { version, cpu: [cpu], ...extra, optional: true, os: [os] };
};
const biome = { dev: true, license: 'MIT OR Apache-2.0', engines: { node: '>=14.21.3' } };
add('@biomejs/cli-android-arm64', '2.6.8', 'android', 'arm64', biome);
add('@biomejs/cli-android-x64', '2.6.8', 'android', 'x64', biome);
add('@biomejs/cli-darwin-arm64', '2.6.8', 'darwin', 'arm64', biome);
add('@biomejs/cli-darwin-x64', '2.6.8', 'darwin', 'x64', biome);
add('@biomejs/cli-linux-arm64-musl', '2.6.8', 'linux', 'arm64', { ...biome, libc: ['musl'] });
add('@biomejs/cli-linux-x64-musl', '2.6.8', 'linux', 'x64', { ...biome, libc: ['musl'] });
add('@biomejs/cli-win32-arm64', '2.6.8', 'win32', 'arm64', biome);
add('@biomejs/cli-win32-x64', '2.6.8', 'win32', 'x64', biome);
const forge = { license: 'MIT OR Apache-2.0' };
add('@foundry-rs/forge-darwin-amd64', '1.7.1', 'darwin', 'x64', forge);
add('@foundry-rs/forge-linux-arm64', '1.7.1', 'linux', 'arm64', forge);
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
