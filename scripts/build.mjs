// npm run build (also run by npm install): compiles the shipped TypeScript to dist/ and copies the files
// it reads at run time (in-page scripts, presets, templates, web assets) beside the compiled modules, so
// `bin/govscore.js` starts without compiling anything. Development may skip it: the command falls back
// to tsx when dist/ is missing or older than the sources (bin/govscore.js).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildIsCurrent, sourceDirs } from '../bin/source-dirs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// --if-stale (npm test): nothing to do when dist/ is newer than every source, as right after npm install.
if (process.argv.includes('--if-stale') && buildIsCurrent(root)) {
  console.log('govscore: dist/ is current, not rebuilt');
  process.exit(0);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

let copied = 0;
for (const dir of sourceDirs) {
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.ts') && !entry.name.endsWith('.md')) {
        const target = join(root, 'dist', relative(root, path));
        mkdirSync(dirname(target), { recursive: true });
        cpSync(path, target);
        copied++;
      }
    }
  };
  if (statSync(join(root, dir), { throwIfNoEntry: false })?.isDirectory()) walk(join(root, dir));
}
// The stamp the command compares with the sources' times: written last, after everything is in place.
writeFileSync(join(root, 'dist', '.built'), new Date().toISOString() + '\n');
console.log(`govscore built to dist/ (${copied} run-time files copied)`);
