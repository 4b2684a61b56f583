import { assemblePortal } from '../../../../portals/model/assemble.js';
import { sampleProfiles } from '../../../../portals/model/profiles/index.js';
import { type PortalTruth, portalTruth } from '../../../../portals/model/truth.js';
import { RenderContext } from '../../../../portals/render/context.js';
import { portalRoutes } from '../../../../portals/render/routes.js';

/**
 * One sample-portal family built in memory for its smoke file: the model, its truth and its pages as the
 * server would answer them (no server, no browser). The smoke files hold the truth to what the family's
 * profile and portals/README.md promise, written out by hand, and the pages to the truth.
 */
export const asOf = '2026-11-21';
export const origins = { portal: 'http://portal.test', interaction: 'http://platform.test', dead: 'http://dead.test' };

export interface Family {
  truth: PortalTruth;
  /** A page of the portal by its path (with its query), as the server answers it; throws on an unknown path. */
  page(path: string): { status: number; body: string; headers?: Record<string, string> };
  column(id: string): PortalTruth['columns'][number];
  /** The ids of the columns the truth calls stale, and blank. */
  stale: string[];
  blank: string[];
}

export function family(id: string, seed = 'smoke'): Family {
  const profile = sampleProfiles.find((p) => p.id === id);
  if (!profile) throw new Error(`no sample portal family ${id}`);
  const portal = assemblePortal(profile, seed, asOf);
  const truth = portalTruth(portal, origins);
  const routes = portalRoutes(new RenderContext(portal, origins));
  return {
    truth,
    page(path) {
      const [route, query = ''] = path.replace(origins.portal, '').split('?') as [string, string?];
      const handler = routes.get(route);
      if (!handler) throw new Error(`${id}: no page ${route}`);
      const reply = handler(new URLSearchParams(query));
      return { status: reply.status, body: typeof reply.body === 'string' ? reply.body : reply.body.toString('utf8'), headers: reply.headers };
    },
    column(columnId) {
      const column = truth.columns.find((c) => c.id === columnId);
      if (!column) throw new Error(`${id}: no column ${columnId}`);
      return column;
    },
    stale: truth.columns.filter((c) => c.stale).map((c) => c.id),
    blank: truth.columns.filter((c) => c.blank).map((c) => c.id),
  };
}

/** Whole days from `date` to the evaluation date, counted independently of the model's date helpers. */
export const ageDays = (date: string): number => Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);

/** An ISO date written as 2026年11月03日 (padded) or 2026年11月3日. */
export function chineseDate(date: string, padded: boolean): string {
  const [y, m, d] = date.split('-');
  return padded ? `${y}年${m}月${d}日` : `${y}年${Number(m)}月${Number(d)}日`;
}
