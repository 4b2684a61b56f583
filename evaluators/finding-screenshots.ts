import type { EvaluatorFinding, FindingGroup, FindingsByGroup } from './registry/finding-groups.js';

/**
 * Findings about the homepage itself (its newest item, its layout on a phone, HTTPS, its 适老化 entry, its
 * search box): they name no page of their own, and the page they rest on is the homepage.
 */
const aboutTheHomepage: readonly FindingGroup[] = ['updateFrequency.homepage', 'identity.mobile', 'identity.https', 'identity.elderly', 'identity.search'];

/**
 * Findings whose page may show a personal number in full: a screenshot would re-publish it, so their evidence
 * is the masked quote alone.
 */
const neverPictured: readonly FindingGroup[] = ['textChecks.leaks', 'textChecks.flagged', 'textChecks.wording'];

/**
 * Gives each finding the page it rests on and that page's screenshot when the crawl took one: a finding about
 * the homepage points at the homepage; a finding on a page the crawl screenshotted (the homepage, a column's
 * first list page) carries that picture, so that a department sees what the assessor saw. A finding that sets
 * `screenshot: null` itself keeps none (the picture of its page would not show what it is about).
 */
export function withScreenshots(
  findings: FindingsByGroup,
  homepage: { url: string; screenshot: string | null } | null,
  shots: ReadonlyMap<string, string>,
): FindingsByGroup {
  const index = new Map(shots);
  if (homepage?.screenshot) index.set(homepage.url, homepage.screenshot);
  const out: FindingsByGroup = {};
  for (const [group, list] of Object.entries(findings) as Array<[FindingGroup, EvaluatorFinding[]]>) {
    out[group] = list.map((f) => {
      const url = f.url ?? (homepage && aboutTheHomepage.includes(group) ? homepage.url : null);
      const screenshot = neverPictured.includes(group) ? null : f.screenshot !== undefined ? f.screenshot : ((url ? index.get(url) : undefined) ?? null);
      return { ...f, url, screenshot };
    });
  }
  return out;
}
