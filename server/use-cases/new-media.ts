/**
 * The new-media register of a run: read from the file the command line or the sites file names, checked
 * against the sites file, and stored with the sites' observations, so that re-scoring and reports need
 * neither the table nor a crawl.
 */
import { dirname, resolve } from 'node:path';

import { UsageError } from '../../common/usage-error.js';
import { loadSitesFile } from '../config/sites-file.js';
import { type NewMediaRegister, readNewMediaRegister } from '../import/new-media-register.js';
import type { RunRow, Store } from '../store/store.js';

/** The register of an assess command: `--new-media FILE` (relative to the cwd), else the sites file's `newMedia:` (relative to it). */
export async function planNewMedia(options: { sitesFile: string; newMedia?: string }): Promise<NewMediaRegister | null> {
  // Every site of the file, not only a sample's: a row for a site left out of the sample is no mistake.
  const sites = loadSitesFile(options.sitesFile);
  const file = options.newMedia ?? (sites.newMedia ? resolve(dirname(options.sitesFile), sites.newMedia) : null);
  return file ? readNewMediaRegister(file, sites.sites) : null;
}

/** Stores the register with the run; a published run keeps the register it was published with. */
export function storeNewMedia(store: Store, run: RunRow, register: NewMediaRegister): void {
  const recorded = (run.options['newMedia'] as { sha256?: string } | undefined)?.sha256;
  if (recorded === register.source.sha256) return;
  if (store.publications.isPublished(run.id))
    throw new UsageError(
      `${register.source.file}: 评估 ${run.id} 已发布，不能更换其政务新媒体登记表（已记录的登记表 sha256 ${recorded ?? '无'}）。` +
        ` / run ${run.id} is published: its new-media register cannot change; assess under another evaluation date or store.`,
    );
  store.saveNewMedia(run.id, {
    source: register.source,
    accounts: register.accounts,
    bySite: new Map([...register.bySite].map(([siteId, accounts]) => [siteId, { source: register.source, accounts }])),
  });
}
