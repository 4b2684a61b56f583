import type { ServicesObservation } from './collect/services-pages.js';
import { matches, taxonomy } from './lib/taxonomy.js';

/** 办事服务: the 办事指南's 8 element classes across the sampled guides, attachments, online handling. */
export const meta = { id: 'services', version: '1', needs: ['services'] } as const;

export interface ServicesOptions {
  /** A page counts as a 办事指南 when it names at least this many element classes. */
  minElementsForGuide: number;
}

export const defaultServicesOptions: ServicesOptions = { minElementsForGuide: 3 };

export interface ServicesMeasurement {
  /** A 办事服务 section with real guides was found (a menu named 政务服务 over news lists is not one). */
  found: boolean;
  url: string | null;
  guidesListed: number;
  guides: Array<{ url: string; title: string; present: string[]; missing: string[] }>;
  /** Classes missing in any sampled guide, each once (INDICATORS.md D10). */
  missingClasses: string[];
  attachments: number;
  brokenAttachments: Array<{ url: string; foundOn: string[]; result: string }>;
  onlineLinks: number;
  unreachableOnline: Array<{ url: string; foundOn: string[]; result: string }>;
  /** The numbers indicator sets score (source paths services.counts.*). */
  counts: { notFound: number; missingClasses: number; brokenAttachments: number; unreachableOnline: number };
}

export function evaluateServices(observed: ServicesObservation | null, options: ServicesOptions = defaultServicesOptions): ServicesMeasurement {
  const classes = taxonomy().services.elements;
  const names = Object.keys(classes);
  const guides = (observed?.guides ?? [])
    .map((g) => {
      const present = names.filter((name) => named(g.labels, g.text, classes[name]!));
      return { url: g.url, title: g.title, present, missing: names.filter((n) => !present.includes(n)) };
    })
    .filter((g) => g.present.length >= options.minElementsForGuide);
  const checked = observed?.checked ?? [];
  const attachments = checked.filter((c) => c.kind === 'attachment');
  const online = checked.filter((c) => c.kind === 'link');
  const guideUrls = new Set(guides.map((g) => g.url));
  const fromGuides = (c: (typeof checked)[number]) => c.foundOn.some((u) => guideUrls.has(u));
  const missingClasses = names.filter((n) => guides.some((g) => g.missing.includes(n)));
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
    counts: { notFound: guides.length ? 0 : 1, missingClasses: missingClasses.length, brokenAttachments: brokenAttachments.length, unreachableOnline: unreachableOnline.length },
  };
}

/** A class is named by a label cell (th, dt, strong …) or at the start of a line ("办理时间：…"). */
function named(labels: string[], text: string, terms: string[]): boolean {
  if (labels.some((l) => matches(l, terms))) return true;
  return text.split('\n').some((line) => /^[\s\d.、（）()一二三四五六七八九十]*[\u4e00-\u9fa5]{2,8}[：:]/.test(line) && matches(line.slice(0, 14), terms));
}
