// The folders whose files make up the shipped command: compiled and copied to dist/ by scripts/build.mjs,
// and compared with dist/.built by bin/govscore.js to tell whether the build is current.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const sourceDirs = ['common', 'server', 'evaluators', 'indicators', 'reports', 'portals'];

/** The newest modification time of any file under the source folders (about 250 files: a few ms). */
function newestSource(root) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of sourceDirs) walk(join(root, dir));
  return newest;
}

/** Whether dist/ was built after the last change to any source file (its stamp is written last). */
export function buildIsCurrent(root) {
  const built = statSync(join(root, 'dist', '.built'), { throwIfNoEntry: false });
  return !!built && built.mtimeMs >= newestSource(root);
}
