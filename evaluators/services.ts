import type { UnreadPage } from './collect/observations.js';
import type { ServicesObservation } from './collect/services-pages.js';
import { GUIDE_MIN_CLASSES, guideElementClasses } from './lib/guide-elements.js';
import { taxonomy } from './lib/taxonomy.js';

/** 办事服务: the 办事指南's 8 element classes across the sampled guides, attachments, online handling. */
export const meta = { id: 'services', version: '1', needs: ['services'] } as const;

export interface ServicesOptions {
  /** A page counts as a 办事指南 when it names at least this many element classes. */
  minElementsForGuide: number;
}

export const defaultServicesOptions: ServicesOptions = { minElementsForGuide: GUIDE_MIN_CLASSES };

export interface ServicesMeasurement {
  /** A 办事服务 section with real guides was found (a menu named 政务服务 over news lists is not one). */
  found: boolean;
  url: string | null;
  guidesListed: number;
  guides: Array<{ url: string; title: string; present: string[]; missing: string[] }>;
  /** Classes missing in any sampled guide, each once (docs/indicators.md D10). */
  missingClasses: string[];
  attachments: number;
  brokenAttachments: Array<{ url: string; foundOn: string[]; result: string }>;
  onlineLinks: number;
  unreachableOnline: Array<{ url: string; foundOn: string[]; result: string }>;
  /**
   * The numbers indicator sets score (source paths services.counts.*). Without a guide there is nothing to
   * judge the elements, attachments and online links of: those are null (未能测量), not full marks.
   */
  counts: { notFound: number | null; missingClasses: number | null; brokenAttachments: number | null; unreachableOnline: number | null };
  /** No guide found while a page the section or its guides may be on could not be read, even on a second try: not measured. */
  unread: UnreadPage[];
}

export function evaluateServices(observed: ServicesObservation | null, options: ServicesOptions = defaultServicesOptions): ServicesMeasurement {
  const classes = taxonomy().services.elements;
  const names = Object.keys(classes);
  const guides = (observed?.guides ?? [])
    .map((g) => {
      const present = guideElementClasses(g.labels, g.text);
      return { url: g.url, title: g.title, present, missing: names.filter((n) => !present.includes(n)) };
    })
    .filter((g) => g.present.length >= options.minElementsForGuide);
  const checked = observed?.checked ?? [];
  const attachments = checked.filter((c) => c.kind === 'attachment');
  const online = checked.filter((c) => c.kind === 'link');
  const guideUrls = new Set(guides.map((g) => g.url));
  const fromGuides = (c: (typeof checked)[number]) => c.foundOn.some((u) => guideUrls.has(u));
  const missingClasses = names.filter((n) => guides.some((g) => g.missing.includes(n)));
  const unread = guides.length ? [] : (observed?.searched?.unread ?? []);
  const brokenAttachments = attachments.filter((c) => fromGuides(c) && c.broken).map((c) => ({ url: c.url, foundOn: c.foundOn, result: c.result }));
  const unreachableOnline = online.filter((c) => fromGuides(c) && c.broken).map((c) => ({ url: c.url, foundOn: c.foundOn, result: c.result }));
  return {
    found: guides.length > 0,
    url: observed?.entry?.href ?? null,
    guidesListed: observed?.guidesListed ?? 0,
    guides,
    missingClasses,
    attachments: attachments.filter(fromGuides).length,
    brokenAttachments,
    onlineLinks: online.filter(fromGuides).length,
    unreachableOnline,
    counts: guides.length
      ? { notFound: 0, missingClasses: missingClasses.length, brokenAttachments: brokenAttachments.length, unreachableOnline: unreachableOnline.length }
      : { notFound: unread.length ? null : 1, missingClasses: null, brokenAttachments: null, unreachableOnline: null },
    unread,
  };
}
