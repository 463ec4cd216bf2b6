// `npm start` serves the built web app: build it once if it is missing or older than its sources.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
const sources = ['web/src', 'web/locales', 'contracts'].map((d) => path.join(root, d)).filter(fs.existsSync);
const stale = !fs.existsSync(dist) || sources.some((d) => newest(d) > fs.statSync(dist).mtimeMs);
if (stale && fs.existsSync(path.join(root, 'web/vite.config.ts'))) {
  console.log('Building the web app…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { cwd: root, stdio: 'inherit' });
}
