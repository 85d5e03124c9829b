// Runs `npm ci` only when node_modules is missing or older than package-lock.json.
//
// Maven calls this before every build; reinstalling 50 packages each time would cost more
// than the build itself. npm writes node_modules/.package-lock.json at the end of every
// install, so its time says when node_modules last matched the lock file.
//
// Usage: node scripts/ensure-deps.mjs [npm executable, default "npm"]
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const moduleDir = fileURLToPath(new URL('..', import.meta.url));
const npm = process.argv[2] ?? 'npm';

function modifiedAt(relativePath) {
  try {
    return statSync(new URL(`../${relativePath}`, import.meta.url)).mtimeMs;
  } catch {
    return undefined;
  }
}

const lockChanged = modifiedAt('package-lock.json');
const installed = modifiedAt('node_modules/.package-lock.json');
if (lockChanged === undefined) {
  console.error('web: package-lock.json is missing; run `npm install` in web/ and commit the lock file.');
  process.exit(1);
}
if (installed !== undefined && installed >= lockChanged) {
  console.log('web: node_modules matches package-lock.json; skipping npm ci.');
  process.exit(0);
}

console.log(`web: ${installed === undefined ? 'node_modules is missing' : 'package-lock.json changed'}; running npm ci.`);
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: moduleDir, stdio: 'inherit' });
if (result.error) {
  console.error(`web: could not run "${npm}": ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
