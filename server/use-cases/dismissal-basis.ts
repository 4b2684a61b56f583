import type { PageTextRef } from '../../evaluators/collect/page-texts.js';
import { urlSubject } from '../../evaluators/lib/finding-subject.js';
import type { Finding, FindingDismissal, SiteDismissals } from '../../indicators/engine.js';
import type { RunRow, Store } from '../store/store.js';

/**
 * Whether a reviewer's dismissal (server/use-cases/dismissals.ts) holds in a run: the content hash of the page the
 * finding rests on, kept when it was dismissed, against the same page's hash in this run.
 */

/** A page's content hash as the run kept it: the sha256 of its text when kept (`text:`), else of its markup (`html:`). */
export type PageHashes = (url: string) => { text: string | null; html: string | null } | null;

/** `kept`: the site's text references when the caller has read its observations already. */
export function pageHashes(store: Store, runId: string, siteId: string, kept?: PageTextRef[]): PageHashes {
  const texts = new Map<string, string>();
  for (const t of kept ?? store.observations(runId, siteId).texts ?? []) if (t.kind === 'page') texts.set(urlSubject(t.url), t.sha256);
  const html = new Map<string, string>();
  for (const p of store.pageHashes(runId, siteId)) for (const u of [p.finalUrl, p.url]) if (u) html.set(urlSubject(u), p.hash);
  return (url) => {
    const at = urlSubject(url);
    const found = { text: texts.get(at) ?? null, html: html.get(at) ?? null };
    return found.text || found.html ? found : null;
  };
}

/** The basis kept with a dismissal: the page the finding names and its hash in that run, or nothing. */
export function basisOf(hashes: PageHashes, finding: Pick<Finding, 'url'>): { url: string | null; hash: string | null } {
  const found = finding.url ? hashes(finding.url) : null;
  if (!found) return { url: null, hash: null };
  return { url: finding.url, hash: found.text ? `text:${found.text}` : `html:${found.html}` };
}

/**
 * Whether a dismissal made in `made` speaks for `run`: the same run or a later one, by evaluation date, then
 * creation (runs created in the same millisecond by id, so that the order is total).
 */
export function speaksFor(made: RunRow | null, run: RunRow): boolean {
  if (!made) return false;
  const order = made.asOf.localeCompare(run.asOf) || made.createdAt.localeCompare(run.createdAt) || made.id.localeCompare(run.id);
  return order <= 0;
}

/** The site's dismissals as they stand in this run, for the scoring engine: in force, or lapsed with why. */
export function siteDismissals(store: Store, run: RunRow, siteId: string, texts?: PageTextRef[]): SiteDismissals {
  const active = store.dismissals.active(siteId);
  const out = new Map<string, Map<string, FindingDismissal>>();
  if (!active.size) return out;
  const hashes = pageHashes(store, run.id, siteId, texts);
  const runs = new Map<string, RunRow | null>();
  for (const d of active.values()) {
    if (!runs.has(d.runId)) runs.set(d.runId, store.getRun(d.runId));
    if (!speaksFor(runs.get(d.runId)!, run)) continue;
    const [, indicator, ...rest] = d.key.split('/');
    if (!indicator || !rest.length) continue;
    const dismissal: FindingDismissal = { id: d.id, kind: d.kind, reason: d.reason, by: d.by, at: d.at, runId: d.runId };
    const lapsed = d.basisUrl && d.basisHash ? lapse(hashes(d.basisUrl), d.basisHash) : null;
    if (lapsed) dismissal.lapsed = lapsed;
    const byIndicator = out.get(indicator) ?? new Map<string, FindingDismissal>();
    byIndicator.set(rest.join('/'), dismissal);
    out.set(indicator, byIndicator);
  }
  return out;
}

/** Null while the page reads as when dismissed; otherwise why the dismissal no longer holds. */
function lapse(now: ReturnType<PageHashes>, basis: string): FindingDismissal['lapsed'] | null {
  const [kind, hash] = basis.split(':') as ['text' | 'html', string];
  const current = now?.[kind] ?? null;
  if (!current) return 'page-not-read';
  return current === hash ? null : 'page-changed';
}
