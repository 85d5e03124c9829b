// Removes every web address from package-lock.json after `npm install` changed it.
//
// npm here writes no download addresses ("resolved"), but it still copies each package's
// "funding" links into the lock file. The repository must name no outside host, and
// `npm ci` does not need those links, so this drops them. Run it after any dependency change:
//   npm install <pkg>@<exact version> && node scripts/clean-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lockPath = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));

for (const entry of Object.values(lock.packages ?? {})) {
  delete entry.funding;
  delete entry.resolved;
}

const text = `${JSON.stringify(lock, null, 2)}\n`;
const leftover = text.match(/"resolved"|https?:\/\/\S*/);
if (leftover) {
  console.error(`package-lock.json still names an address: ${leftover[0]}`);
  process.exit(1);
}
writeFileSync(lockPath, text);
console.log('package-lock.json holds no web addresses.');
