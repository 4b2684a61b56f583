import { fetchPage } from '../reader/fetch-page.js';
import { challengeCookie } from '../reader/waf.js';
import type { RunningPortal } from '../server/portal-set.js';
import type { PortalFigures } from './portal-figures.js';

/**
 * For each wrong measurement of a portal, the markup behind it while the portal is still served: the
 * page's path and a snippet around the row (or article date) that should have given the right answer.
 * Written for the developer fixing the page reader, so it names the skin, expected and got.
 */
export async function markupEvidence(portal: RunningPortal, f: PortalFigures): Promise<string[]> {
  const lines: string[] = [];
  const cookie = await challengeCookie(portal.url).catch(() => undefined);
  const snippet = async (url: string, needle: string): Promise<string> => {
    try {
      const page = await fetchPage(url, { cookie });
      const at = page.text.indexOf(needle);
      if (at < 0) return `(not in the served HTML: the rows are written by script)`;
      return (
        '`' +
        page.text
          .slice(Math.max(0, at - 90), at + needle.length + 260)
          .replace(/\s+/g, ' ')
          .replace(/`/g, "'") +
        '`'
      );
    } catch (e) {
      return `(could not fetch: ${(e as Error).message})`;
    }
  };
  const path = (u: string) => u.replace(/^https?:\/\/[^/]+/, '');
  if (f.failure) lines.push(`- **site failed**: ${f.failure}`);
  for (const m of f.columns.mismatches.slice(0, 8)) {
    const column = portal.truth.columns.find((c) => c.id === m.id)!;
    const newest = column.items.find((i) => i.date === column.latest) ?? column.items[0];
    const differs = m.got
      ? Object.keys(m.expected).filter((k) => JSON.stringify(m.expected[k as keyof typeof m.expected]) !== JSON.stringify(m.got![k as keyof typeof m.got]))
      : ['missing'];
    lines.push(
      `- column **${m.name}** \`${path(m.url)}\` (${differs.join(', ')}): expected ${JSON.stringify(m.expected)}, got ${m.got ? JSON.stringify(m.got) : 'not found as a column'}`,
    );
    if (!newest) continue;
    lines.push(`  - list markup: ${await snippet(m.url, path(newest.url))}`);
    if (newest.date && newest.shown.on !== 'list' && m.got?.latest !== m.expected.latest) {
      const needle = newest.date;
      lines.push(`  - article \`${path(newest.url)}\` (date ${newest.shown.on}): ${await snippet(newest.url, needle)}`);
    }
  }
  if (f.columns.mismatches.length > 8) lines.push(`- … ${f.columns.mismatches.length - 8} more wrong columns`);
  const extras = f.columns.wrong.filter((w) => w.startsWith('extra column'));
  if (extras.length)
    lines.push(
      `- ${extras.length} extra column(s) not in the truth: ${extras
        .slice(0, 4)
        .map((e) => '`' + path(e.split(' ').pop()!) + '`')
        .join(', ')}`,
    );
  if (!f.homepage.correct) {
    const home = portal.truth.columns.flatMap((c) => c.items).find((i) => i.date === portal.truth.homepage.latest);
    lines.push(`- homepage: expected ${JSON.stringify(f.homepage.expected)}, got ${JSON.stringify(f.homepage.got)}`);
    if (portal.truth.homepage.isNavigation) lines.push('  - a navigation homepage (tiles, no dated item): its freshness is that of its columns');
    else if (home) lines.push(`  - homepage markup: ${await snippet(portal.url, path(home.url))}`);
  }
  const v = f.vetoes;
  if (v.falseConfirmed.length || v.falseSuspected.length || v.missed.length) {
    lines.push(
      `- vetoes: expected [${v.expected.join(', ')}], confirmed [${v.confirmed.join(', ')}], suspected [${v.suspected.join(', ')}]${v.missed.length ? `, missed [${v.missed.join(', ')}]` : ''}`,
    );
    for (const r of v.reasons) lines.push(`  - ${r}`);
  }
  return lines;
}
