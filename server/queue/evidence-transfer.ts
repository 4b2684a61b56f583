import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { replaceFile } from '../../common/replace-file.js';
import type { EvidenceFile } from './jobs.js';

/** Every screenshot and page text a worker's EvidenceSink wrote for one site (`<dir>/<site>/<name>.jpg`, `<dir>/<site>/text/<name>.json.gz`). */
export async function packEvidence(dir: string, siteId: string): Promise<EvidenceFile[]> {
  const files = async (sub: string) =>
    ((await readdir(join(dir, sub), { withFileTypes: true }).catch(() => [])) as Dirent[]).filter((e) => e.isFile()).map((e) => `${sub}/${e.name}`);
  const paths = [...(await files(siteId)), ...(await files(`${siteId}/text`))].sort();
  return Promise.all(paths.map(async (path) => ({ path, base64: (await readFile(join(dir, path))).toString('base64') })));
}

/** Screenshot and page-text paths as EvidenceSink names them; anything else in a message is refused, never written. */
export const evidencePath = /^[a-z0-9-]+\/(?:[0-9a-f]{16}\.jpg|text\/[0-9a-f]{16}\.json\.gz)$/;

/** Writes a site's screenshots under the run's evidence folder, where the reports and the web app look. */
export async function unpackEvidence(evidenceDir: string, siteId: string, files: EvidenceFile[]): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    if (!evidencePath.test(file.path) || !file.path.startsWith(`${siteId}/`)) continue;
    const data = Buffer.from(file.base64, 'base64');
    await mkdir(dirname(join(evidenceDir, file.path)), { recursive: true });
    await replaceFile(join(evidenceDir, file.path), data);
    bytes += data.length;
  }
  return bytes;
}
