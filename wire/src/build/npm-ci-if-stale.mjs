// Runs `npm ci` only when wire/node_modules is missing or was installed from another lock file.
//
// `npm ci` always deletes node_modules and installs afresh, which costs seconds on every
// build. A stamp in node_modules records the hash of the package and lock files that
// were installed; the install is repeated only when that hash changes.
// Usage: node src/build/npm-ci-if-stale.mjs [npm executable]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const moduleDir = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.argv[2] ?? 'npm';
const stampPath = join(moduleDir, 'node_modules', '.slipstream-install-stamp');

const hash = createHash('sha256');
for (const name of ['package.json', 'package-lock.json']) {
  hash.update(name).update('\0').update(readFileSync(join(moduleDir, name))).update('\0');
}
hash.update(process.version);
const wanted = hash.digest('hex');

if (existsSync(stampPath) && readFileSync(stampPath, 'utf8').trim() === wanted) {
  console.log('wire/node_modules matches package-lock.json; skipping npm ci.');
  process.exit(0);
}

console.log('wire/node_modules is missing or stale; running npm ci.');
const result = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: moduleDir,
  stdio: 'inherit',
});
if (result.error) {
  console.error(`Could not start "${npm}": ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`npm ci failed with exit code ${result.status}.`);
  process.exit(result.status ?? 1);
}
writeFileSync(stampPath, `${wanted}\n`);
