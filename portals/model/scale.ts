import type { PortalProfile } from './assemble.js';
import { sampleProfiles } from './profiles/index.js';

/**
 * Profiles for the benchmark set: `count` portals cycling through the six sample families, each with
 * its column sizes scaled so that the portal has about `pagesPerPortal` crawlable pages.
 */
export function scaledProfiles(count: number, pagesPerPortal: number): PortalProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const base = sampleProfiles[i % sampleProfiles.length]!;
    const items = base.columns.reduce((n, c) => n + c.count, 0);
    // Articles dominate; list pages, disclosure, mailbox and furniture pages make up roughly 25 % more.
    const factor = Math.max(0.2, (pagesPerPortal * 0.85) / Math.max(1, items));
    const n = String(i + 1).padStart(3, '0');
    return {
      ...base,
      id: `${base.id}-${n}`,
      name: `${base.name}（样例${n}）`,
      siteIdCode: base.siteIdCode.slice(0, 7) + n,
      columns: base.columns.map((c) => ({ ...c, count: c.state === 'blank' ? 0 : Math.max(1, Math.round(c.count * factor)) })),
    };
  });
}
