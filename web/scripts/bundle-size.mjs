// The UI's weight budget: all JS and CSS of a build, gzipped, must stay under
// 400 KB (the limit; ntopng ships several MB). Prints the figure.
// Usage: node scripts/bundle-size.mjs DIST_DIR [LIMIT_KB]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, limitArg] = process.argv.slice(2);
if (!dist) {
  console.error('usage: bundle-size.mjs DIST_DIR [LIMIT_KB]');
  process.exit(2);
}
const limit = Number(limitArg ?? 400) * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let raw = 0;
let gz = 0;
const assets = files(dist).filter((p) => /\.(js|css)$/.test(p));
for (const p of assets) {
  const data = readFileSync(p);
  raw += data.length;
  gz += gzipSync(data, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`UI JS+CSS: ${assets.length} files, ${kb(raw)} KB, ${kb(gz)} KB gzipped (limit ${kb(limit)} KB)`);
if (!assets.length) {
  console.error('no JS or CSS found: is this a build directory?');
  process.exit(1);
}
process.exit(gz <= limit ? 0 : 1);
